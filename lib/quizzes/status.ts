// Where a quiz stands for a reader at a given time, and how its settings read: pure, so the
// pages and tests agree.
import type { FeedbackRelease, QuizModel } from "../db/quiz-values";

export type QuizWindow = Pick<QuizModel, "opensAt" | "closesAt" | "published">;
export type QuizStatus = "draft" | "upcoming" | "open" | "closed";

export function quizStatus(quiz: QuizWindow, now: Date): QuizStatus {
  if (!quiz.published) return "draft";
  if (quiz.opensAt && now < quiz.opensAt) return "upcoming";
  if (quiz.closesAt && now >= quiz.closesAt) return "closed";
  return "open";
}

export const FEEDBACK_LABEL: Record<FeedbackRelease, string> = {
  IMMEDIATELY: "feedback right after submitting",
  AFTER_CLOSE: "feedback after the quiz closes",
  NEVER: "no feedback shown",
};

/** "20 min", "90 s", "1 h 30 min". */
export function formatLimit(seconds: number): string {
  if (seconds < 120) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 120 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 ? ` ${minutes % 60} min` : ""}`;
}
