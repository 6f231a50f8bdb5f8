// What the attempt page does when a save or a submit does not get through: pure, client-safe.
// A 502/503/504 means the app (or the proxy before it) could not serve the request just now —
// a database restarting, a pool with no free connection, an instance going away — so the same
// request is worth sending again, as after a dropped connection. Anything else the server said
// is its answer and is shown.

/** Statuses that say "not now" rather than "no": the request is retried. */
export function isTransient(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

/** The longest wait between two tries, so a student is never left more than half a minute. */
export const MAX_RETRY_WAIT_MS = 30_000;

/**
 * How long to wait before try number `attempt + 1` (0 for the first retry): doubling from a
 * second, or what the server's Retry-After (delta-seconds, RFC 9110 §10.2.3) asks when it asks
 * for longer, never more than MAX_RETRY_WAIT_MS. A jitter of up to a quarter spreads a class's
 * retries so they do not arrive together again; `random` is Math.random in the page.
 */
export function retryWaitMs(attempt: number, retryAfter: string | null, random: () => number): number {
  const doubling = 1000 * 2 ** Math.max(0, attempt);
  const asked = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter.trim()) * 1000 : 0;
  const base = Math.min(MAX_RETRY_WAIT_MS, Math.max(doubling, asked));
  return Math.min(MAX_RETRY_WAIT_MS, Math.round(base * (1 + random() / 4)));
}
