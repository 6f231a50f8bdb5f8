"use server";
import { revalidatePath } from "next/cache";
import { courseAction } from "@/lib/server/action-client";
import { AppError } from "@/lib/server/errors";
import { STAFF } from "@/lib/auth/roles";
import { enrollmentService } from "@/lib/courses";
import { EnrollByEmailSchema, splitEmails } from "@/lib/courses/schemas";

export const enrollByEmailAction = courseAction(STAFF, EnrollByEmailSchema, async ({ emails, role, section }, access) => {
  // A TA enrols students; only instructors add staff.
  if (role !== "STUDENT" && access.role !== "INSTRUCTOR") throw new AppError("FORBIDDEN", "Only instructors can add teaching staff.");
  const result = await enrollmentService.enrollByEmail(access.course.id, access.user.id, splitEmails(emails).emails, role, section);
  revalidatePath(`/courses/${access.course.id}/roster`);
  const parts = [`${result.added} enrolled`];
  if (result.invited) {
    parts.push(
      access.role === "INSTRUCTOR"
        ? `${result.invited} invited (new accounts: share their invite links below)`
        : `${result.invited} invited (new accounts: an instructor shares their invite links)`,
    );
  }
  if (result.offered.length)
    parts.push(`${result.offered.length} to confirm (existing accounts: send each the confirmation link below, to that address)`);
  if (result.alreadyEnrolled) parts.push(`${result.alreadyEnrolled} already in the course`);
  return { ok: true, message: `${parts.join("; ")}.` };
});
