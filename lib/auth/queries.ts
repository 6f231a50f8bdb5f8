// Every statement the authentication code runs, as named functions: hand-written SQL on the
// paths every request or sign-in takes (the session check, course access, the sign-in limiter;
// see lib/db/sql.ts), Prisma for the rest. Row types come from the generated Prisma models.
import { randomBytes } from "node:crypto";
import { sqlOf, type Db } from "../db/client";
import type { Course, Enrollment, LoginThrottle, Session, User } from "../db/generated/sqlite/client";
import { auditCreate, type AuditEntry } from "../audit";

// ---------------------------------------------------------------- sessions and access

export type SessionUserRow = Pick<User, "id" | "name" | "email" | "isAdmin" | "canTeach" | "locale">;
export type SessionRow = SessionUserRow & Pick<Session, "expiresAt">;

/** The session with this token and its user, expired or not. */
export async function sessionByToken(db: Db, token: string): Promise<SessionRow | null> {
  const [row] = await sqlOf(db).all<SessionRow>(
    `SELECT u."id" AS "id", u."name" AS "name", u."email" AS "email", u."isAdmin" AS "isAdmin", u."canTeach" AS "canTeach", u."locale" AS "locale", s."expiresAt" AS "expiresAt"
     FROM "session" s JOIN "user" u ON u."id" = s."userId" WHERE s."token" = $1`,
    [token],
  );
  return row ?? null;
}

export type CourseRow = Pick<Course, "id" | "code" | "title" | "term" | "joinCode">;
export type CourseAccessRow = CourseRow & { role: Enrollment["role"] | null; section: Enrollment["section"] };

/** The course and the user's enrolment in it (role null when not enrolled), or null when there is no such course. */
export async function courseWithEnrollment(db: Db, courseId: string, userId: string): Promise<CourseAccessRow | null> {
  const [row] = await sqlOf(db).all<CourseAccessRow>(
    `SELECT c."id" AS "id", c."code" AS "code", c."title" AS "title", c."term" AS "term", c."joinCode" AS "joinCode", e."role" AS "role", e."section" AS "section"
     FROM "Course" c LEFT JOIN "Enrollment" e ON e."courseId" = c."id" AND e."userId" = $2 WHERE c."id" = $1`,
    [courseId, userId],
  );
  return row ?? null;
}

/** How many unexpired sessions (devices and browsers) the user has. */
export function liveSessionCount(db: Db, userId: string, now = new Date()): Promise<number> {
  return db.session.count({ where: { userId, expiresAt: { gt: now } } });
}

// ---------------------------------------------------------------- the sign-in limiter

export type ThrottleRow = Pick<LoginThrottle, "key" | "failures" | "windowStart">;

/**
 * Takes one of `max` slots of `key`'s window in one atomic statement: true when taken, false
 * when the window is full. A window that has run out starts again at 1.
 */
export async function takeThrottleSlot(db: Db, key: string, max: number, windowMs: number, now: Date): Promise<boolean> {
  const ended = new Date(now.getTime() - windowMs);
  const changed = await sqlOf(db).run(
    `INSERT INTO "login_throttle" ("key", "failures", "windowStart") VALUES ($1, 1, $2)
     ON CONFLICT ("key") DO UPDATE SET
       "failures" = CASE WHEN "login_throttle"."windowStart" <= $3 THEN 1 ELSE "login_throttle"."failures" + 1 END,
       "windowStart" = CASE WHEN "login_throttle"."windowStart" <= $3 THEN $2 ELSE "login_throttle"."windowStart" END
     WHERE "login_throttle"."windowStart" <= $3 OR "login_throttle"."failures" < $4`,
    [key, now, ended, max],
  );
  return changed === 1;
}

/** Marks `key` as seen in a window of `windowMs`: true when it was not seen in the current one. */
export async function markThrottleKey(db: Db, key: string, windowMs: number, now: Date): Promise<boolean> {
  const changed = await sqlOf(db).run(
    `INSERT INTO "login_throttle" ("key", "failures", "windowStart") VALUES ($1, 1, $2)
     ON CONFLICT ("key") DO UPDATE SET "windowStart" = $2 WHERE "login_throttle"."windowStart" <= $3`,
    [key, now, new Date(now.getTime() - windowMs)],
  );
  return changed === 1;
}

/** Gives back one slot taken by takeThrottleSlot. */
export async function releaseThrottleSlot(db: Db, key: string): Promise<void> {
  await sqlOf(db).run(`UPDATE "login_throttle" SET "failures" = "failures" - 1 WHERE "key" = $1 AND "failures" > 0`, [key]);
}

/** Forgets `key`; true when it was there. */
export async function deleteThrottleKey(db: Db, key: string): Promise<boolean> {
  return (await sqlOf(db).run(`DELETE FROM "login_throttle" WHERE "key" = $1`, [key])) === 1;
}

export async function throttleRow(db: Db, key: string): Promise<ThrottleRow | null> {
  const [row] = await sqlOf(db).all<ThrottleRow>(
    `SELECT "key" AS "key", "failures" AS "failures", "windowStart" AS "windowStart" FROM "login_throttle" WHERE "key" = $1`,
    [key],
  );
  return row ?? null;
}

// ---------------------------------------------------------------- accounts and invitations

const INVITE_PREFIX = "invite:";

export type InvitedUserRow = Pick<User, "id" | "email" | "name" | "invited">;
export type AccountOwnerRow = Pick<User, "id" | "email" | "emailVerified" | "invited">;

export function userByEmail(db: Db, email: string): Promise<AccountOwnerRow | null> {
  return db.user.findUnique({ where: { email }, select: { id: true, email: true, emailVerified: true, invited: true } });
}

/** What an invited account is made of: its id, address and name. */
export type InvitedUserData = Pick<User, "id" | "email" | "name">;

// Under every database's limit of bound parameters per statement.
const CHUNK = 500;

/**
 * New accounts for invited people (no password until they claim the invite), in as few
 * statements as the rows allow. `db` may be a transaction (the roster import's).
 */
export async function createInvitedUsers(db: Pick<Db, "user">, users: readonly InvitedUserData[]): Promise<void> {
  for (let i = 0; i < users.length; i += CHUNK)
    await db.user.createMany({ data: users.slice(i, i + CHUNK).map((u) => ({ ...u, invited: true })) });
}

function inviteTokenData(userId: string, token: string, expiresAt: Date) {
  return { id: randomBytes(12).toString("hex"), identifier: `${INVITE_PREFIX}${userId}`, value: token, expiresAt };
}

/** Replaces the user's invite token by `token`, valid until `expiresAt`. */
export async function replaceInviteToken(db: Db, userId: string, token: string, expiresAt: Date): Promise<void> {
  await db.$transaction([
    db.verification.deleteMany({ where: { identifier: `${INVITE_PREFIX}${userId}` } }),
    db.verification.create({ data: inviteTokenData(userId, token, expiresAt) }),
  ]);
}

/** The first invite tokens of accounts just made (there are none to replace); `db` may be a transaction. */
export async function insertInviteTokens(
  db: Pick<Db, "verification">,
  tokens: readonly { userId: string; token: string; expiresAt: Date }[],
): Promise<void> {
  for (let i = 0; i < tokens.length; i += CHUNK)
    await db.verification.createMany({ data: tokens.slice(i, i + CHUNK).map((t) => inviteTokenData(t.userId, t.token, t.expiresAt)) });
}

export type InviteRow = { id: string; expiresAt: Date; user: InvitedUserRow | null };

/** The invite with this token and its user, expired or not. */
export async function inviteByToken(db: Db, token: string): Promise<InviteRow | null> {
  const row = await db.verification.findFirst({
    where: { value: token, identifier: { startsWith: INVITE_PREFIX } },
    select: { id: true, identifier: true, expiresAt: true },
  });
  if (!row) return null;
  const user = await db.user.findUnique({
    where: { id: row.identifier.slice(INVITE_PREFIX.length) },
    select: { id: true, email: true, name: true, invited: true },
  });
  return { id: row.id, expiresAt: row.expiresAt, user };
}

/** The current invite token of each of these users that has one. */
export async function inviteTokensOf(db: Db, userIds: string[]): Promise<Map<string, string>> {
  const rows = await db.verification.findMany({
    where: { identifier: { in: userIds.map((id) => `${INVITE_PREFIX}${id}`) } },
    select: { identifier: true, value: true },
  });
  return new Map(rows.map((r) => [r.identifier.slice(INVITE_PREFIX.length), r.value]));
}

/**
 * Claims an invite: uses the invite up, gives the account its password and name, proves its
 * email (the link reached its owner) and records it, all or nothing. False when the invite was
 * already used (a concurrent claim won).
 */
export async function claimInviteRows(
  db: Db,
  invite: { id: string; userId: string },
  name: string,
  passwordHash: string,
  audit: AuditEntry,
): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const used = await tx.verification.deleteMany({ where: { id: invite.id } });
    if (used.count === 0) return false;
    await tx.account.create({
      data: { id: crypto.randomUUID(), accountId: invite.userId, providerId: "credential", userId: invite.userId, password: passwordHash },
    });
    await tx.user.update({ where: { id: invite.userId }, data: { name, invited: false, emailVerified: true } });
    await auditCreate(tx, audit);
    return true;
  });
}

// ---------------------------------------------------------------- password reset links

// better-auth's own form for a reset link (its /reset-password endpoint consumes it): the token in
// the identifier, the account in the value.
const RESET_PREFIX = "reset-password:";

export type ResetTargetRow = Pick<User, "id" | "email" | "name" | "invited" | "isAdmin" | "canTeach"> & {
  /** The account's roles in every course it is enrolled in. */
  roles: Enrollment["role"][];
  /** Its role in the course the link is made from, when there is one. */
  roleHere: Enrollment["role"] | null;
};

/** The account a reset link would be for, with what decides who may make one; `courseId` the course it is asked from. */
export async function resetTargetRow(db: Db, userId: string, courseId: string | null): Promise<ResetTargetRow | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      invited: true,
      isAdmin: true,
      canTeach: true,
      enrollments: { select: { role: true, courseId: true } },
    },
  });
  if (!user) return null;
  const { enrollments, ...rest } = user;
  return { ...rest, roles: enrollments.map((e) => e.role), roleHere: enrollments.find((e) => e.courseId === courseId)?.role ?? null };
}

/** Replaces the account's reset link (an earlier one stops working) by `token`, valid until `expiresAt`. */
export async function replaceResetToken(db: Db, userId: string, token: string, expiresAt: Date): Promise<void> {
  await db.$transaction([
    db.verification.deleteMany({ where: { value: userId, identifier: { startsWith: RESET_PREFIX } } }),
    db.verification.create({
      data: { id: randomBytes(12).toString("hex"), identifier: `${RESET_PREFIX}${token}`, value: userId, expiresAt },
    }),
  ]);
}

export type ResetLinkRow = { expiresAt: Date; user: Pick<User, "id" | "email" | "name"> | null };

/** The reset link with this token and its account, expired or not. */
export async function resetTokenRow(db: Db, token: string): Promise<ResetLinkRow | null> {
  const row = await db.verification.findFirst({
    where: { identifier: `${RESET_PREFIX}${token}` },
    select: { value: true, expiresAt: true },
  });
  if (!row) return null;
  const user = await db.user.findUnique({ where: { id: row.value }, select: { id: true, email: true, name: true } });
  return { expiresAt: row.expiresAt, user };
}

/** Forgets every reset link of the account (after one was used). */
export async function deleteResetTokensOf(db: Db, userId: string): Promise<void> {
  await db.verification.deleteMany({ where: { value: userId, identifier: { startsWith: RESET_PREFIX } } });
}
