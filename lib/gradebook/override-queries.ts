// Every statement of grade changes by staff and of the gradebook cell's page, each a named
// function on the fast runner (lib/db/sql.ts): a change, its attempt's total and its AuditLog
// entry are one atomic batch, and the total is recomputed in SQL from what the responses hold
// (COALESCE(overrideScore, score)), so it can never disagree with them. Row types are picked
// from the generated models.
import "server-only";
import { randomUUID } from "node:crypto";
import { auditStatement, type AuditEntry } from "../audit";
import { sqlOf, type Db } from "../db/client";
import type { AnswerSave, AuditLog, Enrollment, Question, QuizExcusal, Response, User } from "../db/generated/sqlite/client";
import type { AttemptModel, QuizModel } from "../db/quiz-values";
import { selectList } from "../db/sql";

const attemptCols = selectList<AttemptModel>("a");
const responseCols = selectList<Response>("r");
const quizCols = selectList<QuizModel>("q");

/** The attempt's total, recomputed from its responses; only once graded (a null score means "not graded yet"). */
const RECOMPUTE_TOTAL = `UPDATE "Attempt" SET "score" = (
       SELECT COALESCE(SUM(COALESCE(r."overrideScore", r."score")), 0) FROM "Response" r WHERE r."attemptId" = $1)
     WHERE "id" = $1 AND "score" IS NOT NULL`;

// ---------------------------------------------------------------- the cell

export type CellHeaderRow = Pick<QuizModel, "title" | "scoreRule" | "closesAt" | "published"> & {
  quizId: QuizModel["id"];
  studentName: User["name"];
  studentEmail: User["email"];
  section: Enrollment["section"];
  excusedReason: QuizExcusal["reason"] | null;
  excusedAt: QuizExcusal["createdAt"] | null;
  excusedByName: User["name"] | null;
};

/** The quiz and the student of a cell, with the excusal if any; undefined unless the quiz is the course's and the user one of its students. */
export async function cellHeader(db: Db, courseId: string, quizId: string, userId: string): Promise<CellHeaderRow | undefined> {
  const [row] = await sqlOf(db).all<CellHeaderRow>(
    `SELECT q."id" AS "quizId", ${quizCols("title", "scoreRule", "closesAt", "published")},
            u."name" AS "studentName", u."email" AS "studentEmail", e."section" AS "section",
            x."reason" AS "excusedReason", x."createdAt" AS "excusedAt", b."name" AS "excusedByName"
     FROM "Quiz" q
       JOIN "Enrollment" e ON e."courseId" = q."courseId" AND e."userId" = $3 AND e."role" = 'STUDENT'
       JOIN "user" u ON u."id" = e."userId"
       LEFT JOIN "QuizExcusal" x ON x."quizId" = q."id" AND x."userId" = $3
       LEFT JOIN "user" b ON b."id" = x."byId"
     WHERE q."id" = $2 AND q."courseId" = $1`,
    [courseId, quizId, userId],
  );
  return row;
}

export type CellAttemptRow = Pick<
  AttemptModel,
  | "id"
  | "number"
  | "status"
  | "startedAt"
  | "submittedAt"
  | "score"
  | "maxScore"
  | "timedOut"
  | "overrideScore"
  | "overrideReason"
  | "overrideAt"
  | "regradedAt"
> & { overrideByName: User["name"] | null };

/** A student's attempts at a quiz, by number, with their overrides. */
export async function cellAttempts(db: Db, quizId: string, userId: string): Promise<CellAttemptRow[]> {
  return sqlOf(db).all<CellAttemptRow>(
    `SELECT ${attemptCols("id", "number", "status", "startedAt", "submittedAt", "score", "maxScore", "timedOut", "overrideScore", "overrideReason", "overrideAt", "regradedAt")},
            o."name" AS "overrideByName"
     FROM "Attempt" a LEFT JOIN "user" o ON o."id" = a."overrideById"
     WHERE a."quizId" = $1 AND a."userId" = $2 ORDER BY a."number"`,
    [quizId, userId],
  );
}

export type CellAuditRow = Pick<AuditLog, "at" | "action" | "target" | "detail"> & { actorName: User["name"] | null };

/** The AuditLog entries of a cell: its grade changes (targeted at the cell) and its attempts' submits, oldest first. */
export async function cellAudit(db: Db, courseId: string, cellTarget: string, attemptIds: readonly string[]): Promise<CellAuditRow[]> {
  const ids = attemptIds.map((_, k) => `$${3 + k}`).join(", ");
  return sqlOf(db).all<CellAuditRow>(
    `SELECT l."at" AS "at", l."action" AS "action", l."target" AS "target", l."detail" AS "detail", u."name" AS "actorName"
     FROM "AuditLog" l LEFT JOIN "user" u ON u."id" = l."actorId"
     WHERE l."courseId" = $1 AND (l."target" = $2${ids ? ` OR (l."action" = 'attempt.submit' AND l."target" IN (${ids}))` : ""})
     ORDER BY l."at"`,
    [courseId, cellTarget, ...attemptIds],
  );
}

// ---------------------------------------------------------------- overrides

export type OverrideAttemptRow = Pick<
  AttemptModel,
  "id" | "quizId" | "userId" | "number" | "status" | "score" | "maxScore" | "overrideScore"
> & {
  courseId: QuizModel["courseId"];
};

/** An attempt of the course, with what an override needs of it; undefined for another course's. */
export async function attemptForOverride(db: Db, courseId: string, attemptId: string): Promise<OverrideAttemptRow | undefined> {
  const [row] = await sqlOf(db).all<OverrideAttemptRow>(
    `SELECT ${attemptCols("id", "quizId", "userId", "number", "status", "score", "maxScore", "overrideScore")}, q."courseId" AS "courseId"
     FROM "Attempt" a JOIN "Quiz" q ON q."id" = a."quizId" WHERE a."id" = $1 AND q."courseId" = $2`,
    [attemptId, courseId],
  );
  return row;
}

export type OverrideResponseRow = Pick<Response, "id" | "position" | "score" | "maxScore" | "overrideScore" | "gradedAt">;

/** The response at `position` of an attempt. */
export async function responseForOverride(db: Db, attemptId: string, position: number): Promise<OverrideResponseRow | undefined> {
  const [row] = await sqlOf(db).all<OverrideResponseRow>(
    `SELECT ${responseCols("id", "position", "score", "maxScore", "overrideScore", "gradedAt")} FROM "Response" r WHERE r."attemptId" = $1 AND r."position" = $2`,
    [attemptId, position],
  );
  return row;
}

export type OverrideValue = { score: number; reason: string; byId: string; at: Date } | null;

/**
 * Sets (or, with null, clears) the override of one response, recomputes its attempt's total
 * and writes the AuditLog entry: one transaction. Only a submitted attempt's response is
 * changed; the number of responses changed (0: the attempt is not submitted).
 */
export async function writeResponseOverride(
  db: Db,
  attemptId: string,
  responseId: string,
  value: OverrideValue,
  audit: AuditEntry,
): Promise<number> {
  const [changed] = await sqlOf(db).batch([
    {
      text: `UPDATE "Response" SET "overrideScore" = CAST($1 AS DOUBLE PRECISION), "overrideReason" = $2, "overrideById" = $3, "overrideAt" = $4
             WHERE "id" = $5 AND "attemptId" = $6 AND EXISTS (SELECT 1 FROM "Attempt" a WHERE a."id" = $6 AND a."status" = 'SUBMITTED')`,
      params: [value?.score ?? null, value?.reason ?? null, value?.byId ?? null, value?.at ?? null, responseId, attemptId],
    },
    { text: RECOMPUTE_TOTAL, params: [attemptId] },
    auditStatement(audit),
  ]);
  return changed;
}

/** Sets (or clears) the override of an attempt's total and writes its AuditLog entry, in one transaction. Rows changed. */
export async function writeAttemptOverride(db: Db, attemptId: string, value: OverrideValue, audit: AuditEntry): Promise<number> {
  const [changed] = await sqlOf(db).batch([
    {
      text: `UPDATE "Attempt" SET "overrideScore" = CAST($1 AS DOUBLE PRECISION), "overrideReason" = $2, "overrideById" = $3, "overrideAt" = $4
             WHERE "id" = $5 AND "status" = 'SUBMITTED'`,
      params: [value?.score ?? null, value?.reason ?? null, value?.byId ?? null, value?.at ?? null, attemptId],
    },
    auditStatement(audit),
  ]);
  return changed;
}

// ---------------------------------------------------------------- excusals

/** Excuses a student from a quiz (or changes the reason of an excusal) with its AuditLog entry, in one transaction. */
export async function upsertExcusal(
  db: Db,
  quizId: string,
  userId: string,
  reason: string,
  byId: string,
  at: Date,
  audit: AuditEntry,
): Promise<void> {
  await sqlOf(db).batch([
    {
      text: `INSERT INTO "QuizExcusal" ("id", "quizId", "userId", "reason", "byId", "createdAt") VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT ("quizId", "userId") DO UPDATE SET "reason" = $4, "byId" = $5, "createdAt" = $6`,
      params: [randomUUID(), quizId, userId, reason, byId, at],
    },
    auditStatement(audit),
  ]);
}

/** Removes an excusal with its AuditLog entry, in one transaction. Rows removed: 0 or 1. */
export async function deleteExcusal(db: Db, quizId: string, userId: string, audit: AuditEntry): Promise<number> {
  const [removed] = await sqlOf(db).batch([
    { text: `DELETE FROM "QuizExcusal" WHERE "quizId" = $1 AND "userId" = $2`, params: [quizId, userId] },
    auditStatement(audit),
  ]);
  return removed;
}

// ---------------------------------------------------------------- the staff attempt page

export type ResponseDetailRow = Pick<
  Response,
  "id" | "position" | "seed" | "score" | "graderVersion" | "gradedAt" | "overrideScore" | "overrideReason" | "overrideAt" | "regradedAt"
> &
  Pick<Question, "key" | "version"> & { overrideByName: User["name"] | null };

/** Per response of an attempt, what the staff see beside the review: seed, question key and version, grader version, override. */
export async function responseDetails(db: Db, attemptId: string): Promise<ResponseDetailRow[]> {
  return sqlOf(db).all<ResponseDetailRow>(
    `SELECT ${responseCols("id", "position", "seed", "score", "graderVersion", "gradedAt", "overrideScore", "overrideReason", "overrideAt", "regradedAt")},
            q."key" AS "key", q."version" AS "version", o."name" AS "overrideByName"
     FROM "Response" r JOIN "Question" q ON q."id" = r."questionId" LEFT JOIN "user" o ON o."id" = r."overrideById"
     WHERE r."attemptId" = $1 ORDER BY r."position"`,
    [attemptId],
  );
}

export type AnswerSaveRow = Pick<AnswerSave, "answer" | "savedAt"> & { position: Response["position"] };

/** Every accepted save of an attempt's responses, by question then time. */
export async function answerSaves(db: Db, attemptId: string): Promise<AnswerSaveRow[]> {
  return sqlOf(db).all<AnswerSaveRow>(
    `SELECT s."answer" AS "answer", s."savedAt" AS "savedAt", r."position" AS "position"
     FROM "AnswerSave" s JOIN "Response" r ON r."id" = s."responseId"
     WHERE r."attemptId" = $1 ORDER BY r."position", s."savedAt", s."id"`,
    [attemptId],
  );
}
