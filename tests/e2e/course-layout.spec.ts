// The course layout and the data tables: staff tabs with the current page marked (and none
// for students or on an exam screen), keyboard sorting with aria-sort, empty states, and
// pages that never scroll sideways on a 360 px phone; and the same pages in Chinese.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/seed-data";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const SHOTS = "test-results/screens";
const PHONE = { width: 360, height: 740 };
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let demoCourseId = "";

async function signedIn(
  browser: Browser,
  email: string,
  viewport = { width: 1200, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  // English whatever the describe block around asks: these helpers find English labels.
  const context = await browser.newContext({ viewport, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, email);
  // Signing in hashes a password: give a busy machine time for it.
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

async function signUp(browser: Browser, name: string, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  // Signing in hashes a password: give a busy machine time for it.
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

async function enrol(page: Page, email: string, role: "STUDENT" | "TA", expected = "1 enrolled.") {
  await page.getByLabel("Email addresses").fill(email);
  await page.getByLabel("Role").selectOption(role);
  await page.getByRole("button", { name: "Enrol" }).click();
  await expect(page.getByRole("status")).toHaveText(expected);
}

/** How far the page itself scrolls sideways; 0 when everything fits. */
const pageOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** How far the page's content (below the site header) sticks out of its column; 0 when it fits. */
const mainOverflow = (page: Page) =>
  page.evaluate(() => {
    const main = document.querySelector("main")!;
    return main.scrollWidth - main.clientWidth;
  });

test.beforeAll(async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  const href = await page.getByRole("link", { name: /Computer Networks/ }).getAttribute("href");
  demoCourseId = href?.split("/").pop() ?? "";
  expect(demoCourseId).not.toBe("");
  await context.close();
});

test("the instructor and a TA get the course tabs with the current page marked; a student gets none", async ({ browser }) => {
  const taEmail = `ta-${unique()}@example.edu`;
  const ta = await signUp(browser, "Tomas Assistant", taEmail);

  const teacher = await signedIn(browser, "instructor@synack.test");
  await teacher.page.getByRole("link", { name: "New course" }).click();
  await teacher.page.getByLabel("Course code").fill("NET 303");
  await teacher.page.getByLabel("Title").fill("Congestion Control");
  await teacher.page.getByRole("button", { name: "Create course" }).click();
  await expect(teacher.page.getByRole("heading", { name: "Congestion Control" })).toBeVisible();
  const courseUrl = new URL(teacher.page.url()).pathname;

  const nav = teacher.page.getByRole("navigation", { name: "Course" });
  await expect(nav.getByRole("link")).toHaveText(["Overview", "Question banks", "Quizzes", "Roster", "Gradebook", "Analytics"]);
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Roster" })).not.toHaveAttribute("aria-current");
  // A new course has no banks: the table's empty state says so instead of an empty table.
  await expect(teacher.page.getByText("No question banks yet.")).toBeVisible();
  await expect(teacher.page.getByRole("table")).toHaveCount(0);
  await expectAccessible(teacher.page);
  await teacher.page.screenshot({ path: `${SHOTS}/course-tabs-overview.png`, fullPage: true });

  // The tabs are links in the tab order: Tab moves along them to Roster, Enter opens it.
  await nav.getByRole("link", { name: "Quizzes" }).focus();
  await teacher.page.keyboard.press("Tab");
  await expect(nav.getByRole("link", { name: "Roster" })).toBeFocused();
  await teacher.page.keyboard.press("Enter");
  await expect(teacher.page.getByRole("heading", { name: "Roster" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Roster" })).toHaveAttribute("aria-current", "page");
  await expect(nav.getByRole("link", { name: "Overview" })).not.toHaveAttribute("aria-current");
  // The TA's account was made by its owner before the enrolment, with an address nobody has
  // proven: the staff role waits until that account confirms from its own session.
  await enrol(teacher.page, taEmail, "TA", "1 to confirm (existing accounts: send each the confirmation link below, to that address).");
  const confirm = await teacher.page.getByLabel(`Confirmation link for ${taEmail} (Teaching assistant)`).inputValue();
  await enrol(teacher.page, "ada@synack.test", "STUDENT");
  await expectAccessible(teacher.page);
  await teacher.page.screenshot({ path: `${SHOTS}/course-tabs-roster.png`, fullPage: true });
  await teacher.context.close();

  await ta.page.goto(new URL(confirm).pathname);
  await ta.page.getByRole("button", { name: "Join as teaching assistant" }).click();
  await ta.page.goto(courseUrl);
  await expect(ta.page.getByText("you are teaching assistant")).toBeVisible();
  const taNav = ta.page.getByRole("navigation", { name: "Course" });
  await expect(taNav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await taNav.getByRole("link", { name: "Roster" }).click();
  await expect(ta.page.getByRole("heading", { name: "Roster" })).toBeVisible();
  await expect(taNav.getByRole("link", { name: "Roster" })).toHaveAttribute("aria-current", "page");
  await ta.context.close();

  const student = await signedIn(browser, "ada@synack.test");
  await student.page.goto(courseUrl);
  await expect(student.page.getByRole("heading", { name: "Congestion Control" })).toBeVisible();
  await expect(student.page.getByRole("navigation", { name: "Course" })).toHaveCount(0);
  await expect(student.page.getByRole("link", { name: "Roster" })).toHaveCount(0);
  await student.context.close();
});

test("replacing the join code shows the new code at once", async ({ browser }) => {
  // The course read is cached for the request; the page after the change must still read afresh.
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.getByRole("link", { name: "New course" }).click();
  await page.getByLabel("Course code").fill("NET 304");
  await page.getByLabel("Title").fill(`Flow Control ${unique()}`);
  await page.getByRole("button", { name: "Create course" }).click();
  const code = page.getByLabel(/^Join code /);
  await expect(code).toHaveText(/^[A-Z0-9]{8}$/);
  const before = await code.textContent();
  // Replacing asks first: the old code stops working at once.
  await page.getByRole("button", { name: "Replace join code" }).click();
  await page.getByRole("button", { name: "Yes, replace it" }).click();
  await expect(code).toHaveText(/^[A-Z0-9]{8}$/);
  await expect(code).not.toHaveText(before ?? "");
  await context.close();
});

test("a sortable column sorts from the keyboard and says so with aria-sort", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(`/courses/${demoCourseId}/roster`);
  const table = page.getByRole("table", { name: /Everyone enrolled in this course/ });
  const names = () => table.locator("tbody tr td:first-child").allTextContents();
  const header = table.getByRole("columnheader", { name: "Name", exact: true });
  const before = await names();
  // The server lists instructors first, so the first row is not the first name in the alphabet.
  expect(before[0]).toBe("Ines Vega");
  await expect(header).not.toHaveAttribute("aria-sort");

  await header.getByRole("button").focus();
  await page.keyboard.press("Enter");
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  const ascending = [...before].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
  expect(await names()).toEqual(ascending);
  expect(ascending[0]).toBe("Ada Okafor");
  await expect(page.getByText("Sorted by Name, ascending.")).toBeAttached();

  await page.keyboard.press("Space");
  await expect(header).toHaveAttribute("aria-sort", "descending");
  expect(await names()).toEqual([...ascending].reverse());

  // Sorting by another column moves aria-sort there.
  const email = table.getByRole("columnheader", { name: "Email", exact: true });
  await email.getByRole("button").press("Enter");
  await expect(email).toHaveAttribute("aria-sort", "ascending");
  await expect(header).not.toHaveAttribute("aria-sort");
  await expectAccessible(page);
  await context.close();
});

test("the course tabs stay off a student's exam screen, even for someone who is staff now", async ({ browser }) => {
  const email = `promoted-${unique()}@example.edu`;
  const { context, page } = await signUp(browser, "Pat Promoted", email);
  await page.getByRole("link", { name: "Join with a code" }).click();
  await page.getByLabel("Join code").fill("SYNACK26");
  await page.getByRole("button", { name: "Join course" }).click();
  await page.locator("li").filter({ hasText: "Practice: opening and closing connections" }).getByRole("button", { name: "Start" }).click();
  await expect(page.getByText(/answers are saved as you work/)).toBeVisible();
  const attemptUrl = new URL(page.url()).pathname;
  // A student who later becomes a TA still has their own attempt.
  withDb((db) => db.prepare(`UPDATE Enrollment SET role = 'TA' WHERE userId = (SELECT id FROM User WHERE email = ?)`).run(email));
  await page.goto(`/courses/${demoCourseId}`);
  await expect(page.getByRole("navigation", { name: "Course" })).toBeVisible();
  await page.goto(attemptUrl);
  await expect(page.getByText(/answers are saved as you work/)).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Course" })).toHaveCount(0);
  await context.close();
});

test("on a 360 px phone the pages with tables and tabs never scroll sideways; a wide table scrolls in its own box", async ({ browser }) => {
  const teacher = await signedIn(browser, "instructor@synack.test", PHONE);
  for (const [path, heading, shot] of [
    ["/", "Your courses", "home"],
    [`/courses/${demoCourseId}`, "Computer Networks", "course"],
    [`/courses/${demoCourseId}/roster`, "Roster", "roster"],
  ] as const) {
    await teacher.page.goto(path);
    await expect(teacher.page.getByRole("heading", { name: heading, exact: true })).toBeVisible();
    expect(await pageOverflow(teacher.page), path).toBeLessThanOrEqual(0);
    await expectAccessible(teacher.page);
    await teacher.page.screenshot({ path: `${SHOTS}/phone-instructor-${shot}.png`, fullPage: true });
  }
  // The roster is wider than the phone: its box is a named region the keyboard can scroll.
  const box = teacher.page.getByRole("region", { name: /Everyone enrolled in this course/ });
  await box.focus();
  await expect(box).toBeFocused();
  await teacher.page.keyboard.press("ArrowRight");
  await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  await teacher.context.close();

  const admin = await signedIn(browser, "admin@synack.test", PHONE);
  await admin.page.goto("/admin");
  await expect(admin.page.getByRole("heading", { name: "Site administration" })).toBeVisible();
  expect(await pageOverflow(admin.page)).toBeLessThanOrEqual(0);
  await expectAccessible(admin.page);
  await admin.page.screenshot({ path: `${SHOTS}/phone-admin.png`, fullPage: true });
  await admin.context.close();

  const student = await signedIn(browser, "ben@synack.test", PHONE);
  await student.page.goto("/");
  expect(await pageOverflow(student.page)).toBeLessThanOrEqual(0);
  await student.page.goto(`/courses/${demoCourseId}`);
  await expect(student.page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();
  expect(await pageOverflow(student.page)).toBeLessThanOrEqual(0);
  await student.context.close();
});

test.describe("in Simplified Chinese", () => {
  // Accept-Language: zh-CN, and a browser in Shanghai, whose zone the server learns from a cookie.
  test.use({ locale: "zh-CN", timezoneId: "Asia/Shanghai" });
  /** English words of the course pages' own interface; the demo's data (titles, names) stays as its authors wrote it. */
  const ENGLISH_UI =
    /\b(Students?|Teaching assistants?|Instructors?|Quizzes|Exams?|Question banks|Join code|Overview|Roster|People|attempts?|feedback|items?|so far|Replace|Upcoming|Open|Closed|Draft|Bank|Questions|Name|Role|Section|Account|Invited|Active|Enrol|Sorted|min)\b/;

  /** Signs in through the form's fields by name, whichever language the sign-in page speaks. */
  async function signInAnyLanguage(page: Page, email: string) {
    await page.goto("/login");
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await page.locator('main form button[type="submit"]').click();
    await expect(page.getByRole("heading", { name: "我的课程" })).toBeVisible({ timeout: 15_000 });
  }

  test("an instructor's course page and roster read in Chinese, pass axe and fit a 360 px phone", async ({ page }) => {
    await signInAnyLanguage(page, "instructor@synack.test");
    await expect(page.getByRole("link", { name: "新建课程" })).toBeVisible();
    await page.getByRole("link", { name: /Computer Networks/ }).click();
    await expect(page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();

    const main = page.locator("main");
    await expect(main.getByText("你的身份：讲师")).toBeVisible();
    for (const heading of ["成员", "测验与考试", "题库"]) await expect(main.getByRole("heading", { name: heading })).toBeVisible();
    const nav = page.getByRole("navigation", { name: "课程" });
    await expect(nav.getByRole("link")).toHaveText(["概览", "题库", "测验", "名册", "成绩册", "分析"]);
    await expect(nav.getByRole("link", { name: "概览" })).toHaveAttribute("aria-current", "page");
    await expect(page.getByLabel(/^加入码 /)).toHaveText(/^[A-Z0-9]{8}$/);
    // The midterm's settings, each fact in Chinese: mode, limit, attempts, feedback release.
    const midterm = main.locator("li").filter({ hasText: "Midterm: TCP connection management" });
    await expect(midterm).toContainText("考试 · 20分钟 · 可作答1次 · 测验截止后发布反馈");
    await expect(midterm.getByText("开放中")).toBeVisible();
    await expect(main.getByRole("button", { name: "更换加入码" })).toBeVisible();
    expect(await main.innerText()).not.toMatch(ENGLISH_UI);
    await expectAccessible(page);

    await nav.getByRole("link", { name: "名册" }).click();
    await expect(page.getByRole("heading", { name: "名册", exact: true })).toBeVisible();
    const table = page.getByRole("table", { name: /本课程的所有成员/ });
    await expect(table.getByRole("columnheader")).toHaveText(["姓名↕", "邮箱↕", "角色↕", "分组↕", "学习管理系统标识", "账号", "编辑"]);
    await expect(table.locator("tbody tr").first()).toContainText("讲师");
    await expect(table.getByText("学生").first()).toBeVisible();
    await table.getByRole("columnheader", { name: "姓名" }).getByRole("button").click();
    await expect(page.getByText("已按“姓名”升序排列。")).toBeAttached();
    expect(await main.innerText()).not.toMatch(ENGLISH_UI);
    await expectAccessible(page);

    // The enrolment form answers in Chinese: a field error from the schema, then the summary.
    await page.getByLabel("邮箱地址").fill("ada@synack.test not-an-email@");
    await page.getByRole("button", { name: "添加", exact: true }).click();
    await expect(page.getByText("第1行：“not-an-email@”不是邮箱地址")).toBeVisible();
    await page.getByLabel("邮箱地址").fill("ada@synack.test");
    await page.getByRole("button", { name: "添加", exact: true }).click();
    await expect(page.getByRole("status")).toHaveText("1人已在课程中。");
    await expectAccessible(page);

    await page.setViewportSize(PHONE);
    for (const path of [`/courses/${demoCourseId}`, `/courses/${demoCourseId}/roster`, "/"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await mainOverflow(page), path).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${SHOTS}/phone-instructor-zh${path.replace(/\//g, "-")}.png`, fullPage: true });
    }
  });

  test("a new student joins in Chinese and reads the quiz list, closing times in the browser's zone", async ({ page }) => {
    await page.goto("/signup");
    await page.locator('input[name="name"]').fill("Li Hua");
    await page.locator('input[name="email"]').fill(`li-${unique()}@example.edu`);
    await page.locator('input[name="password"]').fill("correct horse battery");
    await page.locator('main form button[type="submit"]').click();
    await expect(page.getByRole("heading", { name: "我的课程" })).toBeVisible({ timeout: 15_000 });
    await expect(page.getByText("你还没有加入任何课程。")).toBeVisible();

    await page.getByRole("link", { name: "用加入码加入" }).click();
    await expect(page.getByRole("heading", { name: "加入课程" })).toBeVisible();
    await page.getByLabel("加入码").fill("NOPE-0000");
    await page.getByRole("button", { name: "加入课程" }).click();
    await expect(page.locator("form").getByRole("alert")).toHaveText("没有课程使用这个加入码。请向讲师核对。");
    await page.getByLabel("加入码").fill("synack26");
    await page.getByRole("button", { name: "加入课程" }).click();
    await expect(page.getByRole("status")).toHaveText("你已加入这门课程。");

    const midterm = page.locator("main li").filter({ hasText: "Midterm: TCP connection management" });
    await expect(midterm).toContainText("考试 · 限时20分钟 · 已作答0次，共1次");
    // The first page set the zone cookie, so the server already prints Shanghai time, naming the zone.
    await expect(midterm).toContainText(/\d{4}年\d{1,2}月\d{1,2}日 GMT\+8 \d{1,2}:\d{2}截止/);
    // An exam starts on its own page, after its rules.
    await expect(midterm.getByRole("link", { name: "开始“Midterm: TCP connection management”：先阅读规则" })).toBeVisible();
    expect(await page.locator("main").innerText()).not.toMatch(ENGLISH_UI);
    await expectAccessible(page);
    await page.setViewportSize(PHONE);
    await page.reload();
    await expect(page.getByRole("heading", { name: "测验与考试" })).toBeVisible();
    expect(await mainOverflow(page)).toBeLessThanOrEqual(0);
  });
});
