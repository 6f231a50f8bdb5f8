// Account changes made by admins or by the account's owner, each recorded in the audit log.
import "server-only";
import { writeAudit } from "../audit";
import type { Db } from "../db/client";
import { AppError } from "../server/errors";
import type { Locale } from "../i18n/locales";
import { msg } from "../i18n/msg";
import { accountExists, deleteSessionsOf, setAccountFlag, setAccountLocale, type AccountFlag } from "./queries";

/** An admin lets an account create courses, or makes it an admin (never un-makes themselves). */
export async function setFlag(db: Db, actorId: string, userId: string, flag: AccountFlag, value: boolean): Promise<void> {
  if (flag === "isAdmin" && userId === actorId && !value) throw new AppError("CONFLICT", msg("admin.flags.ownAdmin"));
  if (!(await accountExists(db, userId))) throw new AppError("NOT_FOUND", msg("admin.flags.noAccount"));
  await setAccountFlag(db, userId, flag, value);
  await writeAudit(db, { actorId, action: `user.${flag}`, target: userId, detail: { value } });
}

/** Ends every session of the user, on every device. */
export async function signOutEverywhere(db: Db, userId: string): Promise<void> {
  await deleteSessionsOf(db, userId);
  await writeAudit(db, { actorId: userId, action: "auth.sign-out-everywhere", target: userId });
}

/** The owner chooses the language the product speaks to them (null: the browser's). Not audited: it changes nothing anyone else sees. */
export async function setLocale(db: Db, userId: string, locale: Locale | null): Promise<void> {
  await setAccountLocale(db, userId, locale);
}
