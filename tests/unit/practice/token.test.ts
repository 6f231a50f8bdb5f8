import { describe, expect, it } from "vitest";
import { openToken, PRACTICE_TOKEN_MINUTES, sealVariant, TOKEN_EXPIRED, TOKEN_OTHER_VIEWER } from "@/lib/practice/token";
import { say } from "../attempts/say";

const SECRET = "unit-test-secret-0123456789abcdefghij";

describe("practice tokens", () => {
  it("carry the variant, the viewer, an expiry and an id of their own, sealed", () => {
    const now = new Date("2026-05-05T10:00:00.000Z");
    const a = sealVariant({ templateId: "handshake-states", seed: 42 }, "user-1", SECRET, now);
    const b = sealVariant({ templateId: "handshake-states", seed: 42 }, "user-1", SECRET, now);
    const opened = openToken(a, SECRET)!;
    expect(opened).toMatchObject({ templateId: "handshake-states", seed: 42, viewer: "user-1" });
    expect(opened.expiresAt.getTime() - now.getTime()).toBe(PRACTICE_TOKEN_MINUTES * 60_000);
    expect(opened.id).not.toBe(openToken(b, SECRET)!.id);
    expect(openToken(sealVariant({ templateId: "x", seed: 1 }, null, SECRET), SECRET)?.viewer).toBeNull();
    expect(a).not.toContain("handshake");
  });

  it("cannot be altered or read with another secret", () => {
    const token = sealVariant({ templateId: "handshake-states", seed: 42 }, "user-1", SECRET);
    expect(openToken(token, "another-secret-0123456789abcdefghijkl")).toBeNull();
    const flipped = Buffer.from(token, "base64url");
    flipped[flipped.length - 1] ^= 1;
    expect(openToken(flipped.toString("base64url"), SECRET)).toBeNull();
    expect(openToken("not a token at all", SECRET)).toBeNull();
  });

  it("that cannot be answered are explained in the reader's language", () => {
    expect(say(TOKEN_EXPIRED)).toBe("This practice question has expired. Load a new one.");
    expect(say(TOKEN_EXPIRED, "zh-CN")).toBe("这道练习题已过期。请加载一道新题。");
    expect(say(TOKEN_OTHER_VIEWER)).toBe(
      "This practice question was loaded for someone else, or before you signed in or out. Load a new one.",
    );
    expect(say(TOKEN_OTHER_VIEWER, "zh-CN")).toBe("这道练习题是为其他人加载的，或是在你登录或退出之前加载的。请加载一道新题。");
  });
});
