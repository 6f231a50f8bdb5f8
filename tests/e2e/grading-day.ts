// The instructor's grading day, shared by the SQLite and the PostgreSQL runs: two students have
// submitted a quiz of one two-point handshake question with the same slip; the instructor reads
// both in the gradebook, overrides one attempt with a reason, doubles the question's points in the
// quiz builder, dry-runs the regrade (old → new with the reason), applies it, sees the gradebook
// follow (the override kept, the other student regraded), and reads the misconception page
// naming the students' mistake; the student sees the regraded mark on their own grades page. It
// reads only what the app shows and answers (pages and /api/v1), so it runs on either database.
import { expect, type Browser, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const two = (n: number) => Math.round(n * 100) / 100;

function fromApp(page: Page) {
  return { Origin: new URL(page.url()).origin, "Content-Type": "application/json" };
}

export async function person(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: "en-US", timezoneId: "UTC" });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

export type States = { states: Record<string, string[]> };

/** A student starts the quiz, saves `answerFor(attemptId)` for its one question and submits. */
export async function submitOne(
  browser: Browser,
  email: string,
  quizId: string,
  answerFor: (attemptId: string) => Promise<States> | States,
) {
  const { context, page } = await person(browser, email);
  const start = await page.request.post(`/api/quizzes/${quizId}/attempts`, { headers: fromApp(page) });
  expect(start.status()).toBe(201);
  const { attemptId } = (await start.json()) as { attemptId: string };
  const save = await page.request.put(`/api/attempts/${attemptId}/responses/1`, {
    data: { answer: await answerFor(attemptId) },
    headers: fromApp(page),
  });
  expect(save.status()).toBe(200);
  expect((await page.request.post(`/api/attempts/${attemptId}/submit`, { headers: fromApp(page) })).status()).toBe(200);
  await context.close();
}

type GradebookCell = { quizId: string; score: number | null; maxScore: number | null };
type GradebookBody = { rows: { userId: string; email: string; cells: GradebookCell[] }[] };

/** A student's id and cell at the quiz, as the gradebook API gives them to the instructor. */
async function gradebookCell(page: Page, courseId: string, quizId: string, email: string) {
  const response = await page.request.get(`/api/v1/courses/${courseId}/gradebook?search=${encodeURIComponent(email)}`);
  expect(response.status()).toBe(200);
  const row = ((await response.json()) as GradebookBody).rows.find((r) => r.email === email)!;
  return { userId: row.userId, cell: row.cells.find((c) => c.quizId === quizId)! };
}

export async function instructorGradingDay(
  browser: Browser,
  { courseId, quizId, title, words }: { courseId: string; quizId: string; title: string; words: string },
) {
  const { context, page } = await person(browser, "instructor@synack.test");
  await page.goto(`/courses/${courseId}`);
  const ada = await gradebookCell(page, courseId, quizId, "ada@synack.test");
  const ben = await gradebookCell(page, courseId, quizId, "ben@synack.test");
  const before = ben.cell.score!;
  // Partly right: the slip costs something, but not everything.
  expect(ben.cell.maxScore).toBe(2);
  expect(before).toBeGreaterThan(0);
  expect(before).toBeLessThan(2);
  const cell = (userId: string) => page.locator(`a[href="/courses/${courseId}/gradebook/${quizId}/${userId}"]`);

  // The gradebook shows both submissions.
  await page.getByRole("link", { name: "Gradebook", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Gradebook", level: 1 })).toBeVisible();
  await expect(cell(ada.userId)).toHaveText(`${two(ada.cell.score!)} / 2`);
  await expect(cell(ben.userId)).toHaveText(`${two(before)} / 2`);
  await expectAccessible(page);

  // Ada's cell: override her attempt with a reason; the gradebook and the cell's history say so.
  await cell(ada.userId).click();
  await expect(page.getByRole("heading", { name: `Ada Okafor: ${title}` })).toBeVisible();
  const override = page.getByRole("form", { name: "Override an attempt's score" });
  await override.getByLabel("New score (0 to 2)").fill("2");
  await override.getByLabel("Reason").fill("Her sketch on paper shows SYN-RECEIVED");
  await override.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByRole("status")).toHaveText("Override saved.");
  await expect(page.getByTestId("cell-history").locator("li").first()).toContainText("Her sketch on paper shows SYN-RECEIVED");
  await expectAccessible(page);
  await page.goto(`/courses/${courseId}/gradebook`);
  await expect(cell(ada.userId)).toHaveText("2 / 2");
  await expect(cell(ada.userId).locator("xpath=..")).toContainText("Changed by staff");

  // The question is worth more than the quiz said: its points go from 2 to 4.
  await page.goto(`/courses/${courseId}/quizzes/${quizId}/edit`);
  await page.getByLabel("Points for item 1").fill("4");
  await page.getByRole("button", { name: "Save items" }).click();
  await expect(page.getByText("Items saved.")).toBeVisible({ timeout: 20_000 });

  // Regrade from the quiz's submissions: the dry run first, changing nothing.
  await page.goto(`/courses/${courseId}/quizzes/${quizId}`);
  await page.getByRole("link", { name: "Regrade" }).click();
  await expect(page.getByLabel("Keep the staff's overrides")).toBeChecked();
  await page.getByRole("button", { name: "Start the dry run" }).click();
  await expect(page.getByRole("heading", { name: `Dry run: ${title}` })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("status").filter({ hasText: "Done" })).toBeVisible({ timeout: 30_000 });
  const changes = page.getByRole("table", { name: "Every answer whose score would change, old and new, with the reasons" });
  const benRow = changes.getByRole("row").filter({ hasText: "Ben Carter" });
  await expect(benRow).toContainText(`${two(before)} / 2`);
  await expect(benRow).toContainText(`${two(before * 2)} / 4`);
  await expect(benRow).toContainText("Points 2 → 4");
  const totals = page.getByRole("table", { name: "Each student's counted score of a quiz that would move" });
  await expect(totals.getByRole("row").filter({ hasText: "Ben Carter" })).toContainText(title);
  expect((await gradebookCell(page, courseId, quizId, "ben@synack.test")).cell).toMatchObject({ score: before, maxScore: 2 });
  await expectAccessible(page);

  // Apply: the scores change, Ada's override stays as it was given.
  await page.getByRole("button", { name: "Apply this regrade" }).click();
  await expect(page.getByRole("heading", { name: `Applied: ${title}` })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("status").filter({ hasText: "Done" })).toBeVisible({ timeout: 30_000 });
  await page.goto(`/courses/${courseId}/gradebook`);
  await expect(cell(ben.userId)).toHaveText(`${two(before * 2)} / 4`);
  await expect(cell(ben.userId).locator("xpath=..")).toContainText("Regraded");
  await expect(cell(ada.userId)).toHaveText("2 / 4");
  await expect(cell(ada.userId).locator("xpath=..")).toContainText("Changed by staff");

  // The misconception page names the mistake both students made.
  await page.goto(`/courses/${courseId}/analytics/misconceptions?quizId=${quizId}`);
  await expect(page.getByRole("figure").getByRole("listitem").first()).toHaveText(`${words} — 100% of the class (2 students)`);
  await expect(page.getByRole("table", { name: "The class's misconceptions" }).getByRole("row").filter({ hasText: words })).toBeVisible();
  await expectAccessible(page);
  await context.close();

  // Ben's own grades page: the new score, marked as regraded.
  const student = await person(browser, "ben@synack.test");
  await student.page.goto(`/courses/${courseId}/grades`);
  await expect(student.page.getByRole("heading", { name: "Your grades", level: 1 })).toBeVisible();
  await expect(student.page.getByTestId(`grade-status-${quizId}`)).toContainText("Regraded");
  await expectAccessible(student.page);
  await student.context.close();
}
