// The roster's LMS identifiers and the roster import's inputs: one definition each, used by
// the file reader, the plan, the actions and the /api/v1 operations. Messages are catalog ids
// (lib/i18n/field-messages.ts). Pure and client-safe.
import { z } from "zod";
import { fieldMessage as say } from "../i18n/field-messages";

/** The files the import reads, by their header (docs/roster-import.md). */
export const ROSTER_SHAPES = ["canvas-gradebook", "canvas-users", "moodle", "plain"] as const;
export type RosterShape = (typeof ROSTER_SHAPES)[number];

/** The enrolment's identifiers in the course's LMS, as Enrollment names them. */
export const IDENTIFIER_FIELDS = ["sisUserId", "sisLoginId", "username", "orgDefinedId"] as const;
export type IdentifierField = (typeof IDENTIFIER_FIELDS)[number];
export type Identifiers = Partial<Record<IdentifierField, string>>;

/** The fields of an enrolment a roster file or the roster page sets. */
export const ENROLMENT_FIELDS = ["section", ...IDENTIFIER_FIELDS] as const;
export type EnrolmentField = (typeof ENROLMENT_FIELDS)[number];

export const MAX_SECTION_LENGTH = 40;
export const MAX_IDENTIFIER_LENGTH = 100;
export const MAX_NAME_LENGTH = 100;
/** A class of a few thousand, with room: Canvas's gradebook export runs ~100 bytes a student. */
export const MAX_ROSTER_ROWS = 5000;
/** The file's size in UTF-8: under the server actions' body limit (lib/server/limits.ts), so the page and the API take the same files. */
export const MAX_ROSTER_BYTES = 400 * 1024;

// Control characters in an identifier would break the grade files that carry it.
const noControl = (s: string) => !/[\u0000-\u001f\u007f]/.test(s);

const identifier = z
  .string()
  .trim()
  .max(MAX_IDENTIFIER_LENGTH, say("rosterImport.edit.identifierTooLong"))
  .refine(noControl, say("rosterImport.edit.control"))
  .optional()
  .transform((s) => s || null);

/** The roster page's edit of one enrolment: its section and identifiers (empty clears). */
export const EnrollmentFieldsSchema = z.object({
  courseId: z.string().min(1).max(100),
  enrollmentId: z.string().min(1).max(100),
  section: z
    .string()
    .trim()
    .max(MAX_SECTION_LENGTH, say("rosterImport.edit.sectionTooLong"))
    .refine(noControl, say("rosterImport.edit.control"))
    .optional()
    .transform((s) => s || null),
  sisUserId: identifier,
  sisLoginId: identifier,
  username: identifier,
  orgDefinedId: identifier,
});
export type EnrollmentFields = Omit<z.output<typeof EnrollmentFieldsSchema>, "courseId" | "enrollmentId">;

const fileText = z
  .string()
  .refine((text) => new TextEncoder().encode(text).length <= MAX_ROSTER_BYTES, say("rosterImport.problem.tooLarge"));

/** The page's preview: the file's text (read in the browser from the upload, or pasted). */
export const RosterPreviewSchema = z.object({ courseId: z.string().min(1).max(100), text: fileText });

/** Applying what the preview showed: the same text and the preview's digest. */
export const RosterApplySchema = RosterPreviewSchema.extend({ digest: z.string().regex(/^[0-9a-f]{64}$/) });

/** The API's apply: `expect` is a preview's digest; without it the file is applied as it reads now. */
export const RosterApplyQuerySchema = z.object({
  expect: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});
