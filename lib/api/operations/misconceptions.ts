// The /api/v1 operations of the misconceptions report (lib/api/operation.ts): the class's
// wrong answers grouped by the key of their first mistake and by the variant's scenario
// features (docs/misconceptions.md), as JSON or as a CSV file of either table. Staff only
// (analytics.view); example answers name students, so a student is refused like any non-staff.
import { z } from "zod";
import { defineOperation, type Operation } from "../operation";

/** defineOperation with the query typed as present (apiRoute parses it before the handler runs). */
function operation<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(op: Operation<P, Q, B, R>) {
  return defineOperation(op) as Operation<P, Q, B, R> & { query: Q };
}

const CourseParams = z.object({ courseId: z.string().min(1).max(64) });

const Filter = z.object({
  quizId: z.string().min(1).max(64).optional().meta({ description: "One quiz of the course; absent: every quiz" }),
  feature: z
    .string()
    .min(1)
    .max(120)
    .optional()
    .meta({ description: 'Only variants with this scenario feature, e.g. "closedFirst:both" or "fault:drop:client:FIN+ACK"' }),
});

const MisconceptionSchema = z.object({
  id: z.string().meta({ description: "The key as one text: stable across seeds, quizzes and languages" }),
  key: z.object({ kind: z.string() }).catchall(z.unknown()).meta({ description: "The language-free key of the first mistake" }),
  sentence: z.string().meta({ description: "The misconception named in the caller's language" }),
  count: z.number().int().meta({ description: "Wrong answers with this key" }),
  students: z.number().int().meta({ description: "Distinct students who gave one" }),
  share: z.number().meta({ description: "students / students who answered, 0..1" }),
  examples: z.array(z.object({ responseId: z.string(), userId: z.string(), userName: z.string(), answer: z.string() })).max(2),
  family: z.string(),
  practice: z.string().nullable().meta({ description: "The practice topic that addresses it, a path of the app" }),
});

const FeatureSchema = z.object({
  feature: z.string(),
  label: z.string(),
  answers: z.number().int(),
  wrong: z.number().int(),
  students: z.number().int(),
  share: z.number(),
  top: z.string().nullable().meta({ description: "The id of the commonest misconception on these variants" }),
});

export const getMisconceptionsOp = operation({
  id: "getMisconceptions",
  method: "GET",
  path: "/courses/{courseId}/analytics/misconceptions",
  summary: "The class's misconceptions: wrong answers grouped by their first mistake and by scenario feature",
  description:
    "Graded answers of the course's students in submitted attempts. `answered` counts students with a readable graded answer; `unkeyed` counts wrong answers graded before misconceptions were named (a regrade names them).",
  tag: "Analytics",
  access: { permission: "analytics.view" },
  params: CourseParams,
  query: Filter,
  response: z.object({
    quizId: z.string().nullable(),
    feature: z.string().nullable(),
    answered: z.number().int(),
    wrong: z.number().int(),
    unkeyed: z.number().int(),
    misconceptions: z.array(MisconceptionSchema),
    features: z.array(FeatureSchema),
  }),
});

const ExportQuery = Filter.extend({
  table: z.enum(["misconceptions", "features"]).default("misconceptions").meta({ description: "Which table of the report" }),
});

export const exportMisconceptionsOp = operation({
  id: "exportMisconceptions",
  method: "GET",
  path: "/courses/{courseId}/analytics/misconceptions/csv",
  summary: "A table of the misconceptions report as a CSV file",
  description: "The same rows as getMisconceptions, headings and sentences in the caller's language.",
  tag: "Analytics",
  access: { permission: "analytics.view" },
  params: CourseParams,
  query: ExportQuery,
  response: z.string(),
  produces: "text/csv",
});

export const misconceptionsOperations: readonly Operation[] = [getMisconceptionsOp, exportMisconceptionsOp];
