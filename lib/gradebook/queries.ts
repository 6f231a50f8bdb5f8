// Every statement of the gradebook, each a named function. The staff matrix reads a whole course
// at once (500 students × 20 quizzes in its bench), so these are five flat SELECTs on the fast
// runner (lib/db/sql.ts, docs/data-access.md) that the pure rules (gradebook.ts) join in memory,
// rather than one row per cell. Not "server-only": the bench (tests/bench/gradebook.ts) runs
// them under tsx; the app reaches them through index.ts.
import { auditStatement, type AuditEntry } from "../audit";
import { sqlOf, type Db } from "../db/client";
import type { Enrollment, QuizAccommodation, QuizExcusal, User } from "../db/generated/sqlite/client";
import type { AttemptModel, QuizModel } from "../db/quiz-values";
import { selectList, type SqlStatement } from "../db/sql";
import type { GradebookAccommodation, GradebookAttempt, GradebookExcusal, GradebookQuiz, GradebookStudent } from "./gradebook";

const quizCols = selectList<QuizModel>("q");
const attemptCols = selectList<AttemptModel>("a");
const userCols = selectList<User>("u");
const excusalCols = selectList<QuizExcusal>("x");
const accommodationCols = selectList<QuizAccommodation>("ac");

export type GradebookQuizRow = GradebookQuiz & Pick<QuizModel, "feedbackRelease" | "releaseAt">;

const QUIZZES = `SELECT ${quizCols("id", "title", "scoreRule", "closesAt", "weight", "sections", "feedbackRelease", "releaseAt")},
       COALESCE((SELECT SUM(i."points" * i."drawCount") FROM "QuizItem" i WHERE i."quizId" = q."id"), 0) AS "maxScore"
  FROM "Quiz" q WHERE q."courseId" = $1 AND q."published" = $2 ORDER BY q."createdAt", q."id"`;

/** The course's published quizzes, oldest first, each with its points: the gradebook's columns. */
export async function gradebookQuizzes(db: Db, courseId: string): Promise<GradebookQuizRow[]> {
  const rows = await sqlOf(db).all<GradebookQuizRow>(QUIZZES, [courseId, true]);
  return rows.map((r) => ({ ...r, maxScore: Number(r.maxScore), weight: Number(r.weight) }));
}

const STUDENTS = `SELECT ${userCols("id", "name", "email")}, e."section" AS "section"
  FROM "Enrollment" e JOIN "user" u ON u."id" = e."userId"
  WHERE e."courseId" = $1 AND e."role" = 'STUDENT' ORDER BY u."name", u."email"`;

/** The course's students, by name: the gradebook's rows. */
export async function gradebookStudents(db: Db, courseId: string): Promise<GradebookStudent[]> {
  return sqlOf(db).all<GradebookStudent & Pick<Enrollment, "section">>(STUDENTS, [courseId]);
}

const ATTEMPT_LIST = attemptCols(
  "id",
  "quizId",
  "userId",
  "number",
  "status",
  "score",
  "maxScore",
  "overrideScore",
  "startedAt",
  "submittedAt",
  "timedOut",
  "regradedAt",
);
const ATTEMPTS = `SELECT ${ATTEMPT_LIST} FROM "Attempt" a JOIN "Quiz" q ON q."id" = a."quizId" WHERE q."courseId" = $1 AND q."published" = $2`;
const ATTEMPTS_OF_USER = `${ATTEMPTS} AND a."userId" = $3`;

/** Every attempt at the course's published quizzes (only `userId`'s when given). */
export async function gradebookAttempts(db: Db, courseId: string, userId?: string): Promise<GradebookAttempt[]> {
  return userId
    ? sqlOf(db).all<GradebookAttempt>(ATTEMPTS_OF_USER, [courseId, true, userId])
    : sqlOf(db).all<GradebookAttempt>(ATTEMPTS, [courseId, true]);
}

const EXCUSALS = `SELECT ${excusalCols("quizId", "userId")} FROM "QuizExcusal" x JOIN "Quiz" q ON q."id" = x."quizId" WHERE q."courseId" = $1`;
const EXCUSALS_OF_USER = `${EXCUSALS} AND x."userId" = $2`;

/** Who is excused from which of the course's quizzes (only `userId` when given). */
export async function gradebookExcusals(db: Db, courseId: string, userId?: string): Promise<GradebookExcusal[]> {
  return userId
    ? sqlOf(db).all<GradebookExcusal>(EXCUSALS_OF_USER, [courseId, userId])
    : sqlOf(db).all<GradebookExcusal>(EXCUSALS, [courseId]);
}

const CLOSES = `SELECT ${accommodationCols("quizId", "userId", "closesAt")} FROM "QuizAccommodation" ac JOIN "Quiz" q ON q."id" = ac."quizId"
  WHERE q."courseId" = $1 AND ac."closesAt" IS NOT NULL`;

/** Every later close an accommodation gives at the course's quizzes (a closed quiz counts 0 only after the student's own close). */
export async function gradebookAccommodations(db: Db, courseId: string): Promise<GradebookAccommodation[]> {
  return sqlOf(db).all<GradebookAccommodation>(CLOSES, [courseId]);
}

/** The latest close any accommodation gives at each of the course's quizzes: when "feedback after the close" comes. */
export function latestCloses(accommodations: readonly GradebookAccommodation[]): Map<string, Date> {
  const latest = new Map<string, Date>();
  for (const a of accommodations) {
    if (!a.closesAt) continue;
    const seen = latest.get(a.quizId);
    if (!seen || a.closesAt > seen) latest.set(a.quizId, a.closesAt);
  }
  return latest;
}

export type QuizWeightRow = Pick<QuizModel, "id" | "title" | "weight">;

/** The weights of the course's quizzes named in `quizIds` (those of another course are not found). */
export async function quizWeights(db: Db, courseId: string, quizIds: readonly string[]): Promise<QuizWeightRow[]> {
  if (quizIds.length === 0) return [];
  const placeholders = quizIds.map((_, i) => `$${i + 2}`).join(", ");
  return sqlOf(db).all<QuizWeightRow>(
    `SELECT ${quizCols("id", "title", "weight")} FROM "Quiz" q WHERE q."courseId" = $1 AND q."id" IN (${placeholders})`,
    [courseId, ...quizIds],
  );
}

/** Sets each quiz's weight and records the change, in one transaction. */
export async function writeWeights(
  db: Db,
  courseId: string,
  weights: readonly { quizId: string; weight: number }[],
  audit: AuditEntry,
): Promise<void> {
  const statements: SqlStatement[] = weights.map((w) => ({
    text: `UPDATE "Quiz" SET "weight" = $1, "updatedAt" = $2 WHERE "id" = $3 AND "courseId" = $4`,
    params: [w.weight, new Date(), w.quizId, courseId],
  }));
  await sqlOf(db).batch([...statements, auditStatement(audit)]);
}
