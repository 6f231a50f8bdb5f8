// The class's misconceptions end to end: three students' submitted answers to a quiz of two
// questions, graded by the real grader and stored as submit stores them; the instructor's page
// (the bar chart and its table view, the table with examples and practice links, the filter by
// scenario feature, both CSV files), the API, a student who is refused it and
// sees their own top misconceptions on their home page instead. axe on every page; a screenshot.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/seed-data";
import { gradeInstance, GRADER_VERSION } from "../../lib/grading";
import { expectedAnswer, instantiate } from "../../lib/questions";
import { stateSequence } from "../../lib/tcp";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const SHOTS = "docs/screens";
const COURSE = "demo-course-net101";

type Setup = { quizId: string; title: string };
let setup: Setup;

/** A wrong or right state list for one question of the quiz, as a student sends it. */
function answerFor(templateKey: string, template: unknown, seed: number, wrong: boolean): unknown {
  const { kind: _kind, ...right } = expectedAnswer(template, seed) as { kind: string; states: Record<string, string[]> };
  if (!wrong) return right;
  const trace = instantiate(template, seed).trace;
  if (templateKey === "passive-close-states") {
    // The passive closer put in TIME_WAIT after LAST_ACK.
    return { states: { server: [...stateSequence(trace, "server").slice(0, -1), "TIME_WAIT"] } };
  }
  // The server ESTABLISHED before the third segment.
  return { states: { ...right.states, server: ["CLOSED", "LISTEN", "ESTABLISHED"] } };
}

/**
 * A published quiz of the demo course with two questions, and submitted, graded attempts: Ada's
 * first (both wrong) and second (the first wrong), Ben's (the first wrong), Chen's (both right).
 */
function seedQuiz(): Setup {
  return withDb((db) => {
    const id = `e2e-misc-${randomUUID()}`;
    const title = `Misconceptions check ${id.slice(-6)}`;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO Quiz (id, courseId, title, mode, feedbackRelease, published, createdAt, updatedAt) VALUES (?, ?, ?, 'EXAM', 'IMMEDIATELY', 1, ?, ?)`,
    ).run(id, COURSE, title, now, now);
    const keys = ["passive-close-states", "handshake-states"];
    const questions = keys.map((key) => {
      const q = db
        .prepare(
          `SELECT q.id, q.template FROM Question q JOIN QuestionBank b ON b.id = q.bankId WHERE b.courseId = ? AND q.key = ? ORDER BY q.version DESC`,
        )
        .get(COURSE, key) as { id: string; template: string };
      const itemId = randomUUID();
      db.prepare(`INSERT INTO QuizItem (id, quizId, position, questionId, drawCount, points) VALUES (?, ?, ?, ?, 1, 2)`).run(
        itemId,
        id,
        keys.indexOf(key) + 1,
        q.id,
      );
      return { key, itemId, id: q.id, template: JSON.parse(q.template) as Record<string, unknown> };
    });
    const attempts: [string, boolean[]][] = [
      ["ada@synack.test", [true, true]],
      ["ada@synack.test", [true, false]],
      ["ben@synack.test", [true, false]],
      ["chen@synack.test", [false, false]],
    ];
    const numbers = new Map<string, number>();
    attempts.forEach(([email, wrong], s) => {
      const number = (numbers.get(email) ?? 0) + 1;
      numbers.set(email, number);
      const user = db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string };
      const attemptId = randomUUID();
      let total = 0;
      const responses = questions.map((q, i) => {
        const seed = 1000 + s * 10 + i;
        const template = { ...q.template, points: 2 };
        const answer = answerFor(q.key, template, seed, wrong[i]);
        const graded = gradeInstance(instantiate(template, seed), answer);
        total += graded.score;
        return { q, i, seed, answer, graded };
      });
      db.prepare(
        `INSERT INTO Attempt (id, quizId, userId, number, status, startedAt, submittedAt, score, maxScore) VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, 4)`,
      ).run(attemptId, id, user.id, number, now, now, total);
      for (const r of responses)
        db.prepare(
          `INSERT INTO Response (id, attemptId, quizItemId, questionId, position, seed, answer, savedAt, score, maxScore, feedback, graderVersion, gradedAt)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 2, ?, ?, ?)`,
        ).run(
          randomUUID(),
          attemptId,
          r.q.itemId,
          r.q.id,
          r.i + 1,
          String(r.seed),
          JSON.stringify(r.answer),
          now,
          r.graded.score,
          JSON.stringify(r.graded.feedback),
          GRADER_VERSION,
          now,
        );
    });
    return { quizId: id, title };
  });
}

test.beforeAll(() => {
  setup = seedQuiz();
});

async function signedIn(browser: Browser, email: string, width = 1200) {
  const context = await browser.newContext({ viewport: { width, height: 1000 }, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

const TIME_WAIT = "Puts the passive closer in TIME_WAIT after LAST_ACK (it goes to CLOSED)";
const EARLY = "Puts the passive opener in ESTABLISHED after LISTEN (it goes to SYN_RECEIVED)";

test("the instructor sees the class's misconceptions on a quiz: chart, table view, examples, practice links, a feature filter and CSV", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  const base = `/courses/${COURSE}/analytics/misconceptions`;
  await page.goto(base);
  await expect(page.getByRole("heading", { name: "Misconceptions", level: 1 })).toBeVisible();
  // Choose the quiz in the filter, as an instructor would.
  await page.getByLabel("Quiz", { exact: true }).selectOption({ label: setup.title });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`quizId=${setup.quizId}`));
  await expect(page.getByText("3 students answered; 4 wrong answers.")).toBeVisible();

  // The chart: an image named by its title, each bar's value in its description; the list beside it names them.
  const chart = page.getByRole("img", { name: /Top misconceptions by share of the class/ });
  await expect(chart).toBeVisible();
  await expect(page.getByRole("figure").getByRole("listitem").first()).toHaveText(`${TIME_WAIT} — 67% of the class (2 students)`);
  await expect(page.getByRole("figure").getByRole("listitem").nth(1)).toHaveText(`${EARLY} — 33% of the class (1 student)`);
  // Its table view.
  await page.getByText("Table view").click();
  const view = page.getByRole("table", { name: "Top misconceptions by share of the class" });
  await expect(view.getByRole("row", { name: new RegExp(`${escape(TIME_WAIT)}.*67% of the class`) })).toBeVisible();

  // The full table: counts, share, two examples from two students, the practice topic.
  const table = page.getByRole("table", { name: "The class's misconceptions" });
  const row = table.getByRole("row").filter({ hasText: TIME_WAIT });
  // Three answers (Ada twice) from two students of the three who answered.
  await expect(row.getByRole("cell").nth(1)).toHaveText("3");
  await expect(row.getByRole("cell").nth(2)).toHaveText("2");
  await expect(row.getByRole("cell").nth(3)).toHaveText("67%");
  await expect(row.getByText(/^Ada Okafor: server: CLOSED → LISTEN → .*LAST_ACK → TIME_WAIT$/)).toBeVisible();
  await expect(row.getByText(/^Ben Carter: server: /)).toBeVisible();
  await expect(row.getByRole("link", { name: /^Practise / })).toHaveAttribute("href", "/practice/passive-close");
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/misconceptions.png`, fullPage: true });

  // By scenario feature: the handshake variants nobody closes; filtering on it leaves one misconception.
  const features = page.getByRole("table", { name: "Wrong answers by scenario feature" });
  await expect(features.getByRole("row").filter({ hasText: "Profile RFC 9293" }).getByRole("cell").nth(2)).toHaveText("4");
  await page.getByLabel("Scenario feature", { exact: true }).selectOption({ label: "Closed first by nobody" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/feature=closedFirst%3Anone/);
  await expect(page.getByText("3 students answered; 1 wrong answer.")).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: EARLY }).getByRole("cell").nth(3)).toHaveText("33%");
  await expect(table.getByRole("row").filter({ hasText: TIME_WAIT })).toHaveCount(0);
  await expectAccessible(page);

  // CSV of both tables, for the quiz and the filter on the page.
  const csvHref = await page.getByRole("link", { name: "Download the misconceptions table as CSV" }).getAttribute("href");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="misconceptions-misconceptions-Misconceptions-check-/);
  const lines = (await csv.text()).split("\r\n");
  expect(lines[0]).toBe("misconception,key,answers,students,share of class,example 1,example 2,practice topic");
  expect(lines[1]).toMatch(new RegExp(`^${escape(EARLY)},".*",1,1,0.3333,Ada Okafor: .*,,/practice/handshake$`));
  // At 360 px the page fits: the tables scroll inside their own boxes, the chart shrinks, its names wrap.
  await page.setViewportSize({ width: 360, height: 800 });
  await expect(page.getByRole("img", { name: /Top misconceptions by share of the class/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  const featuresCsv = await page.request.get(
    `/api/v1/courses/${COURSE}/analytics/misconceptions/csv?quizId=${setup.quizId}&table=features`,
  );
  expect((await featuresCsv.text()).split("\r\n")[0]).toBe(
    "feature,feature id,answers,wrong,students,share of class,commonest misconception",
  );
  await context.close();
});

test("the API gives the same report, in the caller's language; a bad filter is a 400; a student is refused", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  const res = await page.request.get(`/api/v1/courses/${COURSE}/analytics/misconceptions?quizId=${setup.quizId}`);
  expect(res.status()).toBe(200);
  const body = (await res.json()) as {
    answered: number;
    wrong: number;
    misconceptions: { sentence: string; count: number; students: number; share: number; key: unknown }[];
  };
  expect(body).toMatchObject({ answered: 3, wrong: 4 });
  expect(body.misconceptions.map((m) => [m.sentence, m.count, m.students])).toEqual([
    [TIME_WAIT, 3, 2],
    [EARLY, 1, 1],
  ]);
  expect(body.misconceptions[0].key).toEqual({
    kind: "states",
    role: "passive-closer",
    after: "LAST_ACK",
    said: "TIME_WAIT",
    actual: "CLOSED",
  });
  const bad = await page.request.get(`/api/v1/courses/${COURSE}/analytics/misconceptions?feature=${"x".repeat(200)}`);
  expect(bad.status()).toBe(400);
  expect(((await bad.json()) as { issues: { path: string[] }[] }).issues[0].path).toEqual(["feature"]);
  // In Chinese, the sentences are Chinese.
  const zh = await page.request.get(`/api/v1/courses/${COURSE}/analytics/misconceptions?quizId=${setup.quizId}`, {
    headers: { "Accept-Language": "zh-CN" },
  });
  const zhBody = (await zh.json()) as { misconceptions: { sentence: string }[] };
  expect(zhBody.misconceptions[0].sentence).toBe("让被动关闭方在 LAST_ACK 之后进入 TIME_WAIT（实际进入 CLOSED）");
  await context.close();

  const student = await signedIn(browser, "ada@synack.test");
  expect((await student.page.request.get(`/api/v1/courses/${COURSE}/analytics/misconceptions`)).status()).toBe(403);
  expect((await student.page.request.get(`/api/v1/courses/${COURSE}/analytics/misconceptions/csv`)).status()).toBe(403);
  const refused = await student.page.goto(`/courses/${COURSE}/analytics/misconceptions`);
  expect(refused?.status()).toBe(403);
  await student.context.close();
});

test("a student sees their own top misconceptions beside mastery, with the practice topic, at 360 px", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "ada@synack.test", 360);
  const region = page.getByRole("region", { name: "Your misconceptions" });
  await expect(region).toBeVisible();
  const list = region.getByRole("list", { name: "Your commonest misconceptions" });
  await expect(list.getByRole("listitem").filter({ hasText: TIME_WAIT })).toBeVisible();
  await expect(list.getByRole("listitem").filter({ hasText: EARLY })).toBeVisible();
  await expect(list.getByRole("link", { name: /^Practise / }).first()).toHaveAttribute("href", /^\/practice\//);
  // Nothing of the other students: Ben's and Chen's names are not on Ada's page.
  await expect(page.getByText("Ben Carter")).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await context.close();

  // Chen answered both right: no misconception from this quiz on their page.
  const chen = await signedIn(browser, "chen@synack.test");
  await expect(chen.page.getByRole("region", { name: "Your misconceptions" })).toBeVisible();
  await expect(chen.page.getByText(TIME_WAIT)).toHaveCount(0);
  await chen.context.close();
});

test("in Chinese: the page, its chart and tables, and the student's own misconceptions read in Chinese", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 }, locale: "zh-CN" });
  const page = await context.newPage();
  await signInByField(page, "instructor@synack.test");
  await page.goto(`/courses/${COURSE}/analytics/misconceptions?quizId=${setup.quizId}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "常见误解", level: 1 })).toBeVisible();
  await expect(page.getByRole("img", { name: /按全班占比排列的主要误解/ })).toBeVisible();
  const table = page.getByRole("table", { name: "全班的误解" });
  await expect(table.getByRole("row").filter({ hasText: "让被动关闭方在 LAST_ACK 之后进入 TIME_WAIT（实际进入 CLOSED）" })).toBeVisible();
  await expect(table.getByText(/^Ada Okafor：服务器：CLOSED → LISTEN → /)).toBeVisible();
  await expect(page.getByRole("table", { name: "按场景特征统计的错误答案" }).getByRole("link", { name: "由无人先关闭" })).toBeVisible();
  // No English of the page's own: sentences, headings, buttons, the chart's words.
  const body = await page.locator("main").innerText();
  for (const english of ["Puts the", "of the class", "Practise", "Table view", "Download", "Share", "Answers", "Profile", "Opened by"])
    expect(body).not.toContain(english);
  await expectAccessible(page);
  await context.close();

  const student = await browser.newContext({ viewport: { width: 1200, height: 1000 }, locale: "zh-CN" });
  const ada = await student.newPage();
  await signInByField(ada, "ada@synack.test");
  const region = ada.getByRole("region", { name: "你的常见误解" });
  // Her own list item: other specs may give her other misconceptions, with counts of their own.
  const own = region.getByRole("listitem").filter({ hasText: "让被动关闭方在 LAST_ACK 之后进入 TIME_WAIT（实际进入 CLOSED）" });
  await expect(own).toBeVisible();
  await expect(own).toContainText("2 次");
  await student.close();
});

/** Signing in whatever the page's language: by the fields' names, not their labels. */
async function signInByField(page: Page, email: string) {
  await page.goto("/login");
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === "/", { timeout: 15_000 });
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
