"use server";
import { revalidatePath } from "next/cache";
import { rolesFor } from "@/lib/auth/permissions";
import { msg } from "@/lib/i18n/msg";
import { changeCount } from "@/lib/lms/roster-plan";
import { RosterApplySchema } from "@/lib/lms/roster-schemas";
import { rosterImport } from "@/lib/lms/roster-service";
import { courseCall } from "@/lib/server/action-client";

/** Applies a roster file if it still plans what the preview showed (its digest); else says what it would do now. */
export const applyRosterAction = courseCall(
  rolesFor("roster.import"),
  RosterApplySchema,
  msg("rosterImport.problem.tooLarge"),
  async ({ text, digest }, access) => {
    const outcome = await rosterImport.applyRoster(access.course.id, access.user.id, text, digest);
    if (outcome.applied) revalidatePath(`/courses/${access.course.id}/roster`);
    return { ok: true as const, ...outcome, changes: changeCount(outcome.preview.plan) };
  },
);
