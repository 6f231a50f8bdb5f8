// One-time password reset links. There is no mail server by default, so an instructor (for a
// student of their course) or a site admin makes the link and passes it on; with SMTP configured
// the login page can also mail one to the address (lib/mail). A link is better-auth's own reset
// token (a Verification row), which its /reset-password consumes once, in a transaction, when
// the new password is set (app/actions/reset-password.ts). A new link replaces the account's
// earlier one, and a reset forgets them all.
import { randomBytes } from "node:crypto";
import { writeAudit } from "../audit";
import type { Db } from "../db/client";
import { AppError } from "../server/errors";
import { msg } from "../i18n/msg";
import { RESET_LINK_HOURS } from "./constants";
import { replaceResetToken, resetTargetRow, resetTokenRow, userByEmail } from "./queries";
import { resetRefusal, type ResetMaker } from "./reset-policy";

export type ResetLink = { token: string; expiresAt: Date };
export type ResetLinkOwner = { userId: string; email: string; name: string };

// 32 random bytes: nothing to guess, as for invite links and API tokens.
const newToken = () => randomBytes(32).toString("base64url");

async function issue(db: Db, userId: string, hours: number, now: Date): Promise<ResetLink> {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await replaceResetToken(db, userId, token, expiresAt);
  return { token, expiresAt };
}

/**
 * A reset link for `userId`, made by `maker` from a course's roster (`courseId`) or from the
 * admin page (null), recorded in the audit log. Refused (403, 404) as resetRefusal says.
 */
export async function makeResetLink(
  db: Db,
  maker: ResetMaker,
  userId: string,
  courseId: string | null,
  now = new Date(),
): Promise<ResetLink & { email: string }> {
  const target = await resetTargetRow(db, userId, courseId);
  if (!target || (courseId !== null && target.roleHere === null)) throw new AppError("NOT_FOUND", msg("auth.reset.refused.noAccount"));
  const refusal = resetRefusal(maker, target, courseId !== null);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  const link = await issue(db, userId, RESET_LINK_HOURS, now);
  await writeAudit(db, {
    actorId: maker.id,
    courseId,
    action: "auth.reset-link",
    target: userId,
    detail: { expiresAt: link.expiresAt.toISOString() },
    at: now,
  });
  return { ...link, email: target.email };
}

/** A reset link for the account with this email, to mail to it; null when there is none with a password (or it is only invited). */
export async function mailableResetLink(
  db: Db,
  email: string,
  hours: number,
  now = new Date(),
): Promise<(ResetLink & { userId: string }) | null> {
  const owner = await userByEmail(db, email);
  if (!owner || owner.invited) return null;
  const link = await issue(db, owner.id, hours, now);
  await writeAudit(db, {
    actorId: null,
    action: "auth.reset-mail",
    target: owner.id,
    detail: { expiresAt: link.expiresAt.toISOString() },
    at: now,
  });
  return { ...link, userId: owner.id };
}

/** The account an unexpired, unused reset link is for, or null. */
export async function findResetLink(db: Db, token: string, now = new Date()): Promise<ResetLinkOwner | null> {
  const row = await resetTokenRow(db, token);
  if (!row?.user || row.expiresAt <= now) return null;
  return { userId: row.user.id, email: row.user.email, name: row.user.name };
}
