// Dark mode follows the system setting (prefers-color-scheme): the main pages, signed out, as a
// student and as an instructor, open in a dark browser with axe clean (colour contrast included),
// on a dark page; the ladder diagram's lines and labels stand out from its dark card as they do
// from the light one. The screenshot is docs/screens/dark-review.png.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createQuiz, withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

type Scheme = "dark" | "light";

async function open(browser: Browser, colorScheme: Scheme, email?: string) {
  const context = await browser.newContext({ colorScheme, viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  if (email) {
    await signIn(page, email);
    await page.waitForURL((url) => url.pathname === "/", { timeout: 15_000 });
  }
  return { context, page };
}

/** The relative luminance of a CSS rgb() colour (WCAG 2). */
function luminance(css: string): number {
  const [r, g, b] = (css.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};

async function bodyBackground(page: Page) {
  return page.evaluate(() => getComputedStyle(document.body).backgroundColor);
}

async function sweep(page: Page, paths: string[]) {
  for (const path of paths) {
    await page.goto(path);
    expect(luminance(await bodyBackground(page)), `${path} is dark`).toBeLessThan(0.05);
    await expectAccessible(page);
  }
}

const demo = () =>
  withDb((db) => {
    const id = "demo-course-net101";
    return {
      id,
      quiz: (db.prepare(`SELECT id FROM Quiz WHERE courseId = ? ORDER BY title LIMIT 1`).get(id) as { id: string }).id,
      bank: (db.prepare(`SELECT id FROM QuestionBank WHERE courseId = ? ORDER BY createdAt LIMIT 1`).get(id) as { id: string }).id,
    };
  });

test("signed out, the public pages are dark and axe-clean in a dark browser", async ({ browser }) => {
  const { context, page } = await open(browser, "dark");
  await sweep(page, ["/", "/login", "/signup", "/join", "/practice", "/practice/handshake", "/no-such-page"]);
  await context.close();
});

test("a student's pages are dark and axe-clean, and the ladder diagram reads in both schemes", async ({ browser }) => {
  test.setTimeout(150_000); // six pages checked by axe, and a review in each scheme
  const { id } = demo();
  const quizId = createQuiz("Dark review", ["active-close-states"], { feedbackRelease: "IMMEDIATELY" });
  const strokes: Record<Scheme, { line: string; card: string; label: string }> = {} as never;
  for (const scheme of ["light", "dark"] as const) {
    const { context, page } = await open(browser, scheme, "chen@synack.test");
    if (scheme === "dark") await sweep(page, ["/", `/courses/${id}`, `/courses/${id}/grades`, "/practice", "/account", "/sandbox"]);
    // A reviewed attempt: its timeline is the ladder diagram.
    await page.goto(`/courses/${id}`);
    const origin = new URL(page.url()).origin;
    const headers = { Origin: origin, "Content-Type": "application/json" };
    const start = await page.request.post(`/api/quizzes/${quizId}/attempts`, { headers });
    const { attemptId } = (await start.json()) as { attemptId: string };
    await page.request.post(`/api/attempts/${attemptId}/submit`, { headers });
    await page.goto(`/courses/${id}/attempts/${attemptId}`);
    const ladder = page.getByTestId("ladder");
    await expect(ladder).toBeVisible();
    if (scheme === "dark") await expectAccessible(page);
    strokes[scheme] = await ladder.evaluate((svg) => {
      const line = svg.querySelector("line[class*='ladder-segment']")!;
      const label = svg.querySelector("text")!;
      let card: Element | null = svg;
      while (card && getComputedStyle(card).backgroundColor === "rgba(0, 0, 0, 0)") card = card.parentElement;
      return { line: getComputedStyle(line).stroke, card: getComputedStyle(card!).backgroundColor, label: getComputedStyle(label).fill };
    });
    if (scheme === "dark")
      await page.getByRole("region", { name: "Question 1 review" }).screenshot({ path: "docs/screens/dark-review.png" });
    await context.close();
  }
  for (const scheme of ["light", "dark"] as const) {
    const { line, card, label } = strokes[scheme];
    expect(contrast(line, card), `${scheme}: segment arrows against the card`).toBeGreaterThanOrEqual(3);
    expect(contrast(label, card), `${scheme}: labels against the card`).toBeGreaterThanOrEqual(4.5);
  }
  expect(strokes.dark.line).not.toBe(strokes.light.line);
  expect(luminance(strokes.dark.card)).toBeLessThan(0.05);
});

test("an instructor's pages are dark and axe-clean in a dark browser", async ({ browser }) => {
  test.setTimeout(150_000); // ten pages, each checked by axe
  const { id, quiz, bank } = demo();
  const { context, page } = await open(browser, "dark", "instructor@synack.test");
  await sweep(page, [
    "/",
    `/courses/${id}`,
    `/courses/${id}/roster`,
    `/courses/${id}/quizzes`,
    `/courses/${id}/quizzes/${quiz}`,
    `/courses/${id}/gradebook`,
    `/courses/${id}/analytics`,
    `/courses/${id}/analytics/misconceptions`,
    `/courses/${id}/banks/${bank}`,
    `/courses/${id}/banks/${bank}/questions/handshake-states`,
  ]);
  await context.close();
});
