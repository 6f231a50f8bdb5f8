// When a student may see their feedback, score and the expected answers: as soon as they
// submit, once the quiz has closed, or never (the quiz's feedbackRelease setting).
import type { AttemptStatus, QuizModel } from "../db/quiz-values";

export type Release = { released: boolean; reason: string };

export function releaseOf(quiz: Pick<QuizModel, "feedbackRelease" | "closesAt">, status: AttemptStatus, now: Date): Release {
  if (status !== "SUBMITTED") return { released: false, reason: "The attempt is still in progress." };
  switch (quiz.feedbackRelease) {
    case "IMMEDIATELY":
      return { released: true, reason: "Feedback is shown as soon as you submit." };
    case "AFTER_CLOSE":
      return quiz.closesAt && now >= quiz.closesAt
        ? { released: true, reason: "The quiz has closed, so feedback is released." }
        : {
            released: false,
            reason: quiz.closesAt
              ? `Feedback is released when the quiz closes, ${quiz.closesAt.toUTCString()}.`
              : "Feedback is released when the quiz closes.",
          };
    default:
      return { released: false, reason: "Your instructor does not release feedback for this quiz." };
  }
}
