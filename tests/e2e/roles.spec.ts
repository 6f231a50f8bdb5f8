// The role matrix: every /api/v1 operation of lib/api/operations/index.ts and every authoring
// page, called as an instructor, a teaching assistant, a student, someone outside the course
// and someone not signed in, against what lib/auth/permissions.ts says each may do:
// - allowed: anything but 401, 403 and the course's 404 (a missing resource's 404, a 400 or a
//   422 for the fixtures' ids and empty bodies is fine: the caller was let in);
// - a role without the permission: 403; outside the course: 404 (it is not shown to exist);
//   not signed in: 401 (pages: the sign-in page); a token on a session-only operation: 403.
// It reads the operations and the pages at run time, so an operation or a page added later is
// in the matrix without a line here — and a new authoring page missing from PAGES fails it.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Browser, type BrowserContext } from "@playwright/test";
import type { Operation } from "../../lib/api/operation";
import { operations } from "../../lib/api/operations";
import { can, type Permission } from "../../lib/auth/permissions";
import type { CourseRole } from "../../lib/auth/roles";
import { DEMO_JOIN_CODE, DEMO_PASSWORD } from "../../lib/demo/seed-data";
import { withDb } from "./e2e-db";
import { signIn } from "./helpers";

type Who = "instructor" | "ta" | "student" | "outsider" | "anonymous";
const WHO: readonly Who[] = ["instructor", "ta", "student", "outsider", "anonymous"];
const ROLE: Partial<Record<Who, CourseRole>> = { instructor: "INSTRUCTOR", ta: "TA", student: "STUDENT" };
type Expected = "allowed" | "forbidden" | "hidden" | "unauthenticated";

const COURSE_NOT_FOUND = "That course does not exist.";
const PASSWORD = "correct horse battery";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** What `who` should get from something that needs `access`. */
/** Who may open a page: a permission's holders, anyone signed in, or (a student's own pages) the roles named. */
type PageAccess = { permission: Permission } | { roles: readonly CourseRole[] } | "signed-in";

function expected(access: PageAccess, who: Who): Expected {
  if (who === "anonymous") return "unauthenticated";
  if (access === "signed-in") return "allowed";
  const role = ROLE[who];
  if (!role) return "hidden";
  if ("roles" in access) return access.roles.includes(role) ? "allowed" : "forbidden";
  return can(role, access.permission) ? "allowed" : "forbidden";
}

/**
 * The authoring pages and who may open them, by their file under app/. Every page.tsx under the
 * folders of DISCOVER must be listed (a test below says so); those not yet in this branch are skipped.
 */
const PAGES: Record<string, PageAccess> = {
  "courses/[courseId]/banks/page.tsx": { permission: "banks.view" },
  "courses/[courseId]/banks/[bankId]/page.tsx": { permission: "banks.view" },
  "courses/[courseId]/banks/[bankId]/library/page.tsx": { permission: "banks.edit" },
  "courses/[courseId]/banks/[bankId]/questions/new/page.tsx": { permission: "banks.edit" },
  "courses/[courseId]/banks/[bankId]/questions/[key]/page.tsx": { permission: "banks.view" },
  "courses/[courseId]/banks/[bankId]/questions/[key]/history/page.tsx": { permission: "banks.view" },
  "courses/[courseId]/quizzes/page.tsx": { permission: "quizzes.view" },
  "courses/[courseId]/quizzes/new/page.tsx": { permission: "quizzes.edit" },
  "courses/[courseId]/quizzes/[quizId]/page.tsx": { permission: "roster.view" },
  // A TA reads the builder (every field disabled); saving is the API's quizzes.edit.
  "courses/[courseId]/quizzes/[quizId]/edit/page.tsx": { permission: "quizzes.view" },
  "courses/[courseId]/quizzes/[quizId]/preview/page.tsx": { permission: "questions.preview" },
  // Before an exam starts: its rules and Start, for the students who take it.
  "courses/[courseId]/quizzes/[quizId]/start/page.tsx": { roles: ["STUDENT"] },
  "courses/[courseId]/gradebook/page.tsx": { permission: "grades.view" },
  "courses/[courseId]/gradebook/[quizId]/[userId]/page.tsx": { permission: "grades.view" },
  "courses/[courseId]/gradebook/export/page.tsx": { permission: "grades.export" },
  "courses/[courseId]/analytics/page.tsx": { permission: "analytics.view" },
  "courses/[courseId]/analytics/misconceptions/page.tsx": { permission: "analytics.view" },
  "courses/[courseId]/regrade/page.tsx": { permission: "regrade.preview" },
  "courses/[courseId]/regrade/[jobId]/page.tsx": { permission: "regrade.preview" },
  "courses/[courseId]/roster/page.tsx": { permission: "roster.view" },
  "courses/[courseId]/roster/import/page.tsx": { permission: "roster.import" },
  "courses/[courseId]/roster/[enrollmentId]/page.tsx": { permission: "roster.import" },
  // Without a linked LMS course it says so; with one it reads the LMS.
  "courses/[courseId]/roster/sync/page.tsx": { permission: "roster.sync" },
  "sandbox/page.tsx": "signed-in",
  "sandbox/capture/page.tsx": "signed-in",
  "account/page.tsx": "signed-in",
};
const DISCOVER = [
  "courses/[courseId]/banks",
  "courses/[courseId]/quizzes",
  "courses/[courseId]/gradebook",
  "courses/[courseId]/analytics",
  "courses/[courseId]/regrade",
  "courses/[courseId]/roster",
  "sandbox",
];

function pageFiles(dir: string): string[] {
  const root = join("app", dir);
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(root, name);
    if (statSync(path).isDirectory()) return pageFiles(relative("app", path));
    return name === "page.tsx" ? [relative("app", path)] : [];
  });
}

type Fixtures = {
  courseId: string;
  bankId: string;
  key: string;
  version: string;
  quizId: string;
  userId: string;
  jobId: string;
  enrollmentId: string;
};
let fixtures: Fixtures;
const tokens: Partial<Record<Who, string>> = {};
const contexts: Partial<Record<Who, BrowserContext>> = {};

/**
 * A path with its parameters filled: the fixtures' ids for reads, ids of nothing for changes
 * (nothing is changed). An operation whose course is its bank's (`course: "bank"`) gets the
 * fixtures' bank even for a change, as others get the course: the roles are checked in its
 * course, and its empty body changes nothing.
 */
function fill(path: string, reading: boolean, bankScoped = false): string {
  return path.replace(/\{(\w+)\}|\[(\w+)\]/g, (_m, a: string | undefined, b: string | undefined) => {
    const name = (a ?? b)!;
    if (name === "courseId") return fixtures.courseId;
    if (name === "bankId" && bankScoped) return fixtures.bankId;
    if (!reading) return `matrix-none-${name}`.slice(0, 20);
    const known: Record<string, string> = {
      bankId: fixtures.bankId,
      key: fixtures.key,
      version: fixtures.version,
      quizId: fixtures.quizId,
      userId: fixtures.userId,
      jobId: fixtures.jobId,
      enrollmentId: fixtures.enrollmentId,
    };
    return known[name] ?? `matrix-none-${name}`.slice(0, 20);
  });
}

async function signedInContext(browser: Browser, email: string, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: "en-US", baseURL });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  await page.close();
  return context;
}

async function signedUpContext(browser: Browser, label: string, baseURL: string): Promise<{ context: BrowserContext; email: string }> {
  const email = `${label}-${unique()}@example.edu`;
  const context = await browser.newContext({ locale: "en-US", baseURL });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(label);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  await page.close();
  return { context, email };
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  fixtures = withDb((db) => {
    const course = db.prepare(`SELECT id FROM Course WHERE joinCode = ?`).get(DEMO_JOIN_CODE) as { id: string };
    const bank = db.prepare(`SELECT id FROM QuestionBank WHERE courseId = ? ORDER BY createdAt`).get(course.id) as
      { id: string } | undefined;
    const question = bank
      ? (db.prepare(`SELECT key, version FROM Question WHERE bankId = ? ORDER BY key, version`).get(bank.id) as
          { key: string; version: number } | undefined)
      : undefined;
    const quiz = db.prepare(`SELECT id FROM Quiz WHERE courseId = ? ORDER BY createdAt`).get(course.id) as { id: string } | undefined;
    const ada = db.prepare(`SELECT id FROM user WHERE email = 'ada@synack.test'`).get() as { id: string };
    const instructor = db.prepare(`SELECT id FROM user WHERE email = 'instructor@synack.test'`).get() as { id: string };
    // A finished dry run that changes nothing, for the regrade job page and getRegrade.
    const jobId = `matrix-job-${unique()}`;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO RegradeJob (id, courseId, quizId, mode, status, total, done, changed, result, createdById, createdAt, startedAt, heartbeatAt, finishedAt)
       VALUES (?, ?, ?, 'DRY_RUN', 'DONE', 0, 0, 0, ?, ?, ?, ?, ?, ?)`,
    ).run(
      jobId,
      course.id,
      quiz?.id ?? null,
      JSON.stringify({ total: 0, changes: [], refreshed: 0, kept: [], attempts: [], students: [] }),
      instructor.id,
      now,
      now,
      now,
      now,
    );
    return {
      jobId,
      courseId: course.id,
      bankId: bank?.id ?? "matrix-none-bank",
      key: question?.key ?? "matrix-none-key",
      version: String(question?.version ?? 1),
      quizId: quiz?.id ?? "matrix-none-quiz",
      userId: ada.id,
      enrollmentId: (db.prepare(`SELECT id FROM Enrollment WHERE courseId = ? AND userId = ?`).get(course.id, ada.id) as { id: string }).id,
    };
  });
  contexts.instructor = await signedInContext(browser, "instructor@synack.test", baseURL!);
  contexts.student = await signedInContext(browser, "ada@synack.test", baseURL!);
  const ta = await signedUpContext(browser, "matrix-ta", baseURL!);
  contexts.ta = ta.context;
  contexts.outsider = (await signedUpContext(browser, "matrix-outsider", baseURL!)).context;
  // There is no demo TA: this account becomes one.
  withDb((db) => {
    const user = db.prepare(`SELECT id FROM user WHERE email = ?`).get(ta.email) as { id: string };
    db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'TA', ?)`).run(
      `matrix-${unique()}`,
      fixtures.courseId,
      user.id,
      new Date().toISOString(),
    );
  });
  contexts.anonymous = await browser.newContext({ locale: "en-US", baseURL });
  // Each signed-in person's token, made as the Account page makes it: with the session.
  for (const who of ["instructor", "ta", "student", "outsider"] as const) {
    const made = await contexts[who]!.request.post("/api/v1/tokens", {
      headers: { origin: baseURL!, "content-type": "application/json" },
      data: { name: "role matrix", expiresInDays: 1 },
    });
    expect(made.status(), who).toBe(201);
    tokens[who] = ((await made.json()) as { token: string }).token;
  }
});

test.afterAll(async ({ baseURL }) => {
  // The matrix's tokens revoke themselves: the people's Account pages are left as they were.
  for (const token of Object.values(tokens)) {
    const client = await playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
    const listed = (await (await client.get("/api/v1/tokens")).json()) as { tokens: { id: string; name: string }[] };
    for (const { id } of listed.tokens.filter((t) => t.name === "role matrix")) await client.delete(`/api/v1/tokens/${id}`);
    await client.dispose();
  }
  for (const context of Object.values(contexts)) await context?.close();
});

const tokenCount = () => withDb((db) => (db.prepare(`SELECT COUNT(*) AS n FROM ApiToken`).get() as { n: number }).n);

async function call(client: APIRequestContext, op: Operation, headers: Record<string, string>) {
  const reading = op.method === "GET";
  const url = `/api/v1${fill(op.path, reading, op.access !== "signed-in" && op.access.course === "bank")}`;
  return client.fetch(url, {
    method: op.method,
    headers: op.body ? { ...headers, "content-type": "application/json" } : headers,
    ...(op.body ? { data: {} } : {}),
  });
}

function check(status: number, message: string | undefined, want: Expected, label: string) {
  if (want === "unauthenticated") expect(status, label).toBe(401);
  else if (want === "forbidden") expect(status, label).toBe(403);
  else if (want === "hidden") {
    expect(status, label).toBe(404);
    expect(message, label).toBe(COURSE_NOT_FOUND);
  } else {
    expect([401, 403], label).not.toContain(status);
    expect(status, label).toBeLessThan(500);
    if (status === 404) expect(message, label).not.toBe(COURSE_NOT_FOUND);
  }
}

/** Every route file under app/api/v1 with the methods it exports, as OpenAPI paths: "GET /tokens". */
function routeMethods(dir = join("app", "api", "v1")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return routeMethods(path);
    if (name !== "route.ts") return [];
    const route =
      "/" +
      relative(join("app", "api", "v1"), dir)
        .split(sep)
        .join("/");
    const apiPath = route.replace(/\[(\w+)\]/g, "{$1}");
    const text = readFileSync(path, "utf8");
    return [...text.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => `${m[1]} ${apiPath}`);
  });
}

test("the operations and the route files match: each operation is served, each route is an operation (or the document)", () => {
  expect(operations.length).toBeGreaterThan(0);
  const ids = operations.map((op) => op.id);
  expect(new Set(ids).size).toBe(ids.length);
  const declared = operations.map((op) => `${op.method} ${op.path}`).sort();
  const served = routeMethods()
    .filter((route) => route !== "GET /openapi.json")
    .sort();
  expect(served).toEqual(declared);
});

test("every /api/v1 operation × every role, with a token", async ({ baseURL }) => {
  test.setTimeout(300_000);
  for (const who of WHO) {
    const client = await playwrightRequest.newContext({ baseURL });
    const headers: Record<string, string> = tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {};
    for (const op of operations) {
      const want = who !== "anonymous" && op.sessionOnly ? "forbidden" : expected(op.access, who);
      const r = await call(client, op, headers);
      const body = (await r.json().catch(() => null)) as { message?: string } | null;
      check(
        r.status(),
        body?.message,
        want,
        `${op.id} (${op.method} ${op.path}) as ${who} with a token: ${r.status()} ${body?.message ?? ""}`,
      );
    }
    await client.dispose();
  }
});

test("every /api/v1 operation × every role, with the session cookie", async ({ baseURL }) => {
  test.setTimeout(300_000);
  const tokensBefore = tokenCount();
  for (const who of WHO) {
    const client = contexts[who]!.request;
    for (const op of operations) {
      const r = await call(client, op, { origin: baseURL! });
      const body = (await r.json().catch(() => null)) as { message?: string } | null;
      check(
        r.status(),
        body?.message,
        expected(op.access, who),
        `${op.id} (${op.method} ${op.path}) as ${who} with a session: ${r.status()} ${body?.message ?? ""}`,
      );
    }
  }
  // Nothing was made: the bodies were empty (every token is still the matrix's own four and those made elsewhere).
  expect(tokenCount()).toBe(tokensBefore);
});

test("every authoring page in this build is in the page table", () => {
  const found = DISCOVER.flatMap(pageFiles);
  expect(found.filter((file) => !(file in PAGES))).toEqual([]);
});

test("every authoring page × every role, and at 360 px for those who may open it", async () => {
  // Some 40 pages × 5 callers, each a full render: minutes on a busy 2-core machine.
  test.setTimeout(600_000);
  const present = Object.entries(PAGES).filter(([file]) => {
    try {
      return statSync(join("app", file)).isFile();
    } catch {
      return false;
    }
  });
  expect(present.length).toBeGreaterThan(0);
  for (const [file, access] of present) {
    const url = "/" + fill(file.replace(/\/?page\.tsx$/, ""), true);
    for (const who of WHO) {
      const page = await contexts[who]!.newPage();
      const response = await page.goto(url);
      const want = expected(access, who);
      const label = `${url} as ${who}: ${response?.status()} at ${page.url()}`;
      if (want === "unauthenticated") expect(new URL(page.url()).pathname, label).toBe("/login");
      else if (want === "forbidden") expect(response?.status(), label).toBe(403);
      else if (want === "hidden") expect(response?.status(), label).toBe(404);
      else {
        expect(response?.status(), label).toBe(200);
        expect(new URL(page.url()).pathname, label).toBe(url.split("?")[0]);
        // And it fits a 360 px phone: whatever is wider scrolls in its own box, never the page.
        await page.setViewportSize({ width: 360, height: 740 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${label}, 360 px wide`).toBeLessThanOrEqual(0);
      }
      await page.close();
    }
  }
});
