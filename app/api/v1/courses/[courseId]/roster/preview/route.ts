// POST /api/v1/courses/{courseId}/roster/preview: a roster file in, what it would change out (lib/api/operations/roster.ts).
import { previewRosterOp, rosterPlanBody } from "@/lib/api/operations/roster";
import { rosterText } from "@/lib/api/roster-body";
import { apiRoute } from "@/lib/api/route";
import { textIn } from "@/lib/i18n/translate";
import { rosterImport } from "@/lib/lms/roster-service";
import { otherMethods } from "@/lib/server/route";

export const POST = apiRoute(previewRosterOp, async ({ request, params, locale }) => {
  const preview = await rosterImport.previewRoster(params.courseId, await rosterText(request));
  return rosterPlanBody(preview, textIn(locale));
});

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
