// The statements of the misconceptions report: the graded responses of a course's students
// (one quiz or all), and a student's own released ones. On the fast runner: a course's report
// reads every graded response of its quizzes (docs/data-access.md).
import "server-only";
import { sqlOf, type Db } from "../db/client";
import type { PracticeResult, Question, Response, User } from "../db/generated/sqlite/client";
import type { AttemptModel, QuizModel } from "../db/quiz-values";
import { selectList } from "../db/sql";

const responseCols = selectList<Response>("r");
const attemptCols = selectList<AttemptModel>("a");
const questionCols = selectList<Question>("qn");
const quizCols = selectList<QuizModel>("q");
const practiceCols = selectList<PracticeResult>("p");

export type CourseResponseRow = Pick<Response, "id" | "answer" | "feedback"> &
  Pick<AttemptModel, "userId" | "quizId"> & { userName: User["name"]; questionId: Question["id"]; template: Question["template"] };

const COURSE_RESPONSES = `SELECT ${responseCols("id", "answer", "feedback")}, ${attemptCols("userId", "quizId")},
  u."name" AS "userName", ${questionCols("template")}, qn."id" AS "questionId"
  FROM "Response" r
  JOIN "Attempt" a ON a."id" = r."attemptId"
  JOIN "Quiz" q ON q."id" = a."quizId"
  JOIN "Question" qn ON qn."id" = r."questionId"
  JOIN "user" u ON u."id" = a."userId"
  JOIN "Enrollment" e ON e."courseId" = q."courseId" AND e."userId" = a."userId" AND e."role" = 'STUDENT'
  WHERE q."courseId" = $1 AND a."status" = 'SUBMITTED' AND r."feedback" IS NOT NULL AND ($2 = '' OR q."id" = $2)
  ORDER BY a."submittedAt", a."id", r."position"`;

/** The graded responses of the course's students in submitted attempts, of one quiz ("" for all), oldest first. */
export function courseResponses(db: Db, courseId: string, quizId: string): Promise<CourseResponseRow[]> {
  return sqlOf(db).all<CourseResponseRow>(COURSE_RESPONSES, [courseId, quizId]);
}

export type QuizChoiceRow = Pick<QuizModel, "id" | "title">;

const COURSE_QUIZZES = `SELECT ${quizCols("id", "title")} FROM "Quiz" q WHERE q."courseId" = $1 ORDER BY q."createdAt", q."id"`;

/** The course's quizzes, for the report's quiz filter. */
export function courseQuizzes(db: Db, courseId: string): Promise<QuizChoiceRow[]> {
  return sqlOf(db).all<QuizChoiceRow>(COURSE_QUIZZES, [courseId]);
}

export type OwnResponseRow = Pick<Response, "id" | "answer" | "feedback"> &
  Pick<AttemptModel, "quizId" | "status"> &
  Pick<QuizModel, "feedbackRelease" | "closesAt" | "releaseAt"> & { questionId: Question["id"]; template: Question["template"] };

const OWN_RESPONSES = `SELECT ${responseCols("id", "answer", "feedback")}, ${attemptCols("quizId", "status")},
  ${quizCols("feedbackRelease", "closesAt", "releaseAt")}, ${questionCols("template")}, qn."id" AS "questionId"
  FROM "Response" r
  JOIN "Attempt" a ON a."id" = r."attemptId"
  JOIN "Quiz" q ON q."id" = a."quizId"
  JOIN "Question" qn ON qn."id" = r."questionId"
  WHERE a."userId" = $1 AND a."status" = 'SUBMITTED' AND r."feedback" IS NOT NULL
  ORDER BY a."submittedAt", a."id", r."position"`;

/** A student's own graded responses in every course, with what decides whether their feedback is released. */
export function ownResponses(db: Db, userId: string): Promise<OwnResponseRow[]> {
  return sqlOf(db).all<OwnResponseRow>(OWN_RESPONSES, [userId]);
}

export type OwnPracticeMistakeRow = Pick<PracticeResult, "id" | "family" | "mistake">;

/** A student's practice answers that had a mistake, oldest first: what their home page counts beside their quiz answers. */
export function ownPracticeMistakes(db: Db, userId: string): Promise<OwnPracticeMistakeRow[]> {
  return sqlOf(db).all<OwnPracticeMistakeRow>(
    `SELECT ${practiceCols("id", "family", "mistake")} FROM "PracticeResult" p WHERE p."userId" = $1 AND p."mistake" IS NOT NULL ORDER BY p."at"`,
    [userId],
  );
}
