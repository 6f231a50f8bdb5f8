// Regrade of 10 000 stored responses (2 000 students × one attempt at a five-question quiz) on a
// fresh SQLite file: the wall time of a job from claim to its result, as the runner does it
// (read, grade every response, plan the totals, and for an apply the one transaction). The
// quiz's points are doubled first, so every response changes and the apply writes all of them.
// Budget: an apply under 5 s. `npx tsx tests/bench/regrade.ts`, or with `npm run bench`;
// `npx tsx tests/bench/regrade.ts postgresql://…/empty_db` runs it on PostgreSQL.
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gradeStoredAnswer } from "../../lib/attempts/grade-response";
import { createDb, sqlOf } from "../../lib/db/client";
import { migrate } from "../../lib/db/migrate";
import type { SqlStatement } from "../../lib/db/sql";
import { seedDemo } from "../../lib/demo/seed";
import { DEMO_JOIN_CODE } from "../../lib/demo/seed-data";
import { syncStarterLibrary } from "../../lib/demo/starter-library";
import { GRADER_VERSION } from "../../lib/grading";
import { expectedAnswer } from "../../lib/questions";
import { runJob } from "../../lib/regrade/jobs";
import { insertJob } from "../../lib/regrade/queries";

const STUDENTS = 2000;
const QUESTIONS = 5;
export const REGRADE_BUDGET_MS = 5000;

export interface RegradeBench {
  responses: number;
  dryRunMs: number;
  applyMs: number;
  unchangedMs: number;
  changed: number;
}

/** On a fresh SQLite file, or on `databaseUrl` (an empty PostgreSQL database, migrated here). */
export async function benchRegrade(databaseUrl?: string): Promise<RegradeBench> {
  const dir = mkdtempSync(join(tmpdir(), "synack-bench-regrade-"));
  const url = databaseUrl ?? `file:${join(dir, "bench.db")}`;
  await migrate(url);
  const db = createDb(url);
  try {
    await seedDemo(db);
    await syncStarterLibrary(db);
    const course = await db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } });
    const questions = await db.question.findMany({ where: { bank: { courseId: course.id } }, orderBy: { key: "asc" }, take: QUESTIONS });
    const quiz = await db.quiz.create({
      data: {
        courseId: course.id,
        title: "Regrade bench",
        mode: "EXAM",
        published: true,
        items: { create: questions.map((q, k) => ({ position: k + 1, questionId: q.id, points: 2 })) },
      },
      include: { items: { orderBy: { position: "asc" } } },
    });
    const now = new Date();
    const sql = sqlOf(db);
    for (let s0 = 0; s0 < STUDENTS; s0 += 200) {
      const statements: SqlStatement[] = [];
      for (let s = s0; s < Math.min(STUDENTS, s0 + 200); s++) {
        const userId = `bench-user-${s}`;
        const attemptId = `bench-attempt-${s}`;
        statements.push({
          text: `INSERT INTO "user" ("id", "name", "email", "emailVerified", "createdAt", "updatedAt") VALUES ($1, $2, $3, false, $4, $4)`,
          params: [userId, `Student ${String(s).padStart(4, "0")}`, `bench-${s}@example.edu`, now],
        });
        let total = 0;
        const responses: SqlStatement[] = quiz.items.map((item, k) => {
          const q = questions[k];
          const seed = String((s * 7919 + k * 104729) % 2 ** 31);
          const { kind: _kind, ...expected } = expectedAnswer(JSON.parse(q.template), Number(seed));
          // Every third answer left blank: a mix of right and wrong, as a class gives.
          const answer = s % 3 === 0 ? null : JSON.stringify(expected);
          const graded = gradeStoredAnswer({ questionId: q.id, template: q.template, seed, answer, points: 2 });
          total += graded.points;
          return {
            text: `INSERT INTO "Response" ("id", "attemptId", "quizItemId", "questionId", "position", "seed", "answer", "score", "maxScore", "feedback", "graderVersion", "gradedAt")
                   VALUES ($1, $2, $3, $4, $5, $6, $7, CAST($8 AS DOUBLE PRECISION), 2, $9, $10, $11)`,
            params: [randomUUID(), attemptId, item.id, q.id, k + 1, seed, answer, graded.points, graded.feedback, GRADER_VERSION, now],
          };
        });
        statements.push({
          text: `INSERT INTO "Attempt" ("id", "quizId", "userId", "number", "status", "startedAt", "submittedAt", "score", "maxScore") VALUES ($1, $2, $3, 1, 'SUBMITTED', $4, $4, CAST($5 AS DOUBLE PRECISION), $6)`,
          params: [attemptId, quiz.id, userId, now, total, 2 * QUESTIONS],
        });
        statements.push(...responses);
      }
      await sql.batch(statements);
    }
    const job = async (mode: "DRY_RUN" | "APPLY") => {
      const id = await insertJob(
        db,
        {
          courseId: course.id,
          quizId: quiz.id,
          bankId: null,
          questionKey: null,
          mode,
          keepOverrides: true,
          latestVersion: true,
          createdById: `bench-user-0`,
          createdAt: new Date(),
        },
        { action: "regrade.start", courseId: course.id },
      );
      const start = process.hrtime.bigint();
      await runJob(db, id);
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      const row = await db.regradeJob.findUniqueOrThrow({ where: { id } });
      if (row.status !== "DONE") throw new Error(`bench job ${mode}: ${row.status} ${row.error ?? ""}`);
      return { ms, changed: row.changed, total: row.total };
    };
    const unchanged = await job("DRY_RUN");
    if (unchanged.changed !== 0) throw new Error(`same inputs changed ${unchanged.changed} scores`);
    await db.quizItem.updateMany({ where: { quizId: quiz.id }, data: { points: 4 } });
    const dry = await job("DRY_RUN");
    const apply = await job("APPLY");
    return { responses: apply.total, dryRunMs: dry.ms, applyMs: apply.ms, unchangedMs: unchanged.ms, changed: apply.changed };
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function reportRegrade(r: RegradeBench): boolean {
  const ok = r.applyMs < REGRADE_BUDGET_MS;
  console.log(`${"regrade: dry run, nothing changes".padEnd(64)} ${r.unchangedMs.toFixed(0).padStart(7)} ms  ${r.responses} responses`);
  console.log(`${"regrade: dry run, every score changes".padEnd(64)} ${r.dryRunMs.toFixed(0).padStart(7)} ms  ${r.changed} changes`);
  console.log(
    `${"regrade: apply (grade, plan, one transaction)".padEnd(64)} ${r.applyMs.toFixed(0).padStart(7)} ms  (budget ${REGRADE_BUDGET_MS} ms: ${ok ? "ok" : "OVER"})`,
  );
  return ok;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!reportRegrade(await benchRegrade(process.argv[2]))) process.exitCode = 1;
}
