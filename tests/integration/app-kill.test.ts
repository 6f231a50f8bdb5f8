// The app process killed with SIGKILL in the middle of a class's saves and submits, then
// started again on the same database (a real SQLite file and a real PostgreSQL database):
// no acknowledged save is lost, no attempt is left half-graded, a submit the client retries
// succeeds exactly once, and a time limit that ran out while the server was down is enforced
// when it comes back. Serves the built app (scripts/serve.mjs, what `npm start` runs).
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillDemoQuizzes } from "@/lib/demo/demo-quizzes";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { DATABASES, type TestDatabase } from "./databases";
import { freePort } from "../support/free-port";

const SECRET = "kill-test-secret-".padEnd(40, "k");
const STUDENTS = 6;
/** The short quiz's limit: it runs out while the server is down. */
const SHORT_LIMIT_SEC = 3;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STATES = ["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT"];
const answer = (n: number) => ({ states: { client: Array.from({ length: 1 + (n % 12) }, (_, i) => STATES[i % STATES.length]) } });

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let port = 0;
  let server: ChildProcess | null = null;
  const base = () => `http://127.0.0.1:${port}`;

  function startServer(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ["scripts/serve.mjs"], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        APP_URL: base(),
        DATABASE_URL: t.url,
        AUTH_SECRET: SECRET,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "ignore",
    });
    server = child;
    return (async () => {
      for (let i = 0; i < 600; i++) {
        if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}`);
        const up = await fetch(`${base()}/api/health`).then(
          (r) => r.ok,
          () => false,
        );
        if (up) return child;
        await sleep(100);
      }
      throw new Error("the app did not start within 60 s");
    })();
  }

  async function kill9(): Promise<void> {
    const child = server!;
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once("exit", r));
    child.kill("SIGKILL");
    await exited;
  }

  beforeAll(async () => {
    if (!existsSync(".next/BUILD_ID")) throw new Error("this test serves the built app: run `npm run build` first (npm test does)");
    t = await open();
    await seedDemo(t.db);
    await syncStarterLibrary(t.db);
    await fillDemoQuizzes(t.db);
    port = await freePort();
  });
  afterAll(async () => {
    if (server) await kill9();
    await t?.drop();
  });

  /** Students of the demo course with sessions, their cookies signed as better-auth signs them. */
  async function students(courseId: string, count: number) {
    const out: { id: string; cookie: string }[] = [];
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      const token = randomBytes(24).toString("base64url");
      await t.db.user.create({ data: { id, name: `Kill ${i}`, email: `kill-${i}-${id.slice(0, 6)}@example.edu`, emailVerified: true } });
      await t.db.enrollment.create({ data: { courseId, userId: id, role: "STUDENT" } });
      await t.db.session.create({ data: { id: randomUUID(), token, userId: id, expiresAt: new Date(Date.now() + 3_600_000) } });
      const signed = `${token}.${createHmac("sha256", SECRET).update(token).digest("base64")}`;
      out.push({ id, cookie: `better-auth.session_token=${encodeURIComponent(signed)}` });
    }
    return out;
  }

  it("a kill -9 mid-saves and mid-submits loses no acknowledged save, leaves nothing half-graded, and retried submits succeed once; a limit that ran out while down is enforced", async () => {
    const courseId = (await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
    const question = (await t.db.question.findFirstOrThrow({ where: { key: "handshake-states" } })).id;
    const quiz = (timeLimitSec: number) =>
      t.db.quiz.create({
        data: {
          courseId,
          title: `Kill test ${timeLimitSec}`,
          mode: "EXAM",
          published: true,
          timeLimitSec,
          items: { create: [1, 2, 3].map((position) => ({ position, questionId: question, points: 1 })) },
        },
      });
    const exam = await quiz(3600);
    const short = await quiz(SHORT_LIMIT_SEC);
    const class_ = await students(courseId, STUDENTS + 1);
    const late = class_.pop()!;
    await startServer();

    const request = (cookie: string, method: string, path: string, body?: unknown) =>
      fetch(`${base()}${path}`, {
        method,
        headers: { Cookie: cookie, Origin: base(), "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const startOf = async (cookie: string, quizId: string) => {
      const r = await request(cookie, "POST", `/api/quizzes/${quizId}/attempts`, {});
      expect(r.status).toBe(201);
      return ((await r.json()) as { attemptId: string }).attemptId;
    };
    const attempts = await Promise.all(class_.map((s) => startOf(s.cookie, exam.id)));

    // Each student saves back to back (numbered, as the page does), half of them also submit
    // partway; the server is killed while all of that is in flight.
    const acked: { attemptId: string; position: number; seq: number; answer: string }[] = [];
    const sent: { attemptId: string; position: number; seq: number; answer: string }[] = [];
    const submitted = new Set<string>();
    let killed = false;
    const work = class_.map(async (s, i) => {
      const attemptId = attempts[i];
      for (let seq = 1; !killed; seq++) {
        const position = 1 + (seq % 3);
        const body = { answer: answer(seq + i), seq };
        sent.push({ attemptId, position, seq, answer: JSON.stringify(body.answer) });
        const r = await request(s.cookie, "PUT", `/api/attempts/${attemptId}/responses/${position}`, body).catch(() => null);
        if (r?.status === 200) acked.push({ attemptId, position, seq, answer: JSON.stringify(body.answer) });
        else if (r && !(r.status === 409 && submitted.has(attemptId))) expect.fail(`save answered ${r.status}: ${await r.text()}`);
        if (i % 2 === 0 && seq === 15) {
          submitted.add(attemptId);
          await request(s.cookie, "POST", `/api/attempts/${attemptId}/submit`).catch(() => null);
        }
      }
    });
    // Kill once every student has saves acknowledged and the submits are under way.
    for (let i = 0; i < 600 && (acked.length < STUDENTS * 10 || submitted.size < STUDENTS / 2); i++) await sleep(25);
    // The late student starts the short quiz just before, so that its limit runs out while the server is down.
    const lateAttempt = await startOf(late.cookie, short.id);
    const lateAck = await request(late.cookie, "PUT", `/api/attempts/${lateAttempt}/responses/1`, { answer: answer(7), seq: 1 });
    expect(lateAck.status).toBe(200);
    await kill9();
    killed = true;
    await Promise.all(work);
    expect(acked.length).toBeGreaterThanOrEqual(STUDENTS * 10);

    // Down: no attempt is half-graded (its grades are written in one transaction).
    const rows = await t.db.attempt.findMany({ where: { id: { in: attempts } }, include: { responses: true } });
    for (const a of rows) {
      const graded = a.responses.filter((r) => r.gradedAt !== null).length;
      expect([0, a.responses.length]).toContain(graded);
      expect(a.score === null).toBe(graded === 0);
    }

    // Back up only after the short quiz's limit has run out.
    const deadline = (await t.db.attempt.findUniqueOrThrow({ where: { id: lateAttempt } })).deadlineAt!;
    await sleep(Math.max(0, deadline.getTime() - Date.now() + 200));
    await startServer();

    // The time limit: the late student's next save is refused, and the attempt was submitted at its deadline with what was saved.
    const afterDeadline = await request(late.cookie, "PUT", `/api/attempts/${lateAttempt}/responses/1`, { answer: answer(2), seq: 2 });
    expect(afterDeadline.status).toBe(409);
    expect(((await afterDeadline.json()) as { message: string }).message).toMatch(/Time is up/);
    const expired = await t.db.attempt.findUniqueOrThrow({ where: { id: lateAttempt }, include: { responses: true } });
    expect(expired).toMatchObject({ status: "SUBMITTED", timedOut: true, submittedAt: deadline });
    expect(JSON.parse(expired.responses.find((r) => r.position === 1)!.answer!)).toEqual(answer(7));

    // Every submit, retried by the client, succeeds, once; a second retry gives the same result.
    for (const [i, s] of class_.entries()) {
      const first = await request(s.cookie, "POST", `/api/attempts/${attempts[i]}/submit`);
      expect(first.status).toBe(200);
      const again = await request(s.cookie, "POST", `/api/attempts/${attempts[i]}/submit`);
      expect(await again.json()).toEqual(await first.json());
    }
    const audits = await t.db.auditLog.groupBy({
      by: ["target"],
      where: { action: "attempt.submit", target: { in: attempts } },
      _count: true,
    });
    expect(audits.map((a) => a._count)).toEqual(attempts.map(() => 1));

    // No acknowledged save lost: each is in the history, and each answer is the last acknowledged
    // one or a later one the server took before it died (its answer simply did not get back).
    const responses = await t.db.response.findMany({ where: { attemptId: { in: attempts } }, include: { saves: true } });
    for (const r of responses) {
      expect(r.gradedAt).not.toBeNull();
      const mine = acked.filter((a) => a.attemptId === r.attemptId && a.position === r.position);
      const history = r.saves.map((s) => JSON.stringify(JSON.parse(s.answer)));
      for (const a of mine) expect(history).toContain(a.answer);
      const last = mine[mine.length - 1];
      if (!last) continue;
      expect(r.saveSeq).toBeGreaterThanOrEqual(last.seq);
      const stored = sent.find((x) => x.attemptId === r.attemptId && x.position === r.position && x.seq === r.saveSeq)!;
      expect(JSON.stringify(JSON.parse(r.answer!))).toBe(stored.answer);
    }
    await kill9();
  }, 60_000);
});
