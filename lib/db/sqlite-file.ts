// Where the SQLite database lives, from a file: URL relative to the working directory.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";

export function sqlitePath(url: string): string {
  const path = resolve(url.replace(/^file:/, ""));
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/** better-sqlite3 options shared by the app and the migrator: wait up to 5 s for a lock. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
