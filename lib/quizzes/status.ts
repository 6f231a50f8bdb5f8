// Where a quiz stands for a reader at a given time, and how its settings read: pure, so the
// pages and tests agree. The words are catalog messages (namespace `quizzes`), rendered in
// the reader's language by the page.
import type { FeedbackRelease, QuizModel } from "../db/quiz-values";
import { msg, type Msg } from "../i18n/msg";

export type QuizWindow = Pick<QuizModel, "opensAt" | "closesAt" | "published">;
export type QuizStatus = "draft" | "upcoming" | "open" | "closed";

export function quizStatus(quiz: QuizWindow, now: Date): QuizStatus {
  if (!quiz.published) return "draft";
  if (quiz.opensAt && now < quiz.opensAt) return "upcoming";
  if (quiz.closesAt && now >= quiz.closesAt) return "closed";
  return "open";
}

export const STATUS_LABEL: Record<QuizStatus, Msg> = {
  draft: msg("quizzes.status.draft"),
  upcoming: msg("quizzes.status.upcoming"),
  open: msg("quizzes.status.open"),
  closed: msg("quizzes.status.closed"),
};

export const FEEDBACK_LABEL: Record<FeedbackRelease, Msg> = {
  IMMEDIATELY: msg("quizzes.feedback.IMMEDIATELY"),
  AFTER_CLOSE: msg("quizzes.feedback.AFTER_CLOSE"),
  NEVER: msg("quizzes.feedback.NEVER"),
  ON_DATE: msg("quizzes.feedback.ON_DATE"),
};

/** "20 min", "90 s", "1 h 30 min" ("20分钟", "90秒", "1小时30分钟"). */
export function formatLimit(seconds: number): Msg {
  if (seconds < 120) return msg("quizzes.limit.seconds", { seconds });
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return msg("quizzes.limit.minutes", { minutes });
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? msg("quizzes.limit.hoursMinutes", { hours, minutes: minutes % 60 }) : msg("quizzes.limit.hours", { hours });
}

/**
 * How a quiz's opening and closing times print: date and time with the zone's name, since
 * the zone is the browser's (UTC on a first visit) and a reader must know which clock it is.
 * The same fields as the `::yyyyMMMdjmmz` skeleton of the `quizzes.release.atClose` message.
 */
export const QUIZ_TIME_FORMAT = {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
} as const satisfies Intl.DateTimeFormatOptions;
