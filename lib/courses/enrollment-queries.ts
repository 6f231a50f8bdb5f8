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

export type MemberRow = Pick<Enrollment, "id" | "userId" | "role" | "section"> & {
  user: Pick<User, "name" | "email" | "emailVerified" | "invited" | "isAdmin" | "canTeach">;
};

/** One enrolment of the course, with what its roster page shows and decides by. */
export function memberOf(db: Db, courseId: string, enrollmentId: string): Promise<MemberRow | null> {
  return db.enrollment.findFirst({
    where: { id: enrollmentId, courseId },
    select: {
      id: true,
      userId: true,
      role: true,
      section: true,
      user: { select: { name: true, email: true, emailVerified: true, invited: true, isAdmin: true, canTeach: true } },
    },
  });
}

/** What a change of the roster came to: done, refused because the course would have no instructor left, or the enrolment was gone. */
export type RosterChange = "done" | "last-instructor" | "gone";

class NoInstructorLeft extends Error {}

type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Runs `change` and the audit entry in one transaction, undone when the course would be left
 * without an instructor: two instructors removing each other at once cannot both succeed.
 */
async function keepingAnInstructor(
  db: Db,
  courseId: string,
  change: (tx: Tx) => Promise<number>,
  audit: AuditEntry,
): Promise<RosterChange> {
  try {
    return await db.$transaction(async (tx) => {
      if ((await change(tx)) === 0) return "gone";
      if ((await tx.enrollment.count({ where: { courseId, role: "INSTRUCTOR" } })) === 0) throw new NoInstructorLeft();
      await auditCreate(tx, audit);
      return "done";
    });
  } catch (error) {
    if (error instanceof NoInstructorLeft) return "last-instructor";
    throw error;
  }
}

/** Takes the enrolment out of the course, with any staff offer still waiting; the person's attempts stay. */
export function deleteEnrollment(
  db: Db,
  courseId: string,
  member: Pick<MemberRow, "id" | "userId">,
  audit: AuditEntry,
): Promise<RosterChange> {
  return keepingAnInstructor(
    db,
    courseId,
    async (tx) => {
      await tx.staffInvite.deleteMany({ where: { courseId, userId: member.userId } });
      return (await tx.enrollment.deleteMany({ where: { id: member.id, courseId } })).count;
    },
    audit,
  );
}

/** Sets the enrolment's role. */
export function setEnrollmentRole(
  db: Db,
  courseId: string,
  enrollmentId: string,
  role: Enrollment["role"],
  audit: AuditEntry,
): Promise<RosterChange> {
  return keepingAnInstructor(
    db,
    courseId,
    async (tx) => (await tx.enrollment.updateMany({ where: { id: enrollmentId, courseId }, data: { role } })).count,
    audit,
  );
}
