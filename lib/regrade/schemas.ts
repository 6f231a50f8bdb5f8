// What the regrade API takes and answers, one zod definition each (the OpenAPI document is
// generated from these). Client-safe: the regrade pages' components read the same types.
import { z } from "zod";
import { TextSchema } from "../grading/feedback";

const Id = z.string().min(1).max(64);
const Iso = z.string().meta({ description: "ISO 8601 instant" });

export const RegradeBodySchema = z
  .strictObject({
    quizId: Id.optional().meta({ description: "Regrade this quiz's responses" }),
    bankId: Id.optional().meta({ description: "With questionKey: regrade this question in every quiz of the course" }),
    questionKey: z.string().min(1).max(120).optional(),
    mode: z.enum(["DRY_RUN", "APPLY"]).default("DRY_RUN").meta({ description: "APPLY writes the changes (instructors only)" }),
    keepOverrides: z.boolean().default(true).meta({ description: "false: clear the overrides where the regrade changes the score" }),
    latestVersion: z
      .boolean()
      .default(true)
      .meta({ description: "Grade with the newest version of each question where the student's variant is unchanged" }),
  })
  .refine(
    (b) =>
      (b.quizId !== undefined) !== (b.bankId !== undefined && b.questionKey !== undefined) &&
      (b.bankId === undefined) === (b.questionKey === undefined),
    {
      message: "Give either quizId, or bankId with questionKey",
      path: ["quizId"],
    },
  );
export type RegradeBody = z.output<typeof RegradeBodySchema>;

const ReasonSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("graderVersion"), from: z.string().nullable(), to: z.string() }),
  z.object({ kind: z.literal("points"), from: z.number(), to: z.number() }),
  z.object({ kind: z.literal("questionVersion"), from: z.int(), to: z.int() }),
  z.object({ kind: z.literal("parts"), parts: z.array(TextSchema) }),
  z.object({ kind: z.literal("rule"), from: z.string().nullable(), to: z.string().nullable() }),
]);

const Pair = z.object({ score: z.number(), maxScore: z.number() });

export const RegradeResultSchema = z.object({
  total: z.int().meta({ description: "Responses regraded" }),
  changes: z.array(
    z.object({
      responseId: z.string(),
      attemptId: z.string(),
      quizId: z.string(),
      userId: z.string(),
      studentName: z.string(),
      number: z.int(),
      position: z.int(),
      questionKey: z.string(),
      oldScore: z.number(),
      newScore: z.number(),
      oldMax: z.number(),
      newMax: z.number(),
      override: z.object({ score: z.number(), cleared: z.boolean() }).nullable(),
      reasons: z.array(ReasonSchema),
    }),
  ),
  refreshed: z.int().meta({ description: "Responses whose feedback or grader version is refreshed with the same score" }),
  kept: z.array(
    z.object({ responseId: z.string(), note: z.object({ kind: z.literal("versionKept"), version: z.int(), latest: z.int() }) }),
  ),
  attempts: z.array(
    z.object({
      attemptId: z.string(),
      quizId: z.string(),
      userId: z.string(),
      number: z.int(),
      oldScore: z.number(),
      newScore: z.number(),
      oldMax: z.number(),
      newMax: z.number(),
      overridden: z.boolean(),
    }),
  ),
  students: z.array(
    z.object({ userId: z.string(), studentName: z.string(), quizId: z.string(), quizTitle: z.string(), old: Pair, new: Pair }),
  ),
  applied: z.object({ written: z.int(), skipped: z.array(z.string()) }).optional(),
});
export type RegradeResult = z.output<typeof RegradeResultSchema>;

export const RegradeJobSchema = z.object({
  id: z.string(),
  mode: z.enum(["DRY_RUN", "APPLY"]),
  status: z.enum(["QUEUED", "RUNNING", "DONE", "FAILED"]),
  scope: z.object({
    quizId: z.string().nullable(),
    bankId: z.string().nullable(),
    questionKey: z.string().nullable(),
    title: z.string().meta({ description: "The quiz's title, or the question's" }),
  }),
  keepOverrides: z.boolean(),
  latestVersion: z.boolean(),
  total: z.int(),
  done: z.int(),
  changed: z.int(),
  error: z.string().nullable(),
  createdAt: Iso,
  startedAt: Iso.nullable(),
  finishedAt: Iso.nullable(),
  /** A dry run's apply, once one was started from it. */
  applyJobId: z.string().nullable(),
  result: RegradeResultSchema.nullable(),
});
export type RegradeJobView = z.output<typeof RegradeJobSchema>;

export const RecentRegradeSchema = RegradeJobSchema.pick({ id: true, mode: true, status: true, changed: true, createdAt: true }).extend({
  title: z.string().meta({ description: "The quiz's title, or the question's" }),
});
