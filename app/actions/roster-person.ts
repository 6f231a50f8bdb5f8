"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { rolesFor } from "@/lib/auth/permissions";
import { CourseRoleSchema } from "@/lib/auth/roles";
import { rosterEdits } from "@/lib/courses";
import { msg } from "@/lib/i18n/msg";
import { courseAction } from "@/lib/server/action-client";

const Member = z.object({ courseId: z.string().min(1).max(100), enrollmentId: z.string().min(1).max(100) });

/** An instructor gives a person another role in the course. */
export const changeRoleAction = courseAction(
  rolesFor("roster.roles"),
  Member.extend({ role: CourseRoleSchema }),
  async ({ enrollmentId, role }, access) => {
    const { name } = await rosterEdits.changeRole(access.course.id, access.user.id, enrollmentId, role);
    revalidatePath(`/courses/${access.course.id}/roster`);
    return { ok: true, message: msg("roster.person.role.saved", { name, role }) };
  },
);

/** An instructor takes a person out of the course (their attempts are kept), then is back on the roster. */
export const removeMemberAction = courseAction(rolesFor("roster.roles"), Member, async ({ enrollmentId }, access) => {
  await rosterEdits.removeMember(access.course.id, access.user.id, enrollmentId);
  revalidatePath(`/courses/${access.course.id}/roster`);
  redirect(`/courses/${access.course.id}/roster?removed=1`);
});
