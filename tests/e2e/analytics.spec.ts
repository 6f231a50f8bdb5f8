// Item analysis as the instructor meets it: the Analytics tab, the Items / Misconceptions
// sub-navigation, the quiz picker, the figures of a class whose scores are known (written
// straight into the run's database: taking the quiz is not under test here), both charts by
// their accessible names with their table views, the CSV downloads, axe, a 360 px wide page,
// and the page in Chinese. The screenshot is docs/screens/analytics.png.
import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD } from "../../lib/demo/seed-data";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const SHOTS = "docs/screens";

// Items: 1 handshake-states (2 points), 2 lost-syn-segments (1), 3 handshake-count (1).
//   ada (A)  2 1 1 → 100%  (a second attempt, 0%, is not analysed)
//   ben (A)  1 0 1 →  50%
//   chen (B) 0 1 0 →  25%
// Item 1: facility 50%, discrimination √3/2 = 0.87 against the rest; ada took 30 s on it.
// Mean score 1.75/3 = 58%, median 50%.
function createAnalysedQuiz(title: string): { courseId: string; quizId: string } {
  return withDb((db) => {
    const course = db.prepare(`SELECT id FROM Course WHERE joinCode = 'SYNACK26'`).get() as { id: string };
    const question = (key: string) =>
      (db.prepare(`SELECT id FROM Question WHERE key = ? ORDER BY version DESC`).get(key) as { id: string }).id;
    const questions = [question("handshake-states"), question("lost-syn-segments"), question("handshake-count")];
    const points = [2, 1, 1];
    const quizId = `e2e-${randomUUID()}`;
    const now = new Date();
    db.prepare(
      `INSERT INTO Quiz (id, courseId, title, mode, feedbackRelease, published, createdAt, updatedAt) VALUES (?, ?, ?, 'EXAM', 'IMMEDIATELY', 1, ?, ?)`,
    ).run(quizId, course.id, title, now.toISOString(), now.toISOString());
    const items = questions.map((questionId, i) => {
      const id = randomUUID();
      db.prepare(`INSERT INTO QuizItem (id, quizId, position, questionId, drawCount, points) VALUES (?, ?, ?, ?, 1, ?)`).run(
        id,
        quizId,
        i + 1,
        questionId,
        points[i],
      );
      return id;
    });
    const user = (email: string) => (db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string }).id;
    const start = new Date(now.getTime() - 3_600_000);
    const attempt = (email: string, number: number, scores: number[]) => {
      const id = randomUUID();
      const total = scores.reduce((s, x) => s + x, 0);
      db.prepare(
        `INSERT INTO Attempt (id, quizId, userId, number, status, startedAt, submittedAt, score, maxScore, timedOut) VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, 4, 0)`,
      ).run(id, quizId, user(email), number, start.toISOString(), new Date(start.getTime() + 600_000).toISOString(), total);
      return scores.map((score, i) => {
        const responseId = randomUUID();
        db.prepare(
          `INSERT INTO Response (id, attemptId, quizItemId, questionId, position, seed, answer, score, maxScore, graderVersion, gradedAt) VALUES (?, ?, ?, ?, ?, ?, '{}', ?, ?, 'e2e', ?)`,
        ).run(responseId, id, items[i], questions[i], i + 1, String(4000 + i), score, points[i], start.toISOString());
        return responseId;
      });
    };
    const ada = attempt("ada@synack.test", 1, [2, 1, 1]);
    attempt("ada@synack.test", 2, [0, 0, 0]);
    attempt("ben@synack.test", 1, [1, 0, 1]);
    attempt("chen@synack.test", 1, [0, 1, 0]);
    const save = db.prepare(`INSERT INTO AnswerSave (id, responseId, answer, savedAt) VALUES (?, ?, '{}', ?)`);
    for (const [responseId, sec] of [
      [ada[0]!, 20],
      [ada[1]!, 50],
      [ada[0]!, 60],
    ] as const)
      save.run(randomUUID(), responseId, new Date(start.getTime() + sec * 1000).toISOString());
    return { courseId: course.id, quizId };
  });
}

async function openAnalytics(page: Page, courseId: string, title: string) {
  await page.goto(`/courses/${courseId}`);
  await page.getByRole("navigation", { name: "Course" }).getByRole("link", { name: "Analytics" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Item analysis" })).toBeVisible();
  await page.getByLabel("Quiz", { exact: true }).selectOption({ label: `${title} (4 submitted attempts)` });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByRole("heading", { name: `Summary of ${title}` })).toBeVisible();
}

test("an instructor reads a quiz's item analysis, its charts and their tables, and downloads each table", async ({ page }) => {
  const title = `Analysed ${randomUUID().slice(0, 6)}`;
  const { courseId, quizId } = createAnalysedQuiz(title);
  await signIn(page, "instructor@synack.test");
  await expect(page).toHaveURL("/");
  await openAnalytics(page, courseId, title);
  await expect(page).toHaveURL(`/courses/${courseId}/analytics?quiz=${quizId}`);

  const subnav = page.getByRole("navigation", { name: "Analytics" });
  await expect(subnav.getByRole("link", { name: "Items" })).toHaveAttribute("aria-current", "page");
  await expect(subnav.getByRole("link", { name: "Misconceptions" })).toHaveAttribute(
    "href",
    `/courses/${courseId}/analytics/misconceptions`,
  );

  const summary = page.getByRole("region", { name: `Summary of ${title}` });
  await expect(summary.getByText("Students analysed")).toBeVisible();
  await expect(summary.locator("dd")).toHaveText(["3", "58%", "50%", "31.2"]);

  const items = page.getByRole("table", { name: "Each question of the quiz with its statistics" });
  const rows = items.getByRole("row");
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1).getByRole("cell")).toHaveText([
    "1",
    /./,
    "The three-way handshake",
    "State sequence",
    "3",
    "1 of 2",
    "50%",
    "0.87",
    "1 / 1 / 1",
    "30 sec",
  ]);
  await expect(rows.nth(3).getByRole("cell").nth(9)).toHaveText("—");

  // The histogram: one image, named, with its numbers in a table view.
  const histogram = page.getByRole("img", { name: `Histogram of the scores in ${title}` });
  await expect(histogram).toBeVisible();
  const histogramCard = page.getByRole("region", { name: "Score distribution" });
  await histogramCard.getByText("Show as a table").click();
  const bins = histogramCard.getByRole("table", { name: "Students per score range" }).getByRole("row");
  await expect(bins).toHaveCount(11);
  await expect(bins.nth(3).getByRole("cell")).toHaveText(["20%–30%", "1"]);
  await expect(bins.nth(10).getByRole("cell")).toHaveText(["90%–100%", "1"]);

  const scatter = page.getByRole("img", { name: `Facility against discrimination for the questions of ${title}` });
  await expect(scatter).toBeVisible();
  const scatterCard = page.getByRole("region", { name: "Facility and discrimination" });
  await scatterCard.getByText("Show as a table").click();
  await expect(scatterCard.getByRole("table", { name: "Facility and discrimination of each question" }).getByRole("row")).toHaveCount(4);

  await expect(page.getByRole("table", { name: "The students' scores by section" }).getByRole("row").nth(1).getByRole("cell")).toHaveText([
    "A",
    "2",
    "75%",
    "25",
    "50% – 100%",
    /%/,
  ]);

  // Each table downloads as CSV through the API, with stable English headings.
  const link = page.getByRole("link", { name: "Download “Questions” as CSV" });
  const response = await page.request.get((await link.getAttribute("href"))!);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="Analysed-[a-z0-9]+-analytics-items\.csv"$/);
  const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
  expect(lines[0]).toBe(
    "position,item,title,family,kind,answers,mean_score,max_score,facility,discrimination,no_credit,part_credit,full_credit,mean_time_sec,timed_answers",
  );
  expect(lines[1]).toMatch(/^1,[^,]+:handshake-states,[^,]*,handshake,states,3,1,2,0\.5,0\.866025403784\d*,1,1,1,30,1$/);
  for (const name of ["Score distribution", "Per scenario family", "Per answer kind", "Per section"]) {
    const href = await page.getByRole("link", { name: `Download “${name}” as CSV` }).getAttribute("href");
    const csv = await page.request.get(href!);
    expect(csv.status(), name).toBe(200);
  }
  const bad = await page.request.get(`/api/v1/courses/${courseId}/analytics/quizzes/${quizId}/csv?table=grades`);
  expect(bad.status()).toBe(400);

  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/analytics.png`, fullPage: true });
});

test("the page fits a phone, and a quiz nobody has submitted says so", async ({ page }) => {
  const title = `Phone ${randomUUID().slice(0, 6)}`;
  const { courseId } = createAnalysedQuiz(title);
  const empty = withDb((db) => {
    const id = `e2e-${randomUUID()}`;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO Quiz (id, courseId, title, mode, published, createdAt, updatedAt) VALUES (?, ?, 'Nobody yet', 'EXAM', 0, ?, ?)`,
    ).run(id, courseId, now, now);
    return id;
  });
  await page.setViewportSize({ width: 360, height: 800 });
  await signIn(page, "instructor@synack.test");
  await expect(page).toHaveURL("/");
  await openAnalytics(page, courseId, title);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
  await expectAccessible(page);

  await page.getByLabel("Quiz", { exact: true }).selectOption({ value: empty });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page.getByText("Nobody has submitted “Nobody yet” yet.")).toBeVisible();
  await expectAccessible(page);
});

test.describe("in Chinese", () => {
  test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

  test("the analysis, its charts and its tables read in Chinese", async ({ page }) => {
    const title = `Zh ${randomUUID().slice(0, 6)}`;
    const { courseId, quizId } = createAnalysedQuiz(title);
    // The sign-in form reads in Chinese: found by its fields' names.
    await page.goto("/login");
    await page.locator('input[name="email"]').fill("instructor@synack.test");
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await expect(page).toHaveURL("/");
    await page.goto(`/courses/${courseId}/analytics?quiz=${quizId}`);
    await expect(page.getByRole("heading", { level: 1, name: "题目分析" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "分析" }).getByRole("link", { name: "常见误解" })).toBeVisible();
    await expect(page.getByRole("img", { name: `${title} 的成绩直方图` })).toBeVisible();
    await expect(page.getByRole("img", { name: `${title} 各题的难易度与区分度` })).toBeVisible();
    const header = page.getByRole("table", { name: "测验中每道题及其统计数据" }).getByRole("columnheader");
    await expect(header).toContainText(["位置", "题目", "场景类别", "答案类型", "作答数", "平均得分", "难易度", "区分度"]);
    await expect(page.getByRole("link", { name: "将“题目”下载为 CSV" })).toBeVisible();
    await expectAccessible(page);
  });
});
