// The secret that signs session cookies. PostgreSQL deployments run several instances,
// which must share it: AUTH_SECRET is required there. On SQLite (one machine) a secret
// is generated on first start and kept beside the database.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { env, provider } from "../env";

export function authSecret(): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  // `next build` loads modules but serves nothing: no cookie is ever signed with this.
  if (process.env.NEXT_PHASE === "phase-production-build") return "build-phase-placeholder-never-used-to-sign-anything";
  if (provider === "postgres") {
    throw new Error("AUTH_SECRET is required with PostgreSQL (every app instance must use the same one): set it to 32+ random characters");
  }
  const file = resolve(dirname(resolve(env.DATABASE_URL.replace(/^file:/, ""))), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return readFileSync(file, "utf8").trim();
}
