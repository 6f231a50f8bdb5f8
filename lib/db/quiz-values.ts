// The string-valued enumerations of quizzes and attempts, one definition each (the schema
// stores them as String so SQLite and PostgreSQL share it; lib/auth/roles.ts does the same
// for course roles). Row types in the queries modules narrow the generated `string` to these.
import { z } from "zod";
import type { Attempt, Quiz } from "./generated/sqlite/client";

export const QUIZ_MODES = ["PRACTICE", "EXAM"] as const;
export const QuizModeSchema = z.enum(QUIZ_MODES);
export type QuizMode = z.infer<typeof QuizModeSchema>;

/** When a student may see feedback: as soon as they submit, once the quiz closes, or never. */
export const FEEDBACK_RELEASES = ["IMMEDIATELY", "AFTER_CLOSE", "NEVER"] as const;
export const FeedbackReleaseSchema = z.enum(FEEDBACK_RELEASES);
export type FeedbackRelease = z.infer<typeof FeedbackReleaseSchema>;

export const ATTEMPT_STATUSES = ["IN_PROGRESS", "SUBMITTED"] as const;
export const AttemptStatusSchema = z.enum(ATTEMPT_STATUSES);
export type AttemptStatus = z.infer<typeof AttemptStatusSchema>;

/** The generated models with their enumerations narrowed: what the database holds (only the app writes these columns). */
export type QuizModel = Omit<Quiz, "mode" | "feedbackRelease"> & { mode: QuizMode; feedbackRelease: FeedbackRelease };
export type AttemptModel = Omit<Attempt, "status"> & { status: AttemptStatus };
