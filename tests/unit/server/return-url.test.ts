// After signing in, only a path on the app's own origin is followed; everything that a browser
// would resolve to another host (or that cannot be a Location header) falls back to "/".
import { describe, expect, it } from "vitest";
import { MAX_RETURN_URL_LENGTH, safeReturnUrl } from "@/lib/auth/return-url";

const ORIGIN = "http://localhost:3000";

/** Where a browser ends up when the server answers Location: `location` on ORIGIN. */
function browserLandsOn(location: string): string {
  return new URL(location, ORIGIN).origin;
}

describe("safeReturnUrl", () => {
  const refused: [string, unknown][] = [
    ["a tab after the slash (browsers strip it: //evil.example)", "/\t/evil.example"],
    ["a newline after the slash", "/\n/evil.example"],
    ["a carriage return after the slash", "/\r/evil.example"],
    ["a newline inside a path (an invalid Location header)", "/courses\n/x"],
    ["a NUL byte", "/a\u0000b"],
    ["DEL", "/a\u007fb"],
    ["a backslash after the slash (read as /)", "/\\evil.example"],
    ["a backslash later in the path", "/a/..\\..\\/evil.example"],
    ["protocol-relative", "//evil.example"],
    ["protocol-relative with a path", "//evil.example/login"],
    ["a dot segment that leaves //evil", "/.//evil.example"],
    ["a double dot segment that leaves //evil", "/../..//evil.example"],
    ["javascript:", "javascript:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["an absolute URL to another host", "https://evil.example/"],
    ["an absolute URL to this host (not a path)", "http://localhost:3000/"],
    ["a relative path without a slash", "evil.example"],
    ["empty", ""],
    ["not a string", ["/a", "/b"]],
    ["undefined", undefined],
    ["longer than the limit", `/${"a".repeat(MAX_RETURN_URL_LENGTH)}`],
  ];
  for (const [what, next] of refused) {
    it(`refuses ${what}`, () => {
      expect(safeReturnUrl(next, "/", ORIGIN)).toBe("/");
    });
  }

  const kept: [string, string, string][] = [
    ["a plain path", "/courses/abc", "/courses/abc"],
    ["a path with a query and a fragment", "/practice?topic=open#q2", "/practice?topic=open#q2"],
    ["an encoded slash, which stays encoded (a path segment, not a host)", "/%2F/evil.example", "/%2F/evil.example"],
    ["an encoded tab, which stays encoded", "/%09/evil.example", "/%09/evil.example"],
    ["an encoded backslash, which stays encoded", "/%5Cevil.example", "/%5Cevil.example"],
    ["non-ASCII, percent-encoded", "/kurs/ü", "/kurs/%C3%BC"],
    ["a space, percent-encoded", "/a b", "/a%20b"],
  ];
  for (const [what, next, expected] of kept) {
    it(`keeps ${what}`, () => {
      const result = safeReturnUrl(next, "/", ORIGIN);
      expect(result).toBe(expected);
      expect(browserLandsOn(result)).toBe(ORIGIN);
    });
  }

  it("answers only printable ASCII, so the redirect is always a valid header", () => {
    for (const next of ["/ä\u2028x", "/x#\u00e9", "/x?q=\u{1F600}"]) expect(safeReturnUrl(next, "/", ORIGIN)).toMatch(/^[\x21-\x7e]+$/);
  });
});
