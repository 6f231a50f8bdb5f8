"use server";
import { rolesFor } from "@/lib/auth/permissions";
import { msg } from "@/lib/i18n/msg";
import { changeCount } from "@/lib/lms/roster-plan";
import { RosterPreviewSchema } from "@/lib/lms/roster-schemas";
import { rosterImport } from "@/lib/lms/roster-service";
import { courseCall } from "@/lib/server/action-client";

/** What a roster file would change in the course; nothing is written. */
export const previewRosterAction = courseCall(
  rolesFor("roster.import"),
  RosterPreviewSchema,
  msg("rosterImport.problem.tooLarge"),
  async ({ text }, access) => {
    const preview = await rosterImport.previewRoster(access.course.id, text);
    return { ok: true as const, preview, changes: changeCount(preview.plan) };
  },
);
