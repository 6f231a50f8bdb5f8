// Enrolment: by an instructor pasting emails (creating invited accounts for new people),
// or by a student typing the course's join code.
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { createInvite } from "../auth/invites";
import type { CourseRole } from "../auth/roles";
import { writeAudit } from "../audit";

export interface EnrollResult {
  added: number;
  invited: number;
  alreadyEnrolled: number;
}

export async function enrollByEmail(
  db: Db,
  courseId: string,
  actorId: string,
  emails: string[],
  role: CourseRole,
  section: string | null,
): Promise<EnrollResult> {
  const result: EnrollResult = { added: 0, invited: 0, alreadyEnrolled: 0 };
  for (const email of emails) {
    let user = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) {
      user = await db.user.create({ data: { id: randomUUID(), email, name: email.split("@")[0], invited: true }, select: { id: true } });
      await createInvite(db, user.id);
      result.invited++;
    }
    const existing = await db.enrollment.findUnique({ where: { courseId_userId: { courseId, userId: user.id } } });
    if (existing) {
      result.alreadyEnrolled++;
      continue;
    }
    await db.enrollment.create({ data: { courseId, userId: user.id, role, section } });
    result.added++;
  }
  await writeAudit(db, { actorId, courseId, action: "enrollment.by-email", detail: { role, section, ...result } });
  return result;
}

/** Enrols the user as a student of the course with this join code; returns the course id, or null. */
export async function joinByCode(db: Db, userId: string, joinCode: string): Promise<{ courseId: string; already: boolean } | null> {
  const course = await db.course.findUnique({ where: { joinCode }, select: { id: true } });
  if (!course) return null;
  const existing = await db.enrollment.findUnique({ where: { courseId_userId: { courseId: course.id, userId } } });
  if (existing) return { courseId: course.id, already: true };
  await db.enrollment.create({ data: { courseId: course.id, userId, role: "STUDENT" } });
  await writeAudit(db, { actorId: userId, courseId: course.id, action: "enrollment.join-code" });
  return { courseId: course.id, already: false };
}
