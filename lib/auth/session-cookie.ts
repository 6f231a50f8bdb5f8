// Reads the caller from better-auth's session cookie in one prepared statement (sessionByToken),
// for every route handler, page and server action. better-auth's getSession does the same
// check with more work (~3 ms a call, most of it Prisma compiling its queries); pages still
// hand a session to better-auth when it is due for its daily extension (dueForRefresh), so
// sessions slide exactly as before. The cookie is `token.base64(HMAC-SHA256(secret, token))`
// (better-call's signed cookie); integration tests check that this reader and better-auth
// agree on valid, forged, expired, revoked and due-for-refresh sessions, so an upgrade that
// changes either fails the build instead of the users.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { Db } from "../db/client";
import { appUrl } from "../env";
import { SESSION_EXPIRES_SEC, SESSION_UPDATE_AGE_SEC } from "./constants";
import { sessionByToken, type SessionUserRow } from "./queries";

export type SessionUser = SessionUserRow;

export type CookieSession = { user: SessionUser; expiresAt: Date };

// Over https better-auth names the cookie __Secure-…, a name only a secure page can set; over
// http the plain name. Each reads only its own, so a cookie planted over http is never read.
const COOKIE = appUrl().startsWith("https://")
  ? /(?:^|;\s*)__Secure-better-auth\.session_token=([^;]+)/
  : /(?:^|;\s*)better-auth\.session_token=([^;]+)/;

export async function sessionFromCookie(
  db: Db,
  cookieHeader: string | null,
  secret: string,
  now = new Date(),
): Promise<CookieSession | null> {
  const match = cookieHeader ? COOKIE.exec(cookieHeader) : null;
  if (!match) return null;
  let value: string;
  try {
    value = decodeURIComponent(match[1]);
  } catch {
    return null;
  }
  const dot = value.lastIndexOf(".");
  if (dot < 1) return null;
  const token = value.slice(0, dot);
  const signature = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(createHmac("sha256", secret).update(token).digest("base64"));
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return null;
  const row = await sessionByToken(db, token);
  if (!row || row.expiresAt <= now) return null;
  return {
    user: { id: row.id, name: row.name, email: row.email, isAdmin: row.isAdmin, canTeach: row.canTeach, locale: row.locale },
    expiresAt: row.expiresAt,
  };
}

/** better-auth extends a session (expiresAt = now + expiresIn) once it is updateAge old. */
export function dueForRefresh(expiresAt: Date, now = new Date()): boolean {
  return expiresAt.getTime() - SESSION_EXPIRES_SEC * 1000 + SESSION_UPDATE_AGE_SEC * 1000 <= now.getTime();
}
