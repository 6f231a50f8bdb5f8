// The origins of the registered LMS platforms, who may show the app's pages in a frame: read
// from the database at most every FRAME_ORIGINS_TTL_MS per process, since every page request
// asks (proxy.ts). A platform registered just now may frame the app within that time.
import type { Db } from "../db/client";
import { platformOrigins } from "./platform-queries";

export const FRAME_ORIGINS_TTL_MS = 30_000;

let cached: { origins: string[]; at: number } | null = null;
let pending: Promise<string[]> | null = null;

export async function framingOrigins(db: Pick<Db, "ltiPlatform" | "ltiDeployment">, now = Date.now()): Promise<string[]> {
  if (cached && now - cached.at < FRAME_ORIGINS_TTL_MS) return cached.origins;
  pending ??= platformOrigins(db)
    .then((origins) => {
      cached = { origins, at: now };
      return origins;
    })
    .finally(() => {
      pending = null;
    });
  return pending;
}

/** Forgets the cached list: after a registration changes, or between tests. */
export function forgetFramingOrigins(): void {
  cached = null;
}
