// Invitations: an instructor enrols an email that has no account; the person claims it
// by opening a one-time link (there is no mail server, so the instructor shares the link).
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { INVITE_DAYS } from "./constants";

const PREFIX = "invite:";

/** A fresh invite token for an invited user (replacing any earlier one). */
export async function createInvite(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(24).toString("base64url");
  await db.verification.deleteMany({ where: { identifier: `${PREFIX}${userId}` } });
  await db.verification.create({
    data: { id: randomBytes(12).toString("hex"), identifier: `${PREFIX}${userId}`, value: token, expiresAt: new Date(now.getTime() + INVITE_DAYS * 86_400_000) },
  });
  return token;
}

export async function findInvite(db: Db, token: string, now = new Date()): Promise<{ id: string; userId: string; email: string } | null> {
  const row = await db.verification.findFirst({ where: { value: token, identifier: { startsWith: PREFIX } } });
  if (!row || row.expiresAt <= now) return null;
  const userId = row.identifier.slice(PREFIX.length);
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, invited: true } });
  if (!user?.invited) return null;
  return { id: row.id, userId, email: user.email };
}

/** The current invite token of each invited user, for the roster. */
export async function inviteTokens(db: Db, userIds: string[]): Promise<Map<string, string>> {
  const rows = await db.verification.findMany({ where: { identifier: { in: userIds.map((id) => `${PREFIX}${id}`) } } });
  return new Map(rows.map((r) => [r.identifier.slice(PREFIX.length), r.value]));
}
