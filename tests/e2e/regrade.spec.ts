// Regrade in a browser: after a quiz's points change, an instructor starts a dry run from the
// quiz's submissions page, watches it finish, reads every score that would change (old → new,
// why) and the totals that move, applies it, and the stored scores change with a "regraded"
// time; a TA reads the same dry run with no Apply; the pages pass axe, fit a 360 px phone and
// read in Chinese. The README's screenshot of a dry run is taken here.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { gradeStoredAnswer } from "../../lib/attempts/grade-response";
import { DEMO_PASSWORD } from "../../lib/demo/seed-data";
import { GRADER_VERSION } from "../../lib/grading";
import { expectedAnswer } from "../../lib/questions";
import { createQuiz, withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const SHOTS = "docs/screens";
const PASSWORD = "correct horse battery";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe.configure({ mode: "serial" });

let courseId = "";
let quizId = "";
let quizTitle = "";
let dryRunUrl = "";

/** A submitted, graded attempt at the quiz's one question: the right answer, or nothing. */
function submittedAttempt(email: string, right: boolean): string {
  return withDb((db) => {
    const user = db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string };
    const item = db
      .prepare(`SELECT i.id, q.id AS questionId, q.template FROM QuizItem i JOIN Question q ON q.id = i.questionId WHERE i.quizId = ?`)
      .get(quizId) as { id: string; questionId: string; template: string };
    const seed = String(1000 + Math.floor(Math.random() * 1_000_000));
    const { kind: _kind, ...expected } = expectedAnswer(JSON.parse(item.template), Number(seed));
    const answer = right ? JSON.stringify(expected) : null;
    const graded = gradeStoredAnswer({ questionId: item.questionId, template: item.template, seed, answer, points: 2 });
    const attemptId = `e2e-${randomUUID()}`;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO Attempt (id, quizId, userId, number, status, startedAt, submittedAt, score, maxScore) VALUES (?, ?, ?, 1, 'SUBMITTED', ?, ?, ?, 2)`,
    ).run(attemptId, quizId, user.id, now, now, graded.points);
    db.prepare(
      `INSERT INTO Response (id, attemptId, quizItemId, questionId, position, seed, answer, score, maxScore, feedback, graderVersion, gradedAt)
       VALUES (?, ?, ?, ?, 1, ?, ?, ?, 2, ?, ?, ?)`,
    ).run(randomUUID(), attemptId, item.id, item.questionId, seed, answer, graded.points, graded.feedback, GRADER_VERSION, now);
    return attemptId;
  });
}

async function signedIn(
  browser: Browser,
  email: string,
  options: { width?: number; locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1200, height: 900 }, locale: options.locale ?? "en-US" });
  const page = await context.newPage();
  if (options.locale === "zh-CN") {
    // The sign-in form in Chinese: its fields by name.
    await page.goto("/login");
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('main form button[type="submit"]').click();
  } else await signIn(page, email);
  await expect(page).toHaveURL(/\/$|\/courses/, { timeout: 15_000 });
  return { context, page };
}

const mainOverflow = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector("main")!;
    return main.scrollWidth - main.clientWidth;
  });

let attempts: { ada: string; ben: string };

test.beforeAll(() => {
  quizTitle = `Regrade check ${unique()}`;
  quizId = createQuiz(quizTitle, "handshake-states", {});
  courseId = withDb((db) => (db.prepare(`SELECT courseId FROM Quiz WHERE id = ?`).get(quizId) as { courseId: string }).courseId);
  attempts = { ada: submittedAttempt("ada@synack.test", true), ben: submittedAttempt("ben@synack.test", false) };
  // The instructor doubles the question's points after the class took it.
  withDb((db) => db.prepare(`UPDATE QuizItem SET points = 4 WHERE quizId = ?`).run(quizId));
});

test("an instructor dry-runs a regrade from the quiz's submissions, reads old → new with the reasons, and applies it", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(`/courses/${courseId}/quizzes/${quizId}`);
  await page.getByRole("link", { name: "Regrade" }).click();
  await expect(page.getByRole("heading", { name: "Regrade", level: 1 })).toBeVisible();
  await expect(page.getByLabel("Quiz", { exact: true })).toHaveValue(quizId);
  await expect(page.getByLabel("Keep the staff's overrides")).toBeChecked();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Start the dry run" }).click();
  await expect(page.getByRole("heading", { name: `Dry run: ${quizTitle}` })).toBeVisible({ timeout: 15_000 });
  dryRunUrl = new URL(page.url()).pathname;
  await expect(page.getByRole("status").filter({ hasText: "Done" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId("regrade-summary")).toHaveText(/2 answers regraded; 2 scores change; 2 students' totals move\./);

  const changes = page.getByRole("table", { name: "Every answer whose score would change, old and new, with the reasons" });
  const ada = changes.getByRole("row").filter({ hasText: "Ada Okafor" });
  await expect(ada).toContainText("2 / 2");
  await expect(ada).toContainText("4 / 4");
  await expect(ada).toContainText("Points 2 → 4");
  const ben = changes.getByRole("row").filter({ hasText: "Ben Carter" });
  await expect(ben).toContainText("0 / 2");
  await expect(ben).toContainText("0 / 4");
  const totals = page.getByRole("table", { name: "Each student's counted score of a quiz that would move" });
  await expect(totals.getByRole("row").filter({ hasText: "Ada Okafor" })).toContainText(quizTitle);
  // Nothing is written by a dry run.
  expect(withDb((db) => db.prepare(`SELECT score, maxScore FROM Attempt WHERE id = ?`).get(attempts.ada))).toEqual({
    score: 2,
    maxScore: 2,
  });
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/regrade.png`, fullPage: true });

  await page.getByRole("button", { name: "Apply this regrade" }).click();
  await expect(page.getByRole("heading", { name: `Applied: ${quizTitle}` })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("status").filter({ hasText: "Done" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("2 answers written.")).toBeVisible();
  const stored = withDb(
    (db) =>
      db.prepare(`SELECT a.score, a.maxScore, a.regradedAt IS NOT NULL AS regraded FROM Attempt a WHERE a.id = ?`).get(attempts.ada) as {
        score: number;
        maxScore: number;
        regraded: number;
      },
  );
  expect(stored).toEqual({ score: 4, maxScore: 4, regraded: 1 });
  expect(
    withDb(
      (db) =>
        (db.prepare(`SELECT COUNT(*) AS n FROM AuditLog WHERE action = 'regrade.apply' AND courseId = ?`).get(courseId) as { n: number }).n,
    ),
  ).toBeGreaterThan(0);

  // The dry run now leads to its apply instead of offering a second one.
  await page.goto(dryRunUrl);
  await expect(page.getByRole("link", { name: "Applied: see the result." })).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply this regrade" })).toHaveCount(0);
  await context.close();
});

test("a TA reads a dry run but is offered no Apply; the API refuses one", async ({ browser, baseURL }) => {
  const email = `regrade-ta-${unique()}@example.edu`;
  const context = await browser.newContext({ locale: "en-US", baseURL });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Regrade TA");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  withDb((db) => {
    const user = db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string };
    db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'TA', ?)`).run(
      `e2e-${unique()}`,
      courseId,
      user.id,
      new Date().toISOString(),
    );
  });
  await page.goto(`/courses/${courseId}/regrade?quizId=${quizId}`);
  await page.getByRole("button", { name: "Start the dry run" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Done" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("Same inputs, same grader: nothing would change.")).toBeVisible();
  await expect(page.getByText("Only an instructor may apply a regrade.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply this regrade" })).toHaveCount(0);
  const jobId = new URL(page.url()).pathname.split("/").pop()!;
  const refused = await page.evaluate(
    async ({ courseId, jobId }) => (await fetch(`/api/v1/courses/${courseId}/regrade/${jobId}/apply`, { method: "POST" })).status,
    { courseId, jobId },
  );
  expect(refused).toBe(403);
  await context.close();
});

test("the regrade pages fit a 360 px phone and read in Chinese", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test", { width: 360, locale: "zh-CN" });
  await page.goto(`/courses/${courseId}/regrade`);
  await expect(page.getByRole("heading", { name: "重新评分", level: 1 })).toBeVisible();
  expect(await mainOverflow(page)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await page.goto(dryRunUrl);
  await expect(page.getByRole("heading", { name: `试运行：${quizTitle}` })).toBeVisible();
  await expect(page.getByText("分值 2 → 4").first()).toBeVisible();
  expect(await mainOverflow(page)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await context.close();
});
