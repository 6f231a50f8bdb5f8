// PostgreSQL stopped (fast shutdown) for three seconds while a class saves and submits, then
// started again on the same data directory and port: meanwhile the app answers with 503 and a
// message saying the database is unreachable (never a 500, never a hang), stays up, and
// recovers by itself; no acknowledged save is lost, and a submit retried after the gap grades
// once. A private PostgreSQL, so that stopping it disturbs no other test.
import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { fillDemoQuizzes } from "@/lib/demo/demo-quizzes";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../support/postgres";
import {
  answer,
  exam,
  expectAcknowledgedSaves,
  freePort,
  requireBuild,
  serveApp,
  sleep,
  students,
  type Save,
  type ServedApp,
} from "./fault-support";

const STUDENTS = 6;
const GAP_MS = 3000;
const SAVE_EVERY_MS = 200;
/** The pool's connect timeout is 3 s and the health check's 2 s: an answer later than this is a hang. */
const HANG_MS = 6000;
const UNREACHABLE = /database cannot be reached/;

let server: EmbeddedPostgres;
let db: Db;
let url: string;
let app: ServedApp | null = null;

beforeAll(async () => {
  requireBuild();
  server = await startEmbeddedPostgres();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await admin.query("CREATE DATABASE synack_fault");
  await admin.end();
  const u = new URL(server.url);
  u.pathname = "/synack_fault";
  url = u.toString();
  await migrate(url);
  db = createDb(url);
  await seedDemo(db);
  await syncStarterLibrary(db);
  await fillDemoQuizzes(db);
});
afterAll(async () => {
  await app?.stop();
  await db?.$disconnect();
  await server?.stop();
});

type Answered = { at: number; status: number; ms: number; message?: string; what: string };

it("PostgreSQL down for 3 s mid-class: 503s saying unreachable, the app stays up and recovers by itself, no acknowledged save lost, a retried submit grades once", async () => {
  const courseId = (await db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
  const quiz = await exam(db, courseId, "PostgreSQL restart");
  const class_ = await students(db, courseId, STUDENTS + 1, "pgfault");
  const latecomer = class_.pop()!;
  app = await serveApp(url, await freePort());
  const served = app;
  const pid = served.child.pid;

  const answers: Answered[] = [];
  /** A request, timed; its status and (for an error) its JSON message recorded. A hang fails the test. */
  const timed = async (what: string, cookie: string, method: string, path: string, body?: unknown) => {
    const started = Date.now();
    const r = await served.request(cookie, method, path, body, HANG_MS).catch((error: Error) => {
      throw new Error(`${what} got no answer within ${HANG_MS} ms (${error.name})`);
    });
    const text = await r.text();
    const entry: Answered = { at: started, status: r.status, ms: Date.now() - started, what };
    if (r.status >= 400) entry.message = (JSON.parse(text) as { message: string }).message;
    answers.push(entry);
    return { status: r.status, text };
  };

  const attempts: string[] = [];
  for (const s of class_) {
    const r = await timed("start", s.cookie, "POST", `/api/quizzes/${quiz.id}/attempts`, {});
    expect(r.status).toBe(201);
    attempts.push((JSON.parse(r.text) as { attemptId: string }).attemptId);
  }

  let down = { from: Infinity, to: Infinity };
  const health: { at: number; status: number }[] = [];
  let running = true;
  const healthLoop = (async () => {
    while (running) {
      const started = Date.now();
      const r = await fetch(`${served.base}/api/health`, { signal: AbortSignal.timeout(HANG_MS) });
      health.push({ at: started, status: r.status });
      await r.body?.cancel();
      await sleep(100);
    }
  })();

  // Each student saves every 200 ms, numbered as the page numbers them. Students 0-2 submit:
  // 0 before the gap, 1 and 2 during it (refused), so that they retry after it.
  const acked: Save[] = [];
  const sent: Save[] = [];
  const submitted = new Map<string, number>();
  const submitOf = (i: number) => timed("submit", class_[i].cookie, "POST", `/api/attempts/${attempts[i]}/submit`);
  let stopSaving = false;
  const work = class_.map(async (s, i) => {
    for (let seq = 1; !stopSaving && !submitted.has(attempts[i]); seq++) {
      const position = 1 + (seq % 3);
      const body = { answer: answer(seq + i), seq };
      const save = { attemptId: attempts[i], position, seq, answer: JSON.stringify(body.answer) };
      sent.push(save);
      const r = await timed("save", s.cookie, "PUT", `/api/attempts/${attempts[i]}/responses/${position}`, body);
      if (r.status === 200) acked.push(save);
      if (i === 0 && seq === 5) {
        const r = await submitOf(0);
        expect(r.status).toBe(200);
        submitted.set(attempts[0], 1);
      }
      await sleep(SAVE_EVERY_MS);
    }
  });

  // Stop PostgreSQL once every student has saves acknowledged and student 0 has submitted.
  while (acked.length < STUDENTS * 4 || !submitted.has(attempts[0])) await sleep(25);
  down.from = Date.now();
  await server.halt();
  const halted = Date.now();
  // During the gap: two submits and a start, each refused with the unreachable message.
  await sleep(500);
  const refusedSubmits = [await submitOf(1), await submitOf(2)];
  const refusedStart = await timed("start", latecomer.cookie, "POST", `/api/quizzes/${quiz.id}/attempts`, {});
  const refusedHealth = await fetch(`${served.base}/api/health`);
  await sleep(Math.max(0, GAP_MS - (Date.now() - halted)));
  await server.start();
  down = { ...down, to: Date.now() };

  // Back: the app recovers by itself; each student gets saves through again.
  const before = new Map(class_.map((_, i) => [i, acked.filter((a) => a.attemptId === attempts[i]).length]));
  const back = Date.now();
  let healthyAt = 0;
  while (!healthyAt) {
    if (Date.now() - back > 15_000) expect.fail("the app did not report healthy within 15 s of PostgreSQL's return");
    const r = await fetch(`${served.base}/api/health`);
    if (r.status === 200) healthyAt = Date.now();
    await r.body?.cancel();
    if (!healthyAt) await sleep(50);
  }
  const progressed = () => class_.every((_, i) => i === 0 || acked.filter((a) => a.attemptId === attempts[i]).length >= before.get(i)! + 3);
  while (!progressed()) {
    if (Date.now() - back > 20_000) expect.fail("saves did not succeed again within 20 s of PostgreSQL's return");
    await sleep(50);
  }
  stopSaving = true;
  running = false;
  await Promise.all([...work, healthLoop]);
  const firstSaveBack = Math.min(
    ...answers.filter((a) => a.what === "save" && a.status === 200 && a.at >= down.to).map((a) => a.at + a.ms),
  );

  // The gap's refusals: 503 with the message, for saves, submits, a start, and the health check.
  for (const r of [...refusedSubmits, refusedStart]) {
    expect(r.status).toBe(503);
    expect((JSON.parse(r.text) as { message: string }).message).toMatch(UNREACHABLE);
  }
  expect(refusedHealth.status).toBe(503);
  const duringGap = answers.filter((a) => a.at > down.from + 200 && a.at + a.ms < down.to);
  const savesRefused = duringGap.filter((a) => a.what === "save");
  expect(savesRefused.length).toBeGreaterThanOrEqual(STUDENTS);
  expect(savesRefused.every((a) => a.status === 503)).toBe(true);
  expect(health.filter((h) => h.at > down.from + 1200 && h.at < down.to - 300).every((h) => h.status === 503)).toBe(true);
  // Never a 500 or any other failure, before, during or after; every refusal says why.
  const failures = answers.filter((a) => a.status >= 400 && a.status !== 503);
  expect(failures).toEqual([]);
  const refusals = answers.filter((a) => a.status === 503);
  for (const a of refusals) expect(a.message).toMatch(UNREACHABLE);
  expect(Math.max(...answers.map((a) => a.ms))).toBeLessThan(HANG_MS);

  // Up all along, the same process; its log names the cause, without a stack.
  expect(served.child.exitCode).toBeNull();
  expect(served.child.pid).toBe(pid);
  expect(served.log()).toMatch(/database fault: the database cannot be reached/);
  expect(served.log()).not.toMatch(/route failed|request failed/);

  // Retried after the gap, the refused submits succeed, once; a second retry says the same.
  for (const i of [1, 2]) {
    const first = await submitOf(i);
    expect(first.status).toBe(200);
    const again = await submitOf(i);
    expect(JSON.parse(again.text)).toEqual(JSON.parse(first.text));
  }
  const audits = await db.auditLog.groupBy({
    by: ["target"],
    where: { action: "attempt.submit", target: { in: attempts.slice(0, 3) } },
    _count: true,
  });
  expect(audits.map((a) => a._count)).toEqual([1, 1, 1]);
  const graded = await db.attempt.findMany({ where: { id: { in: attempts.slice(0, 3) } } });
  for (const a of graded) expect(a).toMatchObject({ status: "SUBMITTED", score: expect.any(Number) });
  // The latecomer can start now.
  expect((await timed("start", latecomer.cookie, "POST", `/api/quizzes/${quiz.id}/attempts`, {})).status).toBe(201);

  await expectAcknowledgedSaves(db, attempts, acked, sent);
  console.log(
    `PostgreSQL restart: down ${down.to - down.from} ms; ${refusals.length} answers 503 (${savesRefused.length} saves in the gap), ` +
      `0 other failures; slowest answer ${Math.max(...answers.map((a) => a.ms))} ms; healthy ${healthyAt - down.to} ms and the first save through ` +
      `${firstSaveBack - down.to} ms after PostgreSQL accepted connections again; ${acked.length} saves acknowledged, all in the database`,
  );
}, 90_000);
