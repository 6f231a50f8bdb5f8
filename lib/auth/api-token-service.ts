// What the token routes and the Account page do with personal API tokens: the rows as the API
// shows them (dates as ISO 8601), a creation with its expiry in days, a revocation, each
// written to the audit log. The token itself leaves the server once, in the creation's answer.
import { writeAudit } from "../audit";
import type { Db } from "../db/client";
import { createToken, listTokens, revokeToken, type ApiTokenRow } from "./api-tokens";

const DAY_MS = 24 * 60 * 60 * 1000;

export type TokenView = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
};

export function tokenView(row: ApiTokenRow): TokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

/** The user's tokens, newest first. */
export async function tokenViews(db: Db, userId: string): Promise<TokenView[]> {
  return (await listTokens(db, userId)).map(tokenView);
}

/** A new token for `userId`, valid `expiresInDays` days from `now` (or until revoked). */
export async function issueToken(
  db: Db,
  userId: string,
  input: { name: string; expiresInDays?: number },
  now = new Date(),
): Promise<TokenView & { token: string }> {
  const expiresAt = input.expiresInDays === undefined ? null : new Date(now.getTime() + input.expiresInDays * DAY_MS);
  const { token, row } = await createToken(db, userId, input.name, expiresAt);
  await writeAudit(db, { actorId: userId, action: "api-token.create", target: row.id, detail: { name: row.name, expiresAt } });
  return { ...tokenView(row), token };
}

/** Revokes one of the user's tokens (404 for another's, or none). */
export async function withdrawToken(db: Db, userId: string, tokenId: string): Promise<void> {
  await revokeToken(db, userId, tokenId);
  await writeAudit(db, { actorId: userId, action: "api-token.revoke", target: tokenId });
}
