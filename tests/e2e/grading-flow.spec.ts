// The instructor's grading day in one browser session, across the gradebook, the grade changes,
// regrade and the misconceptions: two students make the same slip in a handshake and submit; the
// instructor reads both in the gradebook, overrides one attempt with a reason, doubles the
// question's points in the quiz builder, dry-runs the regrade (old → new with the reason), applies
// it, sees the gradebook follow (the override kept, the other student regraded), and reads the
// misconception page naming the students' mistake. The student sees the regraded mark on their own
// grades page. axe on every page.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createQuiz, expectedAnswers, withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const two = (n: number) => Math.round(n * 100) / 100;

function fromApp(page: Page) {
  return { Origin: new URL(page.url()).origin, "Content-Type": "application/json" };
}

async function person(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 1000 }, locale: "en-US", timezoneId: "UTC" });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

type States = { states: Record<string, string[]> };

/**
 * The expected answer with the handshake's middle state left out of one endpoint: the server
 * straight from LISTEN to ESTABLISHED (before the third segment, RFC 9293 §3.5: it is in
 * SYN-RECEIVED until that ACK), or, if only the client is asked, the client from CLOSED to
 * ESTABLISHED. Returns the answer and the words the misconception page names it with.
 */
function sameSlip(expected: States): { answer: States; words: string } {
  const states = structuredClone(expected.states);
  if (states.server?.includes("SYN_RECEIVED")) {
    states.server = states.server.filter((s) => s !== "SYN_RECEIVED");
    return { answer: { states }, words: "Puts the passive opener in ESTABLISHED after LISTEN (it goes to SYN_RECEIVED)" };
  }
  states.client = states.client.filter((s) => s !== "SYN_SENT");
  return { answer: { states }, words: "Puts the active opener in ESTABLISHED after CLOSED (it goes to SYN_SENT)" };
}

test("an instructor's grading day: gradebook, an override with a reason, a points change regraded after a dry run, the misconception named", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const title = `Handshake check ${unique()}`;
  const quizId = createQuiz(title, "handshake-states", { feedbackRelease: "IMMEDIATELY" });
  const { courseId, ids } = withDb((db) => ({
    courseId: (db.prepare(`SELECT courseId FROM Quiz WHERE id = ?`).get(quizId) as { courseId: string }).courseId,
    ids: Object.fromEntries(
      ["ada", "ben"].map((who) => [
        who,
        (db.prepare(`SELECT id FROM user WHERE email = ?`).get(`${who}@synack.test`) as { id: string }).id,
      ]),
    ),
  }));

  // Two students make the same slip and submit.
  let words = "";
  const attemptOf: Record<string, string> = {};
  for (const who of ["ada", "ben"]) {
    const student = await person(browser, `${who}@synack.test`);
    const start = await student.page.request.post(`/api/quizzes/${quizId}/attempts`, { headers: fromApp(student.page) });
    expect(start.status()).toBe(201);
    const { attemptId } = (await start.json()) as { attemptId: string };
    attemptOf[who] = attemptId;
    const slip = sameSlip(expectedAnswers(attemptId)[0] as States);
    words = slip.words;
    const save = await student.page.request.put(`/api/attempts/${attemptId}/responses/1`, {
      data: { answer: slip.answer },
      headers: fromApp(student.page),
    });
    expect(save.status()).toBe(200);
    expect((await student.page.request.post(`/api/attempts/${attemptId}/submit`, { headers: fromApp(student.page) })).status()).toBe(200);
    await student.context.close();
  }
  const graded = (who: string) =>
    withDb(
      (db) => db.prepare(`SELECT score, maxScore FROM Attempt WHERE id = ?`).get(attemptOf[who]) as { score: number; maxScore: number },
    );
  const benBefore = graded("ben");
  expect(benBefore.maxScore).toBe(2);
  // Partly right: the slip costs something, but not everything.
  expect(benBefore.score).toBeGreaterThan(0);
  expect(benBefore.score).toBeLessThan(2);

  const { context, page } = await person(browser, "instructor@synack.test");
  const cell = (who: string) => page.locator(`a[href="/courses/${courseId}/gradebook/${quizId}/${ids[who]}"]`);

  // The gradebook shows both submissions.
  await page.goto(`/courses/${courseId}`);
  await page.getByRole("link", { name: "Gradebook", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Gradebook", level: 1 })).toBeVisible();
  await expect(cell("ada")).toHaveText(`${two(graded("ada").score)} / 2`);
  await expect(cell("ben")).toHaveText(`${two(benBefore.score)} / 2`);
  await expectAccessible(page);

  // Ada's cell: override her attempt with a reason; the gradebook and the cell's history say so.
  await cell("ada").click();
  await expect(page.getByRole("heading", { name: `Ada Okafor: ${title}` })).toBeVisible();
  const override = page.getByRole("form", { name: "Override an attempt's score" });
  await override.getByLabel("New score (0 to 2)").fill("2");
  await override.getByLabel("Reason").fill("Her sketch on paper shows SYN-RECEIVED");
  await override.getByRole("button", { name: "Save override" }).click();
  await expect(page.getByRole("status")).toHaveText("Override saved.");
  await expect(page.getByTestId("cell-history").locator("li").first()).toContainText("Her sketch on paper shows SYN-RECEIVED");
  await expectAccessible(page);
  await page.goto(`/courses/${courseId}/gradebook`);
  await expect(cell("ada")).toHaveText("2 / 2");
  await expect(cell("ada").locator("xpath=..")).toContainText("Changed by staff");

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
  await expect(benRow).toContainText(`${two(benBefore.score)} / 2`);
  await expect(benRow).toContainText(`${two(benBefore.score * 2)} / 4`);
  await expect(benRow).toContainText("Points 2 → 4");
  const totals = page.getByRole("table", { name: "Each student's counted score of a quiz that would move" });
  await expect(totals.getByRole("row").filter({ hasText: "Ben Carter" })).toContainText(title);
  expect(graded("ben")).toEqual(benBefore);
  await expectAccessible(page);

  // Apply: the scores change, Ada's override stays as it was given.
  await page.getByRole("button", { name: "Apply this regrade" }).click();
  await expect(page.getByRole("heading", { name: `Applied: ${title}` })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("status").filter({ hasText: "Done" })).toBeVisible({ timeout: 30_000 });
  await page.goto(`/courses/${courseId}/gradebook`);
  await expect(cell("ben")).toHaveText(`${two(benBefore.score * 2)} / 4`);
  await expect(cell("ben").locator("xpath=..")).toContainText("Regraded");
  await expect(cell("ada")).toHaveText("2 / 4");
  await expect(cell("ada").locator("xpath=..")).toContainText("Changed by staff");

  // The misconception page names the mistake both students made.
  await page.goto(`/courses/${courseId}/analytics/misconceptions?quizId=${quizId}`);
  await expect(page.getByRole("figure").getByRole("listitem").first()).toHaveText(`${words} — 100% of the class (2 students)`);
  const table = page.getByRole("table", { name: "The class's misconceptions" });
  await expect(table.getByRole("row").filter({ hasText: words })).toBeVisible();
  await expectAccessible(page);
  await context.close();

  // Ben's own grades page: the new score, marked as regraded.
  const ben = await person(browser, "ben@synack.test");
  await ben.page.goto(`/courses/${courseId}/grades`);
  await expect(ben.page.getByRole("heading", { name: "Your grades", level: 1 })).toBeVisible();
  await expect(ben.page.getByTestId(`grade-status-${quizId}`)).toContainText("Regraded");
  await expectAccessible(ben.page);
  await ben.context.close();
});
