// The statements behind personal API tokens. The lookup by hash runs on every API call made
// with a token, so it is prepared SQL (lib/db/sql.ts); the rest is low-traffic Prisma.
import { sqlOf, type Db } from "../db/client";
import type { ApiToken } from "../db/generated/sqlite/client";
import type { SessionUserRow } from "./queries";

export type ApiTokenRow = Pick<ApiToken, "id" | "name" | "prefix" | "createdAt" | "lastUsedAt" | "expiresAt">;
export type TokenOwnerRow = SessionUserRow & { tokenId: string; expiresAt: Date | null; lastUsedAt: Date | null };

/** The owner of the token with this hash, or null. */
export async function tokenOwnerByHash(db: Db, hash: string): Promise<TokenOwnerRow | null> {
  const [row] = await sqlOf(db).all<TokenOwnerRow>(
    `SELECT u."id" AS "id", u."name" AS "name", u."email" AS "email", u."isAdmin" AS "isAdmin", u."canTeach" AS "canTeach", u."locale" AS "locale",
            t."id" AS "tokenId", t."expiresAt" AS "expiresAt", t."lastUsedAt" AS "lastUsedAt"
     FROM "ApiToken" t JOIN "user" u ON u."id" = t."userId" WHERE t."hash" = $1`,
    [hash],
  );
  return row ?? null;
}

export async function touchToken(db: Db, tokenId: string, at: Date): Promise<void> {
  await db.apiToken.updateMany({ where: { id: tokenId }, data: { lastUsedAt: at } });
}

export async function insertToken(
  db: Db,
  row: { userId: string; name: string; prefix: string; hash: string; expiresAt: Date | null },
): Promise<ApiTokenRow> {
  return db.apiToken.create({
    data: row,
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
}

/** A user's tokens, newest first (never the hash). */
export function tokensOf(db: Db, userId: string): Promise<ApiTokenRow[]> {
  return db.apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, expiresAt: true },
  });
}

/** Deletes one of the user's tokens; false when they have no such token. */
export async function deleteToken(db: Db, userId: string, tokenId: string): Promise<boolean> {
  const { count } = await db.apiToken.deleteMany({ where: { id: tokenId, userId } });
  return count === 1;
}

export function tokenCount(db: Db, userId: string): Promise<number> {
  return db.apiToken.count({ where: { userId } });
}
