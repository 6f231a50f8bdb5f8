// The quiz builder end to end: an instructor creates a quiz with its window typed in their own
// time zone and an access password, is refused publishing it empty, adds a pinned question and
// a draw, publishes it, gives a student more time, and previews it as a student sees it for a
// seed (the same seed showing the same questions, and no attempt stored). Once a student has an
// attempt, removing an item is refused with the reason and changing points is not. Every page
// passes axe, fits a 360 px phone, reads in Chinese, and is closed to students.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { LOCALE_COOKIE } from "../../lib/i18n/locales";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const PHONE = { width: 360, height: 740 };
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const courseId = () => withDb((db) => (db.prepare(`SELECT id FROM Course WHERE joinCode = 'SYNACK26'`).get() as { id: string }).id);
const quizRow = (title: string) =>
  withDb(
    (db) =>
      db.prepare(`SELECT id, opensAt, closesAt, timeLimitSec, accessPasswordHash, published FROM Quiz WHERE title = ?`).get(title) as {
        id: string;
        opensAt: string;
        closesAt: string;
        timeLimitSec: number;
        accessPasswordHash: string | null;
        published: number;
      },
  );
const attemptsOf = (quizId: string) =>
  withDb((db) => (db.prepare(`SELECT COUNT(*) AS n FROM Attempt WHERE quizId = ?`).get(quizId) as { n: number }).n);
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

async function signedIn(browser: Browser, email: string, options: { chinese?: boolean } = {}) {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "Asia/Shanghai", viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email);
  // Signing in hashes a password: give a busy machine time for it.
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 });
  // The header's language switch sets this cookie: what a reader who chose Chinese sends.
  if (options.chinese) await context.addCookies([{ name: LOCALE_COOKIE, value: "zh-CN", url: page.url() }]);
  return { context, page };
}

/** Creates a quiz through the builder's New quiz page and returns its id. */
async function newQuiz(page: Page, title: string, fill?: (page: Page) => Promise<void>) {
  await page.goto(`/courses/${courseId()}/quizzes/new`);
  await page.getByLabel("Title").fill(title);
  if (fill) await fill(page);
  await page.getByRole("button", { name: "Create quiz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Build “${title}”` })).toBeVisible({ timeout: 20_000 });
  return quizRow(title).id;
}

async function addFirstQuestion(page: Page) {
  await page.getByRole("combobox", { name: "Bank", exact: true }).selectOption({ index: 0 });
  await page.getByRole("combobox", { name: "Question", exact: true }).selectOption({ index: 0 });
  await page.getByRole("button", { name: "Add the question" }).click();
}

test.describe("quiz builder", () => {
  // Several sign-ins (each hashes a password) and many saves on a shared, busy machine.
  test.describe.configure({ timeout: 180_000 });
  test("an instructor builds, publishes, accommodates and previews a quiz", async ({ browser }) => {
    const { context, page } = await signedIn(browser, "instructor@synack.test");
    const title = `E2E quiz ${unique()}`;
    await page.goto(`/courses/${courseId()}/quizzes`);
    await expect(page.getByRole("heading", { level: 1, name: "Quizzes" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Quizzes", exact: true })).toHaveAttribute("aria-current", "page");
    await expectAccessible(page);

    const quizId = await newQuiz(page, title, async (p) => {
      await p.getByLabel("Mode").selectOption("EXAM");
      await p.getByLabel("Opens").fill("2026-12-01T09:00");
      await p.getByLabel("Closes").fill("2026-12-08T18:30");
      await p.getByLabel("Time limit (minutes)").fill("25");
      await p.getByLabel("Set a password").fill("let me in");
    });
    // Typed in Shanghai time (UTC+8), stored as the instant.
    const row = quizRow(title);
    expect(row.opensAt).toContain("2026-12-01T01:00:00");
    expect(row.closesAt).toContain("2026-12-08T10:30:00");
    expect(row.timeLimitSec).toBe(1500);
    expect(row.accessPasswordHash).toBeTruthy();
    expect(row.accessPasswordHash).not.toContain("let me in");
    await expect(page.getByText("A password is set: students type it before they start.")).toBeVisible();
    await expect(page.getByLabel("Opens")).toHaveValue("2026-12-01T09:00");
    await expectAccessible(page);

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "A quiz with no items cannot be published: add a question or a draw first.",
    );

    await addFirstQuestion(page);
    await page.getByLabel("How many questions").fill("2");
    await page.getByRole("button", { name: "Add the draw" }).click();
    await page.getByLabel("Points for item 1").fill("3");
    await page.getByRole("button", { name: "Save items" }).click();
    await expect(page.getByText("Items saved.")).toBeVisible();
    // The confirmation stays once the page has refreshed its data behind it.
    await page.waitForLoadState("networkidle");
    await expect(page.getByText("Items saved.")).toBeVisible();
    await expect(page.getByRole("list", { name: "Items of the quiz" }).getByRole("listitem")).toHaveCount(2);
    await expect(page.getByRole("list", { name: "Items of the quiz" }).getByRole("listitem").first()).toContainText("(version 1)");

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(page.getByText("The quiz is published.")).toBeVisible();
    await expect(page.getByText("Published: students of its sections see it.")).toBeVisible();
    expect(quizRow(title).published).toBe(1);

    await page.getByRole("combobox", { name: "Student", exact: true }).selectOption({ label: "Ada Okafor (ada@synack.test)" });
    await page.getByLabel("Time factor (1.5: time and a half)").fill("1.5");
    await page.getByLabel("Extra minutes").fill("10");
    await page.getByRole("button", { name: "Save accommodation" }).click();
    await expect(page.getByText("Accommodation saved.")).toBeVisible();
    await expect(page.getByRole("cell", { name: "Ada Okafor", exact: true })).toBeVisible();
    await expect(page.getByRole("cell", { name: "time limit × 1.5 + 10 minutes" })).toBeVisible();
    await expectAccessible(page);

    await page.goto(`/courses/${courseId()}/quizzes/${quizId}/preview?seed=7`);
    await expect(page.getByRole("heading", { level: 1, name: `Preview of “${title}”` })).toBeVisible();
    const questions = page.getByRole("region", { name: /^Question \d$/ });
    await expect(questions).toHaveCount(3);
    await expect(page.getByText("Question 1 · 3 points · item 1")).toBeVisible();
    const first = await page.locator("main").innerText();
    await page.reload();
    expect(await page.locator("main").innerText()).toBe(first);
    await page.getByRole("link", { name: "Another seed" }).click();
    await expect(page).toHaveURL(/seed=8$/);
    await expect(page.getByLabel("Seed", { exact: true })).toHaveValue("8");
    await expectAccessible(page);
    expect(attemptsOf(quizId)).toBe(0);

    await page.goto(`/courses/${courseId()}/quizzes`);
    const listed = page.getByRole("row", { name: new RegExp(title) });
    await expect(listed).toContainText("Open");
    await expect(listed.getByRole("link", { name: `Preview ${title}` })).toBeVisible();
    await context.close();
  });

  test("once a student has an attempt, removing an item is refused with the reason and points may change", async ({ browser }) => {
    const instructor = await signedIn(browser, "instructor@synack.test");
    const title = `E2E attempted ${unique()}`;
    const quizId = await newQuiz(instructor.page, title);
    await addFirstQuestion(instructor.page);
    await addFirstQuestion(instructor.page);
    await instructor.page.getByRole("button", { name: "Save items" }).click();
    await expect(instructor.page.getByText("Items saved.")).toBeVisible();
    await instructor.page.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(instructor.page.getByText("The quiz is published.")).toBeVisible();

    const student = await signedIn(browser, "ada@synack.test");
    const status = await student.page.evaluate(
      async (id) =>
        (await fetch(`/api/quizzes/${id}/attempts`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }))
          .status,
      quizId,
    );
    expect(status).toBe(201);
    await student.context.close();

    const page = instructor.page;
    await page.reload();
    await expect(page.getByText(/Students have made 1 attempt: items can no longer be removed/)).toBeVisible();
    await page.getByRole("button", { name: "Remove item 2" }).click();
    await page.getByRole("button", { name: "Save items" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText(
      "Students have made 1 attempt of this quiz, and item 2 would be removed.",
    );
    await page.reload();
    await page.getByLabel("Points for item 2").fill("4");
    await page.getByRole("button", { name: "Save items" }).click();
    await expect(page.getByText("Items saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByLabel("Points for item 2")).toHaveValue("4");

    // The same operations through the JSON API: a body that breaks a rule is 422 with the field's path,
    // a refused item change 409 with its reason, and the preview the same for the same seed.
    const api = await page.evaluate(
      async ([c, q]) => {
        const call = async (method: string, path: string, body?: unknown) => {
          const r = await fetch(`/api/v1/courses/${c}/quizzes/${q}${path}`, {
            method,
            headers: body === undefined ? undefined : { "content-type": "application/json" },
            body: body === undefined ? undefined : JSON.stringify(body),
          });
          return { status: r.status, body: await r.json() };
        };
        return {
          window: await call("PATCH", "", { opensAt: "2026-12-02T10:00:00Z", closesAt: "2026-12-01T10:00:00Z" }),
          items: await call("PUT", "/items", { items: [] }),
          previewA: await call("GET", "/preview?seed=5"),
          previewB: await call("GET", "/preview?seed=5"),
        };
      },
      [courseId(), quizId],
    );
    expect(api.window.status).toBe(422);
    expect(api.window.body.issues.map((i: { path: string[] }) => i.path)).toEqual([["closesAt"]]);
    expect(api.items).toMatchObject({
      status: 409,
      body: { error: "CONFLICT", message: expect.stringContaining("item 1 would be removed") },
    });
    expect(api.previewA.status).toBe(200);
    expect(api.previewB.body).toEqual(api.previewA.body);
    expect(attemptsOf(quizId)).toBe(1);

    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await pageOverflow(page)).toBeLessThanOrEqual(0);
    await instructor.context.close();
  });

  test("reads in Chinese, and is closed to students", async ({ browser }) => {
    const zh = await signedIn(browser, "instructor@synack.test", { chinese: true });
    await zh.page.goto(`/courses/${courseId()}/quizzes`);
    await expect(zh.page.getByRole("heading", { level: 1, name: "测验" })).toBeVisible();
    await expect(zh.page.getByRole("link", { name: "新建测验" })).toBeVisible();
    await zh.page.goto(`/courses/${courseId()}/quizzes/new`);
    await expect(zh.page.getByLabel("标题")).toBeVisible();
    await expect(zh.page.getByRole("button", { name: "创建测验" })).toBeVisible();
    await expectAccessible(zh.page);
    await zh.context.close();

    const student = await signedIn(browser, "ben@synack.test");
    for (const path of ["quizzes", "quizzes/new"]) {
      const response = await student.page.goto(`/courses/${courseId()}/${path}`);
      expect(response?.status(), path).toBe(403);
    }
    const api = await student.page.evaluate(async (c) => (await fetch(`/api/v1/courses/${c}/quizzes`)).status, courseId());
    expect(api).toBe(403);
    await student.context.close();
  });

  test("a TA sees the builder read-only and may preview, but not create", async ({ browser }) => {
    const context = await browser.newContext({ locale: "en-US", viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    const email = `ta-${unique()}@synack.test`;
    await page.goto("/signup");
    await page.getByLabel("Your name").fill("Tao Assistant");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signup"), { timeout: 30_000 });
    // No demo TA exists: enrol the new account as one directly.
    withDb((db) => {
      const user = db.prepare(`SELECT id FROM User WHERE email = ?`).get(email) as { id: string };
      db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'TA', ?)`).run(
        randomUUID(),
        courseId(),
        user.id,
        new Date().toISOString(),
      );
    });
    const quizId = withDb(
      (db) => (db.prepare(`SELECT id FROM Quiz WHERE courseId = ? ORDER BY createdAt LIMIT 1`).get(courseId()) as { id: string }).id,
    );
    await page.goto(`/courses/${courseId()}/quizzes`);
    await expect(page.getByRole("heading", { level: 1, name: "Quizzes" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New quiz" })).toHaveCount(0);
    await page.goto(`/courses/${courseId()}/quizzes/${quizId}/edit`);
    await expect(page.getByText("You can see this quiz’s settings; only instructors change them.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Save settings" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Save items" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);
    await expect(page.getByLabel("Title")).toBeDisabled();
    await expectAccessible(page);
    expect((await page.goto(`/courses/${courseId()}/quizzes/new`))?.status()).toBe(403);
    expect((await page.goto(`/courses/${courseId()}/quizzes/${quizId}/preview?seed=3`))?.status()).toBe(200);
    const patch = await page.evaluate(
      async ([c, q]) =>
        (
          await fetch(`/api/v1/courses/${c}/quizzes/${q}`, {
            method: "PATCH",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ title: "Mine" }),
          })
        ).status,
      [courseId(), quizId],
    );
    expect(patch).toBe(403);
    await context.close();
  });
});
