// Reads and writes of courses and their rosters: low-traffic pages and actions, so Prisma
// (docs/data-access.md).
import "server-only";
import { COURSE_ROLES, type CourseRole } from "../auth/roles";
import type { Db } from "../db/client";
import type { Course } from "../db/generated/sqlite/client";

/** A user's enrolments, newest first, with what the home page shows of each course. */
export async function enrollmentsOfUser(db: Db, userId: string) {
  const rows = await db.enrollment.findMany({
    where: { userId },
    include: { course: { select: { id: true, code: true, title: true, term: true } } },
    orderBy: { createdAt: "desc" },
  });
  return rows.map((e) => ({ ...e, role: e.role as CourseRole }));
}

/** How many people of each role a course has. */
export async function roleCounts(db: Db, courseId: string): Promise<Record<CourseRole, number>> {
  const groups = await db.enrollment.groupBy({ by: ["role"], where: { courseId }, _count: true });
  return Object.fromEntries(COURSE_ROLES.map((role) => [role, groups.find((g) => g.role === role)?._count ?? 0])) as Record<
    CourseRole,
    number
  >;
}

/** Everyone enrolled in a course, by role then name, with their account. */
export async function rosterOf(db: Db, courseId: string) {
  const rows = await db.enrollment.findMany({
    where: { courseId },
    include: { user: { select: { id: true, name: true, email: true, invited: true } } },
    orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
  });
  return rows.map((e) => ({ ...e, role: e.role as CourseRole }));
}

export async function courseCount(db: Db): Promise<number> {
  return db.course.count();
}

/** A new course, with its creator enrolled as its instructor. */
export async function insertCourse(db: Db, course: Pick<Course, "code" | "title" | "term" | "joinCode" | "createdById">): Promise<Course> {
  return db.course.create({ data: { ...course, enrollments: { create: { userId: course.createdById, role: "INSTRUCTOR" } } } });
}

export async function setJoinCode(db: Db, courseId: string, joinCode: string): Promise<void> {
  await db.course.update({ where: { id: courseId }, data: { joinCode } });
}
