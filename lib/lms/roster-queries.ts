// The statements of the roster import and of editing an enrolment's section and identifiers:
// low-traffic instructor paths, so Prisma (docs/data-access.md). Each takes a client or a
// transaction, so the import reads and writes inside one.
import { auditCreate, type AuditEntry } from "../audit";
import type { CourseRole } from "../auth/roles";
import type { Db } from "../db/client";
import type { Enrollment } from "../db/generated/sqlite/client";
import type { Account, CourseMember } from "./roster-plan";
import type { EnrolmentField } from "./roster-schemas";

type Reader = Pick<Db, "enrollment" | "user">;

const memberSelect = {
  id: true,
  userId: true,
  role: true,
  section: true,
  sisUserId: true,
  sisLoginId: true,
  username: true,
  orgDefinedId: true,
  user: { select: { email: true, name: true } },
} as const;

type MemberRow = Pick<Enrollment, "id" | "userId" | "role" | "section" | "sisUserId" | "sisLoginId" | "username" | "orgDefinedId"> & {
  user: { email: string; name: string };
};

function toMember(e: MemberRow): CourseMember {
  return {
    enrollmentId: e.id,
    userId: e.userId,
    email: e.user.email,
    name: e.user.name,
    role: e.role as CourseRole,
    section: e.section,
    ids: { sisUserId: e.sisUserId, sisLoginId: e.sisLoginId, username: e.username, orgDefinedId: e.orgDefinedId },
  };
}

/** Every enrolment of the course, with the account's address and name. */
export async function courseMembers(db: Reader, courseId: string): Promise<CourseMember[]> {
  const rows = await db.enrollment.findMany({ where: { courseId }, select: memberSelect });
  return rows.map(toMember);
}

/** One enrolment of the course, or null. */
export async function courseMember(db: Reader, courseId: string, enrollmentId: string): Promise<CourseMember | null> {
  const row = await db.enrollment.findFirst({ where: { id: enrollmentId, courseId }, select: memberSelect });
  return row ? toMember(row) : null;
}

// Under every database's limit of bound parameters per statement.
const CHUNK = 500;

/** The accounts with these (lower-case) addresses. */
export async function accountsByEmail(db: Reader, emails: readonly string[]): Promise<Account[]> {
  const found: Account[] = [];
  for (let i = 0; i < emails.length; i += CHUNK) {
    const rows = await db.user.findMany({
      where: { email: { in: emails.slice(i, i + CHUNK) } },
      select: { id: true, email: true, name: true },
    });
    found.push(...rows.map((u) => ({ userId: u.id, email: u.email, name: u.name })));
  }
  return found;
}

/** Sets the same values on each of these enrolments (a section given to many students is one statement). */
export async function setEnrollmentFields(
  db: Pick<Db, "enrollment">,
  enrollmentIds: readonly string[],
  values: Partial<Record<EnrolmentField, string | null>>,
): Promise<void> {
  for (let i = 0; i < enrollmentIds.length; i += CHUNK)
    await db.enrollment.updateMany({ where: { id: { in: enrollmentIds.slice(i, i + CHUNK) } }, data: values });
}

/** Sets an enrolment's section and identifiers and records it, both or neither. */
export async function writeEnrollmentFields(
  db: Db,
  enrollmentId: string,
  values: Record<EnrolmentField, string | null>,
  audit: AuditEntry,
): Promise<void> {
  await db.$transaction([db.enrollment.update({ where: { id: enrollmentId }, data: values }), auditCreate(db, audit)]);
}
