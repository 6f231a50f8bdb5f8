// Password hashing with a bound. scrypt (better-auth's default: N=16384, r=16, 32 MB and tens
// of milliseconds of CPU per hash) runs on libuv's thread pool; a flood of sign-ins would
// otherwise run one per pool thread on both cores and slow every other request (a flood of
// wrong passwords took answer saves from 37 to 151 ms at the 95th percentile). At most
// HASH_CONCURRENCY hashes run at once; with HASH_QUEUE_MAX running or waiting, another
// sign-in is told to come back (503) instead of queueing without end. Every hash and check goes through here:
// better-auth's (emailAndPassword.password in lib/auth/auth.ts) and the invite claim's.
import { APIError } from "better-auth/api";
import { hashPassword as scryptHash, verifyPassword as scryptVerify } from "better-auth/crypto";
import pLimit from "p-limit";

export const HASH_CONCURRENCY = 1;
export const HASH_QUEUE_MAX = 64;

const limit = pLimit(HASH_CONCURRENCY);

function bounded<T>(work: () => Promise<T>): Promise<T> {
  if (limit.activeCount + limit.pendingCount >= HASH_QUEUE_MAX) {
    return Promise.reject(
      new APIError(
        "SERVICE_UNAVAILABLE",
        { code: "BUSY", message: "Too many sign-ins at once. Try again in a few seconds." },
        { "Retry-After": "5" },
      ),
    );
  }
  return limit(work);
}

export function hashPassword(password: string): Promise<string> {
  return bounded(() => scryptHash(password));
}

export function verifyPassword(input: { hash: string; password: string }): Promise<boolean> {
  return bounded(() => scryptVerify(input));
}
