// The course page's list for a student.
import "server-only";
import { expireAllDue } from "../attempts/submit";
import type { Db } from "../db/client";
import { attemptsInCourse, publishedQuizzesFor, type AttemptSummaryRow, type StudentQuizRow } from "./queries";

export type StudentAttemptSummary = Omit<AttemptSummaryRow, "quizId">;
export type StudentQuiz = StudentQuizRow & { attempts: StudentAttemptSummary[] };

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
  const quizzes = await publishedQuizzesFor(db, courseId, section);
  const attempts = await attemptsInCourse(db, courseId, userId);
  return quizzes.map((q) => ({
    ...q,
    attempts: attempts.filter((a) => a.quizId === q.id).map(({ quizId: _, ...a }) => a),
  }));
}
