"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { rolesFor } from "@/lib/auth/permissions";
import { msg } from "@/lib/i18n/msg";
import { MembershipsError } from "@/lib/lti/nrps";
import { rosterSync } from "@/lib/lti/roster-sync-service";
import { courseAction } from "@/lib/server/action-client";

const ApplySyncSchema = z.object({
  courseId: z.string().min(1).max(100),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Applies the LMS roster if it still plans what the preview showed (its digest); else the page shows the plan as it is now. */
export const applyRosterSyncAction = courseAction(rolesFor("roster.sync"), ApplySyncSchema, async ({ digest }, access) => {
  try {
    const { applied, preview } = await rosterSync.applyRosterSync(access.course.id, access.user.id, digest);
    revalidatePath(`/courses/${access.course.id}/roster`);
    revalidatePath(`/courses/${access.course.id}/roster/sync`);
    if (!applied) return { ok: false, message: msg("ltiRoster.stale") };
    const { plan } = preview;
    return { ok: true, message: msg("ltiRoster.applied", { add: plan.add.length, update: plan.update.length, left: plan.left.length }) };
  } catch (error) {
    if (error instanceof MembershipsError) return { ok: false, message: error.text };
    throw error;
  }
});
