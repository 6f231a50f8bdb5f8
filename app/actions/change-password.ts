"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { auth } from "@/lib/auth/auth";
import { limitRefusal } from "@/lib/auth/refusals";
import { ChangePasswordSchema } from "@/lib/auth/schemas";
import { msg } from "@/lib/i18n/msg";
import { userAction } from "@/lib/server/action-client";
import { AppError } from "@/lib/server/errors";

/**
 * The signed-in person changes their password, giving the current one (checked under the
 * sign-in limiter, lib/auth/auth.ts). Their other sessions end when they ask (the form asks by
 * default); this one goes on.
 */
export const changePasswordAction = userAction(ChangePasswordSchema, async ({ currentPassword, newPassword, signOutOthers }) => {
  const requestHeaders = await headers();
  try {
    // better-auth's own revokeOtherSessions would swap this browser's session for a new one too,
    // and the page answering the form would be rendered with the old, deleted one.
    await auth.api.changePassword({ body: { currentPassword, newPassword }, headers: requestHeaders });
  } catch (error) {
    const refusal = limitRefusal(error);
    if (refusal) throw refusal;
    if (error instanceof APIError && error.body?.code === "INVALID_PASSWORD")
      return {
        ok: false,
        fieldErrors: { currentPassword: [msg("account.password.wrongCurrent")] },
        message: msg("account.password.wrongCurrent"),
      };
    if (error instanceof APIError && error.body?.code === "CREDENTIAL_ACCOUNT_NOT_FOUND")
      throw new AppError("CONFLICT", msg("account.password.none"));
    throw error;
  }
  if (signOutOthers) await auth.api.revokeOtherSessions({ headers: requestHeaders });
  revalidatePath("/account");
  return { ok: true, message: msg(signOutOthers ? "account.password.changedSignedOut" : "account.password.changed") };
});
