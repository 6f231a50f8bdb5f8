// The statements of the roster sync with the LMS: an instructor's occasional action, so Prisma
// (docs/data-access.md). Each takes a client or a transaction, so the apply reads and writes
// inside one.
import type { CourseRole } from "../auth/roles";
import type { Db } from "../db/client";
import type { Identity, ListedMember, SyncAccount, SyncEnrolment } from "./roster-sync-plan";

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];
type Client = Db | Tx;

// Under every database's limit of bound parameters per statement.
const CHUNK = 500;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/** The LMS courses linked to this course that name a membership service, with their platforms. */
export function syncContexts(db: Client, courseId: string) {
  return db.ltiContext.findMany({
    where: { courseId, membershipsUrl: { not: null } },
    include: { platform: true },
    orderBy: { createdAt: "asc" },
  });
}

/** Whether the course has an LMS course with a membership service (the roster offers the sync). */
export async function canSyncRoster(db: Client, courseId: string): Promise<boolean> {
  return (await db.ltiContext.count({ where: { courseId, membershipsUrl: { not: null } } })) > 0;
}

const accountSelect = {
  id: true,
  email: true,
  name: true,
  emailVerified: true,
  invited: true,
  isAdmin: true,
  canTeach: true,
  accounts: { where: { password: { not: null } }, select: { id: true } },
  ltiIdentities: { select: { issuer: true, sub: true } },
} as const;

type AccountRow = {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  invited: boolean;
  isAdmin: boolean;
  canTeach: boolean;
  accounts: { id: string }[];
  ltiIdentities: Identity[];
};

function toAccount(u: AccountRow): SyncAccount {
  return {
    userId: u.id,
    email: u.email,
    name: u.name,
    emailProven: u.emailVerified || u.invited,
    privileged: u.isAdmin || u.canTeach,
    hasPassword: u.accounts.length > 0,
    identities: u.ltiIdentities,
  };
}

/** The course's creator, its enrolments, and every account the members may be. */
export async function syncStateOf(
  db: Client,
  courseId: string,
  members: readonly ListedMember[],
): Promise<{ creatorId: string; enrolments: SyncEnrolment[]; accounts: SyncAccount[] } | null> {
  const course = await db.course.findUnique({ where: { id: courseId }, select: { createdById: true } });
  if (!course) return null;
  const rows = await db.enrollment.findMany({
    where: { courseId },
    select: { id: true, userId: true, role: true, sisUserId: true, lmsStatus: true, user: { select: accountSelect } },
    orderBy: { createdAt: "asc" },
  });
  const accounts = new Map<string, SyncAccount>();
  for (const r of rows) accounts.set(r.userId, toAccount(r.user));

  const ids = new Set<string>();
  const byIssuer = new Map<string, string[]>();
  for (const m of members) (byIssuer.get(m.issuer) ?? byIssuer.set(m.issuer, []).get(m.issuer)!).push(m.userId);
  for (const [issuer, subs] of byIssuer)
    for (const part of chunks(subs)) {
      const links = await db.ltiUser.findMany({ where: { issuer, sub: { in: part } }, select: { userId: true } });
      for (const l of links) ids.add(l.userId);
    }
  const emails = [...new Set(members.flatMap((m) => (m.email ? [m.email] : [])))];
  for (const part of chunks(emails)) {
    const found = await db.user.findMany({ where: { email: { in: part } }, select: { id: true } });
    for (const u of found) ids.add(u.id);
  }
  const missing = [...ids].filter((id) => !accounts.has(id));
  for (const part of chunks(missing)) {
    const found = await db.user.findMany({ where: { id: { in: part } }, select: accountSelect });
    for (const u of found) accounts.set(u.id, toAccount(u));
  }
  return {
    creatorId: course.createdById,
    enrolments: rows.map((r) => ({
      enrollmentId: r.id,
      userId: r.userId,
      role: r.role as CourseRole,
      sisUserId: r.sisUserId,
      lmsStatus: r.lmsStatus,
    })),
    accounts: [...accounts.values()],
  };
}

export async function createIdentities(db: Client, rows: readonly (Identity & { userId: string })[]): Promise<void> {
  for (const part of chunks(rows)) await db.ltiUser.createMany({ data: part });
}

/** Sets these enrolments' LMS status; `leftAt` is set only where none is (the first time they were found gone counts). */
export async function markLmsStatus(db: Client, enrollmentIds: readonly string[], status: string, leftAt: Date | null): Promise<void> {
  for (const part of chunks(enrollmentIds)) {
    if (leftAt === null) await db.enrollment.updateMany({ where: { id: { in: part } }, data: { lmsStatus: status, lmsLeftAt: null } });
    else {
      await db.enrollment.updateMany({ where: { id: { in: part } }, data: { lmsStatus: status } });
      await db.enrollment.updateMany({ where: { id: { in: part }, lmsLeftAt: null }, data: { lmsLeftAt: leftAt } });
    }
  }
}

export async function updateEnrolment(
  db: Client,
  enrollmentId: string,
  data: { role?: CourseRole; sisUserId?: string; lmsStatus?: string; lmsLeftAt?: null },
): Promise<void> {
  await db.enrollment.update({ where: { id: enrollmentId }, data });
}

export async function renameUser(db: Client, userId: string, name: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name } });
}
