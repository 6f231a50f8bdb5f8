// The rules of grade changes by staff, pure (no database, no clock): the bodies the override
// and excusal operations take, what an override may be, and how an attempt's total and a
// cell's status follow from what is stored (docs/grade-changes.md). Score semantics:
// `Response.score` is the grader's, `Response.overrideScore` replaces it where set;
// `Attempt.score` is the sum of COALESCE(overrideScore, score) over its responses; and
// `Attempt.overrideScore` replaces that total wherever a score counts (lib/attempts/rules.ts).
import { z } from "zod";
import { msg, type Msg } from "../i18n/msg";

/** Why a grade changed: said to the student beside the new score, and kept in the AuditLog. */
export const ReasonSchema = z.string().trim().min(3).max(500);

/** The body of an override of one answer or of a whole attempt. */
export const OverrideBodySchema = z.strictObject({
  /** The score that replaces the grader's (an answer) or the total (an attempt); 0 up to the points. */
  score: z.number().finite().min(0).max(1000),
  reason: ReasonSchema,
});
export type OverrideBody = z.infer<typeof OverrideBodySchema>;

/** The body of an excusal. */
export const ExcuseBodySchema = z.strictObject({ reason: ReasonSchema });
export type ExcuseBody = z.infer<typeof ExcuseBodySchema>;

/** Scores are kept to two decimals, as they are shown: 1.005 and 1.0049 are the same grade. */
export function roundScore(score: number): number {
  return Math.round(score * 100) / 100;
}

/**
 * Why an override of `score` cannot be set on something worth `maxScore` points, or null: it
 * must lie between 0 and the points (extra credit is given by a quiz's points, not by an
 * override), and only a graded attempt can have one (there is nothing to replace before).
 */
export function overrideRefusal(score: number, maxScore: number, graded: boolean): Msg | null {
  if (!graded) return msg("gradeChanges.errors.notGraded");
  if (score < 0 || score > maxScore) return msg("gradeChanges.errors.outOfRange", { max: maxScore });
  return null;
}

/** What a response scores in its attempt's total: the staff's override where set, else the grader's. */
export function responseScore(r: { score: number | null; overrideScore: number | null }): number | null {
  return r.overrideScore ?? r.score;
}

/** An attempt's graded total: the sum of its responses' scores, each overridden where set (the SQL recomputation's rule). */
export function attemptTotal(responses: readonly { score: number | null; overrideScore: number | null }[]): number {
  return responses.reduce((sum, r) => sum + (responseScore(r) ?? 0), 0);
}

/** The AuditLog actions of grade changes, one definition each. */
export const GRADE_ACTIONS = {
  override: "grade.override",
  clear: "grade.override.clear",
  excuse: "grade.excuse",
  unexcuse: "grade.unexcuse",
} as const;
export type GradeAction = (typeof GRADE_ACTIONS)[keyof typeof GRADE_ACTIONS];

/** The AuditLog `target` of every grade change of one student on one quiz: the cell, so its history is one lookup. */
export function cellTarget(quizId: string, userId: string): string {
  return `${quizId}/${userId}`;
}

/** What a grade change's AuditLog entry holds. `old`/`new`: scores (null: none), or for excusals whether excused. */
export type GradeChangeDetail = {
  old: number | boolean | null;
  new: number | boolean | null;
  reason: string | null;
  quizId: string;
  userId: string;
  attemptId?: string;
  position?: number;
};

// ---------------------------------------------------------------- what the operations answer

const Iso = z.string().meta({ description: "ISO 8601 instant" });

/** An attempt's scores after a change: the graded total (overridden answers included) and the staff's override of it. */
export const AttemptGradeSchema = z.object({
  attemptId: z.string(),
  number: z.int(),
  /** Sum over the responses of their override, else their grader's score; null: not graded. */
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
  overrideScore: z.number().nullable(),
  overrideReason: z.string().nullable(),
  /** What counts: the override where set, else the graded total. */
  counted: z.number().nullable(),
});
export type AttemptGrade = z.infer<typeof AttemptGradeSchema>;

/** One answer's scores after a change. */
export const ResponseGradeSchema = z.object({
  position: z.int(),
  /** The grader's score. */
  score: z.number().nullable(),
  maxScore: z.number(),
  overrideScore: z.number().nullable(),
  overrideReason: z.string().nullable(),
});
export type ResponseGrade = z.infer<typeof ResponseGradeSchema>;

export const ExcusalViewSchema = z.object({ quizId: z.string(), userId: z.string(), reason: z.string(), createdAt: Iso });
export type ExcusalView = z.infer<typeof ExcusalViewSchema>;
