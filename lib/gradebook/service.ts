// The gradebook's services: read a course's rows (the staff matrix and getGradebook), a
// student's own grades (their grades page), and set the quizzes' weights (instructors). The
// rules are in gradebook.ts; the statements in queries.ts. Callers pass the time, so a test
// decides what has closed.
import { feedbackCloseOf } from "../attempts/rules";
import { releaseOf } from "../attempts/release";
import type { Db } from "../db/client";
import type { FeedbackRelease, ScoreRule } from "../db/quiz-values";
import { msg, type Msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { buildGradebook, cellOf, courseTotal, type Cell, type Gradebook, type GradebookAttempt, type WeightsBody } from "./gradebook";
import {
  gradebookAccommodations,
  gradebookAttempts,
  gradebookExcusals,
  gradebookQuizzes,
  gradebookStudents,
  latestCloses,
  quizWeights,
  writeWeights,
  type QuizWeightRow,
} from "./queries";

/** Every student's row of the course's published quizzes, with the course totals. */
export async function courseGradebook(db: Db, courseId: string, now: Date = new Date()): Promise<Gradebook> {
  const [quizzes, students, attempts, excusals, accommodations] = await Promise.all([
    gradebookQuizzes(db, courseId),
    gradebookStudents(db, courseId),
    gradebookAttempts(db, courseId),
    gradebookExcusals(db, courseId),
    gradebookAccommodations(db, courseId),
  ]);
  return buildGradebook({ quizzes, students, attempts, excusals, accommodations }, now);
}

export type StudentGrade = {
  quizId: string;
  title: string;
  weight: number;
  scoreRule: ScoreRule;
  feedbackRelease: FeedbackRelease;
  cell: Cell;
  /** Whether the student may see scores and the review now (lib/attempts/release.ts), and why not. */
  released: boolean;
  releaseReason: Msg;
  /** The counted attempt whose review the student may open (the first when several count). */
  reviewAttemptId: string | null;
};

export type StudentGrades = {
  grades: StudentGrade[];
  /** The course total over the released quizzes only (an unreleased score is not shown in a sum either); null while none counts. */
  total: number | null;
};

/**
 * One student's grades: per published quiz of their section (or one they have attempts at), the
 * counted score, status and marks; scores only once the quiz's feedback is released to them.
 */
export async function studentGrades(
  db: Db,
  courseId: string,
  student: { id: string; section: string | null },
  now: Date = new Date(),
): Promise<StudentGrades> {
  const [quizzes, attempts, excusals, accommodations] = await Promise.all([
    gradebookQuizzes(db, courseId),
    gradebookAttempts(db, courseId, student.id),
    gradebookExcusals(db, courseId, student.id),
    gradebookAccommodations(db, courseId),
  ]);
  const latest = latestCloses(accommodations);
  const excused = new Set(excusals.map((e) => e.quizId));
  const own = new Map(accommodations.filter((a) => a.userId === student.id).map((a) => [a.quizId, a.closesAt]));
  const byQuiz = new Map<string, GradebookAttempt[]>();
  for (const a of attempts) byQuiz.set(a.quizId, [...(byQuiz.get(a.quizId) ?? []), a]);
  const grades: StudentGrade[] = [];
  for (const quiz of quizzes) {
    const mine = byQuiz.get(quiz.id) ?? [];
    const cell = cellOf(quiz, student, mine, excused.has(quiz.id), own.get(quiz.id) ?? null, now);
    if (cell.status === "NOT_ASSIGNED") continue;
    // Feedback after the close waits for the last student's own close (as on the course page).
    const release = releaseOf({ ...quiz, closesAt: feedbackCloseOf(quiz.closesAt, latest.get(quiz.id) ?? null) }, "SUBMITTED", now);
    const first = cell.counted.length > 0 ? mine.find((a) => a.number === cell.counted[0]) : undefined;
    grades.push({
      quizId: quiz.id,
      title: quiz.title,
      weight: quiz.weight,
      scoreRule: quiz.scoreRule,
      feedbackRelease: quiz.feedbackRelease,
      cell,
      released: release.released,
      releaseReason: release.reason,
      reviewAttemptId: release.released && first ? first.id : null,
    });
  }
  const shown = grades.filter((g) => g.released || g.cell.total !== "COUNTED");
  return {
    grades,
    total: courseTotal(
      quizzes,
      shown.map((g) => g.cell),
    ),
  };
}

/** The weights of the course's quizzes, for the weights form. */
export type QuizWeight = { quizId: string; title: string; weight: number };

/**
 * Sets the weights of the course's quizzes named in `body` (another course's quiz is not found)
 * and records the old and new weights in the AuditLog (`gradebook.weights`), in one transaction.
 */
export async function setQuizWeights(
  db: Db,
  actor: { userId: string; courseId: string },
  body: WeightsBody,
): Promise<{ weights: QuizWeight[] }> {
  const ids = body.weights.map((w) => w.quizId);
  const found = new Map((await quizWeights(db, actor.courseId, ids)).map((q): [string, QuizWeightRow] => [q.id, q]));
  if (found.size !== ids.length) throw new AppError("NOT_FOUND", msg("gradebook.errors.quizNotFound"));
  const changes = body.weights
    .filter((w) => Number(found.get(w.quizId)!.weight) !== w.weight)
    .map((w) => ({ quizId: w.quizId, old: Number(found.get(w.quizId)!.weight), new: w.weight }));
  if (changes.length > 0) {
    await writeWeights(
      db,
      actor.courseId,
      changes.map((c) => ({ quizId: c.quizId, weight: c.new })),
      { action: "gradebook.weights", actorId: actor.userId, courseId: actor.courseId, target: actor.courseId, detail: { changes } },
    );
  }
  return {
    weights: body.weights.map((w) => ({ quizId: w.quizId, title: found.get(w.quizId)!.title, weight: w.weight })),
  };
}
