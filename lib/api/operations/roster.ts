// The /api/v1 operations of the roster import (lib/lms/roster-import.ts, docs/roster-import.md):
// preview a roster file against the course, and apply it. The body is the CSV file itself (not
// JSON), read by the route with the import's byte limit (MAX_ROSTER_BYTES, 413 above), so the
// operations declare no `body`. Staff (roster.import); a file enrols students only.
import { z } from "zod";
import type { Text } from "../../i18n/msg";
import type { RosterPreview } from "../../lms/roster-import";
import { ENROLMENT_FIELDS, MAX_ROSTER_BYTES, ROSTER_SHAPES, RosterApplyQuerySchema } from "../../lms/roster-schemas";
import { defineOperation, type Operation } from "../operation";

const CourseParams = z.object({ courseId: z.string().min(1).max(64) });

const Ids = z
  .object({ sisUserId: z.string(), sisLoginId: z.string(), username: z.string(), orgDefinedId: z.string() })
  .partial()
  .meta({ description: "The identifiers the file gives (an empty cell changes nothing)" });

const Person = z.object({
  line: z.number().int().meta({ description: "The row's line in the file (the header is line 1)" }),
  email: z.string(),
  name: z.string().nullable(),
  section: z.string().nullable().meta({ description: "Null: the file says nothing, the stored section stays" }),
  ids: Ids,
});

export const RosterPlanSchema = z.object({
  shape: z.enum(ROSTER_SHAPES).meta({ description: "The file as recognized by its header" }),
  digest: z.string().meta({ description: "SHA-256 of the plan: pass it as `expect` to apply exactly this" }),
  invite: z.array(Person).meta({ description: "Addresses without an account: an invited account is made, enrolled as a student" }),
  enrol: z.array(Person.extend({ userId: z.string() })).meta({ description: "Existing accounts enrolled as students" }),
  update: z
    .array(
      z.object({
        line: z.number().int(),
        email: z.string(),
        name: z.string(),
        enrollmentId: z.string(),
        changes: z.array(z.object({ field: z.enum(ENROLMENT_FIELDS), from: z.string().nullable(), to: z.string() })),
      }),
    )
    .meta({ description: "Enrolled students whose section or identifiers change" }),
  unchanged: z.number().int().meta({ description: "Students enrolled already as the file says" }),
  refused: z
    .array(z.object({ line: z.number().int(), email: z.string().nullable(), reason: z.string() }))
    .meta({ description: "Rows not imported, with why, in the caller's language" }),
});
export type RosterPlanBody = z.input<typeof RosterPlanSchema>;

/** The preview as the API answers it: the reasons rendered for the caller. */
export function rosterPlanBody({ plan, digest }: RosterPreview, render: (text: Text) => string): RosterPlanBody {
  return {
    shape: plan.shape,
    digest,
    invite: plan.invite,
    enrol: plan.enrol.map(({ accountName: _name, ...rest }) => rest),
    update: plan.update,
    unchanged: plan.unchanged,
    refused: plan.refused.map((r) => ({ line: r.line, email: r.email, reason: render(r.reason) })),
  };
}

const FILE =
  `The request body is the CSV file (\`text/csv\`, \`text/plain\` or \`application/octet-stream\`), UTF-8, at most ${MAX_ROSTER_BYTES} bytes (413 above): ` +
  "Canvas's Gradebook export, Canvas's SIS users.csv, Moodle's user download or upload-users file, or a plain `email,name,section,sis_id` file. " +
  "A file that cannot be read (no known header, a broken quote) is a 422 naming the line.";

export const previewRosterOp = defineOperation({
  id: "previewRosterImport",
  method: "POST",
  path: "/courses/{courseId}/roster/preview",
  summary: "Preview what a roster file would change: new accounts, new enrolments, section and identifier changes, rows refused",
  description: `${FILE} Nothing is written. \`curl -X POST -H 'Authorization: Bearer <token>' -H 'Content-Type: text/csv' --data-binary @roster.csv '<server>/api/v1/courses/<courseId>/roster/preview'\``,
  tag: "Roster",
  access: { permission: "roster.import" },
  params: CourseParams,
  response: RosterPlanSchema,
});

export const applyRosterOp = defineOperation({
  id: "applyRosterImport",
  method: "POST",
  path: "/courses/{courseId}/roster/import",
  summary: "Apply a roster file in one transaction",
  description:
    `${FILE} With \`expect\` (a preview's \`digest\`) the file is applied only if it still plans exactly that preview; ` +
    "otherwise nothing is written and the answer is a 409 whose `preview` is the plan as it is now. Staff roles are never granted: " +
    "a row naming a member of staff is refused.",
  tag: "Roster",
  access: { permission: "roster.import" },
  params: CourseParams,
  query: RosterApplyQuerySchema,
  response: RosterPlanSchema,
  errors: [409],
});

export const rosterOperations: readonly Operation[] = [previewRosterOp, applyRosterOp];
