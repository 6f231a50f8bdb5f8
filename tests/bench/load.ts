// Load: a class taking the demo exam together, against a configuration the bench starts itself
// (tests/bench/load-servers.ts). First one student alone, requests back to back, gives each
// request's own cost (what a queue's tail is made of). Then the class: every student signs in
// (its session written to the database: password hashing is slow on purpose and not measured), starts the exam within `within` seconds,
// loads the attempt page as a browser does (the HTML, then the scripts and styles it names),
// saves an answer every few seconds in the shape its question asks for, and submits when the
// countdown reaches zero; the exam closes for everyone at the same moment, the worst minute for
// submits. Then the database is checked: every acknowledged save is in the saved-answer history
// and the last one is the answer, and every attempt is submitted and graded exactly once.
// With a fault (`fault`), the app is killed with SIGKILL (or PostgreSQL stopped) once in the
// middle of the saves and once in the middle of the submits, and the students send a save or a
// submit again as the attempt page does (lib/attempts/client.ts); the checks are the same.
import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { loadavg } from "node:os";
import { hashPassword } from "better-auth/crypto";
import { isTransient, retryWaitMs } from "@/lib/attempts/client";
import type { Db } from "@/lib/db/client";
import { AUTH_SECRET, startConfig, treeCpuMs, type ConfigName, type RunningConfig } from "./load-servers";
import { emptySample, sampleTimes, VitalsProbe, type VitalsSample, vitalsTable } from "./load-vitals";

const PASSWORD = "load-test-password";

export interface LoadOptions {
  students: number;
  /** Seconds over which the students start. */
  within: number;
  config: ConfigName;
  /** The first port of the configuration (postgres-2 also uses the next two). */
  port: number;
  /** Seconds from the last start to the exam's close, when everyone submits. */
  duration: number;
  /** The static files served by Next.js's own handler (the comparison for scripts/static-files.mjs). */
  nextStatic?: boolean;
  /**
   * The attempt page's web vitals in Chromium (tests/bench/load-vitals.ts): once alone before
   * the class, then `samples` times while it starts. `executablePath` undefined: Playwright's own.
   */
  vitals?: { executablePath: string | undefined; samples: number } | null;
  /**
   * `kill`: the (first) app instance killed with SIGKILL mid-saves and mid-submits, and started
   * again; `db-restart`: PostgreSQL (a server of the bench's own) stopped for 5 s at those moments.
   */
  fault?: LoadFault | null;
}

export const LOAD_FAULTS = ["kill", "db-restart"] as const;
export type LoadFault = (typeof LOAD_FAULTS)[number];
/** How long PostgreSQL stays down in a `db-restart`. */
const DB_DOWN_MS = 5000;

export const DEFAULT_LOAD: LoadOptions = { students: 200, within: 3, config: "sqlite", port: 3400, duration: 25 };

/** Budgets, p99 in ms. */
export const LOAD_BUDGETS = { page: 2000, save: 100, submit: 400 } as const;

type Kind = "page" | "html" | "start" | "save" | "submit";

export interface LoadResult {
  options: LoadOptions;
  /** One student alone, requests back to back: the cost of each kind of request. */
  solo: Record<Kind, number[]>;
  /** The servers' CPU time per request of each kind, one student alone, ms. */
  soloCpu: Record<Kind, number>;
  times: Record<Kind, number[]>;
  /** Every HTTP request of the class, static files included. */
  requests: number;
  seconds: number;
  /** CPU time of the app instances (and of the proxy) during the class, ms. */
  appCpuMs: number;
  proxyCpuMs: number | null;
  errors: string[];
  /** Acknowledged saves missing from the history, or a last save that is not the stored answer. */
  lost: number;
  acknowledged: number;
  /** Attempts still in progress after the close: their submit never got through. */
  unsubmitted: number;
  /** Claimed by a submit whose grading then failed (a 503): graded by the next submit or view. */
  claimedUngraded: number;
  /** Submitted attempts graded partly, or more than once. */
  badAttempts: number;
  /** What is wrong with each of those. */
  badWhy: string[];
  attempts: number;
  loadBefore: string;
  loadAfter: string;
  /** Null when not measured. */
  vitals: VitalsSample[] | null;
  /** The faults made, when (s after the first start) and how long until the app answered again. */
  faults: { what: string; atS: number; downMs: number }[];
  /** Saves and submits sent again after a network failure or a 502/503/504. */
  retries: number;
  /** Of those saves, the ones the server refused because the exam had closed meanwhile (409). */
  refusedLate: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The machine's load averages, as `uptime` gives them. */
export function loadAverage(): string {
  return loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
}

interface Fixture {
  /** The static files of the sign-in page, in every student's browser cache before the exam. */
  cached: Set<string>;
  /** The class's, then the student alone's last. */
  emails: string[];
  userIds: string[];
  /** Students outside the class, one per sample of the page's web vitals. */
  vitalsUserIds: string[];
  courseId: string;
  examId: string;
  practiceId: string;
}

/** Adds the students straight to the database (signing 1 000 people up through the UI is not what is measured). */
async function addStudents(db: Db, count: number, vitals: number): Promise<Fixture> {
  const course = await db.course.findFirstOrThrow({ where: { joinCode: "SYNACK26" }, select: { id: true } });
  const exam = await db.quiz.findFirstOrThrow({ where: { courseId: course.id, mode: "EXAM" }, select: { id: true } });
  const practice = await db.quiz.findFirstOrThrow({ where: { courseId: course.id, mode: "PRACTICE" }, select: { id: true } });
  const hash = await hashPassword(PASSWORD);
  const users = Array.from({ length: count + vitals + 1 }, (_, i) => ({
    id: randomUUID(),
    name: `Load ${i}`,
    email: i === count + vitals ? "solo@example.edu" : i >= count ? `vitals-${i - count}@example.edu` : `load-${i}@example.edu`,
    emailVerified: true,
  }));
  for (let i = 0; i < users.length; i += 500) {
    const chunk = users.slice(i, i + 500);
    await db.user.createMany({ data: chunk });
    await db.account.createMany({
      data: chunk.map((u) => ({ id: randomUUID(), accountId: u.id, providerId: "credential", userId: u.id, password: hash })),
    });
    await db.enrollment.createMany({
      data: chunk.map((u) => ({ id: randomUUID(), courseId: course.id, userId: u.id, role: "STUDENT" as const })),
    });
  }
  const others = users.splice(count, vitals);
  return {
    cached: new Set(),
    emails: users.map((u) => u.email),
    userIds: users.map((u) => u.id),
    vitalsUserIds: others.map((u) => u.id),
    courseId: course.id,
    examId: exam.id,
    practiceId: practice.id,
  };
}

async function signIn(base: string, email: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const r = await fetch(`${base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: base },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    if (r.ok) return (r.headers.get("set-cookie") ?? "").split(";")[0];
    // The password check is bounded (lib/auth/password-hashing.ts): a busy server says so; wait.
    if (r.status === 503 && attempt < 20) {
      await r.text();
      await sleep(500);
      continue;
    }
    throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  }
}

/**
 * The class's sessions, written as a sign-in writes them, with their cookies signed as
 * better-auth signs them: a thousand password checks (scrypt, slow on purpose) would take minutes
 * of the server's CPU before the exam and are not what is measured. The student alone signs in
 * through the API.
 */
async function sessionsFor(db: Db, userIds: string[]): Promise<string[]> {
  const now = new Date();
  const rows = userIds.map((userId) => ({
    id: randomUUID(),
    token: randomBytes(24).toString("base64url"),
    userId,
    expiresAt: new Date(now.getTime() + 86_400_000),
    createdAt: now,
    updatedAt: now,
  }));
  for (let i = 0; i < rows.length; i += 500) await db.session.createMany({ data: rows.slice(i, i + 500) });
  return rows.map((r) => {
    const signed = `${r.token}.${createHmac("sha256", AUTH_SECRET).update(r.token).digest("base64")}`;
    return `better-auth.session_token=${encodeURIComponent(signed)}`;
  });
}

class Recorder {
  times: Record<Kind, number[]> = { page: [], html: [], start: [], save: [], submit: [] };
  /** With `cpu`, the servers' CPU time spent on each kind of request (one request at a time only). */
  cpuMs: Record<Kind, number> = { page: 0, html: 0, start: 0, save: 0, submit: 0 };
  errors: string[] = [];
  requests = 0;
  retries = 0;
  /** Saves that first failed in a fault and, sent again after the close, were refused for it. */
  refusedLate = 0;

  constructor(private readonly cpu: (() => number) | null = null) {}

  cpuNow(): number {
    return this.cpu ? this.cpu() : 0;
  }

  /** Times `fn`; records an error for a refusal or a network failure. */
  async timed(kind: Kind | null, what: string, fn: () => Promise<Response>): Promise<Response | null> {
    const cpuBefore = kind && this.cpu ? this.cpu() : 0;
    try {
      return await this.timedOnly(kind, what, fn);
    } finally {
      if (kind && this.cpu) this.cpuMs[kind] += this.cpu() - cpuBefore;
    }
  }

  /**
   * As the attempt page sends a save or a submit: again after a network failure or a 502/503/504,
   * waiting as the page does, until `until`; timed from the first try to the answer.
   */
  async retried(kind: Kind, what: string, fn: () => Promise<Response>, until: number, closesAt: number): Promise<Response | null> {
    const start = performance.now();
    for (let attempt = 0; ; attempt++) {
      this.requests++;
      let failure: string;
      let retryAfter: string | null = null;
      try {
        const response = await fn();
        const body = await response.text();
        if (response.ok || !isTransient(response.status)) {
          this.times[kind].push(performance.now() - start);
          if (response.ok) return new Response(body, { status: response.status, headers: response.headers });
          // Time is up (409): the server's answer to a save that could not get through before
          // the close. Never acknowledged, so not lost; the attempt counts what was saved.
          if (kind === "save" && response.status === 409 && attempt > 0 && Date.now() >= closesAt) {
            this.refusedLate++;
            return null;
          }
          this.errors.push(`${what}: HTTP ${response.status} ${body.slice(0, 200)}`);
          return null;
        }
        failure = `HTTP ${response.status} ${body.slice(0, 200)}`;
        retryAfter = response.headers.get("retry-after");
      } catch (error) {
        failure = (error as Error).message;
      }
      const wait = retryWaitMs(attempt, retryAfter, Math.random);
      if (Date.now() + wait > until) {
        this.errors.push(`${what}: ${failure} (given up after ${attempt + 1} tries)`);
        return null;
      }
      this.retries++;
      await sleep(wait);
    }
  }

  private async timedOnly(kind: Kind | null, what: string, fn: () => Promise<Response>): Promise<Response | null> {
    const start = performance.now();
    this.requests++;
    try {
      const response = await fn();
      const body = await response.text();
      if (kind) this.times[kind].push(performance.now() - start);
      if (!response.ok) {
        this.errors.push(`${what}: HTTP ${response.status} ${body.slice(0, 200)}`);
        return null;
      }
      return new Response(body, { status: response.status, headers: response.headers });
    } catch (error) {
      this.errors.push(`${what}: ${(error as Error).message}`);
      return null;
    }
  }
}

type AnswerShape =
  { kind: "states" | "final-state"; endpoints: string[] } | { kind: "segments" | "next" | "choice" | "time"; endpoints?: undefined };

/**
 * The questions' answer formats, read from the page's own data as the browser's answer widgets
 * get them (the React Server Components payload in the HTML's script tags).
 */
export function answerShapes(html: string): Map<number, AnswerShape> {
  let flight = "";
  for (const m of html.matchAll(/self\.__next_f\.push\(\[1,("(?:[^"\\]|\\.)*")\]\)/g)) flight += JSON.parse(m[1]) as string;
  const shapes = new Map<number, AnswerShape>();
  for (const m of flight.matchAll(/"position":(\d+),"presentation":\{/g)) {
    const rest = flight.slice(m.index);
    const answer = /"answer":\{"kind":"([a-z-]+)"(?:,"endpoints?":(\[[^\]]*\]|"[a-z]+"))?/.exec(rest);
    if (!answer) continue;
    const kind = answer[1] as AnswerShape["kind"];
    const endpoints = answer[2] ? ([] as string[]).concat(JSON.parse(answer[2]) as string | string[]) : [];
    shapes.set(Number(m[1]), kind === "states" || kind === "final-state" ? { kind, endpoints } : ({ kind } as AnswerShape));
  }
  return shapes;
}

const STATES = ["CLOSED", "LISTEN", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT", "TIME_WAIT"];

/** A student's answer after `k` edits: partial at first, growing, as a student types. */
export function answerFor(shape: AnswerShape, student: number, k: number): unknown {
  const n = 1 + ((student + k) % STATES.length);
  switch (shape.kind) {
    case "states":
      return { states: Object.fromEntries(shape.endpoints.map((e, j) => [e, STATES.slice(j, j + n)])) };
    case "final-state":
      return { states: Object.fromEntries(shape.endpoints.map((e, j) => [e, STATES[(n + j) % STATES.length]])) };
    case "segments":
      return {
        segments: Array.from({ length: 1 + (k % 4) }, (_, j) => ({
          from: j % 2 ? "server" : "client",
          flags: ["SYN", "SYN ACK", "ACK", "FIN ACK"][j % 4],
          seq: 1000 * student + j,
          ack: j ? 1000 * student + j : null,
        })),
      };
    case "next":
      return { segment: { from: "server", flags: "ACK", seq: k, ack: student }, state: STATES[n - 1] };
    case "choice":
      return { choice: ["a", "b", "c", "d"][(student + k) % 4] };
    case "time":
      return { ms: 1000 * ((student + k) % 240) };
  }
}

/** The static files a page names. */
function assetsOf(html: string): string[] {
  return [...new Set([...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]))];
}

/**
 * The attempt page as a browser loads it: the document, then the scripts and styles it names,
 * six at a time, but for those in `cached` (the browser has them from the pages before).
 */
async function loadPage(rec: Recorder, base: string, path: string, cookie: string, cached: Set<string>): Promise<string | null> {
  const start = performance.now();
  const cpuBefore = rec.cpuNow();
  const doc = await rec.timed("html", "attempt page", () => fetch(`${base}${path}`, { headers: { Cookie: cookie, Accept: "text/html" } }));
  if (!doc) return null;
  const html = await doc.text();
  let failed = false;
  const queue = assetsOf(html).filter((a) => !cached.has(a));
  await Promise.all(
    Array.from({ length: 6 }, async () => {
      for (let a = queue.shift(); a; a = queue.shift()) {
        if (!(await rec.timed(null, "static file", () => fetch(`${base}${a}`)))) failed = true;
      }
    }),
  );
  if (!failed) rec.times.page.push(performance.now() - start);
  rec.cpuMs.page += rec.cpuNow() - cpuBefore;
  return html;
}

const SOLO_ROUNDS = 20;
const SOLO_ANSWERS = [
  { states: { client: ["CLOSED", "SYN_SENT"] } },
  { segments: [] },
  { segment: { from: "client", flags: "ACK", seq: 1, ack: 1 }, state: "ESTABLISHED" },
  { choice: "client" },
  { ms: 1000 },
];

/** One student, nobody else on the server: start, five saves, submit, again and again (after a warm-up). */
async function soloStudent(
  base: string,
  cookie: string,
  quizId: string,
  courseId: string,
  cpu: () => number,
): Promise<{ times: LoadResult["solo"]; cpu: LoadResult["soloCpu"] }> {
  const headers = { Cookie: cookie, "Content-Type": "application/json", Origin: base };
  const keep = new Recorder(cpu);
  const warm = new Recorder();
  for (let round = 0; round < SOLO_ROUNDS + 5; round++) {
    const rec = round < 5 ? warm : keep;
    const start = await rec.timed("start", "solo start", () =>
      fetch(`${base}/api/quizzes/${quizId}/attempts`, { method: "POST", headers }),
    );
    if (!start) break;
    const { attemptId } = (await start.json()) as { attemptId: string };
    await loadPage(rec, base, `/courses/${courseId}/attempts/${attemptId}`, cookie, new Set());
    for (let position = 1; position <= 5; position++) {
      await rec.timed("save", "solo save", () =>
        fetch(`${base}/api/attempts/${attemptId}/responses/${position}`, {
          method: "PUT",
          headers,
          body: JSON.stringify({ answer: SOLO_ANSWERS[position - 1] }),
        }),
      );
    }
    await rec.timed("submit", "solo submit", () => fetch(`${base}/api/attempts/${attemptId}/submit`, { method: "POST", headers }));
  }
  if (keep.errors.length || warm.errors.length) throw new Error(`one student alone: ${[...warm.errors, ...keep.errors][0]}`);
  for (const xs of Object.values(keep.times)) xs.sort((a, b) => a - b);
  const cpuPer = Object.fromEntries(
    Object.entries(keep.cpuMs).map(([kind, total]) => [kind, total / Math.max(1, keep.times[kind as Kind].length)]),
  ) as LoadResult["soloCpu"];
  return { times: keep.times, cpu: cpuPer };
}

interface Ack {
  attemptId: string;
  position: number;
  answer: string;
}

async function student(
  rec: Recorder,
  config: RunningConfig,
  fx: Fixture,
  cookie: string,
  i: number,
  startAt: number,
  closesAt: number,
  acks: Ack[],
  attempts: string[],
  retry: boolean,
): Promise<void> {
  const base = config.base;
  // Without a fault, one try, so that the tables compare with the runs before retries; with
  // one, as the page does, for a minute after the close at most.
  const send = (kind: "save" | "submit", fn: () => Promise<Response>) =>
    retry ? rec.retried(kind, kind, fn, closesAt + 60_000, closesAt) : rec.timed(kind, kind, fn);
  const headers = { Cookie: cookie, "Content-Type": "application/json", Origin: base };
  await sleep(Math.max(0, startAt - Date.now()));
  const start = await rec.timed("start", "start", () => fetch(`${base}/api/quizzes/${fx.examId}/attempts`, { method: "POST", headers }));
  if (!start) return;
  const { attemptId } = (await start.json()) as { attemptId: string };
  attempts.push(attemptId);
  const html = await loadPage(rec, base, `/courses/${fx.courseId}/attempts/${attemptId}`, cookie, fx.cached);
  const shapes = html ? answerShapes(html) : new Map<number, AnswerShape>();
  if (html && shapes.size === 0)
    rec.errors.push(`attempt page: no questions in the page's data${Date.now() > closesAt ? " (it came after the exam closed)" : ""}`);
  const positions = [...shapes.keys()];
  // Every few seconds an edit, the autosave's debounce included; none in the last two seconds,
  // when a real client's save would race the close (its answer then counts as it was).
  for (let k = 0; positions.length; k++) {
    const wait = 3000 + ((i * 131 + k * 977) % 3000);
    if (Date.now() + wait > closesAt - 2000) break;
    await sleep(wait);
    const position = positions[(i + k) % positions.length];
    const answer = JSON.stringify({ answer: answerFor(shapes.get(position)!, i, k) });
    const saved = await send("save", () =>
      fetch(`${base}/api/attempts/${attemptId}/responses/${position}`, { method: "PUT", headers, body: answer }),
    );
    if (saved) acks.push({ attemptId, position, answer: JSON.stringify((JSON.parse(answer) as { answer: unknown }).answer) });
  }
  // The countdown reaches zero on each client within its one-second tick.
  await sleep(Math.max(0, closesAt - Date.now()) + (i % 1000));
  await send("submit", () => fetch(`${base}/api/attempts/${attemptId}/submit`, { method: "POST", headers }));
}

/** Compares the database with what the class was told. */
async function check(
  db: Db,
  attempts: string[],
  acks: Ack[],
): Promise<{ lost: number; unsubmitted: number; claimedUngraded: number; badAttempts: number; badWhy: string[] }> {
  const responses = await db.response.findMany({
    where: { attemptId: { in: attempts } },
    select: { id: true, attemptId: true, position: true, answer: true, score: true, gradedAt: true, saves: { select: { answer: true } } },
  });
  const byKey = new Map(responses.map((r) => [`${r.attemptId}/${r.position}`, r]));
  const history = new Map(responses.map((r) => [r.id, r.saves.map((s) => s.answer)]));
  const last = new Map<string, string>();
  let lost = 0;
  for (const ack of acks) {
    const key = `${ack.attemptId}/${ack.position}`;
    last.set(key, ack.answer);
    const row = byKey.get(key);
    const saves = row ? history.get(row.id)! : [];
    const at = saves.findIndex((s) => JSON.stringify(JSON.parse(s)) === ack.answer);
    if (at < 0) lost++;
    else saves.splice(at, 1); // each acknowledged save once
  }
  for (const [key, answer] of last) {
    const row = byKey.get(key);
    if (!row?.answer || JSON.stringify(JSON.parse(row.answer)) !== answer) lost++;
  }
  const rows = await db.attempt.findMany({ where: { id: { in: attempts } }, select: { id: true, status: true, score: true } });
  const audits = await db.auditLog.groupBy({ by: ["target"], where: { action: "attempt.submit", target: { in: attempts } }, _count: true });
  const graded = new Map(audits.map((a) => [a.target, a._count]));
  let badAttempts = attempts.length - rows.length;
  let unsubmitted = 0;
  let claimedUngraded = 0;
  const badWhy: string[] = [];
  for (const a of rows) {
    const mine = responses.filter((r) => r.attemptId === a.id);
    const ungraded = mine.filter((r) => r.gradedAt === null).length;
    if (a.status === "IN_PROGRESS" && !graded.has(a.id)) unsubmitted++;
    else if (a.status === "SUBMITTED" && a.score === null && ungraded === mine.length && !graded.has(a.id)) claimedUngraded++;
    else if (a.status !== "SUBMITTED" || a.score === null || ungraded > 0 || graded.get(a.id) !== 1) {
      badAttempts++;
      badWhy.push(
        `${a.id}: ${a.status}, score ${a.score}, ${ungraded} of ${mine.length} answers ungraded, ${graded.get(a.id) ?? 0} submit entries`,
      );
    }
  }
  return { lost, unsubmitted, claimedUngraded, badAttempts, badWhy };
}

export async function runLoad(options: LoadOptions = DEFAULT_LOAD): Promise<LoadResult> {
  if (!existsSync(".next/BUILD_ID")) throw new Error("build the app first (npm run build)");
  console.log(`${options.config}: starting (${options.students} students within ${options.within} s)…`);
  if (options.fault === "db-restart" && options.config === "sqlite") throw new Error("--fault db-restart: PostgreSQL configurations only");
  const config = await startConfig(options.config, options.port, options.nextStatic, options.fault === "db-restart");
  const { createDb } = await import("@/lib/db/client");
  const db = createDb(config.databaseUrl);
  let probe: VitalsProbe | null = null;
  try {
    const fx = await addStudents(db, options.students, options.vitals ? 1 + options.vitals.samples : 0);
    const cookies = await sessionsFor(db, fx.userIds.slice(0, -1));
    fx.cached = new Set(assetsOf(await (await fetch(`${config.base}/login`)).text()));
    const cpu = () => ({
      app: config.retiredCpuMs + config.appGroups.reduce((sum, pid) => sum + treeCpuMs(pid), 0),
      proxy: config.proxyGroup === null ? null : treeCpuMs(config.proxyGroup),
    });
    const allCpu = () => {
      const c = cpu();
      return c.app + (c.proxy ?? 0);
    };
    const solo = await soloStudent(
      config.base,
      await signIn(config.base, fx.emails[fx.emails.length - 1]),
      fx.practiceId,
      fx.courseId,
      allCpu,
    );
    const vitals: VitalsSample[] = [];
    const vitalsPages: { url: string; cookie: string }[] = [];
    if (options.vitals) {
      probe = await VitalsProbe.launch(options.vitals.executablePath);
      for (const cookie of await sessionsFor(db, fx.vitalsUserIds)) {
        const r = await fetch(`${config.base}/api/quizzes/${fx.examId}/attempts`, {
          method: "POST",
          headers: { Cookie: cookie, "Content-Type": "application/json", Origin: config.base },
        });
        if (!r.ok) throw new Error(`web vitals: the exam did not start: HTTP ${r.status} ${await r.text()}`);
        const { attemptId } = (await r.json()) as { attemptId: string };
        vitalsPages.push({ url: `${config.base}/courses/${fx.courseId}/attempts/${attemptId}`, cookie });
      }
      const [alone] = vitalsPages;
      vitals.push(await probe.sample(alone.url, alone.cookie, "alone, before the class", null, Date.now() + 60_000));
    }

    // The exam closes for everyone `duration` seconds after the last start.
    const begin = Date.now() + 1000;
    const closesAt = begin + (options.within + options.duration) * 1000;
    await db.quiz.update({ where: { id: fx.examId }, data: { closesAt: new Date(closesAt) } });
    const rec = new Recorder();
    const acks: Ack[] = [];
    const attempts: string[] = [];
    const loadBefore = loadAverage();
    const cpuBefore = cpu();
    const started = performance.now();
    // The first page with the first start, the last with the last, each on time even when the
    // one before is still waiting for the server; each given up before the close (whose submits
    // are not what a page's vitals are about).
    const times = sampleTimes(begin, options.within, vitalsPages.length - 1);
    const sampling = Promise.all(
      vitalsPages.slice(1).map(async (page, k) => {
        await sleep(Math.max(0, times[k] - Date.now()));
        const label = `during the class, ${k + 1}`;
        const at = Math.max(0, Date.now() - begin) / 1000;
        const until = closesAt - 3000;
        if (!probe || until - Date.now() < 5000) return emptySample(label, at, "no time left before the close");
        return probe.sample(page.url, page.cookie, label, at, until);
      }),
    );
    // Mid-saves (halfway from the last start to the close) and mid-submits (just after the close).
    const faults: LoadResult["faults"] = [];
    const faulting = options.fault
      ? (async () => {
          for (const at of [begin + options.within * 1000 + (options.duration * 1000) / 2, closesAt + 300]) {
            await sleep(Math.max(0, at - Date.now()));
            const atS = (Date.now() - begin) / 1000;
            const t = performance.now();
            if (options.fault === "kill") {
              faults.push({ what: `instance 1 killed (SIGKILL) and started again`, atS, downMs: await config.killApp(0) });
            } else {
              await config.restartDatabase!(DB_DOWN_MS);
              faults.push({ what: `PostgreSQL stopped for ${DB_DOWN_MS / 1000} s and started again`, atS, downMs: performance.now() - t });
            }
          }
        })()
      : Promise.resolve();
    await Promise.all([
      ...cookies.map((cookie, i) =>
        student(
          rec,
          config,
          fx,
          cookie,
          i,
          begin + Math.floor((i / cookies.length) * options.within * 1000),
          closesAt,
          acks,
          attempts,
          Boolean(options.fault),
        ),
      ),
      faulting,
    ]);
    const seconds = (performance.now() - started) / 1000;
    vitals.push(...(await sampling));
    const cpuAfter = cpu();
    const loadAfter = loadAverage();
    const { lost, unsubmitted, claimedUngraded, badAttempts, badWhy } = await check(db, attempts, acks);
    for (const xs of Object.values(rec.times)) xs.sort((a, b) => a - b);
    return {
      options,
      solo: solo.times,
      soloCpu: solo.cpu,
      times: rec.times,
      requests: rec.requests,
      seconds,
      appCpuMs: cpuAfter.app - cpuBefore.app,
      proxyCpuMs: cpuAfter.proxy === null ? null : cpuAfter.proxy - cpuBefore.proxy!,
      errors: rec.errors,
      lost,
      acknowledged: acks.length,
      unsubmitted,
      claimedUngraded,
      badAttempts,
      badWhy,
      attempts: attempts.length,
      loadBefore,
      loadAfter,
      vitals: options.vitals ? vitals : null,
      faults,
      retries: rec.retries,
      refusedLate: rec.refusedLate,
    };
  } finally {
    await probe?.close();
    await db.$disconnect();
    await config.stop();
  }
}

const KINDS: [Kind, string][] = [
  ["page", "attempt page (HTML + static files)"],
  ["html", "of which the HTML"],
  ["start", "start"],
  ["save", "save"],
  ["submit", "submit (grading included)"],
];

const ms = (x: number) => (Number.isNaN(x) ? "–" : x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** Prints the figures; false when a budget is missed. */
export function reportLoad(r: LoadResult): boolean {
  const o = r.options;
  console.log(
    `\n${o.config}${o.nextStatic ? " (static files through Next.js)" : ""}: ${o.students} students starting within ${o.within} s, the exam closing ${o.duration} s after the last start`,
  );
  console.log(`  load average before ${r.loadBefore}, after ${r.loadAfter} (1, 5, 15 min; 2 cores shared with other work)`);
  const solo = (kind: Kind) =>
    `${kind} p50 ${ms(percentile(r.solo[kind], 50))} / p95 ${ms(percentile(r.solo[kind], 95))} ms, CPU ${ms(r.soloCpu[kind])} ms`;
  console.log(`  one student alone, wall time and the servers' CPU per request:`);
  console.log(`    ${(["page", "html", "start", "save", "submit"] as Kind[]).map(solo).join("; ")}`);
  console.log(`  | request | n | p50 ms | p95 ms | p99 ms | max ms | budget p99 |`);
  console.log(`  |---|---|---|---|---|---|---|`);
  let ok = true;
  for (const [kind, name] of KINDS) {
    const xs = r.times[kind];
    const budget = (LOAD_BUDGETS as Record<string, number | undefined>)[kind];
    const p99 = percentile(xs, 99);
    const verdict = budget === undefined ? "–" : `${budget} ${p99 <= budget ? "ok" : "OVER"}`;
    if (budget !== undefined && !(p99 <= budget)) ok = false;
    console.log(
      `  | ${name} | ${xs.length} | ${ms(percentile(xs, 50))} | ${ms(percentile(xs, 95))} | ${ms(p99)} | ${ms(xs[xs.length - 1])} | ${verdict} |`,
    );
  }
  const cpuPer = r.appCpuMs / r.requests;
  console.log(
    `  ${r.requests} requests in ${r.seconds.toFixed(1)} s: ${(r.requests / r.seconds).toFixed(0)} requests/s; ` +
      `app CPU ${(r.appCpuMs / 1000).toFixed(1)} s, ${cpuPer.toFixed(2)} ms per request` +
      (r.proxyCpuMs === null
        ? ""
        : `; proxy CPU ${(r.proxyCpuMs / 1000).toFixed(1)} s, ${(r.proxyCpuMs / r.requests).toFixed(2)} ms per request`),
  );
  console.log(
    `  errors: ${r.errors.length}${r.errors.length ? ` (first: ${r.errors[0]})` : ""}; ` +
      `acknowledged saves ${r.acknowledged}, lost ${r.lost}; attempts ${r.attempts}, never submitted (the submit did not get through) ` +
      `${r.unsubmitted}, claimed but grading not recorded (done by the next submit or view) ${r.claimedUngraded}, ` +
      `graded partly or more than once ${r.badAttempts}`,
  );
  if (r.badWhy.length) console.log(`  attempts not graded exactly once: ${r.badWhy.slice(0, 5).join("; ")}`);
  for (const f of r.faults)
    console.log(`  fault at ${f.atS.toFixed(1)} s: ${f.what}, answering again after ${(f.downMs / 1000).toFixed(1)} s`);
  if (r.options.fault)
    console.log(
      `  saves and submits sent again (as the page does after a dropped connection or a 502/503/504): ${r.retries}; saves that got through only after the close, refused for it (409, never acknowledged): ${r.refusedLate}`,
    );
  if (r.vitals) {
    console.log(
      `  the attempt page's web vitals in headless Chromium (a cold cache, 1280×800; each sample one more student, its attempt started before the class):`,
    );
    for (const line of vitalsTable(r.vitals)) console.log(`  ${line}`);
    const notes = r.vitals.flatMap((s) => s.done.filter((d) => d.includes(":")).map((d) => `${s.label}: ${d}`));
    if (notes.length) console.log(`  interactions not made: ${notes.join("; ")}`);
  }
  return (
    ok &&
    r.errors.length === 0 &&
    r.lost === 0 &&
    r.unsubmitted === 0 &&
    r.claimedUngraded === 0 &&
    r.badAttempts === 0 &&
    r.attempts === o.students
  );
}
