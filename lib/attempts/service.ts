// Quiz attempts on the server: start, save, submit, and what a student may see. Every rule
// of issue #6 that protects a grade lives here, so pages and route handlers cannot skip it:
// the window and the time limit are enforced with the server's clock, saves are checked and
// kept, submit is idempotent, and nothing of the answer leaves before feedback release.
import { randomInt } from "node:crypto";
import { AppError } from "../auth/errors";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/sqlite/client";
import { grade, GRADER_VERSION, type Feedback } from "../grading";
import { expectedAnswer, instantiate, parseDraft, presentFor, QuestionTemplateSchema, type Answer, type Presentation, type QuestionTemplate } from "../questions";
import type { Trace } from "../tcp";
import { releaseOf, type Release } from "./release";

export type QuizRow = {
  id: string;
  courseId: string;
  title: string;
  mode: string;
  opensAt: Date | null;
  closesAt: Date | null;
  timeLimitSec: number | null;
  attemptsAllowed: number | null;
  feedbackRelease: string;
  section: string | null;
  published: boolean;
};

/** A fresh seed from a cryptographic source (stored with the response, never sent to the browser). */
export function newSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}

/** Can this student start (or resume) an attempt now? Throws AppError(CONFLICT) with the reason. */
export function assertOpenFor(quiz: QuizRow, section: string | null, now: Date): void {
  if (!quiz.published || (quiz.section !== null && quiz.section !== section)) throw new AppError("NOT_FOUND", "That quiz does not exist.");
  if (quiz.opensAt && now < quiz.opensAt) throw new AppError("CONFLICT", `This quiz opens at ${quiz.opensAt.toISOString()}.`);
  if (quiz.closesAt && now >= quiz.closesAt) throw new AppError("CONFLICT", "This quiz has closed.");
}

/**
 * Starts an attempt for a student, or returns the one in progress. Items are drawn and
 * seeds chosen here, on the server.
 */
export async function startAttempt(db: Db, userId: string, quizId: string, now = new Date()): Promise<{ attemptId: string; resumed: boolean }> {
  const quiz = await db.quiz.findUnique({ where: { id: quizId }, include: { items: { orderBy: { position: "asc" } } } });
  if (!quiz) throw new AppError("NOT_FOUND", "That quiz does not exist.");
  const enrollment = await db.enrollment.findUnique({ where: { courseId_userId: { courseId: quiz.courseId, userId } } });
  if (!enrollment || enrollment.role !== "STUDENT") throw new AppError("NOT_FOUND", "That quiz does not exist.");
  await finalizeExpired(db, { userId, quizId }, now);
  const open = await db.attempt.findFirst({ where: { quizId, userId, status: "IN_PROGRESS" } });
  if (open) return { attemptId: open.id, resumed: true };
  assertOpenFor(quiz, enrollment.section, now);
  const used = await db.attempt.count({ where: { quizId, userId } });
  if (quiz.attemptsAllowed !== null && used >= quiz.attemptsAllowed) {
    throw new AppError("CONFLICT", `You have used all ${quiz.attemptsAllowed} attempt${quiz.attemptsAllowed === 1 ? "" : "s"} of this quiz.`);
  }
  if (quiz.items.length === 0) throw new AppError("CONFLICT", "This quiz has no questions yet.");

  const picks: { questionId: string; quizItemId: string; points: number }[] = [];
  for (const item of quiz.items) {
    if (item.questionId) {
      picks.push({ questionId: item.questionId, quizItemId: item.id, points: item.points });
      continue;
    }
    const candidates = await latestQuestions(db, item.bankId!, item.tag);
    if (candidates.length < item.drawCount) throw new AppError("CONFLICT", "This quiz draws more questions than its bank holds; tell your instructor.");
    const pool = [...candidates];
    for (let k = 0; k < item.drawCount; k++) {
      const [chosen] = pool.splice(randomInt(0, pool.length), 1);
      picks.push({ questionId: chosen.id, quizItemId: item.id, points: item.points });
    }
  }
  const deadline = deadlineOf(quiz, now);
  try {
    const attempt = await db.attempt.create({
      data: {
        quizId,
        userId,
        number: used + 1,
        startedAt: now,
        deadlineAt: deadline,
        responses: { create: picks.map((p, i) => ({ position: i + 1, questionId: p.questionId, quizItemId: p.quizItemId, seed: String(newSeed()), maxScore: p.points })) },
      },
    });
    await db.auditLog.create({ data: { actorId: userId, courseId: quiz.courseId, action: "attempt.start", target: attempt.id } });
    return { attemptId: attempt.id, resumed: false };
  } catch (error) {
    // Two tabs starting at once: the unique (quiz, user, number) lets one win; resume it.
    const raced = await db.attempt.findFirst({ where: { quizId, userId, status: "IN_PROGRESS" } });
    if (raced) return { attemptId: raced.id, resumed: true };
    throw error;
  }
}

function deadlineOf(quiz: QuizRow, start: Date): Date | null {
  const limit = quiz.timeLimitSec ? new Date(start.getTime() + quiz.timeLimitSec * 1000) : null;
  if (limit && quiz.closesAt) return limit < quiz.closesAt ? limit : quiz.closesAt;
  return limit ?? quiz.closesAt;
}

/** The newest version of each question in a bank (optionally with a tag). */
async function latestQuestions(db: Db, bankId: string, tag: string | null) {
  const rows = await db.question.findMany({ where: { bankId }, orderBy: [{ key: "asc" }, { version: "desc" }] });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.key)) latest.set(r.key, r);
  return [...latest.values()].filter((q) => !tag || (JSON.parse(q.tags) as string[]).includes(tag));
}

async function ownAttempt(db: Db, userId: string, attemptId: string) {
  const attempt = await db.attempt.findUnique({ where: { id: attemptId }, include: { quiz: true } });
  // Someone else's attempt is answered exactly like one that does not exist.
  if (!attempt || attempt.userId !== userId) throw new AppError("NOT_FOUND", "That attempt does not exist.");
  return attempt;
}

// A question version never changes (an edit makes a new row), so its parsed template can be
// kept: saves and grading then skip zod on the template. Bounded, oldest out first.
const templates = new Map<string, QuestionTemplate>();
const MAX_TEMPLATES = 2000;

export function templateOf(question: { id: string; template: string }): QuestionTemplate {
  let template = templates.get(question.id);
  if (!template) {
    template = QuestionTemplateSchema.parse(JSON.parse(question.template));
    if (templates.size >= MAX_TEMPLATES) templates.delete(templates.keys().next().value as string);
    templates.set(question.id, template);
  }
  return template;
}

type SaveTarget = { id: string; userId: string; status: string; deadlineAt: Date | string | null; questionId: string; template: string };

/**
 * Saves a draft answer. 404: not yours; 409: submitted or past the deadline; 422: malformed
 * (the last good save stays). The hottest path in the app (every student, every few seconds):
 * two SQL statements, one read that joins what a save checks and one guarded UPDATE.
 */
export async function saveResponse(db: Db, userId: string, attemptId: string, position: number, draft: unknown, now = new Date()): Promise<{ savedAt: Date }> {
  const [target] = await db.$queryRaw<SaveTarget[]>`
    SELECT r."id" AS "id", a."userId" AS "userId", a."status" AS "status", a."deadlineAt" AS "deadlineAt", q."id" AS "questionId", q."template" AS "template"
    FROM "Response" r JOIN "Attempt" a ON a."id" = r."attemptId" JOIN "Question" q ON q."id" = r."questionId"
    WHERE r."attemptId" = ${attemptId} AND r."position" = ${position}`;
  if (!target) {
    await ownAttempt(db, userId, attemptId); // 404 for an attempt that is not yours, whatever the position
    throw new AppError("NOT_FOUND", `This attempt has no question ${position}.`);
  }
  if (target.userId !== userId) throw new AppError("NOT_FOUND", "That attempt does not exist.");
  if (target.status !== "IN_PROGRESS") throw new AppError("CONFLICT", "This attempt has been submitted; answers can no longer change.");
  if (target.deadlineAt && now >= new Date(target.deadlineAt)) {
    await submitAttempt(db, userId, attemptId, now);
    throw new AppError("CONFLICT", "Time is up: the attempt was submitted with your last saved answers.");
  }
  const parsed = parseDraft(templateOf({ id: target.questionId, template: target.template }).ask, draft);
  if (!parsed.ok) throw new AppError("UNPROCESSABLE", `The answer was not saved: ${parsed.errors.join("; ")}`);
  // Only while the attempt is in progress: a save racing a submit cannot change a graded answer.
  const updated = await db.$executeRaw`
    UPDATE "Response" SET "answer" = ${JSON.stringify(parsed.draft)}, "savedAt" = ${now}
    WHERE "id" = ${target.id} AND EXISTS (SELECT 1 FROM "Attempt" a WHERE a."id" = ${attemptId} AND a."status" = 'IN_PROGRESS')`;
  if (updated === 0) throw new AppError("CONFLICT", "This attempt has been submitted; answers can no longer change.");
  return { savedAt: now };
}

export interface SubmitResult {
  status: "SUBMITTED";
  submittedAt: Date;
  score: number;
  maxScore: number;
}

type SubmitTarget = { userId: string; status: string; deadlineAt: Date | string | null; courseId: string };
type GradeRow = { id: string; seed: string; answer: string | null; maxScore: number; questionId: string; template: string };

/**
 * Grades and submits an attempt. Idempotent: a second call returns the first result.
 *
 * No interactive transaction (on SQLite the driver adapter serializes them on one connection,
 * and other requests' statements would run inside it): one conditional UPDATE claims the
 * attempt, which stops every later save; then the saved answers are graded and recorded.
 * Grading is deterministic, so a concurrent submit, or a crash between the two steps, is
 * repaired by grading again (ensureGraded). At an exam's deadline everyone submits at once,
 * so this is five statements whatever the number of questions.
 */
export async function submitAttempt(db: Db, userId: string, attemptId: string, now = new Date()): Promise<SubmitResult> {
  const [attempt] = await db.$queryRaw<SubmitTarget[]>`
    SELECT a."userId" AS "userId", a."status" AS "status", a."deadlineAt" AS "deadlineAt", q."courseId" AS "courseId"
    FROM "Attempt" a JOIN "Quiz" q ON q."id" = a."quizId" WHERE a."id" = ${attemptId}`;
  if (!attempt || attempt.userId !== userId) throw new AppError("NOT_FOUND", "That attempt does not exist.");
  if (attempt.status === "IN_PROGRESS") {
    const deadline = attempt.deadlineAt ? new Date(attempt.deadlineAt) : null;
    const submittedAt = deadline && now > deadline ? deadline : now;
    const claimed = await db.$executeRaw`UPDATE "Attempt" SET "status" = 'SUBMITTED', "submittedAt" = ${submittedAt} WHERE "id" = ${attemptId} AND "status" = 'IN_PROGRESS'`;
    if (claimed === 1) {
      const result = await recordGrades(db, attemptId, now);
      await db.auditLog.create({ data: { actorId: userId, courseId: attempt.courseId, action: "attempt.submit", target: attemptId, detail: JSON.stringify(result) } });
      return { status: "SUBMITTED", submittedAt, ...result };
    }
  }
  return ensureGraded(db, attemptId, now);
}

/** A submitted attempt whose grades are not recorded yet (a crash, or a submit still running) is graded now. */
async function ensureGraded(db: Db, attemptId: string, now: Date): Promise<SubmitResult> {
  const attempt = await db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
  if (attempt.score === null) await recordGrades(db, attemptId, now);
  return stored(await db.attempt.findUniqueOrThrow({ where: { id: attemptId } }));
}

async function recordGrades(db: Db, attemptId: string, now: Date): Promise<{ score: number; maxScore: number }> {
  const rows = await db.$queryRaw<GradeRow[]>`
    SELECT r."id" AS "id", r."seed" AS "seed", r."answer" AS "answer", r."maxScore" AS "maxScore", q."id" AS "questionId", q."template" AS "template"
    FROM "Response" r JOIN "Question" q ON q."id" = r."questionId" WHERE r."attemptId" = ${attemptId} ORDER BY r."position"`;
  let score = 0;
  let maxScore = 0;
  const graded = rows.map((r) => {
    const result = grade(templateOf({ id: r.questionId, template: r.template }), Number(r.seed), r.answer === null ? {} : JSON.parse(r.answer));
    const points = (result.score / result.maxScore) * Number(r.maxScore);
    score += points;
    maxScore += Number(r.maxScore);
    return { id: r.id, points, feedback: JSON.stringify(result.feedback) };
  });
  if (graded.length > 0) {
    // One statement for every response of the attempt.
    await db.$executeRaw`
      UPDATE "Response" SET
        "score" = CASE "id" ${Prisma.join(graded.map((g) => Prisma.sql`WHEN ${g.id} THEN CAST(${g.points} AS DOUBLE PRECISION)`), " ")} END,
        "feedback" = CASE "id" ${Prisma.join(graded.map((g) => Prisma.sql`WHEN ${g.id} THEN ${g.feedback}`), " ")} END,
        "graderVersion" = ${GRADER_VERSION}, "gradedAt" = ${now}
      WHERE "id" IN (${Prisma.join(graded.map((g) => g.id))})`;
  }
  // The attempt's score is written last: a non-null score means every response is graded.
  await db.$executeRaw`UPDATE "Attempt" SET "score" = CAST(${score} AS DOUBLE PRECISION), "maxScore" = CAST(${maxScore} AS DOUBLE PRECISION) WHERE "id" = ${attemptId}`;
  return { score, maxScore };
}

function stored(attempt: { submittedAt: Date | null; score: number | null; maxScore: number | null }): SubmitResult {
  return { status: "SUBMITTED", submittedAt: attempt.submittedAt!, score: attempt.score ?? 0, maxScore: attempt.maxScore ?? 0 };
}

/** Submits, with what was saved, every attempt of these whose time has run out. */
export async function finalizeExpired(db: Db, where: { userId?: string; quizId?: string }, now = new Date()): Promise<number> {
  const expired = await db.attempt.findMany({ where: { ...where, status: "IN_PROGRESS", deadlineAt: { lte: now } }, select: { id: true, userId: true } });
  for (const a of expired) await submitAttempt(db, a.userId, a.id, now);
  return expired.length;
}

export interface AttemptItemView {
  position: number;
  presentation: Presentation;
  /** The saved draft, as the student left it. */
  draft: unknown;
  savedAt: Date | null;
  maxScore: number;
  /** Only after feedback release. */
  result?: { score: number; feedback: Feedback; expected: Answer; trace: Trace };
}

export interface AttemptView {
  attemptId: string;
  quiz: { id: string; courseId: string; title: string; mode: string; timeLimitSec: number | null };
  number: number;
  status: "IN_PROGRESS" | "SUBMITTED";
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  release: Release;
  score: number | null;
  maxScore: number | null;
  items: AttemptItemView[];
}

/** Everything the attempt or review page shows, for its owner. Expected answers only after release. */
export async function attemptView(db: Db, userId: string, attemptId: string, now = new Date()): Promise<AttemptView> {
  let attempt = await ownAttempt(db, userId, attemptId);
  if ((attempt.status === "IN_PROGRESS" && attempt.deadlineAt && now >= attempt.deadlineAt) || (attempt.status === "SUBMITTED" && attempt.score === null)) {
    await submitAttempt(db, userId, attemptId, now);
    attempt = await ownAttempt(db, userId, attemptId);
  }
  const release = releaseOf(attempt.quiz, attempt.status, now);
  const responses = await db.response.findMany({ where: { attemptId }, include: { question: true }, orderBy: { position: "asc" } });
  return {
    attemptId,
    quiz: { id: attempt.quiz.id, courseId: attempt.quiz.courseId, title: attempt.quiz.title, mode: attempt.quiz.mode, timeLimitSec: attempt.quiz.timeLimitSec },
    number: attempt.number,
    status: attempt.status as AttemptView["status"],
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
    submittedAt: attempt.submittedAt,
    release,
    score: release.released ? attempt.score : null,
    maxScore: attempt.maxScore ?? responses.reduce((s, r) => s + r.maxScore, 0),
    items: responses.map((r) => {
      const template = templateOf(r.question);
      const q = instantiate(template, Number(r.seed));
      const item: AttemptItemView = { position: r.position, presentation: presentFor(q), draft: r.answer === null ? null : JSON.parse(r.answer), savedAt: r.savedAt, maxScore: r.maxScore };
      if (release.released && attempt.status === "SUBMITTED" && r.feedback) {
        item.result = { score: r.score ?? 0, feedback: JSON.parse(r.feedback) as Feedback, expected: expectedAnswer(template, Number(r.seed)), trace: q.trace };
      }
      return item;
    }),
  };
}
