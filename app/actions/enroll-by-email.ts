"use server";
import { revalidatePath } from "next/cache";
import { msg } from "@/lib/i18n/msg";
import { courseAction } from "@/lib/server/action-client";
import { AppError } from "@/lib/server/errors";
import { textRenderer } from "@/lib/server/text";
import { STAFF } from "@/lib/auth/roles";
import { enrollmentService } from "@/lib/courses";
import { EnrollByEmailSchema, splitEmails } from "@/lib/courses/schemas";
import { enrolmentSummary } from "@/lib/courses/summary";

export const enrollByEmailAction = courseAction(STAFF, EnrollByEmailSchema, async ({ emails, role, section }, access) => {
  // A TA enrols students; only instructors add staff.
  if (role !== "STUDENT" && access.role !== "INSTRUCTOR") throw new AppError("FORBIDDEN", msg("roster.staffOnly"));
  const result = await enrollmentService.enrollByEmail(access.course.id, access.user.id, splitEmails(emails).emails, role, section);
  revalidatePath(`/courses/${access.course.id}/roster`);
  const text = await textRenderer();
  return { ok: true, message: text(enrolmentSummary(result, access.role)) };
});
