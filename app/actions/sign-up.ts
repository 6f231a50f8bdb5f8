"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/server/action-client";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/server/errors";
import { safeReturnUrl } from "@/lib/auth/return-url";
import { SignUpSchema } from "@/lib/auth/schemas";

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
        message:
          "An account with this email already exists. Sign in instead, or use the invite link from your instructor if you were invited.",
        fieldErrors: { email: ["This email already has an account."] },
        values: { name, email },
      };
    }
    if (error instanceof APIError && error.statusCode === 429) throw new AppError("RATE_LIMITED", error.message);
    if (error instanceof APIError && error.statusCode < 500) throw new AppError("UNPROCESSABLE", error.message);
    throw error;
  }
  redirect(safeReturnUrl(next));
});
