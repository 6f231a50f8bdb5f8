// A SQLite database the app cannot write: its disk full while the app runs, and the file
// read-only when the app opens it. The app runs as an unprivileged user (root ignores file
// permissions): a save is refused with 503 and a message saying the database cannot be
// written, a form that writes says so on its page, the log names the cause in one line,
// reads still work, and nothing is corrupted: once the database can be written again,
// `PRAGMA integrity_check` is ok, every acknowledged save is there, and saves work again.
//
// The full disk is a 12 MB tmpfs mounted for the test (ENOSPC, SQLITE_FULL) when the test may
// mount one (root with CAP_SYS_ADMIN); elsewhere the app's RLIMIT_FSIZE is lowered to 0 with
// prlimit(1), so that a write that would grow a file fails (EFBIG: Node ignores SIGXFSZ,
// SQLite says SQLITE_IOERR_WRITE).
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDb, type Db } from "@/lib/db/client";
import { migrate } from "@/lib/db/migrate";
import { fillDemoQuizzes } from "@/lib/demo/demo-quizzes";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import {
  answer,
  exam,
  expectAcknowledgedSaves,
  freePort,
  requireBuild,
  serveApp,
  students,
  type Save,
  type ServedApp,
} from "./fault-support";

const STUDENTS = 4;
const UNWRITABLE = /database cannot be written/;
const asRoot = process.getuid?.() === 0;

function idOf(user: string): { uid: number; gid: number } {
  const uid = spawnSync("id", ["-u", user], { encoding: "utf8" });
  const gid = spawnSync("id", ["-g", user], { encoding: "utf8" });
  if (uid.status !== 0 || gid.status !== 0) throw new Error(`this test runs the app as user ${user}, which this machine lacks`);
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

let root = "";
let mounted = false;
let dir = "";
let file = "";
let url = "";
let port = 0;
let app: ServedApp | null = null;
const user = asRoot ? { ...idOf("nobody"), home: "" } : undefined;

/** The test's own connection, closed before the app opens the file, so that the app creates its -wal and -shm as its user. */
async function withDb<T>(run: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(url);
  try {
    return await run(db);
  } finally {
    await db.$disconnect();
  }
}

function ownFilesToApp() {
  if (!user) return;
  for (const path of [dir, file]) chownSync(path, user.uid, user.gid);
}

beforeAll(async () => {
  requireBuild();
  root = mkdtempSync(join(tmpdir(), "synack-unwritable-"));
  chmodSync(root, 0o755);
  if (asRoot) mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=12m,mode=0755", "tmpfs", root]).status === 0;
  dir = join(root, "db");
  mkdirSync(dir);
  file = join(dir, "app.db");
  url = `file:${file}`;
  await migrate(url);
  if (user) {
    user.home = join(root, "home");
    mkdirSync(user.home);
    chownSync(user.home, user.uid, user.gid);
  }
  port = await freePort();
});
afterAll(async () => {
  await app?.stop();
  if (mounted) spawnSync("umount", ["-l", root]);
  if (root) rmSync(root, { recursive: true, force: true });
});

it("a full disk and a read-only file: 503 saying the database cannot be written, a clear form error, one log line, reads work, nothing corrupted", async () => {
  const { courseId, quizId, class_, otherCourse } = await withDb(async (db) => {
    await seedDemo(db);
    await syncStarterLibrary(db);
    await fillDemoQuizzes(db);
    const courseId = (await db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
    const quiz = await exam(db, courseId, "Unwritable");
    const class_ = await students(db, courseId, STUDENTS, "unwritable");
    const demo = await db.course.findUniqueOrThrow({ where: { id: courseId } });
    const otherCourse = await db.course.create({
      data: {
        code: "NET 2",
        title: "Second course",
        joinCode: `J${randomBytes(4).toString("hex").toUpperCase()}`,
        createdById: demo.createdById,
      },
    });
    return { courseId, quizId: quiz.id, class_, otherCourse };
  });
  ownFilesToApp();
  app = await serveApp(url, port, user);

  const attempts: string[] = [];
  for (const s of class_) {
    const r = await app.request(s.cookie, "POST", `/api/quizzes/${quizId}/attempts`, {});
    expect(r.status).toBe(201);
    attempts.push(((await r.json()) as { attemptId: string }).attemptId);
  }
  const acked: Save[] = [];
  const sent: Save[] = [];
  let seq = 0;
  /** One save by each student; the statuses and messages. */
  const round = async () => {
    seq++;
    return Promise.all(
      class_.map(async (s, i) => {
        const position = 1 + (seq % 3);
        const body = { answer: answer(seq + i), seq };
        const save = { attemptId: attempts[i], position, seq, answer: JSON.stringify(body.answer) };
        sent.push(save);
        const r = await app!.request(s.cookie, "PUT", `/api/attempts/${attempts[i]}/responses/${position}`, body);
        const text = await r.text();
        if (r.status === 200) acked.push(save);
        return { status: r.status, text };
      }),
    );
  };
  const expectRefused = (answers: { status: number; text: string }[]) => {
    for (const a of answers) {
      expect(a.status).toBe(503);
      const body = JSON.parse(a.text) as { message: string };
      expect(body.message).toMatch(UNWRITABLE);
      expect(a.text).not.toMatch(/\n\s+at /);
    }
  };
  /** A read: the student's course page, and the health check (the database answers). */
  const expectReads = async () => {
    const page = await app!.request(class_[0].cookie, "GET", `/courses/${courseId}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Unwritable");
    expect((await fetch(`${app!.base}/api/health`)).status).toBe(200);
  };
  const faultLines = () =>
    app!
      .log()
      .split("\n")
      .filter((l) => /database fault/.test(l));
  for (let i = 0; i < 3; i++) expect((await round()).map((a) => a.status)).toEqual(class_.map(() => 200));

  // The disk fills. The WAL is emptied first: a save appends to it, where space it already had would be reused.
  await withDb((db) => db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)"));
  const filler = join(root, "filler");
  if (mounted) {
    for (const chunk of [1 << 20, 1 << 12, 1]) {
      try {
        for (;;) appendFileSync(filler, Buffer.alloc(chunk));
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe("ENOSPC");
      }
    }
  } else {
    const lowered = fsizeLimit(app, "0");
    expect(lowered.status, lowered.stderr).toBe(0);
  }
  const fullDisk = [await round(), await round(), await round()].flat();
  expectRefused(fullDisk);
  await expectReads();
  expect(app.child.exitCode).toBeNull();
  const diskLines = faultLines();
  expect(diskLines, app.log()).toHaveLength(1); // one line for the fault, not one per refused save
  expect(diskLines[0]).toMatch(mounted ? /cannot be written.*SQLITE_FULL/ : /cannot be written.*SQLITE_IOERR/);
  expect(app.log()).not.toMatch(/route failed|\n\s+at /);
  // Space again: saves work again, without a restart.
  if (mounted) rmSync(filler);
  else {
    const raised = fsizeLimit(app, "unlimited");
    expect(raised.status, raised.stderr).toBe(0);
  }
  expect((await round()).map((a) => a.status)).toEqual(class_.map(() => 200));

  // The file turns read-only (restored from a backup by root, say), and the app is started on it.
  await app.stop();
  if (user) chownSync(file, 0, 0);
  chmodSync(file, 0o444);
  app = await serveApp(url, port, user);
  expectRefused([...(await round()), ...(await round())]);
  await expectReads();
  // A form that writes (joining a course), posted as a browser without JavaScript posts it: the
  // join page's form with its hidden fields. The page comes back with the message in its alert.
  const joinPage = await (await app.request(class_[0].cookie, "GET", "/join")).text();
  const joinForm = /<form[^>]*>(?:(?!<\/form>).)*name="joinCode"(?:(?!<\/form>).)*<\/form>/s.exec(
    joinPage.replace(/<header.*?<\/header>/s, ""),
  )?.[0];
  expect(joinForm).toBeDefined();
  const form = new FormData();
  for (const [, name, value] of joinForm!.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g))
    form.set(name, unescapeHtml(value ?? ""));
  form.set("joinCode", otherCourse.joinCode);
  const page = await fetch(`${app.base}/join`, { method: "POST", headers: { Cookie: class_[0].cookie, Origin: app.base }, body: form });
  const alert = /<p role="alert"[^>]*>([^<]*)<\/p>/.exec(await page.text())?.[1];
  expect(alert).toMatch(UNWRITABLE);
  const readOnlyLines = faultLines();
  expect(readOnlyLines, app.log()).toHaveLength(1);
  expect(readOnlyLines[0]).toMatch(/cannot be written.*SQLITE_READONLY/);
  expect(app.log()).not.toMatch(/route failed|action failed|\n\s+at /);

  // Writable again: intact, every acknowledged save there, and saves work once the app is restarted on it.
  await app.stop();
  chmodSync(file, 0o644);
  ownFilesToApp();
  await withDb(async (db) => {
    expect(await db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    await expectAcknowledgedSaves(db, attempts, acked, sent);
    expect(await db.enrollment.count({ where: { courseId: otherCourse.id } })).toBe(0);
  });
  ownFilesToApp();
  app = await serveApp(url, port, user);
  expect((await round()).map((a) => a.status)).toEqual(class_.map(() => 200));
  await app.stop();
  await withDb(async (db) => {
    expect(await db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
    await expectAcknowledgedSaves(db, attempts, acked, sent);
  });
  console.log(
    `SQLite unwritable: full disk by ${mounted ? "a 12 MB tmpfs (ENOSPC)" : "RLIMIT_FSIZE 0 (EFBIG)"}: ${fullDisk.length} saves refused with 503; ` +
      `read-only file: 8 saves refused with 503; ${acked.length} saves acknowledged, all intact; log: ${diskLines[0]} | ${readOnlyLines[0]}`,
  );
}, 90_000);

/** The app's soft RLIMIT_FSIZE, set by prlimit(1) running as the app's user: root may lack CAP_SYS_RESOURCE in a container. */
function fsizeLimit(served: ServedApp, soft: string) {
  return spawnSync("prlimit", ["--pid", String(served.child.pid), `--fsize=${soft}:`], {
    encoding: "utf8",
    ...(user ? { uid: user.uid, gid: user.gid } : {}),
  });
}

function unescapeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
