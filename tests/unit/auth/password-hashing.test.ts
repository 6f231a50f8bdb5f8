import { describe, expect, it, vi } from "vitest";

let running = 0;
let peak = 0;
vi.mock("better-auth/crypto", () => {
  const slow = async <T>(value: T) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((r) => setTimeout(r, 5));
    running--;
    return value;
  };
  return {
    hashPassword: (p: string) => slow(`hash:${p}`),
    verifyPassword: ({ hash, password }: { hash: string; password: string }) => slow(hash === `hash:${password}`),
  };
});

const { HASH_CONCURRENCY, HASH_QUEUE_MAX, hashPassword, verifyPassword } = await import("@/lib/auth/password-hashing");

describe("password hashing", () => {
  it(`runs at most ${HASH_CONCURRENCY} scrypt at once, however many sign-ins arrive`, async () => {
    const results = await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => hashPassword(`p${i}`)),
      ...Array.from({ length: 20 }, (_, i) => verifyPassword({ hash: `hash:p${i}`, password: i % 2 ? `p${i}` : "wrong" })),
    ]);
    expect(peak).toBe(HASH_CONCURRENCY);
    expect(results.slice(0, 2)).toEqual(["hash:p0", "hash:p1"]);
    expect(results.slice(20, 22)).toEqual([false, true]);
  });

  it("beyond the queue's bound, says 'busy, try again' (503) instead of queueing without end", async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: HASH_QUEUE_MAX + 5 }, (_, i) => hashPassword(`q${i}`)));
    const refused = outcomes.filter((o) => o.status === "rejected");
    expect(refused).toHaveLength(5);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({
      statusCode: 503,
      message: "Too many sign-ins at once. Try again in a few seconds.",
    });
  });
});
