// A submitted attempt, as its student sees it. Before its feedback is released (never, at the
// close, on a date not reached): the submission time and each saved answer, read-only, and
// nothing withheld in the HTML or the RSC payload. After release: the review one question at a
// time, its position in the URL (?q=), previous and next, the focus moved to the question shown,
// and every question on one page (?q=all) for printing. axe and 360 px on each.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createQuiz, expectedAnswers } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const HOUR = 3_600_000;

function fromApp(page: Page) {
  return { Origin: new URL(page.url()).origin, "Content-Type": "application/json" };
}

async function student(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  return { context, page };
}

/** Starts an attempt at the quiz, saves the answers given by position, submits it, and returns its page's path. */
async function submitted(page: Page, quizId: string, answers: Record<number, unknown>): Promise<{ attemptId: string; path: string }> {
  const start = await page.request.post(`/api/quizzes/${quizId}/attempts`, { headers: fromApp(page) });
  expect(start.status()).toBe(201);
  const { attemptId } = (await start.json()) as { attemptId: string };
  for (const [position, answer] of Object.entries(answers)) {
    const save = await page.request.put(`/api/attempts/${attemptId}/responses/${position}`, { data: { answer }, headers: fromApp(page) });
    expect(save.status()).toBe(200);
  }
  const submit = await page.request.post(`/api/attempts/${attemptId}/submit`, { headers: fromApp(page) });
  expect(submit.status()).toBe(200);
  await page.goto("/");
  await page.getByRole("link", { name: /Computer Networks/ }).click();
  await expect(page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();
  return { attemptId, path: `${new URL(page.url()).pathname}/attempts/${attemptId}` };
}

async function fitsPhone(page: Page) {
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1200, height: 1000 });
}

const held = [
  { release: "NEVER", settings: { feedbackRelease: "NEVER" }, says: "Your instructor does not release feedback for this quiz." },
  {
    release: "AFTER_CLOSE",
    settings: { feedbackRelease: "AFTER_CLOSE", closesAt: new Date(Date.now() + 48 * HOUR) },
    says: "Feedback is released when the quiz closes, ",
  },
  {
    release: "ON_DATE",
    settings: { feedbackRelease: "ON_DATE", releaseAt: new Date(Date.now() + 48 * HOUR) },
    says: "Feedback is released on ",
  },
] as const;

for (const { release, settings, says } of held) {
  test(`feedback held back (${release}): the student sees the submission time and their saved answers, read-only, and nothing withheld`, async ({
    browser,
  }) => {
    const { context, page } = await student(browser, "ada@synack.test");
    const quizId = createQuiz(`Held back ${release}`, ["handshake-segments", "handshake-states"], settings);
    const { attemptId, path } = await submitted(page, quizId, {
      1: { segments: [{ from: "client", flags: "SYN", seq: 4242, ack: null }] },
    });
    await page.goto(path);
    await expect(page.getByText("Submitted", { exact: true })).toBeVisible();
    await expect(page.getByText(/^Attempt 1 · submitted /)).toBeVisible();
    await expect(page.getByText(says, { exact: false })).toBeVisible();
    await expect(page.getByText("Below are your answers as you saved them.", { exact: false })).toBeVisible();

    // Question 1: the saved segment, read-only (no field to type in), and when it was saved.
    const q1 = page.getByRole("region", { name: "Question 1, your answer" });
    await expect(q1.getByRole("table", { name: "Segments" })).toContainText("4242");
    await expect(q1.getByRole("columnheader", { name: "Your answer" })).toBeVisible();
    await expect(q1.getByRole("columnheader", { name: "What happens" })).toHaveCount(0);
    await expect(q1.getByRole("textbox")).toHaveCount(0);
    await expect(q1.getByRole("spinbutton")).toHaveCount(0);
    await expect(page.getByTestId("saved-at-1")).toHaveText(/^Saved \w{3} \d+, \d{4}/);
    await expect(page.getByTestId("attempt-score")).toHaveCount(0);
    await expectAccessible(page);

    // Question 2, never answered: its link says so, and following it shows that question alone.
    const questions = page.getByRole("navigation", { name: "Questions" });
    await expect(questions.getByRole("link", { name: "Question 1: partly answered" })).toHaveAttribute("aria-current", "page");
    await questions.getByRole("link", { name: "Question 2: not answered" }).click();
    await expect(page).toHaveURL(/\?q=2$/);
    const q2 = page.getByRole("region", { name: "Question 2, your answer" });
    await expect(q2).toBeFocused();
    await expect(q2).toContainText("You saved no answer to this question.");
    await expect(page.getByRole("region", { name: "Question 1, your answer" })).toHaveCount(0);
    await fitsPhone(page);

    // What the server sends, read as text: neither the page's HTML nor its RSC payload holds the
    // expected answer's hidden numbers (the message catalogs travel with every page, so words
    // like "What happens" are looked for in what the page shows instead).
    const expected = expectedAnswers(attemptId)[0] as { segments: { flags: string; seq: number; ack: number }[] };
    const isns = new Set(expected.segments.filter((s) => s.flags.includes("SYN")).map((s) => s.seq));
    const hidden = [...new Set(expected.segments.flatMap((s) => [s.seq, s.ack]))].filter((n) => n > 0 && !isns.has(n));
    expect(hidden.length).toBe(2);
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const body = await (await page.request.get(`${path}?q=all`, { headers })).text();
      expect(body).toContain("4242");
      for (const n of hidden) expect(body.includes(String(n)), `${JSON.stringify(headers)} holds ${n}`).toBe(false);
    }
    await page.goto(`${path}?q=all`);
    const shown = await page.getByRole("main").innerText();
    expect(shown).toContain("4242");
    for (const word of ["What happens", "Score:", "The idea:", "What the TCP engine did", "Correct.", "points)"])
      expect(shown).not.toContain(word);
    await context.close();
  });
}

test("the review shows one question at a time, keeps its place in the URL, and shows all for printing", async ({ browser }) => {
  const { context, page } = await student(browser, "ben@synack.test");
  const quizId = createQuiz("Paged review", ["handshake-states", "handshake-segments", "handshake-count"], {
    feedbackRelease: "IMMEDIATELY",
  });
  const { path } = await submitted(page, quizId, {});
  await page.goto(path);
  await expect(page.getByTestId("attempt-score")).toHaveText("Score: 0 / 6");
  const questions = page.getByRole("navigation", { name: "Questions" });
  await expect(questions.getByRole("link")).toHaveCount(4); // three questions and "show all"
  await expect(questions.getByRole("link", { name: "Question 1: 0 of 2 points" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("region", { name: /^Question \d review$/ })).toHaveCount(1);
  await expect(page.getByRole("region", { name: "Question 1 review" })).toBeVisible();
  await expect(page.getByText("Question 1 of 3")).toBeVisible();
  await expect(page.getByRole("link", { name: /^Previous/ })).toHaveCount(0);
  await expectAccessible(page);
  await fitsPhone(page);

  // Next by keyboard: the URL says where, the focus lands on the question shown.
  await page.getByRole("link", { name: "Next: question 2" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?q=2$/);
  await expect(page.getByRole("region", { name: "Question 2 review" })).toBeFocused();
  await expect(questions.getByRole("link", { name: "Question 2: 0 of 2 points" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("link", { name: "Next: question 3" }).click();
  await expect(page.getByRole("region", { name: "Question 3 review" })).toBeVisible();
  await expect(page.getByRole("link", { name: /^Next/ })).toHaveCount(0);
  // Back and reload return to the same question.
  await page.goBack();
  await expect(page).toHaveURL(/\?q=2$/);
  await expect(page.getByRole("region", { name: "Question 2 review" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("region", { name: "Question 2 review" })).toBeVisible();
  // A position the attempt does not have shows its first question.
  await page.goto(`${path}?q=99`);
  await expect(page.getByRole("region", { name: "Question 1 review" })).toBeVisible();

  // Show all: every question on one page; printed, without the page's navigation.
  await questions.getByRole("link", { name: "Show all questions (for printing)" }).click();
  await expect(page).toHaveURL(/\?q=all$/);
  await expect(page.getByRole("region", { name: /^Question \d review$/ })).toHaveCount(3);
  await expect(page.getByText("Question 1 of 3")).toHaveCount(0);
  await expectAccessible(page);
  await fitsPhone(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Questions" })).toBeHidden();
  await expect(page.getByRole("region", { name: "Question 3 review" })).toBeVisible();
  await page.emulateMedia({ media: "screen" });
  await page.getByRole("link", { name: "One question at a time" }).click();
  await expect(page).toHaveURL(/\?q=1$/);
  await expect(page.getByRole("region", { name: /^Question \d review$/ })).toHaveCount(1);
  await context.close();
});
