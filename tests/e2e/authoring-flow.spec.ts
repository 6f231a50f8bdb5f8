// The instructor's whole path, as a course would use it: a bank of their own, a question copied
// from the starter library, a question written from a scenario built in the sandbox (three seeds
// previewed, the variety panel read), a quiz with a fixed item and a draw-from-tag item,
// published; a student takes it and gets the drawn question; a TA reads but cannot change.
// axe on every page; the README's instructor tour takes its screenshots here.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const SHOTS = "docs/screens";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

const courseId = () =>
  withDb((db) => (db.prepare(`SELECT id FROM Course WHERE code = 'NET 101' ORDER BY createdAt LIMIT 1`).get() as { id: string }).id);

async function signedIn(browser: Browser, email: string, password?: string): Promise<Page> {
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, email, password);
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 30_000 });
  return page;
}

async function loadExample(page: Page, name: string) {
  await page.getByLabel("Start from an example").selectOption({ label: name });
  await page.getByRole("button", { name: "Load the example", exact: true }).click();
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
}

// Many saves and four sign-ins on a shared 2-core machine: each step may take its time.
test.describe.configure({ timeout: 300_000 });

test("an instructor builds a quiz from the library and a sandbox scenario; a student takes it; a TA cannot edit", async ({ browser }) => {
  const course = courseId();
  const u = unique();
  const bankTitle = `Week 5: closing ${u}`;
  const quizTitle = `Closing quiz ${u}`;
  const scenarioKey = `lost-last-ack-${u}`;
  const page = await signedIn(browser, "instructor@synack.test");

  // 1. A bank of the course's own.
  await page.goto(`/courses/${course}/banks`);
  await page.getByLabel("Title", { exact: true }).fill(bankTitle);
  await page.getByRole("button", { name: "Create bank" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Bank “${bankTitle}” created.` })).toBeVisible();
  const bankHref = (await page.getByRole("link", { name: bankTitle, exact: true }).getAttribute("href"))!;
  await expectAccessible(page);

  // 2. A question from the starter library, chosen by its family.
  await page.goto(bankHref);
  await page.getByRole("link", { name: "Add from the starter library" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add from the starter library" })).toBeVisible();
  await page
    .getByRole("group", { name: "The three-way handshake" })
    .getByRole("checkbox", { name: /^States during the three-way handshake/ })
    .check();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Copy into the bank" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 question copied" })).toContainText("handshake-states");

  // 3. A scenario built in the sandbox becomes a question.
  await page.goto("/sandbox");
  await loadExample(page, "The last ACK is lost");
  await expect(page.getByTestId("sb-states-client")).toContainText("TIME_WAIT");
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/sandbox.png`, fullPage: true });
  const make = page.getByRole("region", { name: "Make a question from this" });
  await make.getByLabel("Bank").selectOption({ label: bankTitle });
  await make.getByLabel("Ask the students for").selectOption("final-state");
  await make.getByLabel("Title").fill("The lost last ACK");
  await make.getByRole("link", { name: "Open in the question editor" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "New question" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("The lost last ACK");
  await page.getByLabel("Question id").fill(scenarioKey);
  await page.getByLabel("Tags").fill("close, lost-ack");
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  // Three seeds previewed, as a student would see each.
  const student = page.getByRole("region", { name: "What a student sees" });
  await page.getByLabel("Seed", { exact: true }).fill("1");
  await expect(student.getByRole("heading", { level: 3, name: "The lost last ACK" })).toBeVisible();
  const seeds = new Set<string>(["1"]);
  for (let i = 0; i < 2; i++) {
    await page.getByRole("button", { name: "Another seed" }).click();
    await expect(page.getByLabel("Seed", { exact: true })).not.toHaveValue([...seeds].pop()!);
    seeds.add(await page.getByLabel("Seed", { exact: true }).inputValue());
    await expect(student.getByRole("heading", { level: 3, name: "The lost last ACK" })).toBeVisible();
  }
  expect(seeds.size).toBe(3);
  await page.getByLabel("Show the expected answer").check();
  await expect(page.getByRole("region", { name: "The expected answer" })).toBeVisible();
  // The variety panel over 50 seeds.
  await page.getByRole("button", { name: "Sample 50 seeds" }).click();
  await expect(page.getByTestId("variety-report")).toContainText("50 of 50 seeds could be shown");
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/question-editor.png`, fullPage: true });
  await page.getByRole("button", { name: "Save the question" }).click();
  await expect(page.getByText("Saved as version 1.")).toBeVisible({ timeout: 20_000 });
  await expect(page).toHaveURL(new RegExp(`/questions/${scenarioKey}$`));

  // 4. A quiz: one fixed question and one drawn from the tag.
  await page.goto(`/courses/${course}/quizzes/new`);
  await page.getByLabel("Title").fill(quizTitle);
  await page.getByRole("button", { name: "Create quiz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Build “${quizTitle}”` })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("combobox", { name: "Bank", exact: true }).selectOption({ label: bankTitle });
  await page.getByRole("combobox", { name: "Question", exact: true }).selectOption({ index: 0 });
  const fixedLabel = await page.getByRole("combobox", { name: "Question", exact: true }).locator("option:checked").textContent();
  await page.getByRole("button", { name: "Add the question" }).click();
  await page.getByLabel("Bank to draw from").selectOption({ label: bankTitle });
  await page.getByLabel("Only questions tagged").selectOption("lost-ack");
  await page.getByLabel("How many questions").fill("1");
  await page.getByRole("button", { name: "Add the draw" }).click();
  await page.getByRole("button", { name: "Save items" }).click();
  await expect(page.getByText("Items saved.")).toBeVisible({ timeout: 20_000 });
  const items = page.getByRole("list", { name: "Items of the quiz" }).getByRole("listitem");
  await expect(items).toHaveCount(2);
  await expect(items.nth(1)).toContainText("lost-ack");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unpublish", exact: true })).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/quiz-builder.png`, fullPage: true });
  const quizId = withDb((db) => (db.prepare(`SELECT id FROM Quiz WHERE title = ?`).get(quizTitle) as { id: string }).id);
  await page.context().close();

  // 5. A student takes it: the fixed question, and the one drawn from the tag.
  const ada = await signedIn(browser, "ada@synack.test");
  await ada.goto(`/courses/${course}`);
  await ada.locator("li").filter({ hasText: quizTitle }).getByRole("button", { name: "Start" }).click();
  await expect(ada).toHaveURL(/\/attempts\//, { timeout: 20_000 });
  await expect(ada.getByText("Question 2 of 2")).toBeVisible();
  await expectAccessible(ada);
  const attemptId = ada.url().split("/").pop()!;
  const given = withDb(
    (db) =>
      db
        .prepare(
          `SELECT q.key AS key, q.title AS title FROM Response r JOIN Question q ON q.id = r.questionId WHERE r.attemptId = ? ORDER BY r.position`,
        )
        .all(attemptId) as { key: string; title: string }[],
  );
  expect(given).toHaveLength(2);
  expect(fixedLabel).toContain(given[0].title);
  // Only the scenario question carries the tag: the draw gave it.
  expect(given[1].key).toBe(scenarioKey);
  await ada.context().close();

  // 6. A TA sees the bank, the question and the quiz, and changes nothing.
  const ta = await browser.newContext({ locale: "en-US" });
  const taPage = await ta.newPage();
  const taEmail = `ta-flow-${u}@example.edu`;
  await taPage.goto("/signup");
  await taPage.getByLabel("Your name").fill("Tomás Assistant");
  await taPage.getByLabel("Email").fill(taEmail);
  await taPage.getByLabel("Password").fill("correct horse battery");
  await taPage.getByRole("button", { name: "Create account" }).click();
  await taPage.waitForURL((url) => !url.pathname.startsWith("/signup"), { timeout: 30_000 });
  withDb((db) => {
    const user = db.prepare(`SELECT id FROM user WHERE email = ?`).get(taEmail) as { id: string };
    db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'TA', ?)`).run(
      randomUUID(),
      course,
      user.id,
      new Date().toISOString(),
    );
  });
  await taPage.goto(`${bankHref}/questions/${scenarioKey}`);
  await expect(taPage.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(taPage.getByRole("button", { name: "Save a new version" })).toHaveCount(0);
  await expectAccessible(taPage);
  await taPage.goto(`/courses/${course}/quizzes/${quizId}/edit`);
  await expect(taPage.getByRole("button", { name: "Save items" })).toHaveCount(0);
  await expect(taPage.getByRole("button", { name: "Unpublish", exact: true })).toHaveCount(0);
  const put = await taPage.evaluate(
    async ([path]) =>
      (await fetch(path, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ items: [] }) })).status,
    [`/api/v1/courses/${course}/quizzes/${quizId}/items`],
  );
  expect(put).toBe(403);
  await ta.close();
});
