// "Forgot password?" with a mail server: a one-time reset link, mailed to the address if it has
// an account with a password. The answer is the same whether it has one or not, and so is the
// time it takes: the mail is sent after the answer, and a failure to send is logged, not said.
import { RESET_MAIL_HOURS } from "../auth/constants";
import { mailableResetLink } from "../auth/password-reset";
import { reserveResetMail } from "../auth/throttle";
import type { Db } from "../db/client";
import type { Locale } from "../i18n/locales";
import { msg } from "../i18n/msg";
import { textIn } from "../i18n/translate";
import type { Mailer } from "./mailer";

export type ResetMailRequest = { email: string; address: string | null; locale: Locale; baseUrl: string };
export type ResetMailOutcome = { ok: true; sending: Promise<void> } | { ok: false; retryAfterSec: number };

/**
 * Makes and mails a reset link for `request.email`, under the reset-mail limits. `sending` is the
 * mail on its way (already settled when there is no account): callers answer without awaiting it.
 */
export async function requestResetMail(db: Db, mailer: Mailer, request: ResetMailRequest, now = new Date()): Promise<ResetMailOutcome> {
  const reservation = await reserveResetMail(db, { email: request.email, address: request.address }, now);
  if (!reservation.ok) return reservation;
  const link = await mailableResetLink(db, request.email, RESET_MAIL_HOURS, now);
  if (!link) return { ok: true, sending: Promise.resolve() };
  const say = textIn(request.locale);
  const url = `${request.baseUrl}/reset-password/${link.token}`;
  const sending = mailer({
    to: request.email,
    subject: say(msg("auth.forgot.mail.subject")),
    text: say(msg("auth.forgot.mail.body", { email: request.email, url, hours: RESET_MAIL_HOURS })),
  }).catch((error: unknown) => console.error("reset mail failed", error));
  return { ok: true, sending };
}
