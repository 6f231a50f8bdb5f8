// A student whose browser asks for Simplified Chinese: the practice pages, a practice check,
// the attempt runner and the review read in Chinese (the words this part of the app says
// itself), pass axe, and do not scroll sideways on a 360 px phone. Locators here avoid
// English names: the sign-in form and the answer widgets may speak Chinese too.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/seed-data";
import { createQuiz, withDb } from "./e2e-db";
import { expectAccessible } from "./helpers";

test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });

const SHOTS = "test-results/screens";
const DESKTOP = { width: 1200, height: 900 };
const PHONE = { width: 360, height: 740 };
/**
 * On a 360 px phone, the page's content (main) reaches no further than its box: what this
 * part of the app draws scrolls nowhere sideways (a wide table scrolls in its own box).
 */
async function fitsOnPhone(page: Page) {
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(() => {
    const main = document.querySelector("main")!;
    return main.scrollWidth - main.clientWidth;
  });
  await page.setViewportSize(DESKTOP);
  expect(overflow).toBeLessThanOrEqual(0);
}

/** Signs in by the form's field names, not its (translated) labels, and lands on `next`. */
async function signIn(page: Page, email: string, next: string) {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  // Signing in hashes a password: give a busy machine time for it.
  await page.waitForURL((url) => url.pathname === next, { timeout: 15_000 });
}

test("practice in Chinese: the topic list, a wrong answer checked, and the progress it leaves", async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, "chen@synack.test", "/practice");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveTitle(/^练习/);
  await expect(page.getByRole("heading", { name: "练习", exact: true })).toBeVisible();
  await expect(page.getByText("选择一个主题。每道题都是新生成的变体；你的练习结果会累积成学习进度。")).toBeVisible();
  await expect(page.getByRole("link", { name: "综合练习" })).toBeVisible();
  for (const area of ["建立连接", "关闭连接", "TIME_WAIT 与滞留状态", "listen()、半连接队列与全连接队列", "连接重置与半开连接"])
    await expect(page.getByRole("heading", { name: area, exact: true })).toBeVisible();
  await fitsOnPhone(page);
  await expectAccessible(page);

  // One template asks this topic: the client's states. LISTEN alone is wrong for every seed (the client connects).
  await page.goto("/practice/time-wait-old-segment");
  await expect(page.getByText("这个主题的一道新变体。")).toBeVisible();
  await expect(page.getByRole("link", { name: "全部主题" })).toHaveAttribute("href", "/practice");
  const question = page.getByRole("region", { name: "题目" });
  await expect(question).toBeVisible();
  await fitsOnPhone(page);
  await expectAccessible(page);
  await question
    .getByRole("button", { name: /LISTEN/ })
    .first()
    .click();
  await page.getByRole("button", { name: "检查我的答案" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已计入你的学习进度。" })).toBeVisible();
  await expect(page.getByRole("button", { name: "再来一道" })).toBeVisible();
  await expect(page.getByRole("button", { name: "检查我的答案" })).toHaveCount(0);
  await fitsOnPhone(page);
  await expectAccessible(page);
  await page.screenshot({ path: `${SHOTS}/zh-practice-feedback.png`, fullPage: true });

  // The topic list shows the result: the best score and how often, in Chinese.
  await page.goto("/practice");
  const card = page.getByRole("link", { name: /已练习\d+次/ });
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute("href", "/practice/time-wait-old-segment");
  await expect(card).toContainText(/最高分\d+%/);
});

test("an attempt in Chinese: the runner's headings, the given segments, save status and timer, the submit dialog, and the review", async ({
  page,
}) => {
  const quizId = createQuiz("限时测验", "handshake-next", { timeLimitSec: 900, feedbackRelease: "IMMEDIATELY" });
  const courseId = withDb((db) => (db.prepare(`SELECT courseId FROM Quiz WHERE id = ?`).get(quizId) as { courseId: string }).courseId);
  await page.setViewportSize(DESKTOP);
  await signIn(page, "chen@synack.test", "/practice");
  const start = await page.request.post(`/api/quizzes/${quizId}/attempts`, {
    headers: { Origin: new URL(page.url()).origin, "Content-Type": "application/json" },
  });
  expect(start.status()).toBe(201);
  const { attemptId } = (await start.json()) as { attemptId: string };
  await page.goto(`/courses/${courseId}/attempts/${attemptId}`);

  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveTitle(/^作答/);
  await expect(page.getByText(/^第1次作答 · 答案会在作答时自动保存 · 返回/)).toBeVisible();
  await expect(page.getByText("第1题，共1题 · 2分")).toBeVisible();
  await expect(page.getByTestId("save-status-1")).toHaveText("尚未作答");
  await expect(page.getByText("所有答案均已保存。")).toBeVisible();
  await expect(page.getByRole("timer", { name: /^剩余时间：1[45]分\d+秒$/ })).toBeVisible();
  await fitsOnPhone(page);
  await expectAccessible(page);

  // The question shows the handshake's first two segments: headers and senders in Chinese, the notation as the RFC writes it.
  const given = page.getByRole("table", { name: "到目前为止的报文段" });
  for (const header of ["#", "发送时间", "发送方", "标志位", "seq", "ack", "数据"])
    await expect(given.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  await expect(given.getByRole("row").nth(1)).toContainText(/^1\d+ ms客户端SYN\d+—/);
  await expect(given.getByRole("row").nth(2)).toContainText(/^2\d+ ms服务器SYN\+ACK\d+\d+—/);

  await page.locator('main select:has(option[value="ESTABLISHED"])').selectOption("ESTABLISHED");
  await expect(page.getByTestId("save-status-1")).toHaveText(/^已保存于\d{2}:\d{2}:\d{2}$/, { timeout: 10_000 });

  await page.getByRole("button", { name: "提交作答" }).click();
  const dialog = page.getByRole("dialog", { name: "确定提交这次作答？" });
  await expect(dialog).toContainText("提交后将无法修改答案。");
  await page.screenshot({ path: `${SHOTS}/zh-attempt-submit.png` });
  await dialog.getByRole("button", { name: "继续作答" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("button", { name: "提交作答" }).click();
  await dialog.getByRole("button", { name: "提交", exact: true }).click();

  await expect(page.getByTestId("attempt-score")).toHaveText(/^得分：[\d.]+ \/ 2$/);
  await page.screenshot({ path: `${SHOTS}/zh-review.png`, fullPage: true });
  await expect(page.getByText(/^第1次作答 · 提交于.+ · 返回/)).toBeVisible();
  await fitsOnPhone(page);
  await expectAccessible(page);
});
