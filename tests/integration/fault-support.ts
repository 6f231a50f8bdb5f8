// What the database fault tests share: the built app served by scripts/serve.mjs (what
// `npm start` runs) on a database of the test's own, with its log kept; students of the demo
// course with signed session cookies; a class's save loop and its record of answers.
import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { freePort } from "../support/free-port";

export { freePort };

export const SECRET = "fault-test-secret-".padEnd(40, "f");
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STATES = ["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT"];
export const answer = (n: number) => ({ states: { client: Array.from({ length: 1 + (n % 12) }, (_, i) => STATES[i % STATES.length]) } });

export function requireBuild(): void {
  if (!existsSync(".next/BUILD_ID")) throw new Error("this test serves the built app: run `npm run build` first (npm test does)");
}

export interface ServedApp {
  base: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr, so far. */
  log(): string;
  request(cookie: string, method: string, path: string, body?: unknown, timeoutMs?: number): Promise<Response>;
  /** SIGTERM, as an operator's restart does, and waits for the exit. */
  stop(): Promise<void>;
}

/** Serves the built app on `url`; `as` runs it as another user (a root-owned test dropping privileges). */
export async function serveApp(url: string, port: number, as?: { uid: number; gid: number; home: string }): Promise<ServedApp> {
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      APP_URL: base,
      DATABASE_URL: url,
      AUTH_SECRET: SECRET,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(as ? { HOME: as.home } : {}),
    },
    stdio: ["ignore", "pipe", "pipe"],
    ...(as ? { uid: as.uid, gid: as.gid } : {}),
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const app: ServedApp = {
    base,
    child,
    log: () => output,
    request: (cookie, method, path, body, timeoutMs = 15_000) =>
      fetch(`${base}${path}`, {
        method,
        headers: { Cookie: cookie, Origin: base, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output}`);
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return app;
    await sleep(100);
  }
  await app.stop();
  throw new Error(`the app did not start within 60 s:\n${output}`);
}

/** Students of `courseId` with sessions, their cookies signed as better-auth signs them. */
export async function students(db: Db, courseId: string, count: number, label: string) {
  const out: { id: string; cookie: string }[] = [];
  for (let i = 0; i < count; i++) {
    const id = randomUUID();
    const token = randomBytes(24).toString("base64url");
    await db.user.create({
      data: { id, name: `${label} ${i}`, email: `${label}-${i}-${id.slice(0, 6)}@example.edu`, emailVerified: true },
    });
    await db.enrollment.create({ data: { courseId, userId: id, role: "STUDENT" } });
    await db.session.create({ data: { id: randomUUID(), token, userId: id, expiresAt: new Date(Date.now() + 3_600_000) } });
    const signed = `${token}.${createHmac("sha256", SECRET).update(token).digest("base64")}`;
    out.push({ id, cookie: `better-auth.session_token=${encodeURIComponent(signed)}` });
  }
  return out;
}

/** An exam of three handshake questions in `courseId`. */
export async function exam(db: Db, courseId: string, title: string) {
  const question = (await db.question.findFirstOrThrow({ where: { key: "handshake-states" } })).id;
  return db.quiz.create({
    data: {
      courseId,
      title,
      mode: "EXAM",
      published: true,
      timeLimitSec: 3600,
      items: { create: [1, 2, 3].map((position) => ({ position, questionId: question, points: 1 })) },
    },
  });
}

export type Save = { attemptId: string; position: number; seq: number; answer: string };

/**
 * Every acknowledged save is in the database: in the answer's history, and the stored answer
 * is the last acknowledged one or a later one the server took (its answer did not get back).
 */
export async function expectAcknowledgedSaves(db: Db, attemptIds: string[], acked: Save[], sent: Save[]): Promise<void> {
  const responses = await db.response.findMany({ where: { attemptId: { in: attemptIds } }, include: { saves: true } });
  let checked = 0;
  for (const r of responses) {
    const mine = acked.filter((a) => a.attemptId === r.attemptId && a.position === r.position);
    const history = r.saves.map((s) => JSON.stringify(JSON.parse(s.answer)));
    for (const a of mine) expect(history).toContain(a.answer);
    checked += mine.length;
    const last = mine[mine.length - 1];
    if (!last) continue;
    expect(r.saveSeq).toBeGreaterThanOrEqual(last.seq);
    const stored = sent.find((x) => x.attemptId === r.attemptId && x.position === r.position && x.seq === r.saveSeq)!;
    expect(JSON.stringify(JSON.parse(r.answer!))).toBe(stored.answer);
  }
  expect(checked).toBe(acked.length);
}
