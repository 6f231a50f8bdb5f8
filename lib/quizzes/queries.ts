// Reads of quizzes and question banks. The student's list is on every student's course page
// visit, so it is prepared SQL (lib/db/sql.ts); the staff overview is a low-traffic page, so
// it is Prisma (docs/data-access.md).
import "server-only";
import { sqlOf, type Db } from "../db/client";
import { quizIsForSection, type AttemptModel, type QuizModel } from "../db/quiz-values";
import { selectList } from "../db/sql";
import type { QuizAccommodation } from "../db/generated/sqlite/client";

const quizCols = selectList<QuizModel>("q");

export type StudentQuizRow = Pick<
  QuizModel,
  | "id"
  | "title"
  | "mode"
  | "opensAt"
  | "closesAt"
  | "timeLimitSec"
  | "attemptsAllowed"
  | "feedbackRelease"
  | "releaseAt"
  | "scoreRule"
  | "sections"
  | "published"
  | "accessPasswordHash"
>;

const PUBLISHED_QUIZZES_FOR = `SELECT ${quizCols("id", "title", "mode", "opensAt", "closesAt", "timeLimitSec", "attemptsAllowed", "feedbackRelease", "releaseAt", "scoreRule", "sections", "published", "accessPasswordHash")}
     FROM "Quiz" q WHERE q."courseId" = $1 AND q."published" = $2 ORDER BY q."createdAt"`;

/** The published quizzes of a course that a student of `section` may see, oldest first. */
export async function publishedQuizzesFor(db: Db, courseId: string, section: string | null): Promise<StudentQuizRow[]> {
  // A course has a handful of quizzes: the section filter reads the JSON list here, the same rule startAttempt applies.
  const rows = await sqlOf(db).all<StudentQuizRow>(PUBLISHED_QUIZZES_FOR, [courseId, true]);
  return rows.filter((q) => quizIsForSection(q.sections, section));
}

export type AttemptSummaryRow = Pick<
  AttemptModel,
  "id" | "quizId" | "number" | "status" | "score" | "maxScore" | "overrideScore" | "regradedAt"
>;

const ATTEMPTS_IN_COURSE = `SELECT ${selectList<AttemptModel>("a")("id", "quizId", "number", "status", "score", "maxScore", "overrideScore", "regradedAt")}
     FROM "Attempt" a JOIN "Quiz" q ON q."id" = a."quizId" WHERE q."courseId" = $1 AND a."userId" = $2 ORDER BY a."number"`;

/** A student's own attempts of every quiz of a course, by number. */
export async function attemptsInCourse(db: Db, courseId: string, userId: string): Promise<AttemptSummaryRow[]> {
  return sqlOf(db).all<AttemptSummaryRow>(ATTEMPTS_IN_COURSE, [courseId, userId]);
}

export type AccommodationRow = Pick<QuizAccommodation, "quizId" | "timeFactor" | "extraMinutes" | "closesAt">;

const ACCOMMODATIONS_IN_COURSE = `SELECT ${selectList<QuizAccommodation>("ac")("quizId", "timeFactor", "extraMinutes", "closesAt")}
     FROM "QuizAccommodation" ac JOIN "Quiz" q ON q."id" = ac."quizId" WHERE q."courseId" = $1 AND ac."userId" = $2`;

/** A student's own accommodations on the quizzes of a course. */
export async function accommodationsInCourse(db: Db, courseId: string, userId: string): Promise<AccommodationRow[]> {
  return sqlOf(db).all<AccommodationRow>(ACCOMMODATIONS_IN_COURSE, [courseId, userId]);
}

const LATEST_ACCOMMODATED_CLOSES = `SELECT ac."quizId" AS "quizId", MAX(ac."closesAt") AS "latest"
     FROM "QuizAccommodation" ac JOIN "Quiz" q ON q."id" = ac."quizId" WHERE q."courseId" = $1 AND ac."closesAt" IS NOT NULL GROUP BY ac."quizId"`;

/**
 * For each quiz of a course with later closes for some students, the latest of them. SQLite
 * returns an aggregate's date as text (no declared type), so it is read back as a Date here.
 */
export async function latestAccommodatedCloses(db: Db, courseId: string): Promise<Map<string, Date>> {
  const rows = await sqlOf(db).all<{ quizId: string; latest: Date | string }>(LATEST_ACCOMMODATED_CLOSES, [courseId]);
  return new Map(rows.map((r) => [r.quizId, new Date(r.latest)]));
}

export type StaffQuizRow = QuizModel & { _count: { items: number; attempts: number } };

/** Every quiz of a course, drafts included, oldest first, with how many items and attempts each has. */
export async function quizzesWithCounts(db: Db, courseId: string): Promise<StaffQuizRow[]> {
  const rows = await db.quiz.findMany({
    where: { courseId },
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { items: true, attempts: true } } },
  });
  return rows as StaffQuizRow[]; // mode and feedbackRelease hold only the values the app writes (lib/db/quiz-values.ts)
}

/** A course's question banks with how many questions each holds (every version counts). */
export async function banksWithCounts(db: Db, courseId: string) {
  return db.questionBank.findMany({ where: { courseId }, include: { _count: { select: { questions: true } } } });
}
