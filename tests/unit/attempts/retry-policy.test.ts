// The attempt page's retry policy (lib/attempts/client.ts): which answers are worth sending
// again, and how long it waits before each try.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isTransient, MAX_RETRY_WAIT_MS, retryWaitMs } from "@/lib/attempts/client";

describe("isTransient", () => {
  it("retries a gateway error, an unavailable server and a gateway timeout (RFC 9110 §15.6.3–15.6.5)", () => {
    expect([502, 503, 504].map(isTransient)).toEqual([true, true, true]);
  });
  it("takes every other answer as the server's word: refusals, conflicts, a server error", () => {
    expect([200, 400, 401, 403, 404, 409, 413, 422, 429, 500, 501].filter(isTransient)).toEqual([]);
  });
});

describe("retryWaitMs", () => {
  const none = () => 0;
  it("doubles from one second while the server names no wait", () => {
    expect([0, 1, 2, 3, 4].map((n) => retryWaitMs(n, null, none))).toEqual([1000, 2000, 4000, 8000, 16000]);
  });
  it("never waits more than half a minute, however many tries failed", () => {
    expect(retryWaitMs(10, null, none)).toBe(30_000);
    expect(retryWaitMs(60, null, () => 0.99)).toBe(30_000);
  });
  it("waits as long as Retry-After asks when that is longer (RFC 9110 §10.2.3), still capped", () => {
    expect(retryWaitMs(0, "5", none)).toBe(5000);
    expect(retryWaitMs(0, " 7 ", none)).toBe(7000);
    expect(retryWaitMs(3, "2", none)).toBe(8000);
    expect(retryWaitMs(0, "3600", none)).toBe(30_000);
  });
  it("ignores a Retry-After that is a date or not a number", () => {
    expect(retryWaitMs(0, "Wed, 21 Oct 2026 07:28:00 GMT", none)).toBe(1000);
    expect(retryWaitMs(1, "-5", none)).toBe(2000);
    expect(retryWaitMs(1, "", none)).toBe(2000);
  });
  it("spreads a class's retries over a quarter more than the base wait, within the cap", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }), fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (attempt, r) => {
        const base = Math.min(MAX_RETRY_WAIT_MS, 1000 * 2 ** attempt);
        const wait = retryWaitMs(attempt, null, () => r);
        expect(wait).toBeGreaterThanOrEqual(base);
        expect(wait).toBeLessThanOrEqual(Math.min(MAX_RETRY_WAIT_MS, base * 1.25));
      }),
    );
  });
});
