"use server";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { clientAddress } from "@/lib/auth/client-address";
import { ForgotPasswordSchema } from "@/lib/auth/schemas";
import { appUrl } from "@/lib/env";
import { DEFAULT_LOCALE, isLocale } from "@/lib/i18n/locales";
import { msg } from "@/lib/i18n/msg";
import { appMailer, resetMail } from "@/lib/mail";
import { publicAction } from "@/lib/server/action-client";
import { AppError } from "@/lib/server/errors";
import { RESET_LINK_HOURS } from "@/lib/auth/constants";

/** "Forgot password?": mails a reset link when a mail server is configured; says the same for every address. */
export const forgotPasswordAction = publicAction(ForgotPasswordSchema, async ({ email }) => {
  const mailer = appMailer();
  if (!mailer) throw new AppError("NOT_FOUND", msg("auth.forgot.askInstructor", { hours: RESET_LINK_HOURS }));
  const locale = await getLocale();
  const outcome = await resetMail.requestResetMail(mailer, {
    email,
    address: clientAddress(await headers()),
    locale: isLocale(locale) ? locale : DEFAULT_LOCALE,
    baseUrl: appUrl(),
  });
  if (!outcome.ok) throw new AppError("RATE_LIMITED", msg("auth.forgot.tooMany", { seconds: outcome.retryAfterSec }));
  return { ok: true, message: msg("auth.forgot.sent", { email }) };
});
