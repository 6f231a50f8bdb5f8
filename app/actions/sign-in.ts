"use server";
import { APIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/server/action-client";
import { auth } from "@/lib/auth/auth";
import { AppError } from "@/lib/server/errors";
import { safeReturnUrl } from "@/lib/auth/return-url";
import { SIGN_IN_FAILED, SignInSchema } from "@/lib/auth/schemas";
import { authService } from "@/lib/auth/service";
import { msg } from "@/lib/i18n/msg";

/** The wait a 429 from the sign-in limiter names (lib/auth/auth.ts). */
function retryAfterSec(error: APIError): number {
  const seconds = Number((error.body as { retryAfterSec?: unknown } | undefined)?.retryAfterSec);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 60;
}

/**
 * Signs in through better-auth, whose hooks apply the sign-in limiter (lib/auth/throttle.ts).
 * Every failed check says the same thing, whether the account exists, was invited or just got
 * a wrong password, so the form tells nobody which emails have accounts.
 */
export const signInAction = publicAction(SignInSchema, async ({ email, password, next }) => {
  try {
    await auth.api.signInEmail({ body: { email, password }, headers: await headers() });
  } catch (error) {
    if (!(error instanceof APIError)) throw error;
    if (error.statusCode === 429) throw new AppError("RATE_LIMITED", msg("auth.signIn.tooMany", { seconds: retryAfterSec(error) }));
    if (error.statusCode === 503) throw new AppError("UNAVAILABLE", msg("auth.busy"));
    if (error.statusCode !== 401 && error.statusCode !== 400) throw error;
    // The failure that used the account's last slot says so at once.
    const wait = await authService.accountRetryAfter(email);
    if (wait > 0) throw new AppError("RATE_LIMITED", msg("auth.signIn.tooMany", { seconds: wait }));
    throw new AppError("UNAUTHENTICATED", msg(SIGN_IN_FAILED));
  }
  redirect(safeReturnUrl(next));
});
