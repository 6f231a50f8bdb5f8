// The statements of enrolment (lib/courses/enroll.ts) and of staff invitations, as named
// functions. Row types come from the generated Prisma models.
import type { Db } from "../db/client";
import type { Course, Enrollment, StaffInvite, User } from "../db/generated/sqlite/client";
import { auditCreate, type AuditEntry } from "../audit";

export type EnrollmentRow = Pick<Enrollment, "courseId" | "userId" | "role" | "section">;
/** A new enrolment, with the student's LMS identifiers when they are known (the roster import), and its LMS status (the roster sync). */
export type NewEnrollmentRow = EnrollmentRow &
  Partial<Pick<Enrollment, "sisUserId" | "sisLoginId" | "username" | "orgDefinedId" | "lmsStatus">>;
export type StaffInviteRow = Pick<StaffInvite, "id" | "token" | "courseId" | "userId" | "role" | "section" | "expiresAt">;
export type StaffInviteView = StaffInviteRow & { user: Pick<User, "email" | "name">; course: Pick<Course, "code" | "title"> };

export function courseIdByJoinCode(db: Db, joinCode: string): Promise<Pick<Course, "id"> | null> {
  return db.course.findUnique({ where: { joinCode }, select: { id: true } });
}

export function enrollmentOf(db: Db, courseId: string, userId: string): Promise<EnrollmentRow | null> {
  return db.enrollment.findUnique({
    where: { courseId_userId: { courseId, userId } },
    select: { courseId: true, userId: true, role: true, section: true },
  });
}

export async function createEnrollment(db: Pick<Db, "enrollment">, row: NewEnrollmentRow): Promise<void> {
  await db.enrollment.create({ data: row });
}

/** Many enrolments, in as few statements as the rows allow; `db` may be a transaction. */
export async function createEnrollments(db: Pick<Db, "enrollment">, rows: readonly NewEnrollmentRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.enrollment.createMany({ data: rows.slice(i, i + 500) });
}

/** The offer of a staff role to this user in this course, replacing an earlier one. */
export async function upsertStaffInvite(db: Db, row: Omit<StaffInviteRow, "id">): Promise<void> {
  const { courseId, userId, ...rest } = row;
  await db.staffInvite.upsert({ where: { courseId_userId: { courseId, userId } }, create: row, update: rest });
}

const viewSelect = {
  id: true,
  token: true,
  courseId: true,
  userId: true,
  role: true,
  section: true,
  expiresAt: true,
  user: { select: { email: true, name: true } },
  course: { select: { code: true, title: true } },
} as const;

export function staffInviteByToken(db: Db, token: string): Promise<StaffInviteView | null> {
  return db.staffInvite.findUnique({ where: { token }, select: viewSelect });
}

/** The course's open staff offers, for its instructors. */
export function staffInvitesOf(db: Db, courseId: string, now = new Date()): Promise<StaffInviteView[]> {
  return db.staffInvite.findMany({ where: { courseId, expiresAt: { gt: now } }, select: viewSelect, orderBy: { createdAt: "asc" } });
}

/**
 * Accepts a staff offer: uses it up, enrols the user in its role (or raises their role if
 * they were already enrolled), marks their email proven, and records it, all or nothing. False
 * when the offer was already used (a concurrent acceptance won).
 */
export async function acceptStaffInviteRows(db: Db, invite: StaffInviteRow, audit: AuditEntry): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const used = await tx.staffInvite.deleteMany({ where: { id: invite.id } });
    if (used.count === 0) return false;
    await tx.enrollment.upsert({
      where: { courseId_userId: { courseId: invite.courseId, userId: invite.userId } },
      create: { courseId: invite.courseId, userId: invite.userId, role: invite.role, section: invite.section },
      update: { role: invite.role, section: invite.section },
    });
    await tx.user.update({ where: { id: invite.userId }, data: { emailVerified: true } });
    await auditCreate(tx, audit);
    return true;
  });
}
