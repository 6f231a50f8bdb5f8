// Per-call CPU of the request paths' statements: the hand-written SQL runner (lib/db/sql.ts)
// against Kysely building the same statements, on one SQLite connection, in one process,
// interleaved round by round so the machine's other load falls on every variant alike.
// `npx tsx tests/bench/data-access.ts` (not part of `npm test`; about half a minute).
//
// Variants:
//   sql.ts          the runner as the app uses it: prepared once, dates and booleans typed
//   kysely/runner   Kysely builds and compiles each statement, then the same runner runs it
//   kysely/precompiled  each statement built and compiled once, then run through Kysely's
//                   executor and the runner (the best case: what a compile-once layer would cost)
//   kysely/stock    Kysely's own SqliteDialect on the same connection (prepares on every call,
//                   dates come back as text: shown for reference, it is not a candidate)
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  SqliteDialect,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from "kysely";
import { createDb, sqlOf } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import type { Sql, SqlValue } from "../../lib/db/sql";
import { fillDemoQuizzes } from "../../lib/demo/demo-quizzes";
import { seedDemo } from "../../lib/demo/seed";
import { syncStarterLibrary } from "../../lib/demo/starter-library";

/** Kysely on the runner: Kysely compiles (PostgreSQL's `$n` text, the runner's dialect), the runner executes. */
function runnerDialect(sql: Sql): Dialect {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      const params = query.parameters as SqlValue[];
      if (query.query.kind === "SelectQueryNode") return { rows: await sql.all<R>(query.sql, params) };
      return { rows: [], numAffectedRows: BigInt(await sql.run(query.sql, params)) };
    },
    streamQuery() {
      throw new Error("not used");
    },
  };
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      return connection;
    },
    async beginTransaction() {
      throw new Error("not used");
    },
    async commitTransaction() {},
    async rollbackTransaction() {},
    async releaseConnection() {},
    async destroy() {},
  };
  return {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

type Statements = {
  session(token: string): Promise<unknown>;
  saveRead(attemptId: string, position: number): Promise<unknown>;
  saveWrite(responseId: string, attemptId: string, answer: string, now: Date): Promise<unknown>;
  startRead(quizId: string, userId: string): Promise<unknown>;
  gradeRead(attemptId: string): Promise<unknown>;
};

function withHistory(sql: Sql): Statements {
  const guard = `EXISTS (SELECT 1 FROM "Attempt" a WHERE a."id" = $4 AND a."status" = 'IN_PROGRESS')`;
  return {
    ...viaSql(sql),
    saveWrite: (responseId, attemptId, answer, now) =>
      sql.batch([
        {
          text: `UPDATE "Response" SET "answer" = $1, "savedAt" = $2 WHERE "id" = $3 AND ${guard}`,
          params: [answer, now, responseId, attemptId],
        },
        {
          text: `INSERT INTO "AnswerSave" ("id", "responseId", "answer", "savedAt") SELECT $5, $3, $1, $2 WHERE ${guard}`,
          params: [answer, now, responseId, attemptId, randomUUID()],
        },
      ]),
  };
}

function viaSql(sql: Sql): Statements {
  return {
    session: (token) =>
      sql.all(
        `SELECT u."id" AS "id", u."name" AS "name", u."email" AS "email", u."isAdmin" AS "isAdmin", u."canTeach" AS "canTeach", s."expiresAt" AS "expiresAt"
         FROM "session" s JOIN "user" u ON u."id" = s."userId" WHERE s."token" = $1`,
        [token],
      ),
    saveRead: (attemptId, position) =>
      sql.all(
        `SELECT r."id" AS "id", a."userId" AS "userId", a."status" AS "status", a."deadlineAt" AS "deadlineAt", q."id" AS "questionId", q."template" AS "template"
         FROM "Response" r JOIN "Attempt" a ON a."id" = r."attemptId" JOIN "Question" q ON q."id" = r."questionId"
         WHERE r."attemptId" = $1 AND r."position" = $2`,
        [attemptId, position],
      ),
    saveWrite: (responseId, attemptId, answer, now) =>
      sql.run(
        `UPDATE "Response" SET "answer" = $1, "savedAt" = $2
         WHERE "id" = $3 AND EXISTS (SELECT 1 FROM "Attempt" a WHERE a."id" = $4 AND a."status" = 'IN_PROGRESS')`,
        [answer, now, responseId, attemptId],
      ),
    startRead: (quizId, userId) =>
      sql.all(
        `SELECT q."id" AS "id", q."courseId" AS "courseId", q."title" AS "title", q."mode" AS "mode", q."opensAt" AS "opensAt", q."closesAt" AS "closesAt",
                q."timeLimitSec" AS "timeLimitSec", q."attemptsAllowed" AS "attemptsAllowed", q."feedbackRelease" AS "feedbackRelease", q."sections" AS "sections",
                q."published" AS "published", e."role" AS "role", e."section" AS "enrolledSection"
         FROM "Quiz" q LEFT JOIN "Enrollment" e ON e."courseId" = q."courseId" AND e."userId" = $2 WHERE q."id" = $1`,
        [quizId, userId],
      ),
    gradeRead: (attemptId) =>
      sql.all(
        `SELECT r."id" AS "id", r."seed" AS "seed", r."answer" AS "answer", r."maxScore" AS "maxScore", q."id" AS "questionId", q."template" AS "template"
         FROM "Response" r JOIN "Question" q ON q."id" = r."questionId" WHERE r."attemptId" = $1 ORDER BY r."position"`,
        [attemptId],
      ),
  };
}

// Kysely<any>: the figures are about run-time cost; the types would come from prisma-kysely.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function viaKysely(k: Kysely<any>, datesAsText = false): Statements {
  const at = (d: Date) => (datesAsText ? d.toISOString() : d);
  return {
    session: (token) =>
      k
        .selectFrom("session as s")
        .innerJoin("user as u", "u.id", "s.userId")
        .select(["u.id", "u.name", "u.email", "u.isAdmin", "u.canTeach", "s.expiresAt"])
        .where("s.token", "=", token)
        .execute(),
    saveRead: (attemptId, position) =>
      k
        .selectFrom("Response as r")
        .innerJoin("Attempt as a", "a.id", "r.attemptId")
        .innerJoin("Question as q", "q.id", "r.questionId")
        .select(["r.id", "a.userId", "a.status", "a.deadlineAt", "q.id as questionId", "q.template"])
        .where("r.attemptId", "=", attemptId)
        .where("r.position", "=", position)
        .execute(),
    saveWrite: (responseId, attemptId, answer, now) =>
      k
        .updateTable("Response")
        .set({ answer, savedAt: at(now) })
        .where("id", "=", responseId)
        .where(({ exists, selectFrom }) =>
          exists(selectFrom("Attempt as a").select("a.id").where("a.id", "=", attemptId).where("a.status", "=", "IN_PROGRESS")),
        )
        .executeTakeFirst(),
    startRead: (quizId, userId) =>
      k
        .selectFrom("Quiz as q")
        .leftJoin("Enrollment as e", (j) => j.onRef("e.courseId", "=", "q.courseId").on("e.userId", "=", userId))
        .select([
          "q.id",
          "q.courseId",
          "q.title",
          "q.mode",
          "q.opensAt",
          "q.closesAt",
          "q.timeLimitSec",
          "q.attemptsAllowed",
          "q.feedbackRelease",
          "q.sections",
          "q.published",
          "e.role",
          "e.section as enrolledSection",
        ])
        .where("q.id", "=", quizId)
        .execute(),
    gradeRead: (attemptId) =>
      k
        .selectFrom("Response as r")
        .innerJoin("Question as q", "q.id", "r.questionId")
        .select(["r.id", "r.seed", "r.answer", "r.maxScore", "q.id as questionId", "q.template"])
        .where("r.attemptId", "=", attemptId)
        .orderBy("r.position")
        .execute(),
  };
}

/** Each statement built and compiled on its first call only, then executed as compiled (the bench's arguments do not change). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function precompiled(k: Kysely<any>): Statements {
  const cache = new Map<string, CompiledQuery>();
  let last: CompiledQuery | null = null;
  const captureDriver: Driver = {
    async init() {},
    async acquireConnection() {
      return {
        async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
          last = q;
          return { rows: [] };
        },
        streamQuery() {
          throw new Error("not used");
        },
      };
    },
    async beginTransaction() {},
    async commitTransaction() {},
    async rollbackTransaction() {},
    async releaseConnection() {},
    async destroy() {},
  };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const capture = new Kysely<any>({ dialect: { ...runnerDialectShape(), createDriver: () => captureDriver } });
  const built = viaKysely(capture);
  const once =
    <A extends unknown[]>(name: keyof Statements) =>
    async (...args: A) => {
      let compiled = cache.get(name);
      if (!compiled) {
        await (built[name] as unknown as (...a: A) => Promise<unknown>)(...args);
        compiled = last!;
        cache.set(name, compiled);
      }
      return k.executeQuery(compiled);
    };
  return {
    session: once("session"),
    saveRead: once("saveRead"),
    saveWrite: once("saveWrite"),
    startRead: once("startRead"),
    gradeRead: once("gradeRead"),
  };
}

function runnerDialectShape(): Omit<Dialect, "createDriver"> {
  return {
    createAdapter: () => new PostgresAdapter(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
}

/** CPU time (user + system) per call, in µs, of `n` sequential calls. */
async function cpuPerCall(n: number, fn: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  for (let i = 0; i < n; i++) await fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / n;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "synack-bench-"));
  const url = `file:${join(dir, "bench.db")}`;
  await migrate(url);
  const db = createDb(url);
  await seedDemo(db);
  await syncStarterLibrary(db);
  await fillDemoQuizzes(db);
  const student = await db.user.findFirstOrThrow({ where: { email: "ada@synack.test" } });
  const quiz = await db.quiz.findFirstOrThrow({ where: { mode: "PRACTICE" } });
  const item = await db.quizItem.findFirstOrThrow({ where: { quizId: quiz.id, questionId: { not: null } } });
  const attempt = await db.attempt.create({
    data: {
      quizId: quiz.id,
      userId: student.id,
      number: 1,
      responses: { create: { quizItemId: item.id, questionId: item.questionId!, position: 1, seed: "12345", maxScore: 1 } },
    },
    include: { responses: true },
  });
  const token = randomUUID();
  await db.session.create({
    data: { id: randomUUID(), token, userId: student.id, expiresAt: new Date(Date.now() + 3_600_000), updatedAt: new Date() },
  });

  const sql = sqlOf(db);
  await sql.all(`SELECT 1 AS "one"`); // connects
  const connection = (sql as unknown as { connect: () => Promise<BetterSqlite3.Database> }).connect;
  const raw = await connection();
  const variants: [string, Statements][] = [
    ["sql.ts", viaSql(sql)],
    // The save as lib/attempts/queries.ts writes it since the saved-answer history: the UPDATE and
    // the history's INSERT in one transaction (the cost of the history, next to the UPDATE alone).
    ["sql.ts + history", withHistory(sql)],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ["kysely/runner", viaKysely(new Kysely<any>({ dialect: runnerDialect(sql) }))],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ["kysely/precompiled", precompiled(new Kysely<any>({ dialect: runnerDialect(sql) }))],
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    ["kysely/stock", viaKysely(new Kysely<any>({ dialect: new SqliteDialect({ database: raw }) }), true)],
  ];
  const response = attempt.responses[0];
  const answer = JSON.stringify({ states: { client: ["CLOSED", "SYN_SENT", "ESTABLISHED"] } });
  const paths: [string, (s: Statements) => Promise<unknown>][] = [
    ["session check (1 SELECT)", (s) => s.session(token)],
    [
      "save (joined SELECT + guarded UPDATE)",
      async (s) => {
        await s.saveRead(attempt.id, 1);
        await s.saveWrite(response.id, attempt.id, answer, new Date());
      },
    ],
    ["start: quiz + enrolment SELECT", (s) => s.startRead(quiz.id, student.id)],
    ["submit: responses + questions SELECT", (s) => s.gradeRead(attempt.id)],
  ];
  const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);
  const CALLS = Number(process.env.BENCH_CALLS ?? 2000);
  console.log(`node ${process.version}; ${ROUNDS} interleaved rounds of ${CALLS} calls; median CPU µs per call (user + system)\n`);
  for (const [name, run] of paths) {
    const figures = new Map<string, number[]>(variants.map(([v]) => [v, []]));
    for (const [, s] of variants) await cpuPerCall(500, () => run(s)); // warm-up
    for (let r = 0; r < ROUNDS; r++) for (const [v, s] of variants) figures.get(v)!.push(await cpuPerCall(CALLS, () => run(s)));
    const base = median(figures.get("sql.ts")!);
    console.log(name);
    for (const [v] of variants) {
      const m = median(figures.get(v)!);
      console.log(
        `  ${v.padEnd(20)} ${m.toFixed(1).padStart(7)} µs  ${v === "sql.ts" ? "" : `${m >= base ? "+" : ""}${(((m - base) / base) * 100).toFixed(0)}%`}`,
      );
    }
  }
  await db.$disconnect();
  rmSync(dir, { recursive: true, force: true });
}

await main();
