"use server";
import { revalidatePath } from "next/cache";
import { rolesFor } from "@/lib/auth/permissions";
import { msg } from "@/lib/i18n/msg";
import { EnrollmentFieldsSchema } from "@/lib/lms/roster-schemas";
import { rosterImport } from "@/lib/lms/roster-service";
import { courseAction } from "@/lib/server/action-client";

/** Sets one enrolment's section and LMS identifiers from the roster's edit form. */
export const updateEnrollmentFieldsAction = courseAction(
  rolesFor("roster.import"),
  EnrollmentFieldsSchema,
  async ({ courseId: _courseId, enrollmentId, ...values }, access) => {
    await rosterImport.updateEnrollmentFields(access.course.id, access.user.id, enrollmentId, values);
    revalidatePath(`/courses/${access.course.id}/roster`);
    return { ok: true, message: msg("rosterImport.edit.saved") };
  },
);
