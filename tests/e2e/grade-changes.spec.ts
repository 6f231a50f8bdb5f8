// Grade changes end to end: a student's attempt at a quiz (two saves, a submit); the staff's
// gradebook cell with its history; an override of the attempt with a reason, cleared again;
// an excusal taken back; the staff attempt page with the seed, the question version, the
// grader version and the saved-answer history, and an override of one answer (refused out of
// range, then saved); the student's review saying what changed and why. axe on every page, a
// 360 px phone, and the screenshot docs/screens/attempt-detail.png.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { GRADER_VERSION } from "../../lib/grading";
import { createQuiz, expectedAnswers, withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const SHOTS = "docs/screens";

function fromApp(page: Page) {
  return { Origin: new URL(page.url()).origin, "Content-Type": "application/json" };
}

async function person(browser: Browser, email: string, width = 1200) {
  const context = await browser.newContext({ viewport: { width, height: 1000 }, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

const fits = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

test("staff override, clear and excuse from the cell; override one answer on the attempt page; the student sees why", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const quizId = createQuiz("Grade changes quiz", "handshake-states", { feedbackRelease: "IMMEDIATELY" });
  const { courseId, chenId } = withDb((db) => ({
    courseId: (db.prepare(`SELECT courseId FROM Quiz WHERE id = ?`).get(quizId) as { courseId: string }).courseId,
    chenId: (db.prepare(`SELECT id FROM user WHERE email = 'chen@synack.test'`).get() as { id: string }).id,
  }));

  // Chen answers: a first save, then the right answer, and submits.
  const chen = await person(browser, "chen@synack.test");
  const start = await chen.page.request.post(`/api/quizzes/${quizId}/attempts`, { headers: fromApp(chen.page) });
  expect(start.status()).toBe(201);
  const { attemptId } = (await start.json()) as { attemptId: string };
  const first = await chen.page.request.put(`/api/attempts/${attemptId}/responses/1`, {
    data: { answer: { states: { client: ["CLOSED", "SYN_SENT"], server: [] } } },
    headers: fromApp(chen.page),
  });
  expect(first.status()).toBe(200);
  const right = expectedAnswers(attemptId)[0];
  expect(
    (
      await chen.page.request.put(`/api/attempts/${attemptId}/responses/1`, { data: { answer: right }, headers: fromApp(chen.page) })
    ).status(),
  ).toBe(200);
  expect((await chen.page.request.post(`/api/attempts/${attemptId}/submit`, { headers: fromApp(chen.page) })).status()).toBe(200);
  const seed = withDb(
    (db) => (db.prepare(`SELECT seed FROM Response WHERE attemptId = ?`).get(attemptId) as { seed: number | string }).seed,
  );

  // A student never reaches a gradebook cell, even their own.
  const refused = await chen.page.goto(`/courses/${courseId}/gradebook/${quizId}/${chenId}`);
  expect(refused?.status()).toBe(403);

  // The instructor's cell: the attempt, what counts, the submit in the history.
  const ines = await person(browser, "instructor@synack.test");
  const page = ines.page;
  await page.goto(`/courses/${courseId}/gradebook/${quizId}/${chenId}`);
  await expect(page.getByRole("heading", { name: "Chen Wei: Grade changes quiz" })).toBeVisible();
  await expect(page.getByTestId("cell-status")).toHaveText("submitted");
  await expect(page.getByTestId("cell-counted")).toHaveText("2 / 2");
  await expect(page.getByTestId("cell-history")).toContainText("Attempt 1 submitted: 2 / 2");
  await expectAccessible(page);

  // Override the attempt with a reason: what counts follows, and the history says who, what and why.
  const override = page.getByRole("form", { name: "Override an attempt's score" });
  await override.getByLabel("New score (0 to 2)").fill("1");
  await override.getByLabel("Reason").fill("Worked with a neighbour on it");
  await override.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByRole("status")).toHaveText("Override saved.");
  await expect(page.getByTestId("cell-counted")).toHaveText("1 / 2");
  await expect(page.getByTestId("cell-history").locator("li").first()).toContainText("Ines Vega overrode the score of attempt 1: 1");
  await expect(page.getByTestId("cell-history").locator("li").first()).toContainText("Reason: Worked with a neighbour on it");
  // Clearing it: the graded total counts again.
  await page.getByRole("button", { name: "Clear the override of attempt 1" }).click();
  await expect(page.getByTestId("cell-counted")).toHaveText("2 / 2");
  await expect(page.getByTestId("cell-history").locator("li").first()).toContainText(
    "Ines Vega cleared the override of attempt 1 (it was 1)",
  );

  // Excuse, then take it back.
  const excuse = page.getByRole("form", { name: "Excuse from this quiz" });
  await excuse.getByLabel("Reason").fill("Medical certificate");
  await excuse.getByRole("button", { name: "Excuse" }).click();
  await expect(page.getByTestId("cell-status")).toHaveText("excused");
  await expect(page.getByText(/Excused by Ines Vega on .*\. Reason: Medical certificate/)).toBeVisible();
  await page.getByRole("button", { name: "Take the excusal back" }).click();
  await expect(page.getByTestId("cell-status")).toHaveText("submitted");
  await expect(page.getByTestId("cell-history").locator("li").first()).toContainText("Ines Vega took the excusal back");
  await expectAccessible(page);
  const audit = withDb(
    (db) => db.prepare(`SELECT action FROM AuditLog WHERE target = ? ORDER BY at`).all(`${quizId}/${chenId}`) as { action: string }[],
  );
  expect(audit.map((a) => a.action)).toEqual(["grade.override", "grade.override.clear", "grade.excuse", "grade.unexcuse"]);

  // The same operations for scripts: a body that does not validate is 422 with every issue at its field.
  const bad = await page.request.put(`/api/v1/courses/${courseId}/attempts/${attemptId}/override`, {
    data: { score: -1, reason: " " },
    headers: fromApp(page),
  });
  expect(bad.status()).toBe(422);
  const issues = ((await bad.json()) as { issues: { path: (string | number)[] }[] }).issues.map((i) => String(i.path[0]));
  expect(issues.sort()).toEqual(["reason", "score"]);

  // The attempt page: the grading record and the saved-answer history.
  await page.getByRole("link", { name: "Review attempt 1" }).click();
  await expect(page.getByRole("heading", { name: "Chen Wei: Grade changes quiz" })).toBeVisible();
  const record = page.getByRole("region", { name: "Grading record of question 1" });
  await expect(record.getByText(String(seed), { exact: true })).toBeVisible();
  await expect(record.getByText(/^handshake-states · version \d+$/)).toBeVisible();
  await expect(record.getByText(GRADER_VERSION, { exact: true })).toBeVisible();
  const saves = record.getByRole("table", { name: "Every save of question 1, oldest first" });
  await expect(saves.locator("tbody tr")).toHaveCount(2);
  await expect(saves.locator("tbody tr").first()).toContainText("states: client: CLOSED → SYN_SENT; server: —");

  // One answer's override: out of range is refused with the reason; then saved.
  const form = page.getByRole("form", { name: "Override this question's score" });
  await form.getByLabel("New score (0 to 2)").fill("3");
  await form.getByLabel("Reason").fill("Too generous");
  await form.getByRole("button", { name: "Save question override" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The score must lie between 0 and 2." })).toBeVisible();
  await form.getByLabel("New score (0 to 2)").fill("1.5");
  await form.getByLabel("Reason").fill("Half credit: the server side was copied");
  await form.getByRole("button", { name: "Save question override" }).click();
  await expect(page.getByRole("status")).toHaveText("Override saved.");
  await expect(page.getByTestId("override-1")).toContainText("1.5, by Ines Vega");
  await expect(page.getByTestId("attempt-score")).toHaveText(/1\.5/);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/attempt-detail.png`, fullPage: true });

  // The cell's history has it too.
  await page.getByRole("link", { name: "All of Chen Wei's attempts at this quiz" }).click();
  await expect(page.getByTestId("cell-history").locator("li").first()).toContainText("Ines Vega overrode question 1 of attempt 1: 1.5");
  await expect(page.getByTestId("cell-counted")).toHaveText("1.5 / 2");

  // Chen's review: the new score, what the grader gave and the reason.
  await chen.page.goto(`/courses/${courseId}/attempts/${attemptId}`);
  await expect(chen.page.getByTestId("attempt-score")).toHaveText(/1\.5/);
  await expect(
    chen.page.getByText("Score changed by staff to 1.5 (the grader gave 2). Reason: Half credit: the server side was copied"),
  ).toBeVisible();
  await expectAccessible(chen.page);

  // A regrade's mark: once a regrade changed the score, the student sees "Regraded".
  withDb((db) => {
    const at = new Date().toISOString();
    db.prepare(`UPDATE Attempt SET regradedAt = ? WHERE id = ?`).run(at, attemptId);
    db.prepare(`UPDATE Response SET regradedAt = ? WHERE attemptId = ?`).run(at, attemptId);
  });
  await chen.page.reload();
  await expect(chen.page.getByText("Regraded", { exact: true }).first()).toBeVisible();
  await expect(chen.page.getByText(/^Regraded on .*: the grader was run again on your answer\.$/).first()).toBeVisible();

  // A phone: both staff pages fit 360 px.
  const phone = await person(browser, "instructor@synack.test", 360);
  await phone.page.goto(`/courses/${courseId}/gradebook/${quizId}/${chenId}`);
  await expect(phone.page.getByRole("heading", { name: "Chen Wei: Grade changes quiz" })).toBeVisible();
  await fits(phone.page);
  await phone.page.goto(`/courses/${courseId}/submissions/${attemptId}`);
  await expect(phone.page.getByRole("region", { name: "Grading record of question 1" })).toBeVisible();
  await fits(phone.page);
  for (const c of [chen, ines, phone]) await c.context.close();
});
