// When a student may see their feedback, score and the expected answers: as soon as they
// submit, once the quiz has closed, or never (the quiz's feedbackRelease setting). The
// reason is a catalog message, so the attempt page says it in the reader's language and,
// for a closing time, in the reader's time zone.
import type { AttemptStatus, QuizModel } from "../db/quiz-values";
import { msg, type Msg } from "../i18n/msg";

export type Release = { released: boolean; reason: Msg };

export function releaseOf(quiz: Pick<QuizModel, "feedbackRelease" | "closesAt" | "releaseAt">, status: AttemptStatus, now: Date): Release {
  if (status !== "SUBMITTED") return { released: false, reason: msg("quizzes.release.inProgress") };
  switch (quiz.feedbackRelease) {
    case "IMMEDIATELY":
      return { released: true, reason: msg("quizzes.release.immediately") };
    case "AFTER_CLOSE":
      return quiz.closesAt && now >= quiz.closesAt
        ? { released: true, reason: msg("quizzes.release.closed") }
        : {
            released: false,
            reason: quiz.closesAt
              ? msg("quizzes.release.atClose", { closesAt: quiz.closesAt.getTime() })
              : msg("quizzes.release.atCloseUndated"),
          };
    case "ON_DATE":
      // A release date not set yet reads as "not released": the instructor has not chosen one.
      return quiz.releaseAt && now >= quiz.releaseAt
        ? { released: true, reason: msg("quizzes.release.onDateReached") }
        : quiz.releaseAt
          ? { released: false, reason: msg("quizzes.release.onDate", { releaseAt: quiz.releaseAt.getTime() }) }
          : { released: false, reason: msg("quizzes.release.onDateUnset") };
    default:
      return { released: false, reason: msg("quizzes.release.never") };
  }
}
