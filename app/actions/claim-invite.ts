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

const GONE = "This invite link has expired or was already used. Ask your instructor for a new one.";

/**
 * An invited person chooses their name and password; the invite is used up. Only someone
 * signed out can claim: a signed-in account (a TA who saw a link, say) is never turned into
 * another person's account.
 */
export const claimInviteAction = publicAction(ClaimInviteSchema, async ({ token, name, password }) => {
  const caller = await getSessionUser();
  if (caller)
    throw new AppError(
      "FORBIDDEN",
      `You are signed in as ${caller.email}. This invitation is for someone else's new account: sign out first if it is yours.`,
    );
  const invite = await authService.findInvite(token);
  if (!invite) throw new AppError("NOT_FOUND", GONE);
  let hash: string;
  try {
    hash = await hashPassword(password);
  } catch (error) {
    if (error instanceof APIError) throw new AppError("UNAVAILABLE", error.message);
    throw error;
  }
  if (!(await authService.claimInvite(invite, name, hash))) throw new AppError("CONFLICT", GONE);
  await auth.api.signInEmail({ body: { email: invite.email, password }, headers: await headers() });
  redirect("/");
});
