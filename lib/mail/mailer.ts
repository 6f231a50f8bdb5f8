// The app's outgoing mail, through nodemailer when SMTP_URL is set (lib/env.ts). A Mailer is a
// plain function so the reset mail (reset-mail.ts) can be tested against any server.
import nodemailer from "nodemailer";
import { env } from "../env";

export type Mail = { to: string; subject: string; text: string };
export type Mailer = (mail: Mail) => Promise<void>;

/** A mailer that sends through the SMTP server at `url`, from `from`. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return async (mail) => {
    await transport.sendMail({ from, ...mail });
  };
}

let configured: Mailer | null | undefined;

/** The app's mailer, or null when no mail server is configured. */
export function appMailer(): Mailer | null {
  if (configured === undefined) configured = env.SMTP_URL && env.MAIL_FROM ? smtpMailer(env.SMTP_URL, env.MAIL_FROM) : null;
  return configured;
}
