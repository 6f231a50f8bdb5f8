// Login rate limit: at most MAX_FAILURES failed sign-ins per WINDOW per account and per
// address; then "try again in N s". Counted in the database, so it holds across instances.
import { sqlOf, type Db } from "../db/client";

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

/**
 * Counts a failure against each key: one atomic upsert per key, so concurrent failures all
 * count and no transaction is held open across awaits (see lib/db/sql.ts). A window that has
 * run out starts again at 1.
 */
export async function recordFailure(db: Db, keys: string[], now = new Date()): Promise<void> {
  const windowEndedBefore = new Date(now.getTime() - WINDOW_MS);
  for (const key of keys) {
    await sqlOf(db).run(
      `INSERT INTO "login_throttle" ("key", "failures", "windowStart") VALUES ($1, 1, $2)
       ON CONFLICT ("key") DO UPDATE SET
         "failures" = CASE WHEN "login_throttle"."windowStart" <= $3 THEN 1 ELSE "login_throttle"."failures" + 1 END,
         "windowStart" = CASE WHEN "login_throttle"."windowStart" <= $3 THEN $2 ELSE "login_throttle"."windowStart" END`,
      [key, now, windowEndedBefore],
    );
  }
}

/** A successful sign-in clears the account's count (the address keeps its own). */
export async function recordSuccess(db: Db, email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
