// Reads behind item analysis. Staff pages, low traffic: Prisma (docs/data-access.md). One
// quiz's submitted attempts are read with their graded responses and the times of their
// saves, so the statistics are computed from one consistent read.
import "server-only";
import type { Db } from "../db/client";
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

/** Every submitted attempt of the quiz, by student and number, with its responses and their saves. */
export async function submittedAttempts(db: Db, quizId: string): Promise<SubmittedAttemptRow[]> {
  return db.attempt.findMany({
    where: { quizId, status: "SUBMITTED" },
    orderBy: [{ userId: "asc" }, { number: "asc" }],
    select: {
      id: true,
      userId: true,
      number: true,
      startedAt: true,
      score: true,
      maxScore: true,
      overrideScore: true,
      responses: {
        orderBy: { position: "asc" },
        select: {
          id: true,
          position: true,
          score: true,
          overrideScore: true,
          maxScore: true,
          question: { select: { id: true, bankId: true, key: true, version: true, title: true, template: true } },
          quizItem: { select: { position: true } },
          saves: { orderBy: { savedAt: "asc" }, select: { savedAt: true } },
        },
      },
    },
  });
}

export type StudentSectionRow = Pick<Enrollment, "userId" | "section">;

/** The course's students and their sections. */
export async function studentSections(db: Db, courseId: string): Promise<StudentSectionRow[]> {
  return db.enrollment.findMany({ where: { courseId, role: "STUDENT" }, select: { userId: true, section: true } });
}
