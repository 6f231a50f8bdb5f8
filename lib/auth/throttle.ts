// Login rate limit: at most MAX_FAILURES failed sign-ins per WINDOW per account and per
// address; then "try again in N s". Counted in the database, so it holds across instances.
import type { Db } from "../db/client";

export const MAX_FAILURES = 10;
export const WINDOW_MS = 60_000;

export function throttleKeys(email: string, ip: string): string[] {
  return [`email:${email.trim().toLowerCase()}`, `ip:${ip}`];
}

/** Seconds until another try is allowed, or 0 when sign-in may go ahead. */
export async function retryAfterSeconds(db: Db, keys: string[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys } } });
  let wait = 0;
  for (const row of rows) {
    const ends = row.windowStart.getTime() + WINDOW_MS;
    if (row.failures >= MAX_FAILURES && ends > now.getTime()) wait = Math.max(wait, Math.ceil((ends - now.getTime()) / 1000));
  }
  return wait;
}

export async function recordFailure(db: Db, keys: string[], now = new Date()): Promise<void> {
  for (const key of keys) {
    await db.$transaction(async (tx) => {
      const row = await tx.loginThrottle.findUnique({ where: { key } });
      if (!row || row.windowStart.getTime() + WINDOW_MS <= now.getTime()) {
        await tx.loginThrottle.upsert({ where: { key }, create: { key, failures: 1, windowStart: now }, update: { failures: 1, windowStart: now } });
      } else {
        await tx.loginThrottle.update({ where: { key }, data: { failures: { increment: 1 } } });
      }
    });
  }
}

/** A successful sign-in clears the account's count (the address keeps its own). */
export async function recordSuccess(db: Db, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
