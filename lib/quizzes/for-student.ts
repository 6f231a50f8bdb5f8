// The course page's list for a student: each quiz in the student's own window (their
// accommodation applied), whether it asks for an access password (never the hash itself),
// their attempts and the score that counts by the quiz's rule.
import "server-only";
import { countedScore, feedbackCloseOf, studentWindow, type Accommodation, type CountedScore } from "../attempts/rules";
import { expireAllDue } from "../attempts/submit";
import type { Db } from "../db/client";
import {
  accommodationsInCourse,
  attemptsInCourse,
  latestAccommodatedCloses,
  publishedQuizzesFor,
  type AttemptSummaryRow,
  type StudentQuizRow,
} from "./queries";

export type StudentAttemptSummary = Omit<AttemptSummaryRow, "quizId">;
export type StudentQuiz = Omit<StudentQuizRow, "accessPasswordHash"> & {
  /** The exam asks for its access password before a new attempt starts. */
  passwordRequired: boolean;
  /** The student's accommodation on this quiz, or null. */
  accommodation: Accommodation;
  /** The student's own closing time and time limit (the quiz's, unless an accommodation changes them). */
  window: Pick<StudentQuizRow, "closesAt" | "timeLimitSec">;
  /** When feedback "after the quiz closes" comes: the last student's close (rules.feedbackCloseOf). */
  feedbackCloseAt: Date | null;
  attempts: StudentAttemptSummary[];
  /** The score that counts by the quiz's score rule (null: nothing graded yet). Shown only once feedback is released. */
  counted: CountedScore | null;
};

/**
 * The published quizzes of a course that a student of `section` may see, oldest first, each
 * with the student's own attempts (overdue ones expired first).
 */
export async function quizzesForStudent(
  db: Db,
  courseId: string,
  userId: string,
  section: string | null,
  now = new Date(),
): Promise<StudentQuiz[]> {
  await expireAllDue(db, userId, now);
  const [quizzes, attempts, accommodations, latestCloses] = await Promise.all([
    publishedQuizzesFor(db, courseId, section),
    attemptsInCourse(db, courseId, userId),
    accommodationsInCourse(db, courseId, userId),
    latestAccommodatedCloses(db, courseId),
  ]);
  return quizzes.map(({ accessPasswordHash, ...q }) => {
    const found = accommodations.find((a) => a.quizId === q.id);
    const accommodation: Accommodation = found
      ? { timeFactor: found.timeFactor, extraMinutes: found.extraMinutes, closesAt: found.closesAt }
      : null;
    const mine = attempts.filter((a) => a.quizId === q.id).map(({ quizId: _, ...a }) => a);
    const { closesAt, timeLimitSec } = studentWindow(q, accommodation);
    return {
      ...q,
      passwordRequired: accessPasswordHash !== null,
      accommodation,
      window: { closesAt, timeLimitSec },
      feedbackCloseAt: feedbackCloseOf(q.closesAt, latestCloses.get(q.id) ?? null),
      attempts: mine,
      counted: countedScore(q.scoreRule, mine),
    };
  });
}
