// Invitations: an instructor enrols an email that has no account; the person claims it
// by opening a one-time link (there is no mail server, so the instructor sends the link to
// that address). Claiming proves the address: the account's email counts as verified.
import { randomBytes } from "node:crypto";
import type { Db } from "../db/client";
import { INVITE_DAYS } from "./constants";
import { claimInviteRows, insertInviteTokens, inviteByToken, inviteTokensOf, replaceInviteToken } from "./queries";

export type Invite = { id: string; userId: string; email: string; name: string };

const newToken = () => randomBytes(24).toString("base64url");
const expiryFrom = (now: Date) => new Date(now.getTime() + INVITE_DAYS * 86_400_000);

/** A fresh invite token for an invited user (replacing any earlier one). */
export async function createInvite(db: Db, userId: string, now = new Date()): Promise<string> {
  const token = newToken();
  await replaceInviteToken(db, userId, token, expiryFrom(now));
  return token;
}

/** The invites of accounts just made, which have none to replace: so it may run in the caller's transaction. */
export async function createFirstInvites(db: Pick<Db, "verification">, userIds: readonly string[], now = new Date()): Promise<void> {
  const expiresAt = expiryFrom(now);
  await insertInviteTokens(
    db,
    userIds.map((userId) => ({ userId, token: newToken(), expiresAt })),
  );
}

/** The open invite with this token, or null (unknown, expired, or already claimed). */
export async function findInvite(db: Db, token: string, now = new Date()): Promise<Invite | null> {
  const row = await inviteByToken(db, token);
  if (!row || row.expiresAt <= now || !row.user?.invited) return null;
  return { id: row.id, userId: row.user.id, email: row.user.email, name: row.user.name };
}

/** The current invite token of each invited user, for the roster (instructors only). */
export function inviteTokens(db: Db, userIds: string[]): Promise<Map<string, string>> {
  return inviteTokensOf(db, userIds);
}

/** Claims the invite; false when it was used meanwhile (another claim won the race). */
export function claimInvite(db: Db, invite: Invite, name: string, passwordHash: string): Promise<boolean> {
  return claimInviteRows(db, invite, name, passwordHash, { actorId: invite.userId, action: "auth.invite-claimed", target: invite.userId });
}
