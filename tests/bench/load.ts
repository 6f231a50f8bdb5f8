// Load: 200 simulated students against `npm start` on SQLite (figures in the README, "Benchmarks").
// First one student alone, back to back, gives each request's own cost (what the tail is
// made of); then the class: each signs in, starts the practice quiz and loads its page (as the
// browser does after Start), saves an answer every few seconds, then submits.
// Budget: saves p99 under 50 ms and submits (grading included) p99 under 200 ms, no errors,
// and no lost saves: afterwards the database must hold every student's last save.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { existsSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { hashPassword } from "better-auth/crypto";

const STUDENTS = Number(process.env.LOAD_STUDENTS ?? 200);
const SAVES_EACH = Number(process.env.LOAD_SAVES ?? 6);
const PORT = Number(process.env.LOAD_PORT ?? 3555);
const BASE = `http://localhost:${PORT}`;
const DB_FILE = "data/bench-load.db";
const PASSWORD = "load-test-password";

export interface LoadResult {
  /** One student alone, requests back to back: the cost of each kind of request. */
  solo: { start: number[]; save: number[]; submit: number[] };
  /** The attempt page right after each start, as the browser fetches it (the class arriving at once). */
  pages: number[];
  saves: number[];
  submits: number[];
  errors: string[];
  lost: number;
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(500);
  }
  throw new Error("the server did not start");
}

/** Adds the students straight to the database (signing 200 people up through the UI is not what is measured). */
async function addStudents(): Promise<{ emails: string[]; quizId: string; courseId: string }> {
  const db = new Database(DB_FILE, { timeout: 5000 });
  const hash = await hashPassword(PASSWORD);
  const course = db.prepare(`SELECT id FROM Course WHERE joinCode = 'SYNACK26'`).get() as { id: string };
  const quiz = db.prepare(`SELECT id FROM Quiz WHERE courseId = ? AND mode = 'PRACTICE'`).get(course.id) as { id: string };
  const now = new Date().toISOString();
  const emails: string[] = [];
  db.transaction(() => {
    for (let i = 0; i <= STUDENTS; i++) {
      const id = randomUUID();
      const email = i === STUDENTS ? "solo@example.edu" : `load-${i}@example.edu`;
      emails.push(email);
      db.prepare(
        `INSERT INTO "user" (id, name, email, emailVerified, createdAt, updatedAt, isAdmin, canTeach, invited) VALUES (?, ?, ?, 1, ?, ?, 0, 0, 0)`,
      ).run(id, `Load ${i}`, email, now, now);
      db.prepare(
        `INSERT INTO account (id, accountId, providerId, userId, password, createdAt, updatedAt) VALUES (?, ?, 'credential', ?, ?, ?, ?)`,
      ).run(randomUUID(), id, id, hash, now, now);
      db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'STUDENT', ?)`).run(
        randomUUID(),
        course.id,
        id,
        now,
      );
    }
  })();
  db.close();
  return { emails, quizId: quiz.id, courseId: course.id };
}

async function timed(fn: () => Promise<Response>, into: number[], errors: string[], what: string): Promise<Response | null> {
  const start = performance.now();
  try {
    const response = await fn();
    into.push(performance.now() - start);
    if (!response.ok) errors.push(`${what}: HTTP ${response.status} ${await response.text()}`);
    return response;
  } catch (error) {
    errors.push(`${what}: ${(error as Error).message}`);
    return null;
  }
}

async function signIn(email: string): Promise<string> {
  const r = await fetch(`${BASE}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: BASE },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (!r.ok) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  return (r.headers.get("set-cookie") ?? "").split(";")[0];
}

const SOLO_ROUNDS = 40;

/** One student, nobody else on the server: start, five saves, submit, again and again (after a warm-up). */
async function soloStudent(cookie: string, quizId: string, errors: string[]): Promise<LoadResult["solo"]> {
  const headers = { Cookie: cookie, "Content-Type": "application/json", Origin: BASE };
  const solo: LoadResult["solo"] = { start: [], save: [], submit: [] };
  const scratch: LoadResult["solo"] = { start: [], save: [], submit: [] };
  for (let round = 0; round < SOLO_ROUNDS + 5; round++) {
    const into = round < 5 ? scratch : solo;
    const start = await timed(
      () => fetch(`${BASE}/api/quizzes/${quizId}/attempts`, { method: "POST", headers }),
      into.start,
      errors,
      "solo start",
    );
    if (!start?.ok) return solo;
    const { attemptId } = (await start.json()) as { attemptId: string };
    for (let position = 1; position <= 5; position++) {
      const r = await timed(
        () =>
          fetch(`${BASE}/api/attempts/${attemptId}/responses/${position}`, {
            method: "PUT",
            headers,
            body: JSON.stringify({ answer: SOLO_ANSWERS[position - 1] }),
          }),
        into.save,
        errors,
        "solo save",
      );
      await r?.text();
    }
    await (
      await timed(() => fetch(`${BASE}/api/attempts/${attemptId}/submit`, { method: "POST", headers }), into.submit, errors, "solo submit")
    )?.text();
  }
  for (const xs of Object.values(solo)) xs.sort((a, b) => a - b);
  return solo;
}

const SOLO_ANSWERS = [
  { states: { client: ["CLOSED", "SYN_SENT"] } },
  { segments: [] },
  { segment: { from: "client", flags: "ACK", seq: 1, ack: 1 }, state: "ESTABLISHED" },
  { choice: "client" },
  { ms: 1000 },
];

const STATES = ["CLOSED", "LISTEN", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "CLOSE_WAIT"];

export async function runLoad(): Promise<LoadResult> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("build the app first (npm run build)");
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${DB_FILE}${suffix}`, { force: true });
  const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/start.ts"], {
    env: { ...process.env, PORT: String(PORT), DATABASE_URL: `file:./${DB_FILE}`, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  try {
    await waitForServer();
    const { emails, quizId, courseId } = await addStudents();
    const errors: string[] = [];
    const saves: number[] = [];
    const submits: number[] = [];
    const pages: number[] = [];
    const lastSaved = new Map<string, string>(); // attemptId/position -> JSON of the last acknowledged save

    // Sign in (scrypt is deliberately slow: ten at a time, not measured).
    const cookies: string[] = [];
    for (let i = 0; i < emails.length; i += 10) cookies.push(...(await Promise.all(emails.slice(i, i + 10).map(signIn))));
    const solo = await soloStudent(cookies.pop()!, quizId, errors);

    const started = performance.now();
    await Promise.all(
      cookies.map(async (cookie, i) => {
        const headers = { Cookie: cookie, "Content-Type": "application/json", Origin: BASE };
        await sleep((i * 37) % 3000); // students arrive over three seconds
        const start = await fetch(`${BASE}/api/quizzes/${quizId}/attempts`, { method: "POST", headers });
        if (!start.ok) {
          errors.push(`start: HTTP ${start.status}`);
          return;
        }
        const { attemptId } = (await start.json()) as { attemptId: string };
        // What the browser does after Start: render the attempt page (its RSC payload).
        await timed(
          () =>
            fetch(`${BASE}/courses/${courseId}/attempts/${attemptId}`, { headers: { Cookie: cookie, RSC: "1" } }).then(
              async (r) => (await r.text(), r),
            ),
          pages,
          errors,
          "attempt page",
        );
        for (let k = 0; k < SAVES_EACH; k++) {
          await sleep(1500 + ((i * 131 + k * 977) % 2500)); // "every few seconds"
          const position = (k % 5) + 1;
          const answer =
            position === 1
              ? { states: { client: STATES.slice(0, 1 + ((i + k) % STATES.length)) } }
              : position === 4
                ? { choice: ["client", "server", "both"][k % 3] }
                : position === 5
                  ? { ms: 1000 * (i + k) }
                  : position === 2
                    ? { segments: [{ from: "client", flags: "SYN", seq: i, ack: null }] }
                    : { segment: { from: "server", flags: "ACK", seq: k, ack: i }, state: "CLOSE_WAIT" };
          const r = await timed(
            () =>
              fetch(`${BASE}/api/attempts/${attemptId}/responses/${position}`, {
                method: "PUT",
                headers,
                body: JSON.stringify({ answer }),
              }),
            saves,
            errors,
            "save",
          );
          if (r?.ok) lastSaved.set(`${attemptId}/${position}`, JSON.stringify(answer));
        }
        await sleep(500);
        await timed(() => fetch(`${BASE}/api/attempts/${attemptId}/submit`, { method: "POST", headers }), submits, errors, "submit");
      }),
    );
    const seconds = (performance.now() - started) / 1000;

    // Every acknowledged save must be what the database holds, and every attempt submitted.
    const db = new Database(DB_FILE, { readonly: true });
    let lost = 0;
    for (const [key, json] of lastSaved) {
      const [attemptId, position] = key.split("/");
      const row = db
        .prepare(`SELECT r.answer, a.status FROM Response r JOIN Attempt a ON a.id = r.attemptId WHERE r.attemptId = ? AND r.position = ?`)
        .get(attemptId, Number(position)) as { answer: string; status: string } | undefined;
      if (!row || JSON.stringify(JSON.parse(row.answer)) !== json || row.status !== "SUBMITTED") lost++;
    }
    db.close();
    const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
    return { solo, pages: sorted(pages), saves: sorted(saves), submits: sorted(submits), errors, lost, seconds };
  } finally {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

export function reportLoad(r: LoadResult): boolean {
  const line = (name: string, xs: number[], budget?: number) => {
    const p99 = percentile(xs, 99);
    const verdict = budget === undefined ? "(a figure, no budget)" : `(budget p99 < ${budget} ms: ${p99 < budget ? "ok" : "OVER"})`;
    console.log(
      `${name.padEnd(34)} n=${String(xs.length).padStart(5)}  p50 ${percentile(xs, 50).toFixed(1)} ms  p95 ${percentile(xs, 95).toFixed(1)} ms  p99 ${p99.toFixed(1)} ms  max ${xs[xs.length - 1]?.toFixed(1)} ms  ${verdict}`,
    );
    return budget === undefined || p99 < budget;
  };
  const solo = (name: string, xs: number[]) =>
    console.log(
      `  ${name.padEnd(32)} n=${String(xs.length).padStart(5)}  p50 ${percentile(xs, 50).toFixed(1)} ms  p95 ${percentile(xs, 95).toFixed(1)} ms`,
    );
  console.log("one student alone, requests back to back (each request's own cost):");
  solo("start attempt", r.solo.start);
  solo("answer save", r.solo.save);
  solo("submit (grading included)", r.solo.submit);
  console.log(`${STUDENTS} students, ${SAVES_EACH} saves each, over ${r.seconds.toFixed(1)} s`);
  const ok = [
    line("attempt page after start (RSC)", r.pages),
    line("answer saves", r.saves, 50),
    line("submits (grading included)", r.submits, 200),
  ];
  console.log(`errors: ${r.errors.length}${r.errors.length ? ` (first: ${r.errors[0]})` : ""}; lost saves: ${r.lost}`);
  return ok.every(Boolean) && r.errors.length === 0 && r.lost === 0;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await runLoad();
  if (!reportLoad(result)) process.exitCode = 1;
}
