// Quiz attempts on the server: start, save, submit, and what a student may see. Every rule
// of issue #6 that protects a grade lives here, so pages and route handlers cannot skip it:
// the window and the time limit are enforced with the server's clock, saves are checked and
// kept, submit is idempotent, and nothing of the answer leaves before feedback release.
import { randomInt } from "node:crypto";
import { AppError } from "../auth/errors";
import type { Db } from "../db/client";
import { grade, GRADER_VERSION, type Feedback } from "../grading";
import { expectedAnswer, instantiate, parseDraft, presentFor, type Answer, type Presentation } from "../questions";
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

/** Saves a draft answer. 404: not yours; 409: submitted or past the deadline; 422: malformed (the last good save stays). */
export async function saveResponse(db: Db, userId: string, attemptId: string, position: number, draft: unknown, now = new Date()): Promise<{ savedAt: Date }> {
  const attempt = await ownAttempt(db, userId, attemptId);
  if (attempt.status !== "IN_PROGRESS") throw new AppError("CONFLICT", "This attempt has been submitted; answers can no longer change.");
  if (attempt.deadlineAt && now >= attempt.deadlineAt) {
    await submitAttempt(db, userId, attemptId, now);
    throw new AppError("CONFLICT", "Time is up: the attempt was submitted with your last saved answers.");
  }
  const response = await db.response.findUnique({ where: { attemptId_position: { attemptId, position } }, include: { question: true } });
  if (!response) throw new AppError("NOT_FOUND", `This attempt has no question ${position}.`);
  const { template } = instantiateStored(response.question.template, Number(response.seed));
  const parsed = parseDraft(template.ask, draft);
  if (!parsed.ok) throw new AppError("UNPROCESSABLE", `The answer was not saved: ${parsed.errors.join("; ")}`);
  const savedAt = now;
  // Only while still in progress: a save racing a submit cannot change a graded answer.
  const updated = await db.response.updateMany({
    where: { id: response.id, attempt: { status: "IN_PROGRESS" } },
    data: { answer: JSON.stringify(parsed.draft), savedAt },
  });
  if (updated.count === 0) throw new AppError("CONFLICT", "This attempt has been submitted; answers can no longer change.");
  return { savedAt };
}

function instantiateStored(templateJson: string, seed: number) {
  return instantiate(JSON.parse(templateJson), seed);
}

export interface SubmitResult {
  status: "SUBMITTED";
  submittedAt: Date;
  score: number;
  maxScore: number;
}

/** Grades and submits an attempt. Idempotent: a second call returns the first result. */
export async function submitAttempt(db: Db, userId: string, attemptId: string, now = new Date()): Promise<SubmitResult> {
  const attempt = await ownAttempt(db, userId, attemptId);
  if (attempt.status === "SUBMITTED") return stored(attempt);
  const responses = await db.response.findMany({ where: { attemptId }, include: { question: true }, orderBy: { position: "asc" } });
  const graded = responses.map((r) => {
    const answer = r.answer === null ? {} : JSON.parse(r.answer);
    const result = grade(JSON.parse(r.question.template), Number(r.seed), answer);
    const score = (result.score / result.maxScore) * r.maxScore;
    return { id: r.id, score, feedback: JSON.stringify(result.feedback) };
  });
  const score = graded.reduce((s, g) => s + g.score, 0);
  const maxScore = responses.reduce((s, r) => s + r.maxScore, 0);
  const submittedAt = attempt.deadlineAt && now > attempt.deadlineAt ? attempt.deadlineAt : now;
  await db.$transaction(async (tx) => {
    const claimed = await tx.attempt.updateMany({ where: { id: attemptId, status: "IN_PROGRESS" }, data: { status: "SUBMITTED", submittedAt, score, maxScore } });
    if (claimed.count === 0) return; // another request submitted it first
    for (const g of graded) {
      await tx.response.update({ where: { id: g.id }, data: { score: g.score, feedback: g.feedback, graderVersion: GRADER_VERSION, gradedAt: now } });
    }
    await tx.auditLog.create({ data: { actorId: userId, courseId: attempt.quiz.courseId, action: "attempt.submit", target: attemptId, detail: JSON.stringify({ score, maxScore }) } });
  });
  return stored(await db.attempt.findUniqueOrThrow({ where: { id: attemptId } }));
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
  if (attempt.status === "IN_PROGRESS" && attempt.deadlineAt && now >= attempt.deadlineAt) {
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
      const template = JSON.parse(r.question.template);
      const q = instantiate(template, Number(r.seed));
      const item: AttemptItemView = { position: r.position, presentation: presentFor(q), draft: r.answer === null ? null : JSON.parse(r.answer), savedAt: r.savedAt, maxScore: r.maxScore };
      if (release.released && attempt.status === "SUBMITTED" && r.feedback) {
        item.result = { score: r.score ?? 0, feedback: JSON.parse(r.feedback) as Feedback, expected: expectedAnswer(template, Number(r.seed)), trace: q.trace };
      }
      return item;
    }),
  };
}
