"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/server/action-client";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/server/errors";
import { safeReturnUrl } from "@/lib/auth/return-url";
import { SignUpSchema } from "@/lib/auth/schemas";
import { msg } from "@/lib/i18n/msg";

/**
 * Creates a student account (no course roles until they join one) and signs it in. A taken
 * email has to be reported (the person must learn to sign in instead); sign-ups are limited
 * per address (lib/auth/throttle.ts), which bounds how many emails anyone can test this way.
 */
export const signUpAction = publicAction(SignUpSchema, async ({ name, email, password, next }) => {
  try {
    await auth.api.signUpEmail({ body: { name, email, password }, headers: await headers() });
  } catch (error) {
    if (
      error instanceof APIError &&
      (error.body?.code === "USER_ALREADY_EXISTS" || error.body?.code === "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL")
    ) {
      return {
        ok: false,
        message: msg("auth.signUp.emailTaken"),
        fieldErrors: { email: [msg("auth.signUp.emailTakenField")] },
        values: { name, email },
      };
    }
    if (error instanceof APIError && error.statusCode === 429) {
      const seconds = Number((error.body as { retryAfterSec?: unknown } | undefined)?.retryAfterSec) || 60;
      throw new AppError("RATE_LIMITED", msg("auth.signUp.tooMany", { seconds }));
    }
    if (error instanceof APIError && error.statusCode === 503) throw new AppError("UNAVAILABLE", msg("auth.busy"));
    // The hooks' own refusals are worded in the caller's language already (lib/auth/auth.ts);
    // better-auth's are English, and the form's checks leave none of them to happen.
    if (error instanceof APIError && error.statusCode < 500)
      throw new AppError("UNPROCESSABLE", error.body?.code === "INVALID_INPUT" ? error.message : msg("auth.signUp.refused"));
    throw error;
  }
  redirect(safeReturnUrl(next));
});
