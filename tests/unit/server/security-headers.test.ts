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
  const csp = directives(
    pageCsp({ nonce: "abc", frameAncestors: frameAncestorsFor("/admin", ["https://canvas.uni.test"]), https: false, dev: false }),
  );
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

describe("frameAncestorsFor", () => {
  const lms = ["https://canvas.uni.test", "http://127.0.0.1:4100"];
  it("lets the registered LMS platforms frame the pages a launch opens", () => {
    for (const path of ["/courses/c1/quizzes/q1/start", "/courses/c1/attempts/a1", "/lti/open", "/login"])
      expect(frameAncestorsFor(path, lms)).toEqual(lms);
    expect(
      directives(pageCsp({ nonce: "n", frameAncestors: frameAncestorsFor("/lti/open", lms), https: false, dev: false })).get(
        "frame-ancestors",
      ),
    ).toBe("https://canvas.uni.test http://127.0.0.1:4100");
  });
  it("lets no one frame the administration or account pages, nor any page when no platform is registered", () => {
    for (const path of ["/admin", "/admin/lti", "/account", "/account/tokens"]) expect(frameAncestorsFor(path, lms)).toEqual(["'none'"]);
    expect(frameAncestorsFor("/courses/c1", [])).toEqual(["'none'"]);
  });
  it("never lets an origin add a directive of its own", () => {
    expect(frameAncestorsFor("/lti/open", ["https://a.test; script-src *", "https://b.test"])).toEqual(["https://b.test"]);
  });
  it("keeps the rest of the policy strict when framed", () => {
    const framed = directives(pageCsp({ nonce: "n", frameAncestors: lms, https: false, dev: false }));
    expect(framed.get("form-action")).toBe("'self'");
    expect(framed.get("object-src")).toBe("'none'");
    expect(framed.get("base-uri")).toBe("'none'");
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
