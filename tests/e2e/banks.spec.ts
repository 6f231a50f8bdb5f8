// Question banks in a browser: an instructor makes, renames and deletes a bank (never one a
// quiz uses), copies from the starter library by family, searches, duplicates and archives
// questions, saves a version through the API (and is refused a save from an old one) and reads
// the history in words; a TA reads but changes nothing; the pages fit a phone, pass axe and
// read in Chinese.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/seed-data";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let courseId = "";

async function signedIn(
  browser: Browser,
  email: string,
  options: { locale?: string; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1200, height: 900 }, locale: options.locale ?? "en-US" });
  const page = await context.newPage();
  await signIn(page, email);
  // Signing in hashes a password: give a busy machine time for it.
  await expect(page).toHaveURL(/\/$|\/courses/, { timeout: 15_000 });
  await expect(page.getByRole("link", { name: /Computer Networks/ })).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

/** How far the page's content (below the site header) sticks out of its column; 0 when it fits (wide tables scroll in their own box). */
const mainOverflow = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector("main")!;
    return main.scrollWidth - main.clientWidth;
  });

/** A call to /api/v1 from the page itself: same origin, the session cookie, JSON. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; data: Record<string, unknown> }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const response = await fetch(`/api/v1${path}`, {
        method,
        headers: body === undefined ? undefined : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, data: response.status === 204 ? {} : await response.json() };
    },
    { method, path, body },
  );
}

async function newBank(page: Page, title: string): Promise<string> {
  await page.goto(`/courses/${courseId}/banks`);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create bank" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Bank “${title}” created.` })).toBeVisible();
  const href = await page.getByRole("link", { name: title, exact: true }).getAttribute("href");
  return href!.split("/").pop()!;
}

test.beforeAll(async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  const href = await page.getByRole("link", { name: /Computer Networks/ }).getAttribute("href");
  courseId = href?.split("/").pop() ?? "";
  expect(courseId).not.toBe("");
  await context.close();
});

test("an instructor makes a bank, is told about a bad title beside the field, renames it, and deletes one no quiz uses", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(`/courses/${courseId}/banks`);
  await expect(page.getByRole("heading", { level: 1, name: "Question banks" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Course" }).getByRole("link", { name: "Question banks" })).toHaveAttribute(
    "aria-current",
    "page",
  );
  await expect(page.getByRole("link", { name: "Starter library: connection set-up and tear-down" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Create bank" }).click();
  const title = page.getByLabel("Title", { exact: true });
  await expect(title).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator("#field-title-error")).not.toBeEmpty();

  const name = `Week ${unique()}`;
  const bankId = await newBank(page, name);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await row.getByRole("button", { name: `Rename “${name}”` }).click();
  await row.getByLabel(`New title for “${name}”`).fill(`${name} renamed`);
  await row.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(page.getByRole("link", { name: `${name} renamed`, exact: true })).toBeVisible();

  const renamedRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: `${name} renamed`, exact: true }) });
  await renamedRow.getByRole("button", { name: `Delete “${name} renamed”` }).click();
  await expect(renamedRow.getByText(/This cannot be undone/)).toBeVisible();
  await renamedRow.getByRole("button", { name: `Delete “${name} renamed”` }).click();
  await expect(page.getByRole("link", { name: `${name} renamed`, exact: true })).toHaveCount(0);
  expect((await api(page, "GET", `/courses/${courseId}/banks/${bankId}`)).status).toBe(404);
  await context.close();
});

test("a bank a quiz draws from is not deleted, and the page says why", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  const name = `Used ${unique()}`;
  const bankId = await newBank(page, name);
  withDb((db) => {
    const quizId = `e2e-${randomUUID()}`;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO Quiz (id, courseId, title, mode, published, createdAt, updatedAt) VALUES (?, ?, 'Draws from a bank', 'PRACTICE', 0, ?, ?)`,
    ).run(quizId, courseId, now, now);
    db.prepare(`INSERT INTO QuizItem (id, quizId, position, bankId, drawCount, points) VALUES (?, ?, 1, ?, 1, 1)`).run(
      randomUUID(),
      quizId,
      bankId,
    );
  });
  await page.reload();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await row.getByRole("button", { name: `Delete “${name}”` }).click();
  await row.getByRole("button", { name: `Delete “${name}”` }).click();
  await expect(row.getByRole("alert")).toHaveText(/cannot be deleted: 1 quiz item uses it/);
  await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
  await context.close();
});

test("an instructor copies from the starter library by family, searches, duplicates and archives, and reads a question's history in words", async ({
  browser,
}) => {
  // Many steps, each a server round trip: more than the default minute on a busy machine.
  test.setTimeout(180_000);
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  const name = `Library ${unique()}`;
  const bankId = await newBank(page, name);
  await page.getByRole("link", { name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("No question in this bank yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "New question" })).toHaveAttribute(
    "href",
    `/courses/${courseId}/banks/${bankId}/questions/new`,
  );

  await page.getByRole("link", { name: "Add from the starter library" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add from the starter library" })).toBeVisible();
  const handshake = page.getByRole("group", { name: "The three-way handshake" });
  await expect(handshake.getByText(/What it teaches: A connection opens with three segments/)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Copy into the bank" }).click();
  await expect(page.getByText("Choose at least one question to copy.")).toBeVisible();
  await handshake.getByRole("checkbox", { name: /^States during the three-way handshake/ }).check();
  await handshake.getByRole("checkbox", { name: /^The three segments of the handshake/ }).check();
  await page
    .getByRole("group", { name: "A lost FIN" })
    .getByRole("checkbox", { name: /^States around a lost FIN/ })
    .check();
  await expect(page.getByText("3 questions selected")).toBeVisible();
  await page.getByRole("button", { name: "Copy into the bank" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 questions copied" })).toContainText("handshake-states");
  // The same template again: the bank holds its key, so the copy gets a suffix.
  await handshake.getByRole("checkbox", { name: /^States during the three-way handshake/ }).check();
  await page.getByRole("button", { name: "Copy into the bank" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 question copied" })).toContainText("handshake-states-2");

  await page
    .getByRole("link", { name: `Back to “${name}”` })
    .first()
    .click();
  const table = page.getByRole("table", { name: "The newest version of each question in the bank" });
  await expect(table.getByRole("row")).toHaveCount(5);
  await page.getByLabel("Title or key").fill("lost FIN");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByRole("link", { name: "Open States around a lost FIN in the editor" })).toHaveAttribute(
    "href",
    `/courses/${courseId}/banks/${bankId}/questions/lost-fin-states`,
  );
  await page.getByRole("link", { name: "Clear the search" }).click();
  // Cleared: the words are gone from the box too, not only from the address.
  await expect(page.getByLabel("Title or key")).toHaveValue("");
  await page.getByLabel("Answer kind").selectOption({ label: "Segments" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(table.getByText("handshake-segments")).toBeVisible();
  await page.getByRole("link", { name: "Clear the search" }).click();
  await expectAccessible(page);

  await table.getByRole("button", { name: "Duplicate States around a lost FIN" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Copied as lost-fin-states-2." })).toBeVisible();
  const copyKey = table.getByText("lost-fin-states-2", { exact: true });
  await expect(copyKey).toBeVisible();
  await table
    .getByRole("row")
    .filter({ has: page.getByText("lost-fin-states-2", { exact: true }) })
    .getByRole("button", { name: /^Archive/ })
    .click();
  await expect(copyKey).toHaveCount(0);
  await page.getByLabel("Show").selectOption({ label: "Archived questions" });
  await page.getByRole("button", { name: "Search" }).click();
  await expect(table.getByRole("row")).toHaveCount(2);
  await expect(copyKey).toBeVisible();
  await table.getByRole("button", { name: /^Restore/ }).click();
  await expect(page.getByText("No archived question.")).toBeVisible();
  await page.getByRole("link", { name: "Clear the search" }).click();
  await expect(copyKey).toBeVisible();

  // A new version through the API, then a save from the old one: refused with the current version.
  const path = `/courses/${courseId}/banks/${bankId}/questions/handshake-states`;
  const current = await api(page, "GET", path);
  expect(current.status).toBe(200);
  const template = { ...(current.data.template as Record<string, unknown>), points: 5 };
  const saved = await api(page, "PUT", path, { template, baseVersion: 1 });
  expect(saved).toMatchObject({ status: 200, data: { version: 2, changed: true } });
  const stale = await api(page, "PUT", path, { template: { ...template, points: 7 }, baseVersion: 1 });
  expect(stale).toMatchObject({ status: 409, data: { error: "CONFLICT", current: { version: 2 } } });
  expect(await api(page, "PUT", path, { template, baseVersion: 2 })).toMatchObject({ status: 200, data: { version: 2, changed: false } });
  const bad = await api(page, "PUT", path, { template: { ...template, points: -1 }, baseVersion: 2 });
  expect(bad.status).toBe(422);
  expect(bad.data.issues).toContainEqual(expect.objectContaining({ path: ["template", "points"] }));

  await page.goto(`/courses/${courseId}/banks/${bankId}`);
  await table.getByRole("link", { name: "History of States during the three-way handshake" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "History of States during the three-way handshake" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Version 2" })).toBeVisible();
  await expect(page.getByText("The points (points) changed from 2 to 5")).toBeVisible();
  await expect(page.getByText("The first version.")).toBeVisible();
  await page.getByLabel("From version").selectOption("2");
  await page.getByLabel("To version").selectOption("1");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { name: "From version 2 to version 1: 1 change" })).toBeVisible();
  await expect(page.getByText("The points (points) changed from 5 to 2")).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test("a TA reads the banks and a question's history but is offered no change, and the library page is refused", async ({ browser }) => {
  const email = `ta-${unique()}@example.edu`;
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Tara Assistant");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  withDb((db) => {
    const user = db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string };
    db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'TA', ?)`).run(
      randomUUID(),
      courseId,
      user.id,
      new Date().toISOString(),
    );
  });

  await page.goto(`/courses/${courseId}/banks`);
  await expect(page.getByRole("heading", { level: 1, name: "Question banks" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Create bank" })).toHaveCount(0);
  await expect(page.getByText("You can read this bank; only instructors change it.")).toBeVisible();
  await page.getByRole("link", { name: "Starter library: connection set-up and tear-down" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Starter library: connection set-up and tear-down" })).toBeVisible();
  await expect(page.getByRole("button", { name: /^Duplicate/ })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add from the starter library" })).toHaveCount(0);
  const bankPath = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "History of States during the three-way handshake" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Version 1" })).toBeVisible();

  const refused = await page.goto(`${bankPath}/library`);
  expect(refused?.status()).toBe(403);
  expect((await api(page, "POST", `/courses/${courseId}/banks`, { title: "Not mine to make" })).status).toBe(403);
  await context.close();
});

test("the bank pages fit a 360 px phone and read in Chinese", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test", { width: 360 });
  await page.goto(`/courses/${courseId}/banks`);
  expect(await mainOverflow(page)).toBeLessThanOrEqual(0);
  await page.getByRole("link", { name: "Starter library: connection set-up and tear-down" }).click();
  // The bank's own heading: any level-1 heading would match the list page's before the navigation ends.
  await expect(page.getByRole("heading", { level: 1, name: "Starter library: connection set-up and tear-down" })).toBeVisible();
  expect(await mainOverflow(page)).toBeLessThanOrEqual(0);
  await context.close();

  const zh = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "zh-CN" });
  const zhPage = await zh.newPage();
  // The form's fields by name: their labels are in Chinese.
  await zhPage.goto(`/login?next=${encodeURIComponent(`/courses/${courseId}/banks`)}`);
  await zhPage.locator('input[name="email"]').fill("instructor@synack.test");
  await zhPage.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await zhPage.locator('main form button[type="submit"]').click();
  await zhPage.waitForURL((url) => url.pathname === `/courses/${courseId}/banks`, { timeout: 15_000 });
  await expect(zhPage.getByRole("heading", { level: 1, name: "题库" })).toBeVisible();
  await expect(zhPage.getByRole("button", { name: "创建题库" })).toBeVisible();
  await expectAccessible(zhPage);
  await zhPage.getByRole("link", { name: "Starter library: connection set-up and tear-down" }).click();
  await expect(zhPage.getByRole("link", { name: "从入门题库添加" })).toBeVisible();
  await expect(zhPage.getByRole("link", { name: "在编辑器中打开三次握手期间的状态" })).toBeVisible();
  await zhPage.getByRole("link", { name: "从入门题库添加" }).click();
  await expect(zhPage.getByRole("group", { name: "三次握手", exact: true }).getByText(/^所讲内容：/)).toBeVisible();
  await expectAccessible(zhPage);
  await zh.close();
});
