// Every statement of quiz attempts, each a named function. These run on every student's
// requests (start, save, submit, the attempt page), so they are prepared statements on the
// fast runner (lib/db/sql.ts, docs/data-access.md), not Prisma calls. Row types are picked
// from the generated models and select lists built from names checked against them; each
// statement's text is built once, when the module loads.
import "server-only";
import { randomUUID } from "node:crypto";
import { auditStatement, type AuditEntry } from "../audit";
import { sqlOf, type Db } from "../db/client";
import type { Enrollment, LoginThrottle, Question, QuizAccommodation, QuizItem, Response, User } from "../db/generated/sqlite/client";
import type { AttemptModel, QuizModel } from "../db/quiz-values";
import { selectList, type SqlStatement } from "../db/sql";

const quizCols = selectList<QuizModel>("q");
const attemptCols = selectList<AttemptModel>("a");
const responseCols = selectList<Response>("r");
const itemCols = selectList<QuizItem>("i");

export type StartQuizRow = Pick<
  QuizModel,
  | "id"
  | "courseId"
  | "title"
  | "mode"
  | "opensAt"
  | "closesAt"
  | "timeLimitSec"
  | "attemptsAllowed"
  | "feedbackRelease"
  | "sections"
  | "published"
  | "shuffle"
  | "accessPasswordHash"
> & {
  role: Enrollment["role"] | null;
  enrolledSection: Enrollment["section"];
  /** The caller's accommodation on this quiz; all null without one. */
  accTimeFactor: QuizAccommodation["timeFactor"];
  accExtraMinutes: QuizAccommodation["extraMinutes"];
  accClosesAt: QuizAccommodation["closesAt"];
};

const QUIZ_FOR_START = `SELECT ${quizCols("id", "courseId", "title", "mode", "opensAt", "closesAt", "timeLimitSec", "attemptsAllowed", "feedbackRelease", "sections", "published", "shuffle", "accessPasswordHash")},
            e."role" AS "role", e."section" AS "enrolledSection",
            ac."timeFactor" AS "accTimeFactor", ac."extraMinutes" AS "accExtraMinutes", ac."closesAt" AS "accClosesAt"
     FROM "Quiz" q LEFT JOIN "Enrollment" e ON e."courseId" = q."courseId" AND e."userId" = $2
       LEFT JOIN "QuizAccommodation" ac ON ac."quizId" = q."id" AND ac."userId" = $2
     WHERE q."id" = $1`;

/** A quiz with the caller's enrolment in its course (role null: not enrolled) and their accommodation on it. */
export async function quizForStart(db: Db, quizId: string, userId: string): Promise<StartQuizRow | undefined> {
  const [row] = await sqlOf(db).all<StartQuizRow>(QUIZ_FOR_START, [quizId, userId]);
  return row;
}

export type AttemptStateRow = Pick<AttemptModel, "id" | "status" | "deadlineAt">;

const ATTEMPTS_OF = `SELECT ${attemptCols("id", "status", "deadlineAt")} FROM "Attempt" a WHERE a."quizId" = $1 AND a."userId" = $2`;

/** A student's attempts of one quiz. */
export async function attemptsOf(db: Db, quizId: string, userId: string): Promise<AttemptStateRow[]> {
  return sqlOf(db).all<AttemptStateRow>(ATTEMPTS_OF, [quizId, userId]);
}

const TIMED_ATTEMPTS_IN_PROGRESS = `SELECT ${attemptCols("id", "status", "deadlineAt")} FROM "Attempt" a WHERE a."userId" = $1 AND a."status" = 'IN_PROGRESS' AND a."deadlineAt" IS NOT NULL`;

/** A student's attempts still in progress that have a deadline, in every course. */
export async function timedAttemptsInProgress(db: Db, userId: string): Promise<AttemptStateRow[]> {
  return sqlOf(db).all<AttemptStateRow>(TIMED_ATTEMPTS_IN_PROGRESS, [userId]);
}

const ATTEMPT_IN_PROGRESS = `SELECT ${attemptCols("id")} FROM "Attempt" a WHERE a."quizId" = $1 AND a."userId" = $2 AND a."status" = 'IN_PROGRESS'`;

/** The id of the student's attempt in progress of a quiz, if any. */
export async function attemptInProgress(db: Db, quizId: string, userId: string): Promise<string | undefined> {
  const [row] = await sqlOf(db).all<Pick<AttemptModel, "id">>(ATTEMPT_IN_PROGRESS, [quizId, userId]);
  return row?.id;
}

export type ItemRow = Pick<QuizItem, "id" | "questionId" | "bankId" | "tag" | "drawCount" | "points">;

const ITEMS_OF = `SELECT ${itemCols("id", "questionId", "bankId", "tag", "drawCount", "points")} FROM "QuizItem" i WHERE i."quizId" = $1 ORDER BY i."position"`;

/** A quiz's items in order. */
export async function itemsOf(db: Db, quizId: string): Promise<ItemRow[]> {
  return sqlOf(db).all<ItemRow>(ITEMS_OF, [quizId]);
}

export type BankQuestionRow = Pick<Question, "id" | "key" | "tags" | "archived">;

const BANK_QUESTIONS = `SELECT ${selectList<Question>("q")("id", "key", "tags", "archived")} FROM "Question" q WHERE q."bankId" = $1 ORDER BY q."key", q."version" DESC`;

/** Every version of every question in a bank, by key, newest version first, with whether the key is archived. */
export async function bankQuestions(db: Db, bankId: string): Promise<BankQuestionRow[]> {
  return sqlOf(db).all<BankQuestionRow>(BANK_QUESTIONS, [bankId]);
}

// ---------------------------------------------------------------- access password tries

const throttleCols = selectList<LoginThrottle>("t");

/**
 * Takes one of `max` password tries of `key`'s window in one atomic statement, before the
 * password is checked, so parallel guesses cannot outrun the count (the sign-in limiter's
 * table and rule, lib/auth/throttle.ts): true when taken, false when the window is full.
 */
export async function takePasswordTry(db: Db, key: string, max: number, windowMs: number, now: Date): Promise<boolean> {
  const changed = await sqlOf(db).run(
    `INSERT INTO "login_throttle" ("key", "failures", "windowStart") VALUES ($1, 1, $2)
     ON CONFLICT ("key") DO UPDATE SET
       "failures" = CASE WHEN "login_throttle"."windowStart" <= $3 THEN 1 ELSE "login_throttle"."failures" + 1 END,
       "windowStart" = CASE WHEN "login_throttle"."windowStart" <= $3 THEN $2 ELSE "login_throttle"."windowStart" END
     WHERE "login_throttle"."windowStart" <= $3 OR "login_throttle"."failures" < $4`,
    [key, now, new Date(now.getTime() - windowMs), max],
  );
  return changed === 1;
}

/** The tries counted against `key` in its window (the one being checked included). */
export async function passwordTries(db: Db, key: string): Promise<Pick<LoginThrottle, "failures" | "windowStart"> | undefined> {
  const [row] = await sqlOf(db).all<Pick<LoginThrottle, "failures" | "windowStart">>(
    `SELECT ${throttleCols("failures", "windowStart")} FROM "login_throttle" t WHERE t."key" = $1`,
    [key],
  );
  return row;
}

/** Gives back a try whose check could not run (the server was too busy to hash): it was no guess. */
export async function releasePasswordTry(db: Db, key: string): Promise<void> {
  await sqlOf(db).run(`UPDATE "login_throttle" SET "failures" = "failures" - 1 WHERE "key" = $1 AND "failures" > 0`, [key]);
}

/** A right password forgets the wrong ones before it. */
export async function clearPasswordTries(db: Db, key: string): Promise<void> {
  await sqlOf(db).run(`DELETE FROM "login_throttle" WHERE "key" = $1`, [key]);
}

export type NewAttempt = Pick<AttemptModel, "quizId" | "userId" | "number" | "startedAt" | "deadlineAt">;
export type NewResponse = Pick<Response, "quizItemId" | "questionId" | "position" | "seed" | "maxScore">;

/** `($1, $2, $3), ($4, $5, $6)` for `rows` rows of `columns` values. */
function valuesList(rows: number, columns: number): string {
  return Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(", ")})`,
  ).join(", ");
}

/** Writes an attempt, its responses and the audit entry at once, or nothing (the unique (quiz, user, number) refuses a second). */
export async function insertAttempt(
  db: Db,
  attemptId: string,
  attempt: NewAttempt,
  responses: readonly NewResponse[],
  audit: AuditEntry,
): Promise<void> {
  const rows = responses.map((r) => [randomUUID(), attemptId, r.quizItemId, r.questionId, r.position, r.seed, r.maxScore] as const);
  await sqlOf(db).batch([
    {
      text: `INSERT INTO "Attempt" ("id", "quizId", "userId", "number", "status", "startedAt", "deadlineAt") VALUES ($1, $2, $3, $4, 'IN_PROGRESS', $5, $6)`,
      params: [attemptId, attempt.quizId, attempt.userId, attempt.number, attempt.startedAt, attempt.deadlineAt],
    },
    {
      text: `INSERT INTO "Response" ("id", "attemptId", "quizItemId", "questionId", "position", "seed", "maxScore") VALUES ${valuesList(rows.length, 7)}`,
      params: rows.flat(),
    },
    auditStatement(audit),
  ]);
}

export type SaveTargetRow = Pick<Response, "id" | "saveSeq"> &
  Pick<AttemptModel, "userId" | "status" | "deadlineAt"> & { questionId: Question["id"]; template: Question["template"] };

const SAVE_TARGET = `SELECT ${responseCols("id", "saveSeq")}, ${attemptCols("userId", "status", "deadlineAt")}, q."id" AS "questionId", q."template" AS "template"
     FROM "Response" r JOIN "Attempt" a ON a."id" = r."attemptId" JOIN "Question" q ON q."id" = r."questionId"
     WHERE r."attemptId" = $1 AND r."position" = $2`;

/** What a save checks, in one read: the response at `position`, its attempt, and its question. */
export async function saveTarget(db: Db, attemptId: string, position: number): Promise<SaveTargetRow | undefined> {
  const [row] = await sqlOf(db).all<SaveTargetRow>(SAVE_TARGET, [attemptId, position]);
  return row;
}

const IN_PROGRESS_GUARD = `EXISTS (SELECT 1 FROM "Attempt" a WHERE a."id" = $4 AND a."status" = 'IN_PROGRESS')`;

/**
 * Writes a draft, and its entry in the saved-answer history, only while the attempt is in
 * progress (a save racing a submit cannot change a graded answer): one transaction, so the
 * history holds exactly the saves that were acknowledged. With the client's save number `seq`,
 * only if it is higher than every number stored before (two instances may finish one
 * student's saves out of order): the UPDATE holds the row until the commit, so the history
 * entry is written exactly when the UPDATE was. Rows changed: 0 or 1.
 */
export async function writeDraft(
  db: Db,
  responseId: string,
  attemptId: string,
  answer: string,
  savedAt: Date,
  seq: number | null = null,
): Promise<number> {
  const params = [answer, savedAt, responseId, attemptId];
  if (seq !== null) {
    const [updated] = await sqlOf(db).batch([
      {
        text: `UPDATE "Response" SET "answer" = $1, "savedAt" = $2, "saveSeq" = $5
                WHERE "id" = $3 AND ("saveSeq" IS NULL OR "saveSeq" < $5) AND ${IN_PROGRESS_GUARD}`,
        params: [...params, seq],
      },
      {
        text: `INSERT INTO "AnswerSave" ("id", "responseId", "answer", "savedAt") SELECT $6, $3, $1, $2
                WHERE EXISTS (SELECT 1 FROM "Response" s WHERE s."id" = $3 AND s."saveSeq" = $5 AND s."savedAt" = $2) AND ${IN_PROGRESS_GUARD}`,
        params: [...params, seq, randomUUID()],
      },
    ]);
    return updated;
  }
  const [updated] = await sqlOf(db).batch([
    { text: `UPDATE "Response" SET "answer" = $1, "savedAt" = $2 WHERE "id" = $3 AND ${IN_PROGRESS_GUARD}`, params },
    {
      text: `INSERT INTO "AnswerSave" ("id", "responseId", "answer", "savedAt") SELECT $5, $3, $1, $2 WHERE ${IN_PROGRESS_GUARD}`,
      params: [...params, randomUUID()],
    },
  ]);
  return updated;
}

/** An attempt with what its pages and submit need of its quiz. */
export type AttemptRow = Pick<
  AttemptModel,
  | "userId"
  | "number"
  | "status"
  | "startedAt"
  | "deadlineAt"
  | "submittedAt"
  | "score"
  | "maxScore"
  | "overrideScore"
  | "overrideReason"
  | "regradedAt"
> &
  Pick<QuizModel, "courseId" | "title" | "mode" | "timeLimitSec" | "feedbackRelease" | "closesAt" | "releaseAt"> & {
    quizId: QuizModel["id"];
  };

const ATTEMPT_WITH_QUIZ = `SELECT ${attemptCols("userId", "number", "status", "startedAt", "deadlineAt", "submittedAt", "score", "maxScore", "overrideScore", "overrideReason", "regradedAt")}, q."id" AS "quizId",
            ${quizCols("courseId", "title", "mode", "timeLimitSec", "feedbackRelease", "closesAt", "releaseAt")}
     FROM "Attempt" a JOIN "Quiz" q ON q."id" = a."quizId" WHERE a."id" = $1`;

export async function attemptWithQuiz(db: Db, attemptId: string): Promise<AttemptRow | undefined> {
  const [row] = await sqlOf(db).all<AttemptRow>(ATTEMPT_WITH_QUIZ, [attemptId]);
  return row;
}

/**
 * The latest of the later closes students of a quiz were given (null: none). SQLite returns an
 * aggregate's date as text (it has no declared type), so it is read back as a Date here.
 */
export async function latestAccommodatedClose(db: Db, quizId: string): Promise<Date | null> {
  const [row] = await sqlOf(db).all<{ latest: Date | string | null }>(
    `SELECT MAX(ac."closesAt") AS "latest" FROM "QuizAccommodation" ac WHERE ac."quizId" = $1`,
    [quizId],
  );
  return row?.latest == null ? null : new Date(row.latest);
}

/**
 * Claims an attempt in progress for submission, which stops every later save; `timedOut`: the
 * clock submitted it, not the student. 1 if this call claimed it.
 */
export async function claimAttempt(db: Db, attemptId: string, submittedAt: Date, timedOut: boolean): Promise<number> {
  return sqlOf(db).run(
    `UPDATE "Attempt" SET "status" = 'SUBMITTED', "submittedAt" = $1, "timedOut" = $3 WHERE "id" = $2 AND "status" = 'IN_PROGRESS'`,
    [submittedAt, attemptId, timedOut],
  );
}

export type GradeRow = Pick<Response, "id" | "seed" | "answer" | "maxScore"> & {
  questionId: Question["id"];
  template: Question["template"];
};

const ANSWERS_TO_GRADE = `SELECT ${responseCols("id", "seed", "answer", "maxScore")}, q."id" AS "questionId", q."template" AS "template"
     FROM "Response" r JOIN "Question" q ON q."id" = r."questionId" WHERE r."attemptId" = $1 ORDER BY r."position"`;

/** An attempt's saved answers with their questions, in order. */
export async function answersToGrade(db: Db, attemptId: string): Promise<GradeRow[]> {
  return sqlOf(db).all<GradeRow>(ANSWERS_TO_GRADE, [attemptId]);
}

export type ResponseGrade = Pick<Response, "id" | "feedback"> & { points: number };

/**
 * Records the grades in one transaction: every response in one statement, then the attempt's
 * score, summed in SQL from what is stored (an override replaces its response's score), so a
 * non-null score means every response is graded, and a regrade reading the attempt sees all of
 * the grades or none of them. `total.maxScore` is the attempt's maximum.
 */
export async function writeGrades(
  db: Db,
  attemptId: string,
  graded: readonly ResponseGrade[],
  total: Pick<AttemptModel, "maxScore">,
  graderVersion: string,
  gradedAt: Date,
  /** Written in the same transaction: what must exist exactly when the grades do. */
  alongside: readonly SqlStatement[] = [],
): Promise<void> {
  const statements: SqlStatement[] = [];
  if (graded.length > 0) {
    // $1 grader version, $2 time, then (id, points, feedback) for each response.
    const whens = (value: (k: number) => string) => graded.map((_, k) => `WHEN $${3 + 3 * k} THEN ${value(k)}`).join(" ");
    statements.push({
      text: `UPDATE "Response" SET
         "score" = CASE "id" ${whens((k) => `CAST($${4 + 3 * k} AS DOUBLE PRECISION)`)} END,
         "feedback" = CASE "id" ${whens((k) => `$${5 + 3 * k}`)} END,
         "graderVersion" = $1, "gradedAt" = $2
       WHERE "id" IN (${graded.map((_, k) => `$${3 + 3 * k}`).join(", ")})`,
      params: [graderVersion, gradedAt, ...graded.flatMap((g) => [g.id, g.points, g.feedback])],
    });
  }
  statements.push({ text: ATTEMPT_SCORE_FROM_RESPONSES, params: [attemptId, total.maxScore] }, ...alongside);
  await sqlOf(db).batch(statements);
}

/**
 * An attempt's score from its stored responses: the sum of each one's override, or else its
 * score (the one rule of the gradebook's score semantics). $1 the attempt, $2 its maximum.
 */
export const ATTEMPT_SCORE_FROM_RESPONSES = `UPDATE "Attempt" SET
         "score" = (SELECT COALESCE(SUM(COALESCE(r."overrideScore", r."score")), 0) FROM "Response" r WHERE r."attemptId" = $1),
         "maxScore" = CAST($2 AS DOUBLE PRECISION)
       WHERE "id" = $1`;

export type ViewResponseRow = Pick<
  Response,
  | "position"
  | "seed"
  | "answer"
  | "savedAt"
  | "saveSeq"
  | "score"
  | "maxScore"
  | "feedback"
  | "overrideScore"
  | "overrideReason"
  | "regradedAt"
> & {
  questionId: Question["id"];
  template: Question["template"];
};

const RESPONSES_FOR_VIEW = `SELECT ${responseCols("position", "seed", "answer", "savedAt", "saveSeq", "score", "maxScore", "feedback", "overrideScore", "overrideReason", "regradedAt")}, q."id" AS "questionId", q."template" AS "template"
     FROM "Response" r JOIN "Question" q ON q."id" = r."questionId" WHERE r."attemptId" = $1 ORDER BY r."position"`;

/** An attempt's responses with their questions, in order: what its page shows. */
export async function responsesForView(db: Db, attemptId: string): Promise<ViewResponseRow[]> {
  return sqlOf(db).all<ViewResponseRow>(RESPONSES_FOR_VIEW, [attemptId]);
}

// ---------------------------------------------------------------- staff reading students' work

const userCols = selectList<User>("u");

export type SubmissionRow = Pick<
  AttemptModel,
  "id" | "userId" | "number" | "status" | "startedAt" | "submittedAt" | "score" | "maxScore"
> & {
  studentName: User["name"];
  studentEmail: User["email"];
};

/** Every attempt at a quiz, by student then attempt number: the quiz's submissions page. */
export async function attemptsOfQuiz(db: Db, quizId: string): Promise<SubmissionRow[]> {
  return sqlOf(db).all<SubmissionRow>(
    `SELECT ${attemptCols("id", "userId", "number", "status", "startedAt", "submittedAt", "score", "maxScore")},
            u."name" AS "studentName", u."email" AS "studentEmail"
     FROM "Attempt" a JOIN "user" u ON u."id" = a."userId" WHERE a."quizId" = $1
     ORDER BY u."name", u."email", a."number"`,
    [quizId],
  );
}

/** Whose attempt it is, for the staff's review heading. */
export async function attemptOwner(db: Db, attemptId: string): Promise<Pick<User, "name" | "email"> | undefined> {
  const [row] = await sqlOf(db).all<Pick<User, "name" | "email">>(
    `SELECT ${userCols("name", "email")} FROM "Attempt" a JOIN "user" u ON u."id" = a."userId" WHERE a."id" = $1`,
    [attemptId],
  );
  return row;
}
