// Every statement of a regrade, each a named function: reading the responses in scope (a quiz's,
// or one question key's across the course), the question versions they need, the job's rows,
// and the one transaction of an apply. Hand-written SQL on the fast runner (lib/db/sql.ts): a
// regrade reads and writes thousands of rows, and its apply must be one batch.
import { randomUUID } from "node:crypto";
import { auditStatement, type AuditEntry } from "../audit";
import { sqlOf, type Db } from "../db/client";
import type { Question, QuestionBank, QuizItem, RegradeJob, Response, User } from "../db/generated/sqlite/client";
import type { AttemptModel, QuizModel } from "../db/quiz-values";
import { selectList, type SqlStatement } from "../db/sql";

const jobCols = selectList<RegradeJob>("j");
const responseCols = selectList<Response>("r");

/** What a regrade covers: one quiz, or one question (bank + key) in every quiz of the course. */
export type RegradeScope = { quizId: string } | { bankId: string; questionKey: string };

export type ScopeResponseRow = Pick<
  Response,
  | "attemptId"
  | "position"
  | "seed"
  | "answer"
  | "score"
  | "maxScore"
  | "feedback"
  | "graderVersion"
  | "gradedAt"
  | "overrideScore"
  | "questionId"
> & {
  responseId: Response["id"];
  questionKey: Question["key"];
  questionVersion: Question["version"];
  bankId: Question["bankId"];
  itemPoints: QuizItem["points"] | null;
  quizId: QuizModel["id"];
  quizTitle: QuizModel["title"];
  scoreRule: QuizModel["scoreRule"];
  userId: AttemptModel["userId"];
  number: AttemptModel["number"];
  attemptScore: AttemptModel["score"];
  attemptMax: AttemptModel["maxScore"];
  attemptOverride: AttemptModel["overrideScore"];
  studentName: User["name"];
};

const SCOPE_SELECT = `SELECT r."id" AS "responseId", ${responseCols("attemptId", "position", "seed", "answer", "score", "maxScore", "feedback", "graderVersion", "gradedAt", "overrideScore", "questionId")},
            q."key" AS "questionKey", q."version" AS "questionVersion", q."bankId" AS "bankId", i."points" AS "itemPoints",
            z."id" AS "quizId", z."title" AS "quizTitle", z."scoreRule" AS "scoreRule",
            a."userId" AS "userId", a."number" AS "number", a."score" AS "attemptScore", a."maxScore" AS "attemptMax", a."overrideScore" AS "attemptOverride",
            u."name" AS "studentName"
     FROM "Response" r JOIN "Attempt" a ON a."id" = r."attemptId" JOIN "Quiz" z ON z."id" = a."quizId"
       JOIN "Question" q ON q."id" = r."questionId" LEFT JOIN "QuizItem" i ON i."id" = r."quizItemId" JOIN "user" u ON u."id" = a."userId"
     WHERE z."courseId" = $1 AND a."status" = 'SUBMITTED' AND a."score" IS NOT NULL`;
const SCOPE_ORDER = `ORDER BY z."title", z."id", u."name", a."userId", a."number", r."position"`;

const QUIZ_SCOPE = `${SCOPE_SELECT} AND a."quizId" = $2 ${SCOPE_ORDER}`;
// Every graded attempt of each student at each quiz where they met the question: the responses to
// other questions stay as they are, but count in the attempts' totals and the quiz's counted score.
const QUESTION_SCOPE = `${SCOPE_SELECT} AND EXISTS (SELECT 1 FROM "Attempt" a2 JOIN "Response" r2 ON r2."attemptId" = a2."id" JOIN "Question" q2 ON q2."id" = r2."questionId"
       WHERE a2."quizId" = a."quizId" AND a2."userId" = a."userId" AND q2."bankId" = $2 AND q2."key" = $3) ${SCOPE_ORDER}`;

/**
 * Every response of the graded attempts in scope (submitted with a score: an attempt being
 * submitted has either all its grades and its score, or neither; lib/attempts/queries.ts writeGrades).
 */
export async function responsesInScope(db: Db, courseId: string, scope: RegradeScope): Promise<ScopeResponseRow[]> {
  const sql = sqlOf(db);
  return "quizId" in scope
    ? sql.all<ScopeResponseRow>(QUIZ_SCOPE, [courseId, scope.quizId])
    : sql.all<ScopeResponseRow>(QUESTION_SCOPE, [courseId, scope.bankId, scope.questionKey]);
}

export type VersionRow = Pick<Question, "id" | "bankId" | "key" | "version" | "template">;

/** Every version of the given keys of one bank each: the stored versions and the newest among them. */
export async function versionsOfKeys(db: Db, keys: readonly { bankId: string; key: string }[]): Promise<VersionRow[]> {
  if (keys.length === 0) return [];
  const rows: VersionRow[] = [];
  const sql = sqlOf(db);
  // One statement text per bank and chunk size keeps the prepared statements few.
  const byBank = new Map<string, string[]>();
  for (const k of keys) byBank.set(k.bankId, [...(byBank.get(k.bankId) ?? []), k.key]);
  for (const [bankId, bankKeys] of byBank) {
    for (let i = 0; i < bankKeys.length; i += 50) {
      const chunk = bankKeys.slice(i, i + 50);
      rows.push(
        ...(await sql.all<VersionRow>(
          `SELECT ${selectList<Question>("q")("id", "bankId", "key", "version", "template")} FROM "Question" q
           WHERE q."bankId" = $1 AND q."key" IN (${chunk.map((_, k) => `$${k + 2}`).join(", ")})`,
          [bankId, ...chunk],
        )),
      );
    }
  }
  return rows;
}

/** The quiz, if it is the course's. */
export async function quizOfCourse(db: Db, courseId: string, quizId: string): Promise<Pick<QuizModel, "id" | "title"> | undefined> {
  const [row] = await sqlOf(db).all<Pick<QuizModel, "id" | "title">>(
    `SELECT q."id" AS "id", q."title" AS "title" FROM "Quiz" q WHERE q."id" = $1 AND q."courseId" = $2`,
    [quizId, courseId],
  );
  return row;
}

export type QuestionOfCourse = Pick<Question, "title" | "version"> & { bankTitle: QuestionBank["title"] };

/** The newest version of a question key of one of the course's banks, if there is one. */
export async function questionOfCourse(db: Db, courseId: string, bankId: string, key: string): Promise<QuestionOfCourse | undefined> {
  const [row] = await sqlOf(db).all<QuestionOfCourse>(
    `SELECT q."title" AS "title", q."version" AS "version", b."title" AS "bankTitle" FROM "Question" q JOIN "QuestionBank" b ON b."id" = q."bankId"
     WHERE q."bankId" = $1 AND q."key" = $2 AND b."courseId" = $3 ORDER BY q."version" DESC LIMIT 1`,
    [bankId, key, courseId],
  );
  return row;
}

// ---------------------------------------------------------------- jobs

export type JobRow = Pick<
  RegradeJob,
  | "id"
  | "courseId"
  | "quizId"
  | "bankId"
  | "questionKey"
  | "mode"
  | "keepOverrides"
  | "latestVersion"
  | "status"
  | "total"
  | "done"
  | "changed"
  | "result"
  | "error"
  | "createdById"
  | "createdAt"
  | "startedAt"
  | "heartbeatAt"
  | "finishedAt"
>;

const JOB_SELECT = `SELECT ${jobCols("id", "courseId", "quizId", "bankId", "questionKey", "mode", "keepOverrides", "latestVersion", "status", "total", "done", "changed", "result", "error", "createdById", "createdAt", "startedAt", "heartbeatAt", "finishedAt")} FROM "RegradeJob" j`;

export async function jobById(db: Db, jobId: string): Promise<JobRow | undefined> {
  const [row] = await sqlOf(db).all<JobRow>(`${JOB_SELECT} WHERE j."id" = $1`, [jobId]);
  return row;
}

/** The course's latest jobs, newest first, without their results. */
export async function recentJobs(db: Db, courseId: string, limit: number): Promise<Omit<JobRow, "result">[]> {
  const rows = await sqlOf(db).all<JobRow>(`${JOB_SELECT} WHERE j."courseId" = $1 ORDER BY j."createdAt" DESC LIMIT ${Math.trunc(limit)}`, [
    courseId,
  ]);
  return rows.map(({ result: _result, ...rest }) => rest);
}

export type NewJob = Pick<
  RegradeJob,
  "courseId" | "quizId" | "bankId" | "questionKey" | "mode" | "keepOverrides" | "latestVersion" | "createdById" | "createdAt"
>;

/** A QUEUED job and its audit entry, at once. */
export async function insertJob(db: Db, job: NewJob, audit: AuditEntry): Promise<string> {
  const id = randomUUID();
  await sqlOf(db).batch([
    {
      text: `INSERT INTO "RegradeJob" ("id", "courseId", "quizId", "bankId", "questionKey", "mode", "keepOverrides", "latestVersion", "status", "createdById", "createdAt")
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'QUEUED', $9, $10)`,
      params: [
        id,
        job.courseId,
        job.quizId,
        job.bankId,
        job.questionKey,
        job.mode,
        job.keepOverrides,
        job.latestVersion,
        job.createdById,
        job.createdAt,
      ],
    },
    auditStatement({ ...audit, target: id }),
  ]);
  return id;
}

/**
 * Takes a job to run: a QUEUED one, or a RUNNING one whose heartbeat is older than `staleBefore`
 * (its runner was cut off). `startedAt` is the run's mark: every later write of this run is
 * conditional on it, so a run that was taken over stops writing. 1 if taken.
 */
export async function claimJob(db: Db, jobId: string, now: Date, staleBefore: Date): Promise<number> {
  return sqlOf(db).run(
    `UPDATE "RegradeJob" SET "status" = 'RUNNING', "startedAt" = $2, "heartbeatAt" = $2, "done" = 0, "total" = 0, "changed" = 0, "error" = NULL
     WHERE "id" = $1 AND ("status" = 'QUEUED' OR ("status" = 'RUNNING' AND ("heartbeatAt" IS NULL OR "heartbeatAt" < $3)))`,
    [jobId, now, staleBefore],
  );
}

/** Progress and the heartbeat; 0 when the run was taken over (its mark is not the job's any more). */
export async function heartbeat(
  db: Db,
  jobId: string,
  startedAt: Date,
  progress: Pick<RegradeJob, "total" | "done">,
  now: Date,
): Promise<number> {
  return sqlOf(db).run(
    `UPDATE "RegradeJob" SET "total" = $3, "done" = $4, "heartbeatAt" = $5 WHERE "id" = $1 AND "startedAt" = $2 AND "status" = 'RUNNING'`,
    [jobId, startedAt, progress.total, progress.done, now],
  );
}

export type JobFinish = Pick<RegradeJob, "total" | "done" | "changed" | "result">;

function finishStatement(jobId: string, startedAt: Date, finish: JobFinish, now: Date): SqlStatement {
  return {
    text: `UPDATE "RegradeJob" SET "status" = 'DONE', "total" = $3, "done" = $4, "changed" = $5, "result" = $6, "heartbeatAt" = $7, "finishedAt" = $7
           WHERE "id" = $1 AND "startedAt" = $2 AND "status" = 'RUNNING'`,
    params: [jobId, startedAt, finish.total, finish.done, finish.changed, finish.result, now],
  };
}

/** A dry run's result. */
export async function finishJob(db: Db, jobId: string, startedAt: Date, finish: JobFinish, now: Date): Promise<number> {
  const s = finishStatement(jobId, startedAt, finish, now);
  return sqlOf(db).run(s.text, s.params);
}

export async function failJob(db: Db, jobId: string, startedAt: Date, error: string, now: Date): Promise<number> {
  return sqlOf(db).run(
    `UPDATE "RegradeJob" SET "status" = 'FAILED', "error" = $3, "heartbeatAt" = $4, "finishedAt" = $4 WHERE "id" = $1 AND "startedAt" = $2 AND "status" = 'RUNNING'`,
    [jobId, startedAt, error.slice(0, 2000), now],
  );
}

/**
 * One response's new grade, written only if the response still holds what was read: its score,
 * feedback, grader version, question version and override (values, not times: a time's stored
 * text may differ in form from the one bound, and equal values are the same grade).
 */
export interface ResponseWrite {
  responseId: string;
  attemptId: string;
  score: number;
  maxScore: number;
  feedback: string;
  graderVersion: string;
  questionId: string;
  /** The score moves: the response gets its "regraded" time. */
  scoreChanged: boolean;
  clearOverride: boolean;
  /** What was read: the write is skipped if any of it changed since. */
  read: Pick<Response, "score" | "feedback" | "graderVersion" | "questionId" | "overrideScore">;
}

const WRITE_RESPONSE = `UPDATE "Response" SET
       "score" = CAST($2 AS DOUBLE PRECISION), "maxScore" = CAST($3 AS DOUBLE PRECISION), "feedback" = $4, "graderVersion" = $5, "questionId" = $6, "gradedAt" = $7,
       "regradedAt" = CASE WHEN $8 THEN $7 ELSE "regradedAt" END,
       "overrideScore" = CASE WHEN $9 THEN NULL ELSE "overrideScore" END,
       "overrideReason" = CASE WHEN $9 THEN NULL ELSE "overrideReason" END,
       "overrideById" = CASE WHEN $9 THEN NULL ELSE "overrideById" END,
       "overrideAt" = CASE WHEN $9 THEN NULL ELSE "overrideAt" END
     WHERE "id" = $1 AND "questionId" = $10
       AND (("score" IS NULL AND CAST($11 AS DOUBLE PRECISION) IS NULL) OR "score" = CAST($11 AS DOUBLE PRECISION))
       AND (("feedback" IS NULL AND CAST($12 AS TEXT) IS NULL) OR "feedback" = $12)
       AND (("graderVersion" IS NULL AND CAST($13 AS TEXT) IS NULL) OR "graderVersion" = $13)
       AND (("overrideScore" IS NULL AND CAST($14 AS DOUBLE PRECISION) IS NULL) OR "overrideScore" = CAST($14 AS DOUBLE PRECISION))`;

// The attempt's total from what is stored (an override replaces its response's score), in the same transaction.
const WRITE_ATTEMPT = `UPDATE "Attempt" SET
       "score" = (SELECT COALESCE(SUM(COALESCE(r."overrideScore", r."score")), 0) FROM "Response" r WHERE r."attemptId" = $1),
       "maxScore" = (SELECT COALESCE(SUM(r."maxScore"), 0) FROM "Response" r WHERE r."attemptId" = $1),
       "regradedAt" = CASE WHEN $2 THEN $3 ELSE "regradedAt" END
     WHERE "id" = $1 AND "status" = 'SUBMITTED'`;

/**
 * An apply, in ONE transaction: every response's new grade (each conditional on the response
 * still holding what was read), every touched attempt's total recomputed in SQL, the audit
 * entry, and the job's result. Which responses were written comes back, in order.
 */
export async function applyRegradeWrites(
  db: Db,
  jobId: string,
  startedAt: Date,
  writes: readonly ResponseWrite[],
  finish: JobFinish,
  audit: AuditEntry,
  now: Date,
): Promise<{ written: boolean[]; finished: boolean }> {
  const attempts = new Map<string, boolean>();
  for (const w of writes) attempts.set(w.attemptId, (attempts.get(w.attemptId) ?? false) || w.scoreChanged);
  const statements: SqlStatement[] = [
    ...writes.map((w) => ({
      text: WRITE_RESPONSE,
      params: [
        w.responseId,
        w.score,
        w.maxScore,
        w.feedback,
        w.graderVersion,
        w.questionId,
        now,
        w.scoreChanged,
        w.clearOverride,
        w.read.questionId,
        w.read.score,
        w.read.feedback,
        w.read.graderVersion,
        w.read.overrideScore,
      ],
    })),
    ...[...attempts].map(([attemptId, moved]) => ({ text: WRITE_ATTEMPT, params: [attemptId, moved, now] })),
    auditStatement(audit),
    finishStatement(jobId, startedAt, finish, now),
  ];
  const changed = await sqlOf(db).batch(statements);
  return { written: changed.slice(0, writes.length).map((n) => n === 1), finished: changed[changed.length - 1] === 1 };
}

/** Rewrites a finished job's result (an apply that found responses changed since it read them says which). */
export async function rewriteJobResult(db: Db, jobId: string, result: string): Promise<void> {
  await sqlOf(db).run(`UPDATE "RegradeJob" SET "result" = $2 WHERE "id" = $1`, [jobId, result]);
}

/** The newest APPLY of the same scope and options started after `after`: a dry run's apply. */
export async function applyOf(
  db: Db,
  job: Pick<JobRow, "courseId" | "quizId" | "bankId" | "questionKey" | "keepOverrides" | "latestVersion" | "createdAt">,
): Promise<Pick<RegradeJob, "id" | "status"> | undefined> {
  const [row] = await sqlOf(db).all<Pick<RegradeJob, "id" | "status">>(
    `SELECT j."id" AS "id", j."status" AS "status" FROM "RegradeJob" j
     WHERE j."courseId" = $1 AND j."mode" = 'APPLY' AND j."createdAt" >= $2 AND j."keepOverrides" = $3 AND j."latestVersion" = $4
       AND ((j."quizId" = $5) OR (j."quizId" IS NULL AND j."bankId" = $6 AND j."questionKey" = $7))
     ORDER BY j."createdAt" DESC LIMIT 1`,
    [job.courseId, job.createdAt, job.keepOverrides, job.latestVersion, job.quizId ?? "", job.bankId ?? "", job.questionKey ?? ""],
  );
  return row;
}

/** The course's quizzes and bank questions (newest version of each key), for the start page's choices. */
export async function scopeChoices(db: Db, courseId: string) {
  const sql = sqlOf(db);
  const [quizzes, questions] = await Promise.all([
    sql.all<Pick<QuizModel, "id" | "title">>(
      `SELECT q."id" AS "id", q."title" AS "title" FROM "Quiz" q WHERE q."courseId" = $1 ORDER BY q."title", q."id"`,
      [courseId],
    ),
    sql.all<Pick<Question, "bankId" | "key" | "title" | "version"> & { bankTitle: QuestionBank["title"] }>(
      `SELECT q."bankId" AS "bankId", q."key" AS "key", q."title" AS "title", q."version" AS "version", b."title" AS "bankTitle"
       FROM "Question" q JOIN "QuestionBank" b ON b."id" = q."bankId"
       WHERE b."courseId" = $1 AND q."version" = (SELECT MAX(q2."version") FROM "Question" q2 WHERE q2."bankId" = q."bankId" AND q2."key" = q."key")
       ORDER BY b."title", q."title", q."key"`,
      [courseId],
    ),
  ]);
  return { quizzes, questions };
}
