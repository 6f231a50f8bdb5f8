// Site-wide account administration: the admin page and its actions, and ending a user's
// sessions. Low traffic, so Prisma (docs/data-access.md).
import "server-only";
import type { Db } from "../db/client";
import type { User } from "../db/generated/sqlite/client";
import type { Locale } from "../i18n/locales";

export type AccountFlag = keyof Pick<User, "canTeach" | "isAdmin">;

/** The oldest accounts first, at most `limit`. */
export async function accounts(db: Db, limit: number) {
  return db.user.findMany({
    orderBy: { createdAt: "asc" },
    take: limit,
    select: { id: true, name: true, email: true, isAdmin: true, canTeach: true, invited: true },
  });
}

export async function accountExists(db: Db, userId: string): Promise<boolean> {
  return (await db.user.findUnique({ where: { id: userId }, select: { id: true } })) !== null;
}

export async function setAccountFlag(db: Db, userId: string, flag: AccountFlag, value: boolean): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { [flag]: value } });
}

/** Ends every session of a user, on every device. */
export async function deleteSessionsOf(db: Db, userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } });
}

/** The person's language, or null to follow the browser's. */
export async function setAccountLocale(db: Db, userId: string, locale: Locale | null): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale } });
}
