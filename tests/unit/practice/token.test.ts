import { describe, expect, it } from "vitest";
import { openToken, PRACTICE_TOKEN_MINUTES, sealVariant } from "@/lib/practice/token";

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
});
