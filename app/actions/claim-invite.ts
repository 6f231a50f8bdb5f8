"use server";
import { randomUUID } from "node:crypto";
import { hashPassword } from "better-auth/crypto";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/server/action-client";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/server/errors";
import { ClaimInviteSchema } from "@/lib/auth/schemas";
import { findInvite } from "@/lib/auth/invites";
import { db } from "@/lib/db/client";
import { auditCreate } from "@/lib/audit";

/** An invited person chooses their name and password; the invite is used up. */
export const claimInviteAction = publicAction(ClaimInviteSchema, async ({ token, name, password }) => {
  const invite = await findInvite(db, token);
  if (!invite) throw new AppError("NOT_FOUND", "This invite link has expired or was already used. Ask your instructor for a new one.");
  const hash = await hashPassword(password);
  await db.$transaction([
    db.account.create({ data: { id: randomUUID(), accountId: invite.userId, providerId: "credential", userId: invite.userId, password: hash } }),
    db.user.update({ where: { id: invite.userId }, data: { name, invited: false, emailVerified: true } }),
    db.verification.delete({ where: { id: invite.id } }),
    auditCreate(db, { actorId: invite.userId, action: "auth.invite-claimed", target: invite.userId }),
  ]);
  await auth.api.signInEmail({ body: { email: invite.email, password }, headers: await headers() });
  redirect("/");
});
