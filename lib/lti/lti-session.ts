// The session a launch signs someone in with: a row in better-auth's session table and its
// cookie, as better-auth makes them (the token signed `token.base64(HMAC-SHA256(secret, token))`,
// read back by lib/auth/session-cookie.ts), so it is an ordinary session: it slides, it ends on
// sign-out. Inside the LMS's iframe the app is a third party, so the cookie is SameSite=None;
// Secure; Partitioned (CHIPS: kept per LMS site, where browsers allow it; Chrome takes Secure
// over http://localhost too). Where the frame gets no cookie at all, a one-time handoff token
// carries the launch to a window of the app's own, which gets a first-party session.
import { createHash, createHmac, randomBytes } from "node:crypto";
import { SESSION_EXPIRES_SEC } from "../auth/constants";
import { dropOldHandoffs, insertHandoff, insertSession, spendHandoff, waitingHandoff, type LaunchDb } from "./launch-queries";

/** A handoff is taken within this time or not at all. */
export const HANDOFF_TTL_SEC = 2 * 60;

/** better-auth's session cookie name: __Secure- over https (a name only a secure page can set). */
export function sessionCookieName(https: boolean): string {
  return https ? "__Secure-better-auth.session_token" : "better-auth.session_token";
}

/** The Set-Cookie header for a session token; `framed`: for the LMS's iframe. */
export function sessionCookie(token: string, secret: string, options: { framed: boolean; https: boolean }): string {
  const signed = `${token}.${createHmac("sha256", secret).update(token).digest("base64")}`;
  const parts = [
    `${sessionCookieName(options.https)}=${encodeURIComponent(signed)}`,
    "Path=/",
    `Max-Age=${SESSION_EXPIRES_SEC}`,
    "HttpOnly",
  ];
  if (options.framed) parts.push("Secure", "SameSite=None", "Partitioned");
  else parts.push(...(options.https ? ["Secure"] : []), "SameSite=Lax");
  return parts.join("; ");
}

/** A new session for the user; its token. */
export async function createSession(
  db: LaunchDb,
  userId: string,
  meta: { now: Date; ipAddress?: string | null; userAgent?: string | null },
): Promise<string> {
  // better-auth's own ids and tokens are 32 random characters of [A-Za-z0-9]; these are as random.
  const token = randomBytes(24).toString("base64url");
  await insertSession(db, {
    id: randomBytes(16).toString("hex"),
    token,
    userId,
    expiresAt: new Date(meta.now.getTime() + SESSION_EXPIRES_SEC * 1000),
    now: meta.now,
    ipAddress: meta.ipAddress?.slice(0, 100) ?? null,
    userAgent: meta.userAgent?.slice(0, 500) ?? null,
  });
  return token;
}

function hashOf(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A one-time token that signs the user in at `target` in another window; only its hash is kept. */
export async function createHandoff(db: LaunchDb, userId: string, target: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await dropOldHandoffs(db, now);
  await insertHandoff(db, { tokenHash: hashOf(token), userId, target, now, expiresAt: new Date(now.getTime() + HANDOFF_TTL_SEC * 1000) });
  return token;
}

/** Who the handoff signs in and where it goes, spent now; null when unknown, expired or already used. */
export function redeemHandoff(db: LaunchDb, token: string, now: Date): Promise<{ userId: string; target: string } | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return Promise.resolve(null);
  return spendHandoff(db, hashOf(token), now);
}

/** The user and target of a handoff still waiting to be taken, without spending it (the cookie check page). */
export function handoffWaiting(db: LaunchDb, token: string, now: Date): Promise<{ userId: string; target: string } | null> {
  if (!/^[\w-]{20,100}$/.test(token)) return Promise.resolve(null);
  return waitingHandoff(db, hashOf(token), now);
}
