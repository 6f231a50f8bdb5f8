// Quiz attempts on the server: start, save, submit, and what a student may see. Every rule
// of issue #6 that protects a grade lives here, so pages and route handlers cannot skip it:
// the window and the time limit are enforced with the server's clock, saves are checked and
// kept, submit is idempotent, and nothing of the answer leaves before feedback release.
import { randomInt, randomUUID } from "node:crypto";
import { auditStatement } from "../audit";
import { AppError } from "../server/errors";
import { sqlOf, type Db } from "../db/client";
import { grade, GRADER_VERSION, type Feedback } from "../grading";
import { expectedAnswer, instantiate, parseDraft, presentFor, type Answer, type Presentation } from "../questions";
import type { Trace } from "../tcp";
import { templateOf } from "../questions/template-cache";
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

type StartRow = QuizRow & { role: string | null; enrolledSection: string | null };
type ItemRow = { id: string; questionId: string | null; bankId: string | null; tag: string | null; drawCount: number; points: number };
type OwnAttemptRow = { id: string; status: string; deadlineAt: Date | null };

/**
 * Starts an attempt for a student, or returns the one in progress. Items are drawn and
 * seeds chosen here, on the server. A whole class starts an exam at once, so this is a few
 * prepared statements (lib/db/sql.ts) and one atomic write of the attempt with its items.
 */
export async function startAttempt(db: Db, userId: string, quizId: string, now = new Date()): Promise<{ attemptId: string; resumed: boolean }> {
  const sql = sqlOf(db);
  const [quiz] = await sql.all<StartRow>(
    `SELECT q."id" AS "id", q."courseId" AS "courseId", q."title" AS "title", q."mode" AS "mode", q."opensAt" AS "opensAt", q."closesAt" AS "closesAt",
            q."timeLimitSec" AS "timeLimitSec", q."attemptsAllowed" AS "attemptsAllowed", q."feedbackRelease" AS "feedbackRelease", q."section" AS "section",
            q."published" AS "published", e."role" AS "role", e."section" AS "enrolledSection"
     FROM "Quiz" q LEFT JOIN "Enrollment" e ON e."courseId" = q."courseId" AND e."userId" = $2 WHERE q."id" = $1`,
    [quizId, userId],
  );
  if (!quiz || quiz.role !== "STUDENT") throw new AppError("NOT_FOUND", "That quiz does not exist.");
  const attempts = await sql.all<OwnAttemptRow>(`SELECT "id", "status", "deadlineAt" FROM "Attempt" WHERE "quizId" = $1 AND "userId" = $2`, [quizId, userId]);
  for (const a of attempts) {
    if (a.status !== "IN_PROGRESS") continue;
    if (a.deadlineAt && a.deadlineAt <= now) await submitAttempt(db, userId, a.id, now); // time ran out while away
    else return { attemptId: a.id, resumed: true };
  }
  assertOpenFor(quiz, quiz.enrolledSection, now);
  const used = attempts.length;
  if (quiz.attemptsAllowed !== null && used >= quiz.attemptsAllowed) {
    throw new AppError("CONFLICT", `You have used all ${quiz.attemptsAllowed} attempt${quiz.attemptsAllowed === 1 ? "" : "s"} of this quiz.`);
  }
  const items = await sql.all<ItemRow>(`SELECT "id", "questionId", "bankId", "tag", "drawCount", "points" FROM "QuizItem" WHERE "quizId" = $1 ORDER BY "position"`, [quizId]);
  if (items.length === 0) throw new AppError("CONFLICT", "This quiz has no questions yet.");

  const picks: { questionId: string; quizItemId: string; points: number }[] = [];
  for (const item of items) {
    if (item.questionId) {
      picks.push({ questionId: item.questionId, quizItemId: item.id, points: item.points });
      continue;
    }
    const candidates = await latestQuestions(db, item.bankId!, item.tag);
    if (candidates.length < item.drawCount) throw new AppError("CONFLICT", "This quiz draws more questions than its bank holds; tell your instructor.");
    const pool = [...candidates];
    for (let k = 0; k < item.drawCount; k++) {
      const [chosen] = pool.splice(randomInt(0, pool.length), 1);
      picks.push({ questionId: chosen, quizItemId: item.id, points: item.points });
    }
  }
  const attemptId = randomUUID();
  const responseRows = picks.map((p, i) => [randomUUID(), attemptId, p.quizItemId, p.questionId, i + 1, String(newSeed()), p.points] as const);
  try {
    await sql.batch([
      {
        text: `INSERT INTO "Attempt" ("id", "quizId", "userId", "number", "status", "startedAt", "deadlineAt") VALUES ($1, $2, $3, $4, 'IN_PROGRESS', $5, $6)`,
        params: [attemptId, quizId, userId, used + 1, now, deadlineOf(quiz, now)],
      },
      {
        text: `INSERT INTO "Response" ("id", "attemptId", "quizItemId", "questionId", "position", "seed", "maxScore") VALUES ${valuesList(responseRows.length, 7)}`,
        params: responseRows.flat(),
      },
      auditStatement({ actorId: userId, courseId: quiz.courseId, action: "attempt.start", target: attemptId, at: now }),
    ]);
    return { attemptId, resumed: false };
  } catch (error) {
    // Two tabs starting at once: the unique (quiz, user, number) lets one win; resume it.
    const [raced] = await sql.all<{ id: string }>(`SELECT "id" FROM "Attempt" WHERE "quizId" = $1 AND "userId" = $2 AND "status" = 'IN_PROGRESS'`, [quizId, userId]);
    if (raced) return { attemptId: raced.id, resumed: true };
    throw error;
  }
}

/** `($1, $2, $3), ($4, $5, $6)` for `rows` rows of `columns` values. */
function valuesList(rows: number, columns: number): string {
  return Array.from({ length: rows }, (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(", ")})`).join(", ");
}


function deadlineOf(quiz: QuizRow, start: Date): Date | null {
  const limit = quiz.timeLimitSec ? new Date(start.getTime() + quiz.timeLimitSec * 1000) : null;
  if (limit && quiz.closesAt) return limit < quiz.closesAt ? limit : quiz.closesAt;
  return limit ?? quiz.closesAt;
}

/** The ids of the newest version of each question in a bank (optionally with a tag). */
async function latestQuestions(db: Db, bankId: string, tag: string | null): Promise<string[]> {
  const rows = await sqlOf(db).all<{ id: string; key: string; tags: string }>(
    `SELECT "id", "key", "tags" FROM "Question" WHERE "bankId" = $1 ORDER BY "key", "version" DESC`,
    [bankId],
  );
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.key)) latest.set(r.key, r);
  return [...latest.values()].filter((q) => !tag || (JSON.parse(q.tags) as string[]).includes(tag)).map((q) => q.id);
}


type SaveTarget = { id: string; userId: string; status: string; deadlineAt: Date | null; questionId: string; template: string };

/**
 * Saves a draft answer. 404: not yours; 409: submitted or past the deadline; 422: malformed
 * (the last good save stays). The hottest path in the app (every student, every few seconds):
 * two prepared statements, one read that joins what a save checks and one guarded UPDATE.
 */
export async function saveResponse(db: Db, userId: string, attemptId: string, position: number, draft: unknown, now = new Date()): Promise<{ savedAt: Date }> {
  const sql = sqlOf(db);
  const [target] = await sql.all<SaveTarget>(
    `SELECT r."id" AS "id", a."userId" AS "userId", a."status" AS "status", a."deadlineAt" AS "deadlineAt", q."id" AS "questionId", q."template" AS "template"
     FROM "Response" r JOIN "Attempt" a ON a."id" = r."attemptId" JOIN "Question" q ON q."id" = r."questionId"
     WHERE r."attemptId" = $1 AND r."position" = $2`,
    [attemptId, position],
  );
  if (!target) {
    await ownAttempt(db, userId, attemptId); // 404 for an attempt that is not yours, whatever the position
    throw new AppError("NOT_FOUND", `This attempt has no question ${position}.`);
  }
  if (target.userId !== userId) throw new AppError("NOT_FOUND", "That attempt does not exist.");
  if (target.status !== "IN_PROGRESS") throw new AppError("CONFLICT", "This attempt has been submitted; answers can no longer change.");
  if (target.deadlineAt && now >= target.deadlineAt) {
    await submitAttempt(db, userId, attemptId, now);
    throw new AppError("CONFLICT", "Time is up: the attempt was submitted with your last saved answers.");
  }
  const parsed = parseDraft(templateOf({ id: target.questionId, template: target.template }).ask, draft);
  if (!parsed.ok) throw new AppError("UNPROCESSABLE", `The answer was not saved: ${parsed.errors.join("; ")}`);
  // Only while the attempt is in progress: a save racing a submit cannot change a graded answer.
  const updated = await sql.run(
    `UPDATE "Response" SET "answer" = $1, "savedAt" = $2
     WHERE "id" = $3 AND EXISTS (SELECT 1 FROM "Attempt" a WHERE a."id" = $4 AND a."status" = 'IN_PROGRESS')`,
    [JSON.stringify(parsed.draft), now, target.id, attemptId],
  );
  if (updated === 0) throw new AppError("CONFLICT", "This attempt has been submitted; answers can no longer change.");
  return { savedAt: now };
}

export interface SubmitResult {
  status: "SUBMITTED";
  submittedAt: Date;
  score: number;
  maxScore: number;
}

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
  const sql = sqlOf(db);
  const attempt = await ownAttempt(db, userId, attemptId);
  if (attempt.status === "IN_PROGRESS") {
    const deadline = attempt.deadlineAt;
    const submittedAt = deadline && now > deadline ? deadline : now;
    const claimed = await sql.run(`UPDATE "Attempt" SET "status" = 'SUBMITTED', "submittedAt" = $1 WHERE "id" = $2 AND "status" = 'IN_PROGRESS'`, [submittedAt, attemptId]);
    if (claimed === 1) {
      const result = await recordGrades(db, attemptId, now);
      const audit = auditStatement({ actorId: userId, courseId: attempt.courseId, action: "attempt.submit", target: attemptId, detail: result, at: now });
      await sql.run(audit.text, audit.params);
      return { status: "SUBMITTED", submittedAt, ...result };
    }
  }
  return ensureGraded(db, userId, attemptId, attempt, now);
}

/** A submitted attempt whose grades are not recorded yet (a crash, or a submit still running) is graded now. */
async function ensureGraded(db: Db, userId: string, attemptId: string, read: ViewRow, now: Date): Promise<SubmitResult> {
  // Read as IN_PROGRESS, it lost the claim to a concurrent submit: read it again.
  let attempt = read.status === "SUBMITTED" ? read : await ownAttempt(db, userId, attemptId);
  if (attempt.score === null) {
    await recordGrades(db, attemptId, now);
    attempt = await ownAttempt(db, userId, attemptId);
  }
  return stored(attempt);
}

async function recordGrades(db: Db, attemptId: string, now: Date): Promise<{ score: number; maxScore: number }> {
  const sql = sqlOf(db);
  const rows = await sql.all<GradeRow>(
    `SELECT r."id" AS "id", r."seed" AS "seed", r."answer" AS "answer", r."maxScore" AS "maxScore", q."id" AS "questionId", q."template" AS "template"
     FROM "Response" r JOIN "Question" q ON q."id" = r."questionId" WHERE r."attemptId" = $1 ORDER BY r."position"`,
    [attemptId],
  );
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
    // One statement for every response of the attempt: $1 grader version, $2 time, then
    // (id, points, feedback) for each response.
    const whens = (value: (k: number) => string) => graded.map((_, k) => `WHEN $${3 + 3 * k} THEN ${value(k)}`).join(" ");
    await sql.run(
      `UPDATE "Response" SET
         "score" = CASE "id" ${whens((k) => `CAST($${4 + 3 * k} AS DOUBLE PRECISION)`)} END,
         "feedback" = CASE "id" ${whens((k) => `$${5 + 3 * k}`)} END,
         "graderVersion" = $1, "gradedAt" = $2
       WHERE "id" IN (${graded.map((_, k) => `$${3 + 3 * k}`).join(", ")})`,
      [GRADER_VERSION, now, ...graded.flatMap((g) => [g.id, g.points, g.feedback])],
    );
  }
  // The attempt's score is written last: a non-null score means every response is graded.
  await sql.run(`UPDATE "Attempt" SET "score" = CAST($1 AS DOUBLE PRECISION), "maxScore" = CAST($2 AS DOUBLE PRECISION) WHERE "id" = $3`, [score, maxScore, attemptId]);
  return { score, maxScore };
}

function stored(attempt: { submittedAt: Date | null; score: number | null; maxScore: number | null }): SubmitResult {
  return { status: "SUBMITTED", submittedAt: attempt.submittedAt!, score: attempt.score ?? 0, maxScore: attempt.maxScore ?? 0 };
}

/** Submits, with what was saved, every attempt of this student whose time has run out. */
export async function finalizeExpired(db: Db, userId: string, now = new Date()): Promise<number> {
  const expired = await sqlOf(db).all<{ id: string }>(`SELECT "id" FROM "Attempt" WHERE "userId" = $1 AND "status" = 'IN_PROGRESS' AND "deadlineAt" <= $2`, [userId, now]);
  for (const a of expired) await submitAttempt(db, userId, a.id, now);
  return expired.length;
}

export type StudentAttemptSummary = { id: string; number: number; status: string; score: number | null; maxScore: number | null };
export type StudentQuiz = Omit<QuizRow, "courseId" | "section"> & { attempts: StudentAttemptSummary[] };

/**
 * The published quizzes of a course that a student of `section` may see, oldest first, each
 * with the student's own attempts (expired ones submitted first): the course page's list.
 */
export async function quizzesForStudent(db: Db, courseId: string, userId: string, section: string | null, now = new Date()): Promise<StudentQuiz[]> {
  await finalizeExpired(db, userId, now);
  const sql = sqlOf(db);
  const quizzes = await sql.all<Omit<StudentQuiz, "attempts">>(
    `SELECT "id", "title", "mode", "opensAt", "closesAt", "timeLimitSec", "attemptsAllowed", "feedbackRelease", "published"
     FROM "Quiz" WHERE "courseId" = $1 AND "published" = $2 AND ("section" IS NULL OR "section" = $3) ORDER BY "createdAt"`,
    [courseId, true, section],
  );
  const attempts = await sql.all<StudentAttemptSummary & { quizId: string }>(
    `SELECT a."id" AS "id", a."quizId" AS "quizId", a."number" AS "number", a."status" AS "status", a."score" AS "score", a."maxScore" AS "maxScore"
     FROM "Attempt" a JOIN "Quiz" q ON q."id" = a."quizId" WHERE q."courseId" = $1 AND a."userId" = $2 ORDER BY a."number"`,
    [courseId, userId],
  );
  return quizzes.map((q) => ({
    ...q,
    attempts: attempts.filter((a) => a.quizId === q.id).map(({ quizId: _, ...a }) => a),
  }));
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

/** An attempt with what its pages and submit need of its quiz. */
type ViewRow = {
  userId: string;
  number: number;
  status: string;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  score: number | null;
  maxScore: number | null;
  quizId: string;
  courseId: string;
  title: string;
  mode: string;
  timeLimitSec: number | null;
  feedbackRelease: string;
  closesAt: Date | null;
};
type ViewResponseRow = { position: number; seed: string; answer: string | null; savedAt: Date | null; score: number | null; maxScore: number; feedback: string | null; questionId: string; template: string };

async function ownAttempt(db: Db, userId: string, attemptId: string): Promise<ViewRow> {
  const [attempt] = await sqlOf(db).all<ViewRow>(
    `SELECT a."userId" AS "userId", a."number" AS "number", a."status" AS "status", a."startedAt" AS "startedAt", a."deadlineAt" AS "deadlineAt",
            a."submittedAt" AS "submittedAt", a."score" AS "score", a."maxScore" AS "maxScore", q."id" AS "quizId", q."courseId" AS "courseId",
            q."title" AS "title", q."mode" AS "mode", q."timeLimitSec" AS "timeLimitSec", q."feedbackRelease" AS "feedbackRelease", q."closesAt" AS "closesAt"
     FROM "Attempt" a JOIN "Quiz" q ON q."id" = a."quizId" WHERE a."id" = $1`,
    [attemptId],
  );
  // Someone else's attempt is answered exactly like one that does not exist.
  if (!attempt || attempt.userId !== userId) throw new AppError("NOT_FOUND", "That attempt does not exist.");
  return attempt;
}

/** Everything the attempt or review page shows, for its owner. Expected answers only after release. */
export async function attemptView(db: Db, userId: string, attemptId: string, now = new Date()): Promise<AttemptView> {
  let attempt = await ownAttempt(db, userId, attemptId);
  if ((attempt.status === "IN_PROGRESS" && attempt.deadlineAt && now >= attempt.deadlineAt) || (attempt.status === "SUBMITTED" && attempt.score === null)) {
    await submitAttempt(db, userId, attemptId, now);
    attempt = await ownAttempt(db, userId, attemptId);
  }
  const release = releaseOf(attempt, attempt.status, now);
  const responses = await sqlOf(db).all<ViewResponseRow>(
    `SELECT r."position" AS "position", r."seed" AS "seed", r."answer" AS "answer", r."savedAt" AS "savedAt", r."score" AS "score", r."maxScore" AS "maxScore",
            r."feedback" AS "feedback", q."id" AS "questionId", q."template" AS "template"
     FROM "Response" r JOIN "Question" q ON q."id" = r."questionId" WHERE r."attemptId" = $1 ORDER BY r."position"`,
    [attemptId],
  );
  return {
    attemptId,
    quiz: { id: attempt.quizId, courseId: attempt.courseId, title: attempt.title, mode: attempt.mode, timeLimitSec: attempt.timeLimitSec },
    number: attempt.number,
    status: attempt.status as AttemptView["status"],
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
    submittedAt: attempt.submittedAt,
    release,
    score: release.released ? attempt.score : null,
    maxScore: attempt.maxScore ?? responses.reduce((s, r) => s + r.maxScore, 0),
    items: responses.map((r) => {
      const template = templateOf({ id: r.questionId, template: r.template });
      const q = instantiate(template, Number(r.seed));
      const item: AttemptItemView = { position: r.position, presentation: presentFor(q), draft: r.answer === null ? null : JSON.parse(r.answer), savedAt: r.savedAt, maxScore: r.maxScore };
      if (release.released && attempt.status === "SUBMITTED" && r.feedback) {
        item.result = { score: r.score ?? 0, feedback: JSON.parse(r.feedback) as Feedback, expected: expectedAnswer(template, Number(r.seed)), trace: q.trace };
      }
      return item;
    }),
  };
}
