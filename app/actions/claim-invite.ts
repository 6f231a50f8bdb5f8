"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/server/action-client";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/server/errors";
import { ClaimInviteSchema } from "@/lib/auth/schemas";
import { authService } from "@/lib/auth/service";
import { hashPassword } from "@/lib/auth/password-hashing";
import { getSessionUser } from "@/lib/auth/session";
import { msg } from "@/lib/i18n/msg";

const GONE = msg("auth.invite.gone");

/**
 * An invited person chooses their name and password; the invite is used up. Only someone
 * signed out can claim: a signed-in account (a TA who saw a link, say) is never turned into
 * another person's account.
 */
export const claimInviteAction = publicAction(ClaimInviteSchema, async ({ token, name, password }) => {
  const caller = await getSessionUser();
  if (caller) throw new AppError("FORBIDDEN", msg("auth.invite.signedInClaim", { email: caller.email }));
  const invite = await authService.findInvite(token);
  if (!invite) throw new AppError("NOT_FOUND", GONE);
  let hash: string;
  try {
    hash = await hashPassword(password);
  } catch (error) {
    if (error instanceof APIError) throw new AppError("UNAVAILABLE", msg("auth.busy"));
    throw error;
  }
  if (!(await authService.claimInvite(invite, name, hash))) throw new AppError("CONFLICT", GONE);
  await auth.api.signInEmail({ body: { email: invite.email, password }, headers: await headers() });
  redirect("/");
});
