// The string-valued enumerations of quizzes and attempts, one definition each (the schema
// stores them as String so SQLite and PostgreSQL share it; lib/auth/roles.ts does the same
// for course roles). Row types in the queries modules narrow the generated `string` to these.
import { z } from "zod";
import type { Attempt, Quiz } from "./generated/sqlite/client";

export const QUIZ_MODES = ["PRACTICE", "EXAM"] as const;
export const QuizModeSchema = z.enum(QUIZ_MODES);
export type QuizMode = z.infer<typeof QuizModeSchema>;

/** When a student may see feedback: as soon as they submit, once the quiz closes, never, or from the quiz's releaseAt. */
export const FEEDBACK_RELEASES = ["IMMEDIATELY", "AFTER_CLOSE", "NEVER", "ON_DATE"] as const;
export const FeedbackReleaseSchema = z.enum(FEEDBACK_RELEASES);
export type FeedbackRelease = z.infer<typeof FeedbackReleaseSchema>;

/** Which of a student's attempts counts for the quiz's grade. */
export const SCORE_RULES = ["HIGHEST", "LATEST", "AVERAGE"] as const;
export const ScoreRuleSchema = z.enum(SCORE_RULES);
export type ScoreRule = z.infer<typeof ScoreRuleSchema>;

/** A quiz's sections column: a JSON array of section names; [] is every section. */
export const QuizSectionsSchema = z.array(z.string().min(1).max(40)).max(50);

/** The sections a stored quiz is for ([]: everyone). */
export function quizSections(stored: string): string[] {
  const parsed = QuizSectionsSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : [];
}

/** Whether a student of `section` (null: none) is among the quiz's sections. */
export function quizIsForSection(stored: string, section: string | null): boolean {
  const sections = quizSections(stored);
  return sections.length === 0 || (section !== null && sections.includes(section));
}

export const ATTEMPT_STATUSES = ["IN_PROGRESS", "SUBMITTED"] as const;
export const AttemptStatusSchema = z.enum(ATTEMPT_STATUSES);
export type AttemptStatus = z.infer<typeof AttemptStatusSchema>;

/** The generated models with their enumerations narrowed: what the database holds (only the app writes these columns). */
export type QuizModel = Omit<Quiz, "mode" | "feedbackRelease" | "scoreRule"> & {
  mode: QuizMode;
  feedbackRelease: FeedbackRelease;
  scoreRule: ScoreRule;
};
export type AttemptModel = Omit<Attempt, "status"> & { status: AttemptStatus };
