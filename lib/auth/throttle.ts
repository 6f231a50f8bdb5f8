// The one sign-in limiter. Every way to sign in with a password (the form, better-auth's HTTP
// endpoint, any later sign-in route) goes through better-auth's sign-in, whose hooks call
// reserveSignIn before the password is checked and settleSignIn after (lib/auth/auth.ts).
//
// A slot is reserved atomically BEFORE the check, so parallel guesses cannot outrun the count:
// 30 guesses at once against an account get exactly ACCOUNT_LIMIT checks. Two limits:
// - per account: ACCOUNT_LIMIT.max sign-ins that failed or are being checked, per window.
//   A success clears the account's count.
// - per address: ACCOUNT_LIMIT is no use against one guesser trying many accounts, so an
//   address may have ADDRESS_LIMIT.max DISTINCT accounts failing per window. It counts
//   accounts, not attempts, and a success gives its account back: a lecture hall of 200 students
//   behind one NAT address signs in, typos and all, while a password sprayer is stopped.
// Counted in the database, so the limits hold across app instances. Sign-ups are limited per
// address too (reserveSignUp), which bounds what sign-up can tell about which emails exist.
import type { Db } from "../db/client";
import { deleteThrottleKey, markThrottleKey, releaseThrottleSlot, takeThrottleSlot, throttleRow } from "./queries";

export type Limit = { max: number; windowMs: number };

export const ACCOUNT_LIMIT: Limit = { max: 10, windowMs: 60_000 };
export const ADDRESS_LIMIT: Limit = { max: 50, windowMs: 15 * 60_000 };
export const SIGN_UP_LIMIT: Limit = { max: 300, windowMs: 60 * 60_000 };

/** Who is trying: the normalized email, and the client's address (null when unknown). */
export type SignInAttempt = { email: string; address: string | null };

export type Reservation = { ok: true } | { ok: false; retryAfterSec: number };

// Without a known address (an app served without scripts/serve.mjs) every caller shares one
// address key: the per-address limit then holds for all of them together.
const addressOf = (attempt: SignInAttempt) => attempt.address ?? "unknown";
const accountKey = (attempt: SignInAttempt) => `email:${attempt.email}`;
const addressKey = (attempt: SignInAttempt) => `ip:${addressOf(attempt)}`;
const pairKey = (attempt: SignInAttempt) => `ip-email:${addressOf(attempt)}|${attempt.email}`;

async function retryAfter(db: Db, key: string, limit: Limit, now: Date): Promise<number> {
  const row = await throttleRow(db, key);
  const ends = (row?.windowStart.getTime() ?? now.getTime()) + limit.windowMs;
  return Math.max(1, Math.ceil((ends - now.getTime()) / 1000));
}

/** Reserves a password check for `attempt`, or says how long to wait. */
export async function reserveSignIn(db: Db, attempt: SignInAttempt, now = new Date()): Promise<Reservation> {
  if (!(await takeThrottleSlot(db, accountKey(attempt), ACCOUNT_LIMIT.max, ACCOUNT_LIMIT.windowMs, now))) {
    return { ok: false, retryAfterSec: await retryAfter(db, accountKey(attempt), ACCOUNT_LIMIT, now) };
  }
  // An account already counted against this address in this window costs the address nothing more.
  if (!(await markThrottleKey(db, pairKey(attempt), ADDRESS_LIMIT.windowMs, now))) return { ok: true };
  if (await takeThrottleSlot(db, addressKey(attempt), ADDRESS_LIMIT.max, ADDRESS_LIMIT.windowMs, now)) return { ok: true };
  await deleteThrottleKey(db, pairKey(attempt));
  await releaseThrottleSlot(db, accountKey(attempt));
  return { ok: false, retryAfterSec: await retryAfter(db, addressKey(attempt), ADDRESS_LIMIT, now) };
}

/**
 * After the check: a failure keeps its reservation (it is the failure counted); a success
 * clears the account's count and gives the account back to the address.
 */
export async function settleSignIn(db: Db, attempt: SignInAttempt, succeeded: boolean): Promise<void> {
  if (!succeeded) return;
  await deleteThrottleKey(db, accountKey(attempt));
  if (await deleteThrottleKey(db, pairKey(attempt))) await releaseThrottleSlot(db, addressKey(attempt));
}

/** Seconds until the account may try again, or 0: so the failure that used the last slot can say so. */
export async function accountRetryAfter(db: Db, email: string, now = new Date()): Promise<number> {
  const row = await throttleRow(db, accountKey({ email, address: null }));
  if (!row || row.failures < ACCOUNT_LIMIT.max || row.windowStart.getTime() + ACCOUNT_LIMIT.windowMs <= now.getTime()) return 0;
  return retryAfter(db, accountKey({ email, address: null }), ACCOUNT_LIMIT, now);
}

/** Reserves a sign-up from `address`, or says how long to wait. Sign-ups are never given back. */
export async function reserveSignUp(db: Db, address: string | null, now = new Date()): Promise<Reservation> {
  const key = `sign-up:${address ?? "unknown"}`;
  if (await takeThrottleSlot(db, key, SIGN_UP_LIMIT.max, SIGN_UP_LIMIT.windowMs, now)) return { ok: true };
  return { ok: false, retryAfterSec: await retryAfter(db, key, SIGN_UP_LIMIT, now) };
}

/**
 * API tokens are passwords too: an address that sends unknown tokens spends the same
 * per-address budget (`ip:<address>`) a sign-in that fails on a new account spends, so a
 * guesser cannot switch from the sign-in form to the API to get more tries. Before the check:
 * how long to wait, or 0.
 */
export async function tokenCheckRetryAfter(db: Db, address: string | null, now = new Date()): Promise<number> {
  const key = addressKey({ email: "", address });
  const row = await throttleRow(db, key);
  if (!row || row.failures < ADDRESS_LIMIT.max || row.windowStart.getTime() + ADDRESS_LIMIT.windowMs <= now.getTime()) return 0;
  return retryAfter(db, key, ADDRESS_LIMIT, now);
}

/** After an unknown or expired token: one failure on the address. */
export async function recordFailedToken(db: Db, address: string | null, now = new Date()): Promise<void> {
  await takeThrottleSlot(db, addressKey({ email: "", address }), ADDRESS_LIMIT.max, ADDRESS_LIMIT.windowMs, now);
}

/**
 * Reset mails ("Forgot password?"): per address asked for, so nobody fills someone's inbox, and
 * per client address, so nobody mails the whole school. Counted for addresses without an
 * account too, so a refusal says nothing about which exist.
 */
export const RESET_MAIL_LIMIT: Limit = { max: 3, windowMs: 60 * 60_000 };
export const RESET_MAIL_ADDRESS_LIMIT: Limit = { max: 30, windowMs: 60 * 60_000 };

/** Reserves a reset mail to `attempt.email` from `attempt.address`, or says how long to wait. */
export async function reserveResetMail(db: Db, attempt: SignInAttempt, now = new Date()): Promise<Reservation> {
  const account = `reset-mail:${attempt.email}`;
  const address = `reset-mail-ip:${addressOf(attempt)}`;
  if (!(await takeThrottleSlot(db, account, RESET_MAIL_LIMIT.max, RESET_MAIL_LIMIT.windowMs, now)))
    return { ok: false, retryAfterSec: await retryAfter(db, account, RESET_MAIL_LIMIT, now) };
  if (await takeThrottleSlot(db, address, RESET_MAIL_ADDRESS_LIMIT.max, RESET_MAIL_ADDRESS_LIMIT.windowMs, now)) return { ok: true };
  await releaseThrottleSlot(db, account);
  return { ok: false, retryAfterSec: await retryAfter(db, address, RESET_MAIL_ADDRESS_LIMIT, now) };
}
