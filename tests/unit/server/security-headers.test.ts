// The page policy allows no inline script without this request's nonce, and no framing.
import { describe, expect, it } from "vitest";
import { commonSecurityHeaders, frameAncestorsFor, newNonce, pageCsp } from "@/lib/server/security-headers";

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(";").map(
      (d) =>
        d
          .trim()
          .split(/\s+(.*)/s)
          .slice(0, 2) as [string, string],
    ),
  );
}

describe("pageCsp", () => {
  const csp = directives(pageCsp({ nonce: "abc", frameAncestors: frameAncestorsFor("/admin"), https: false, dev: false }));
  it("allows scripts only with the nonce, never inline or eval", () => {
    expect(csp.get("script-src")).toContain("'nonce-abc'");
    expect(csp.get("script-src")).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
  it("forbids every frame ancestor", () => {
    expect(csp.get("frame-ancestors")).toBe("'none'");
  });
  it("upgrades requests only over https", () => {
    expect(csp.has("upgrade-insecure-requests")).toBe(false);
    expect(directives(pageCsp({ nonce: "n", frameAncestors: ["'none'"], https: true, dev: false })).has("upgrade-insecure-requests")).toBe(
      true,
    );
  });
});

describe("commonSecurityHeaders", () => {
  it("sends HSTS only over https", () => {
    expect(commonSecurityHeaders(false).map((h) => h.key)).toEqual(["X-Content-Type-Options", "Referrer-Policy"]);
    expect(commonSecurityHeaders(true).find((h) => h.key === "Strict-Transport-Security")?.value).toMatch(/^max-age=\d{8,}/);
  });
});

describe("newNonce", () => {
  it("is fresh each time and carries 128 bits", () => {
    const a = newNonce();
    expect(a).not.toBe(newNonce());
    expect(atob(a)).toHaveLength(16);
  });
});
