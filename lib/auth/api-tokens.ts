// Personal API tokens: `Authorization: Bearer synack_…` acts as the token's owner, with the
// owner's role in each course. The token is shown once when created; only its SHA-256 is
// stored (a token is 32 random bytes, so a fast hash is enough: there is nothing to guess),
// with its first characters for telling tokens apart. Last use is recorded at most once a minute.
import { createHash, randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { deleteToken, insertToken, tokenCount, tokenOwnerByHash, tokensOf, touchToken, type ApiTokenRow } from "./api-token-queries";
import type { SessionUserRow } from "./queries";

export type { ApiTokenRow };

export const TOKEN_PREFIX = "synack_";
/** Shown in lists: enough to tell a handful of tokens apart, far too little to use. */
const SHOWN_CHARS = TOKEN_PREFIX.length + 6;
export const MAX_TOKENS_PER_USER = 20;
const TOUCH_EVERY_MS = 60_000;

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The token in an `Authorization: Bearer …` header, or null when there is none of that form. */
export function bearerToken(headers: Headers): string | null {
  const header = headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S{1,200})\s*$/i.exec(header);
  return match ? match[1] : null;
}

/** The owner of a live token, or null (unknown or expired). Records the use. */
export async function userForToken(db: Db, token: string, now = new Date()): Promise<SessionUserRow | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await tokenOwnerByHash(db, hashToken(token));
  if (!row) return null;
  if (row.expiresAt && row.expiresAt <= now) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= TOUCH_EVERY_MS) await touchToken(db, row.tokenId, now);
  const { tokenId: _t, expiresAt: _e, lastUsedAt: _l, ...user } = row;
  return user;
}

/** Creates a token for `userId`: the secret (shown once) and its row. */
export async function createToken(
  db: Db,
  userId: string,
  name: string,
  expiresAt: Date | null,
): Promise<{ token: string; row: ApiTokenRow }> {
  if ((await tokenCount(db, userId)) >= MAX_TOKENS_PER_USER)
    throw new AppError("CONFLICT", msg("errors.tokens.tooMany", { max: MAX_TOKENS_PER_USER }));
  const token = TOKEN_PREFIX + randomBytes(32).toString("base64url");
  const row = await insertToken(db, { userId, name, prefix: token.slice(0, SHOWN_CHARS), hash: hashToken(token), expiresAt });
  return { token, row };
}

export function listTokens(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return tokensOf(db, userId);
}

export async function revokeToken(db: Db, userId: string, tokenId: string): Promise<void> {
  if (!(await deleteToken(db, userId, tokenId))) throw new AppError("NOT_FOUND", msg("errors.tokens.notFound"));
}
