// How the seed knows the demo course: by a stable identity, never by its join code, which an
// instructor may replace. New databases give the course a fixed id; databases seeded before
// that are known by the seed's own audit entry ("seed.demo", with the course's id). A demo
// course that was deleted stays deleted: the audit entry says the seed already ran.
import type { Db } from "../db/client";

export const DEMO_COURSE_ID = "demo-course-net101";
const SEED_ACTION = "seed.demo";
export { SEED_ACTION as DEMO_SEED_ACTION };

/** The demo course's id, or null when there is none (never seeded, or deleted since). */
export async function demoCourseId(db: Db): Promise<string | null> {
  if (await db.course.findUnique({ where: { id: DEMO_COURSE_ID }, select: { id: true } })) return DEMO_COURSE_ID;
  const seeded = await db.auditLog.findFirst({
    where: { action: SEED_ACTION, courseId: { not: null } },
    orderBy: { at: "asc" },
    select: { courseId: true },
  });
  return seeded?.courseId ?? null;
}

/** Whether the seed has run on this database (its course may have been deleted since). */
export async function demoWasSeeded(db: Db): Promise<boolean> {
  if (await db.course.findUnique({ where: { id: DEMO_COURSE_ID }, select: { id: true } })) return true;
  return (await db.auditLog.count({ where: { action: SEED_ACTION } })) > 0;
}
