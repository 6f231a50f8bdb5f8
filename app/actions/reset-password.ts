"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { passwordResets } from "@/lib/auth/reset-service";
import { limitRefusal } from "@/lib/auth/refusals";
import { ResetPasswordSchema } from "@/lib/auth/schemas";
import { getSessionUser } from "@/lib/auth/session";
import { msg } from "@/lib/i18n/msg";
import { publicAction } from "@/lib/server/action-client";
import { AppError } from "@/lib/server/errors";

const GONE = msg("auth.reset.gone");

/**
 * Sets a new password from a reset link, through better-auth's reset (the link is used up in
 * the same transaction, and every session of the account ends), then signs the person in.
 * Only someone signed out may use a link, as for invites.
 */
export const resetPasswordAction = publicAction(ResetPasswordSchema, async ({ token, password }) => {
  const caller = await getSessionUser();
  if (caller) throw new AppError("FORBIDDEN", msg("auth.reset.signedIn", { email: caller.email }));
  const owner = await passwordResets.findResetLink(token);
  if (!owner) throw new AppError("NOT_FOUND", GONE);
  const requestHeaders = await headers();
  try {
    await auth.api.resetPassword({ body: { token, newPassword: password }, headers: requestHeaders });
  } catch (error) {
    const refusal = limitRefusal(error);
    if (refusal) throw refusal;
    if (error instanceof APIError && error.statusCode === 400) throw new AppError("CONFLICT", GONE);
    throw error;
  }
  try {
    await auth.api.signInEmail({ body: { email: owner.email, password }, headers: requestHeaders });
  } catch (error) {
    // The password is set; if signing in is refused now (the limiter), the sign-in page says what to do.
    if (!(error instanceof APIError)) throw error;
    redirect("/login?reason=password-reset");
  }
  redirect("/");
});
