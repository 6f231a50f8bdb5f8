// Reads behind item analysis. A staff page, low traffic, so Prisma (docs/data-access.md) —
// except the one read that is a whole class's answers and saves, which is flat prepared SQL
// on the fast runner (submittedAttempts).
import "server-only";
import { sqlOf, type Db } from "../db/client";
import { selectList } from "../db/sql";
import type { AnswerSave, Attempt, Enrollment, Question, Quiz, QuizItem, Response } from "../db/generated/sqlite/client";

export type AnalyticsQuizRow = Pick<Quiz, "id" | "title" | "published" | "createdAt"> & { submitted: number };

/** The course's quizzes for the picker, oldest first, with how many attempts are submitted. */
export async function analyticsQuizzes(db: Db, courseId: string): Promise<AnalyticsQuizRow[]> {
  const quizzes = await db.quiz.findMany({
    where: { courseId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      title: true,
      published: true,
      createdAt: true,
      _count: { select: { attempts: { where: { status: "SUBMITTED" } } } },
    },
  });
  return quizzes.map(({ _count, ...q }) => ({ ...q, submitted: _count.attempts }));
}

export type AnalyticsQuiz = Pick<Quiz, "id" | "title" | "courseId">;

/** A quiz of the course, or null (another course's quiz is not found either). */
export async function analyticsQuiz(db: Db, courseId: string, quizId: string): Promise<AnalyticsQuiz | null> {
  return db.quiz.findFirst({ where: { id: quizId, courseId }, select: { id: true, title: true, courseId: true } });
}

export type SubmittedResponseRow = Pick<Response, "id" | "position" | "score" | "overrideScore" | "maxScore"> & {
  question: Pick<Question, "id" | "bankId" | "key" | "version" | "title" | "template">;
  quizItem: Pick<QuizItem, "position"> | null;
  saves: Pick<AnswerSave, "savedAt">[];
};

export type SubmittedAttemptRow = Pick<Attempt, "id" | "userId" | "number" | "startedAt" | "score" | "maxScore" | "overrideScore"> & {
  responses: SubmittedResponseRow[];
};

const attemptCols = selectList<Attempt>("a");
const responseCols = selectList<Response>("r");
const SUBMITTED_ATTEMPTS = `SELECT ${attemptCols("id", "userId", "number", "startedAt", "score", "maxScore", "overrideScore")}
     FROM "Attempt" a WHERE a."quizId" = $1 AND a."status" = $2 ORDER BY a."userId", a."number"`;
const SUBMITTED_RESPONSES = `SELECT ${responseCols("id", "attemptId", "position", "score", "overrideScore", "maxScore", "questionId")}, qi."position" AS "itemPosition"
     FROM "Response" r JOIN "Attempt" a ON a."id" = r."attemptId" LEFT JOIN "QuizItem" qi ON qi."id" = r."quizItemId"
     WHERE a."quizId" = $1 AND a."status" = $2 ORDER BY r."attemptId", r."position"`;
const SUBMITTED_SAVES = `SELECT ${selectList<AnswerSave>("s")("responseId", "savedAt")}
     FROM "AnswerSave" s JOIN "Response" r ON r."id" = s."responseId" JOIN "Attempt" a ON a."id" = r."attemptId"
     WHERE a."quizId" = $1 AND a."status" = $2 ORDER BY s."savedAt"`;

type ResponseRow = Pick<Response, "id" | "attemptId" | "position" | "score" | "overrideScore" | "maxScore" | "questionId"> & {
  itemPosition: number | null;
};

/**
 * Every submitted attempt of the quiz, by student and number, with its responses and their
 * saves. A class's worth of rows (500 students × 20 questions, two saves each, is 30 000):
 * three flat statements on the fast runner and the few question versions once each, since
 * Prisma's nested reads of that many rows, each with its template, took seconds. The reads
 * are not one snapshot: an attempt submitted between them brings at most answers not yet
 * graded, which the analysis leaves out, or is missing from one read and so from the analysis.
 */
export async function submittedAttempts(db: Db, quizId: string): Promise<SubmittedAttemptRow[]> {
  const sql = sqlOf(db);
  const params = [quizId, "SUBMITTED"];
  const [attempts, responses, saves] = await Promise.all([
    sql.all<Pick<Attempt, "id" | "userId" | "number" | "startedAt" | "score" | "maxScore" | "overrideScore">>(SUBMITTED_ATTEMPTS, params),
    sql.all<ResponseRow>(SUBMITTED_RESPONSES, params),
    sql.all<Pick<AnswerSave, "responseId" | "savedAt">>(SUBMITTED_SAVES, params),
  ]);
  const questions = new Map(
    (
      await db.question.findMany({
        where: { id: { in: [...new Set(responses.map((r) => r.questionId))] } },
        select: { id: true, bankId: true, key: true, version: true, title: true, template: true },
      })
    ).map((q) => [q.id, q]),
  );
  const savesOf = new Map<string, Pick<AnswerSave, "savedAt">[]>();
  for (const save of saves) {
    const list = savesOf.get(save.responseId);
    if (list) list.push({ savedAt: save.savedAt });
    else savesOf.set(save.responseId, [{ savedAt: save.savedAt }]);
  }
  const responsesOf = new Map<string, SubmittedResponseRow[]>();
  for (const r of responses) {
    const row: SubmittedResponseRow = {
      id: r.id,
      position: r.position,
      score: r.score,
      overrideScore: r.overrideScore,
      maxScore: r.maxScore,
      question: questions.get(r.questionId)!,
      quizItem: r.itemPosition === null ? null : { position: r.itemPosition },
      saves: savesOf.get(r.id) ?? [],
    };
    const list = responsesOf.get(r.attemptId);
    if (list) list.push(row);
    else responsesOf.set(r.attemptId, [row]);
  }
  return attempts.map((a) => ({ ...a, responses: responsesOf.get(a.id) ?? [] }));
}

export type StudentSectionRow = Pick<Enrollment, "userId" | "section">;

/** The course's students and their sections. */
export async function studentSections(db: Db, courseId: string): Promise<StudentSectionRow[]> {
  return db.enrollment.findMany({ where: { courseId, role: "STUDENT" }, select: { userId: true, section: true } });
}
