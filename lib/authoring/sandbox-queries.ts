// The banks a sandbox user may turn a scenario into a question in: every bank of every course
// where they hold a role with banks.edit (the caller passes rolesFor("banks.edit"): this layer
// does not import lib/auth), or of every course for a site administrator, who acts as an
// instructor everywhere. A low-traffic page, so Prisma (docs/data-access.md).
import type { Db } from "../db/client";

/** At most this many banks are offered (an administrator of a large site would get them all). */
export const MAX_EDITABLE_BANKS = 200;

export type EditableBankRow = { bankId: string; bankTitle: string; courseId: string; courseCode: string; courseTitle: string };

export async function editableBanks(
  db: Db,
  user: { id: string; isAdmin: boolean },
  editRoles: readonly string[],
): Promise<EditableBankRow[]> {
  if (!user.isAdmin && editRoles.length === 0) return [];
  const rows = await db.questionBank.findMany({
    where: user.isAdmin ? {} : { course: { enrollments: { some: { userId: user.id, role: { in: [...editRoles] } } } } },
    select: { id: true, title: true, course: { select: { id: true, code: true, title: true } } },
    orderBy: [{ course: { code: "asc" } }, { title: "asc" }, { id: "asc" }],
    take: MAX_EDITABLE_BANKS,
  });
  return rows.map((b) => ({
    bankId: b.id,
    bankTitle: b.title,
    courseId: b.course.id,
    courseCode: b.course.code,
    courseTitle: b.course.title,
  }));
}
