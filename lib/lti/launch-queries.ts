// What a launch reads and writes: the person by (issuer, sub), the LMS course and activity by
// the platform's ids, enrolments, sessions and one-time handoffs. Low-traffic paths, so Prisma
// (docs/data-access.md); each first-time write is a create guarded by a unique constraint, so
// two first launches racing end with one row (the loser reads the winner's).
import type { Db } from "../db/client";
import type { LtiContext, LtiResourceLink, User } from "../db/generated/sqlite/client";

export type LaunchDb = Pick<
  Db,
  | "$transaction"
  | "user"
  | "ltiUser"
  | "ltiContext"
  | "ltiResourceLink"
  | "ltiDeepLink"
  | "enrollment"
  | "session"
  | "ltiHandoff"
  | "quiz"
  | "auditLog"
  | "ltiPlatform"
  | "ltiDeployment"
  | "ltiLogin"
>;

export type LaunchUserRow = Pick<User, "id" | "name" | "email">;

/** Whether a write lost a race to a unique constraint. */
export function lostRace(error: unknown): boolean {
  return (error as { code?: unknown }).code === "P2002";
}

export async function userOfLtiIdentity(db: LaunchDb, issuer: string, sub: string): Promise<LaunchUserRow | null> {
  const row = await db.ltiUser.findUnique({
    where: { issuer_sub: { issuer, sub } },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return row?.user ?? null;
}

export async function emailTaken(db: LaunchDb, email: string): Promise<boolean> {
  return (await db.user.findUnique({ where: { email }, select: { id: true } })) !== null;
}

/** The account and its LMS identity, together or not at all. */
export async function createLtiUser(db: LaunchDb, row: LaunchUserRow & { issuer: string; sub: string; now: Date }): Promise<void> {
  await db.$transaction([
    db.user.create({ data: { id: row.id, name: row.name, email: row.email, invited: false, createdAt: row.now } }),
    db.ltiUser.create({ data: { issuer: row.issuer, sub: row.sub, userId: row.id, createdAt: row.now } }),
  ]);
}

export async function updateUserProfile(db: LaunchDb, userId: string, data: { name?: string; email?: string }): Promise<void> {
  await db.user.update({ where: { id: userId }, data });
}

export type ContextFields = Pick<LtiContext, "title" | "label" | "membershipsUrl" | "lineItemsUrl" | "agsScopes">;

/** The LMS course, made on its first launch; the service URLs refreshed from every launch that gives them. */
export async function upsertContext(
  db: LaunchDb,
  platformId: string,
  contextId: string,
  fields: Partial<ContextFields>,
): Promise<LtiContext> {
  const where = { platformId_contextId: { platformId, contextId } };
  try {
    return await db.ltiContext.upsert({ where, create: { platformId, contextId, ...fields }, update: fields });
  } catch (error) {
    if (!lostRace(error)) throw error;
    return db.ltiContext.update({ where, data: fields });
  }
}

export async function upsertResourceLink(
  db: LaunchDb,
  row: Pick<LtiResourceLink, "platformId" | "contextId" | "resourceLinkId" | "deploymentId" | "title"> & { lineItemUrl?: string },
): Promise<LtiResourceLink> {
  const where = { platformId_resourceLinkId: { platformId: row.platformId, resourceLinkId: row.resourceLinkId } };
  const update = {
    contextId: row.contextId,
    deploymentId: row.deploymentId,
    title: row.title,
    ...(row.lineItemUrl ? { lineItemUrl: row.lineItemUrl } : {}),
  };
  try {
    return await db.ltiResourceLink.upsert({ where, create: { ...row, lineItemUrl: row.lineItemUrl ?? null }, update });
  } catch (error) {
    if (!lostRace(error)) throw error;
    return db.ltiResourceLink.update({ where, data: update });
  }
}

/** Links the activity to a quiz unless it already opens one. */
export async function linkQuizOnce(db: LaunchDb, linkId: string, quizId: string): Promise<string | null> {
  await db.ltiResourceLink.updateMany({ where: { id: linkId, quizId: null }, data: { quizId } });
  return (await db.ltiResourceLink.findUnique({ where: { id: linkId }, select: { quizId: true } }))?.quizId ?? null;
}

export async function quizInCourse(db: LaunchDb, quizId: string, courseId: string): Promise<boolean> {
  return (await db.quiz.findFirst({ where: { id: quizId, courseId }, select: { id: true } })) !== null;
}

export async function enrollmentRole(db: LaunchDb, courseId: string, userId: string): Promise<string | null> {
  const row = await db.enrollment.findUnique({ where: { courseId_userId: { courseId, userId } }, select: { role: true } });
  return row?.role ?? null;
}

/** Enrols, or changes the role; false when a racing launch enrolled first (the caller reads again). */
export async function writeEnrollment(db: LaunchDb, courseId: string, userId: string, role: string, exists: boolean): Promise<boolean> {
  if (exists) {
    await db.enrollment.update({ where: { courseId_userId: { courseId, userId } }, data: { role } });
    return true;
  }
  try {
    await db.enrollment.create({ data: { courseId, userId, role } });
    return true;
  } catch (error) {
    if (lostRace(error)) return false;
    throw error;
  }
}

export async function createDeepLinkRequest(
  db: LaunchDb,
  row: { platformId: string; deploymentId: string; contextId: string; userId: string; settings: string; now: Date; expiresAt: Date },
): Promise<string> {
  const { now, ...data } = row;
  return (await db.ltiDeepLink.create({ data: { ...data, createdAt: now }, select: { id: true } })).id;
}

export async function insertSession(
  db: LaunchDb,
  row: { id: string; token: string; userId: string; expiresAt: Date; now: Date; ipAddress: string | null; userAgent: string | null },
): Promise<void> {
  const { now, ...data } = row;
  await db.session.create({ data: { ...data, createdAt: now, updatedAt: now } });
}

export async function insertHandoff(db: LaunchDb, row: { tokenHash: string; userId: string; target: string; now: Date; expiresAt: Date }) {
  const { now, ...data } = row;
  await db.ltiHandoff.create({ data: { ...data, createdAt: now } });
}

/** The handoff with this hash, spent now: null when there is none, it expired, or it was spent already. */
export async function spendHandoff(db: LaunchDb, tokenHash: string, now: Date): Promise<{ userId: string; target: string } | null> {
  const { count } = await db.ltiHandoff.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  if (count !== 1) return null;
  return db.ltiHandoff.findUnique({ where: { tokenHash }, select: { userId: true, target: true } });
}

/** Handoffs nobody used: gone a day after they expired. */
export async function dropOldHandoffs(db: LaunchDb, now: Date): Promise<void> {
  await db.ltiHandoff.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 24 * 60 * 60 * 1000) } } });
}

export function contextById(db: Pick<Db, "ltiContext">, id: string) {
  return db.ltiContext.findUnique({ where: { id }, include: { platform: { select: { name: true, issuer: true } } } });
}

/** Links the LMS course to a course here, unless an instructor already linked it: the course it opens. */
export async function linkContextOnce(db: Pick<Db, "ltiContext">, id: string, courseId: string): Promise<string | null> {
  await db.ltiContext.updateMany({ where: { id, courseId: null }, data: { courseId } });
  return (await db.ltiContext.findUnique({ where: { id }, select: { courseId: true } }))?.courseId ?? null;
}

/** The courses the user teaches here: what an LMS course may be linked to. */
export function coursesTaughtBy(db: Pick<Db, "enrollment">, userId: string) {
  return db.enrollment.findMany({
    where: { userId, role: "INSTRUCTOR" },
    select: { course: { select: { id: true, code: true, title: true, term: true } } },
    orderBy: { createdAt: "desc" },
  });
}

export function waitingHandoff(db: LaunchDb, tokenHash: string, now: Date): Promise<{ userId: string; target: string } | null> {
  return db.ltiHandoff.findFirst({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, select: { userId: true, target: true } });
}
