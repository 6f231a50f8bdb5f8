// An instructor's edits of one person on the roster: their role, or taking them out of the
// course. Nobody changes their own place (another instructor does), a course always keeps an
// instructor, and a staff role needs an email its owner proved (docs/security-auth.md): an
// account whose email was never proven becomes staff only through the confirmation link that
// enrolment by email sends. Removing a person keeps their attempts (they belong to the person
// and the quiz, not the enrolment): enrolled again, they find them where they left them.
import type { CourseRole } from "../auth/roles";
import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { deleteEnrollment, memberOf, setEnrollmentRole, type MemberRow, type RosterChange } from "./enrollment-queries";

const NOT_FOUND = msg("rosterImport.edit.notFound");

async function memberToChange(
  db: Db,
  courseId: string,
  actorId: string,
  enrollmentId: string,
  self: "role" | "remove",
): Promise<MemberRow> {
  const member = await memberOf(db, courseId, enrollmentId);
  if (!member) throw new AppError("NOT_FOUND", NOT_FOUND);
  if (member.userId === actorId)
    throw new AppError("CONFLICT", msg(self === "role" ? "roster.person.role.self" : "roster.person.remove.self"));
  return member;
}

function settled(change: RosterChange, lastInstructor: "roster.person.role.lastInstructor" | "roster.person.remove.lastInstructor"): void {
  if (change === "gone") throw new AppError("NOT_FOUND", NOT_FOUND);
  if (change === "last-instructor") throw new AppError("CONFLICT", msg(lastInstructor));
}

/** Gives the enrolled person `role` in the course; what they were and became is in the audit log. */
export async function changeRole(
  db: Db,
  courseId: string,
  actorId: string,
  enrollmentId: string,
  role: CourseRole,
): Promise<{ name: string }> {
  const member = await memberToChange(db, courseId, actorId, enrollmentId, "role");
  if (member.role === role) throw new AppError("CONFLICT", msg("roster.person.role.same"));
  if (role !== "STUDENT" && !member.user.emailVerified) throw new AppError("CONFLICT", msg("roster.person.role.unproven"));
  const audit = { actorId, courseId, action: "enrollment.role", target: member.userId, detail: { from: member.role, to: role } };
  settled(await setEnrollmentRole(db, courseId, enrollmentId, role, audit), "roster.person.role.lastInstructor");
  return { name: member.user.name };
}

/** Takes the person out of the course; their attempts are kept. */
export async function removeMember(db: Db, courseId: string, actorId: string, enrollmentId: string): Promise<void> {
  const member = await memberToChange(db, courseId, actorId, enrollmentId, "remove");
  const audit = {
    actorId,
    courseId,
    action: "enrollment.remove",
    target: member.userId,
    detail: { role: member.role, section: member.section },
  };
  settled(await deleteEnrollment(db, courseId, member, audit), "roster.person.remove.lastInstructor");
}

export { memberOf };
