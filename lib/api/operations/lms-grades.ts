// The /api/v1 operations of the grade export (lib/api/operation.ts, docs/lms-grades.md): the
// course's grades as the CSV file one LMS's grade import takes, the check of that file before
// the download (who the LMS could not match, what to know), the record of every download, and
// the quizzes' columns in each LMS. Staff export; instructors edit the columns.
import { z } from "zod";
import {
  GradeExportQuerySchema,
  GradeExportSchema,
  LeftOutSchema,
  LmsColumnsBodySchema,
  LmsColumnsSchema,
  LMS_FORMATS,
} from "../../lms/grade-options";
import { defineOperation, type Operation } from "../operation";

/** defineOperation with the body and query typed as present (apiRoute parses both before the handler runs). */
function operation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(op: Operation<P, Q, B, R>) {
  return defineOperation(op) as Operation<P, Q, B, R> & { body: B; query: Q };
}

const CourseParams = z.object({ courseId: z.string().min(1).max(64) });
const TAG = "Grade export";

const FORMATS_TEXT =
  "canvas: Canvas's gradebook import (Student, ID, SIS User ID, SIS Login ID, Section, `Title (assignment id)`, a Points Possible row, EX for excused). " +
  "moodle: Moodle's CSV grade import (one identifier column, one column per grade item, `-` for no grade). " +
  "blackboard: Blackboard's Grade Center upload (Last Name, First Name, Username, Student ID, `Title [Total Pts: N Score] |column id`; comma with every field quoted, or tab). " +
  "brightspace: Brightspace's grades import (`#`-prefixed OrgDefinedId or Username, `<Item> Points Grade`, End-of-Line Indicator `#`). " +
  "Points at most 2 decimals with `.`; the course total as points out of 100.";

export const exportGradesOp = operation({
  id: "exportGrades",
  method: "GET",
  path: "/courses/{courseId}/grades/export",
  summary: "The course's grades as the CSV file an LMS's grade import takes (Canvas, Moodle, Blackboard, Brightspace)",
  description:
    `${FORMATS_TEXT} Every download is recorded (listGradeExports). ` +
    "A student without the identifier the LMS matches on is never written as a row without it: the answer is 422 naming them (`issues`), unless `missing=skip`.",
  tag: TAG,
  access: { permission: "grades.export" },
  params: CourseParams,
  query: GradeExportQuerySchema,
  response: z.string(),
  produces: "text/csv",
});

export const GradeCheckSchema = z.object({
  fileName: z.string(),
  rowCount: z.number().int().meta({ description: "Student rows the file will have" }),
  columns: z.array(
    z.object({
      key: z.string().meta({ description: 'The quiz id, or "total"' }),
      title: z.string().meta({ description: "The item's title in the LMS" }),
      maxScore: z.number(),
      externalId: z.string().nullable().meta({ description: "Canvas assignment id or Blackboard column id" }),
    }),
  ),
  leftOut: z
    .array(LeftOutSchema)
    .meta({ description: "Students without the identifier the LMS matches on (missing, or starting like a spreadsheet formula)" }),
  warnings: z.array(z.string()).meta({ description: "What to know before importing the file, in the caller's language" }),
});

export type GradeCheck = z.infer<typeof GradeCheckSchema>;

export const checkGradeExportOp = operation({
  id: "checkGradeExport",
  method: "GET",
  path: "/courses/{courseId}/grades/export/check",
  summary: "What the grade file of these options will hold, before downloading it: its columns, rows, the students left out, warnings",
  description: "The same query as exportGrades; nothing is recorded.",
  tag: TAG,
  access: { permission: "grades.export" },
  params: CourseParams,
  query: GradeExportQuerySchema,
  response: GradeCheckSchema,
});

export const listGradeExportsOp = operation({
  id: "listGradeExports",
  method: "GET",
  path: "/courses/{courseId}/grades/exports",
  summary: "The course's last 50 grade files downloaded: who, when, which LMS and columns, rows, the checksum of the bytes",
  tag: TAG,
  access: { permission: "grades.export" },
  params: CourseParams,
  response: z.object({ exports: z.array(GradeExportSchema) }),
});

export const getLmsColumnsOp = operation({
  id: "getLmsColumns",
  method: "GET",
  path: "/courses/{courseId}/grades/lms-columns",
  summary: "Each published quiz's column in each LMS: the Canvas assignment id or Blackboard column id, and the item's title there",
  tag: TAG,
  access: { permission: "grades.export" },
  params: CourseParams,
  response: LmsColumnsSchema,
});

export const setLmsColumnsOp = operation({
  id: "setLmsColumns",
  method: "PUT",
  path: "/courses/{courseId}/grades/lms-columns",
  summary: "Set the quizzes' columns in one LMS; a column with neither id nor title is removed (the quiz's own title is used)",
  description: `lms: one of ${LMS_FORMATS.join(", ")}; ids only for canvas and blackboard (digits). Every quiz must belong to the course (404 otherwise, nothing changes); changes are recorded in the audit log.`,
  tag: TAG,
  access: { permission: "grades.lms" },
  params: CourseParams,
  body: LmsColumnsBodySchema,
  response: LmsColumnsSchema,
});

export const lmsGradesOperations: readonly Operation[] = [
  exportGradesOp,
  checkGradeExportOp,
  listGradeExportsOp,
  getLmsColumnsOp,
  setLmsColumnsOp,
];
