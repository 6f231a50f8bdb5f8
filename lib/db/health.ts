// Is the database reachable? Asked by proxy.ts on every request, so the answer is cached
// for a second, and a check that hangs is cut short: a slow answer counts as down.
import { db } from "./client";

const TTL_MS = 1000;
const TIMEOUT_MS = 2000;
// Per process, not per module: Next.js bundles this module more than once (the proxy, the
// routes, the pages), and what one copy learnt (noteUnreachable) the others must know.
type HealthState = { last: { at: number; ok: boolean } | null; inflight: Promise<boolean> | null };
const state = ((globalThis as unknown as { synackHealth?: HealthState }).synackHealth ??= { last: null, inflight: null });

async function ping(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), TIMEOUT_MS);
  });
  try {
    return await Promise.race([db.$queryRawUnsafe("SELECT 1").then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function databaseHealthy(now = Date.now()): Promise<boolean> {
  if (state.last && now - state.last.at < TTL_MS) return state.last.ok;
  state.inflight ??= ping().finally(() => {
    state.inflight = null;
  });
  const ok = await state.inflight;
  state.last = { at: Date.now(), ok };
  return ok;
}

/**
 * A request found the database out of reach: the health check and the pages say so at once,
 * rather than a second later from a cached "ok" while the routes answer 503. The next check
 * after the cache's second asks the database again, so the app recovers by itself.
 */
export function noteUnreachable(now = Date.now()): void {
  state.last = { at: now, ok: false };
}
