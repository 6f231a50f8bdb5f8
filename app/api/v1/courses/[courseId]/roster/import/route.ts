// POST /api/v1/courses/{courseId}/roster/import: a roster file applied in one transaction; with
// `expect`, only if it still plans that preview (else a 409 with the plan as it is now).
import { applyRosterOp, rosterPlanBody } from "@/lib/api/operations/roster";
import { rosterText } from "@/lib/api/roster-body";
import { apiRoute } from "@/lib/api/route";
import { msg } from "@/lib/i18n/msg";
import { textIn } from "@/lib/i18n/translate";
import { rosterImport } from "@/lib/lms/roster-service";
import { json, otherMethods } from "@/lib/server/route";

export const POST = apiRoute(applyRosterOp, async ({ request, params, query, user, locale }) => {
  const text = textIn(locale);
  const outcome = await rosterImport.applyRoster(params.courseId, user.id, await rosterText(request), query?.expect ?? null);
  const body = rosterPlanBody(outcome.preview, text);
  if (!outcome.applied) return json({ error: "CONFLICT", message: text(msg("rosterImport.preview.changedSince")), preview: body }, 409);
  return body;
});

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
