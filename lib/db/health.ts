// Is the database reachable? Asked by proxy.ts on every request, so the answer is cached
// for a second, and a check that hangs is cut short: a slow answer counts as down.
import { db } from "./client";

const TTL_MS = 1000;
const TIMEOUT_MS = 2000;
let last: { at: number; ok: boolean } | null = null;
let inflight: Promise<boolean> | null = null;

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
  if (last && now - last.at < TTL_MS) return last.ok;
  inflight ??= ping().finally(() => {
    inflight = null;
  });
  const ok = await inflight;
  last = { at: Date.now(), ok };
  return ok;
}
