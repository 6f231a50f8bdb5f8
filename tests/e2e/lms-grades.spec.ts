// Grades to an LMS as an instructor meets it: from the gradebook to "Export for your LMS", each of
// the four files downloaded and read (Canvas with the assignment id the instructor maps, Moodle by
// email and by username with the student it cannot match shown before the download and left out,
// Blackboard's tab file, Brightspace's #-prefixed ids), each download listed on the page; axe,
// a 360 px screen, Chinese. The course, its students and their attempts are this spec's own,
// written straight into the run's database and removed afterwards.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Download, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/seed-data";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const DAY = 86_400_000;
const tag = randomUUID().slice(0, 6);
const QUIZ = "Quiz 1: the three-way handshake";
const CODE = `LMS ${tag}`;

type Fixture = { courseId: string; quizId: string; users: string[] };
let f: Fixture;

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  f = withDb((db) => {
    const now = new Date().toISOString();
    const instructor = (db.prepare(`SELECT id FROM user WHERE email = 'instructor@synack.test'`).get() as { id: string }).id;
    const courseId = `e2e-lms-${tag}`;
    db.prepare(
      `INSERT INTO Course (id, code, title, joinCode, createdById, createdAt, updatedAt) VALUES (?, ?, 'Grades out', ?, ?, ?, ?)`,
    ).run(courseId, CODE, `L${tag}`.toUpperCase().slice(0, 8), instructor, now, now);
    db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'INSTRUCTOR', ?)`).run(
      randomUUID(),
      courseId,
      instructor,
      now,
    );
    const student = (name: string, key: string, ids: { sis?: string; login?: string; username?: string; org?: string }) => {
      const id = `e2e-lms-${key}-${tag}`;
      db.prepare(`INSERT INTO user (id, name, email, emailVerified, createdAt, updatedAt) VALUES (?, ?, ?, 1, ?, ?)`).run(
        id,
        name,
        `${key}-${tag}@lms.test`,
        now,
        now,
      );
      db.prepare(
        `INSERT INTO Enrollment (id, courseId, userId, role, section, sisUserId, sisLoginId, username, orgDefinedId, createdAt)
         VALUES (?, ?, ?, 'STUDENT', 'A', ?, ?, ?, ?, ?)`,
      ).run(randomUUID(), courseId, id, ids.sis ?? null, ids.login ?? null, ids.username ?? null, ids.org ?? null, now);
      return id;
    };
    const ada = student("Lovelace, Ada", "ada", { sis: "S001", login: `ada-${tag}`, username: `ada-${tag}`, org: "0001" });
    const zoe = student('=HYPERLINK("http://evil.test","Zoë")', "zoe", {
      sis: "S002",
      login: `zoe-${tag}`,
      username: `zoe-${tag}`,
      org: "0002",
    });
    const chen = student("陈静", "chen", {});
    const quizId = `e2e-lms-quiz-${tag}`;
    db.prepare(
      `INSERT INTO Quiz (id, courseId, title, mode, closesAt, feedbackRelease, scoreRule, published, weight, createdAt, updatedAt)
       VALUES (?, ?, ?, 'EXAM', ?, 'IMMEDIATELY', 'HIGHEST', 1, 1, ?, ?)`,
    ).run(quizId, courseId, QUIZ, new Date(Date.now() - DAY).toISOString(), now, now);
    db.prepare(`INSERT INTO QuizItem (id, quizId, position, drawCount, points) VALUES (?, ?, 1, 1, 10)`).run(randomUUID(), quizId);
    const started = new Date(Date.now() - 3 * DAY).toISOString();
    const submitted = new Date(Date.now() - 3 * DAY + 600_000).toISOString();
    for (const [userId, score] of [
      [ada, 8.5],
      [zoe, 7.25],
    ] as const)
      db.prepare(
        `INSERT INTO Attempt (id, quizId, userId, number, status, startedAt, submittedAt, score, maxScore) VALUES (?, ?, ?, 1, 'SUBMITTED', ?, ?, ?, 10)`,
      ).run(randomUUID(), quizId, userId, started, submitted, score);
    return { courseId, quizId, users: [ada, zoe, chen] };
  });
});

test.afterAll(() => {
  withDb((db) => {
    db.prepare(`DELETE FROM AuditLog WHERE courseId = ?`).run(f.courseId);
    db.prepare(`DELETE FROM Course WHERE id = ?`).run(f.courseId);
    for (const id of f.users) db.prepare(`DELETE FROM user WHERE id = ?`).run(id);
  });
});

async function signedIn(browser: Browser, width = 1280, locale = "en-US") {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale, timezoneId: "UTC" });
  const page = await context.newPage();
  if (locale === "zh-CN") {
    await page.goto("/login");
    await page.getByLabel("邮箱").fill("instructor@synack.test");
    await page.getByLabel("密码").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
  } else await signIn(page, "instructor@synack.test");
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  return { context, page };
}

/** Downloads the file the page offers and gives its name and text. */
async function download(page: Page, button: RegExp | string): Promise<{ name: string; text: string }> {
  const waiting = page.waitForEvent("download");
  await page.getByRole("button", { name: button }).click();
  const file: Download = await waiting;
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
}

const day = () => new Date().toISOString().slice(0, 10);
const fileBase = () => `LMS-${tag}-grades`;

test("an instructor downloads the grades for each LMS from the gradebook, sees who an LMS cannot match first, and maps a quiz to its Canvas assignment", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser);
  await page.goto(`/courses/${f.courseId}/gradebook`);
  await page.getByRole("link", { name: "Export for your LMS" }).click();
  await expect(page.getByRole("heading", { name: "Export for your LMS", level: 1 })).toBeVisible();
  const form = page.getByRole("region", { name: "Grade file" });

  // Canvas, by default: the student with no SIS id is matched by name, and the page says so.
  await expect(form.getByText(`${fileBase()}-canvas-${day()}.csv: 3 students, 1 column`)).toBeVisible();
  await expect(form.getByText("1 student has neither SIS user id nor SIS login id: Canvas will match them by name.")).toBeVisible();
  await expectAccessible(page);
  const canvas = await download(page, "Download");
  expect(canvas.name).toBe(`${fileBase()}-canvas-${day()}.csv`);
  expect(canvas.text).toBe(
    [
      `Student,ID,SIS User ID,SIS Login ID,Section,${QUIZ}`,
      '"    Points Possible",,,,,10.00',
      `"'=HYPERLINK(""http://evil.test"",""Zoë"")",,S002,zoe-${tag},A,7.25`,
      `"Lovelace, Ada",,S001,ada-${tag},A,8.5`,
      "陈静,,,,A,0",
      "",
    ].join("\r\n"),
  );
  await expect(page.getByRole("status")).toHaveText(`Downloaded ${canvas.name}.`);

  // The quiz's Canvas assignment id: the file names the column by it.
  const mapping = page.getByRole("form", { name: "Columns in your LMS" });
  await mapping.getByLabel(`Column id in the LMS of ${QUIZ}`).fill("1234");
  await mapping.getByRole("button", { name: "Save columns" }).click();
  await expect(mapping.getByRole("status")).toHaveText("Columns saved.");
  await expect(form.getByRole("table", { name: "Columns in the file" }).getByRole("cell", { name: "1234" })).toBeVisible();
  expect((await download(page, "Download")).text.split("\r\n")[0]).toBe(`Student,ID,SIS User ID,SIS Login ID,Section,${QUIZ} (1234)`);

  // Moodle by email: everyone has one.
  await form.getByRole("radio", { name: "Moodle" }).check();
  await expect(form.getByText(`${fileBase()}-moodle-${day()}.csv: 3 students, 1 column`)).toBeVisible();
  expect((await download(page, "Download")).text).toBe(
    [`Email address,${QUIZ}`, `zoe-${tag}@lms.test,7.25`, `ada-${tag}@lms.test,8.5`, `chen-${tag}@lms.test,0`, ""].join("\r\n"),
  );
  // By username: 陈静 has none, and is named before anything is downloaded.
  await form.getByLabel("Match students by").selectOption("username");
  await expect(form.getByText("1 student the LMS cannot match")).toBeVisible();
  await expect(form.getByText(`陈静 (chen-${tag}@lms.test): no identifier`)).toBeVisible();
  await expectAccessible(page);
  expect((await download(page, "Download without 1 student")).text).toBe(
    [`Username,${QUIZ}`, `zoe-${tag},7.25`, `ada-${tag},8.5`, ""].join("\r\n"),
  );

  // Blackboard's tab-delimited file, and the course total beside the quiz.
  await form.getByRole("radio", { name: "Blackboard Learn" }).check();
  await form.getByLabel("Delimiter").selectOption("tab");
  await form.getByLabel("Course total (percentage points out of 100)").check();
  await expect(form.getByText(/has no Blackboard column id/).first()).toBeVisible();
  const blackboard = await download(page, "Download without 1 student");
  expect(blackboard.name).toBe(`${fileBase()}-blackboard-${day()}.txt`);
  expect(blackboard.text.split("\r\n")).toEqual([
    `Last Name\tFirst Name\tUsername\tStudent ID\t${QUIZ}\tSynAck Lab course total`,
    `"'=HYPERLINK(""http://evil.test"""\t"""Zoë"")"\tzoe-${tag}\tS002\t7.25\t72.5`,
    `Lovelace\tAda\tada-${tag}\tS001\t8.5\t85`,
    "",
  ]);

  // Brightspace: #-prefixed org-defined ids with their leading zeros, the End-of-Line Indicator.
  await form.getByRole("radio", { name: "Brightspace (D2L)" }).check();
  expect((await download(page, "Download without 1 student")).text).toBe(
    [
      `OrgDefinedId,${QUIZ} Points Grade,SynAck Lab course total Points Grade,End-of-Line Indicator`,
      "#0002,7.25,72.5,#",
      "#0001,8.5,85,#",
      "",
    ].join("\r\n"),
  );

  // Every download is listed, newest first.
  const history = page.getByRole("table", { name: "Grade files downloaded, newest first" });
  await expect(history.getByRole("row")).toHaveCount(1 + 6);
  await expect(history.getByRole("row").nth(1)).toContainText(`${fileBase()}-brightspace-${day()}.csv`);
  await expect(history.getByRole("row").nth(1)).toContainText("Brightspace (D2L)");
  await expectAccessible(page);
  await page.screenshot({ path: "docs/screens/lms-grades.png", fullPage: true });
  await context.close();
});

test("the export page fits a 360 px screen and reads in Chinese", async ({ browser }) => {
  const { context, page } = await signedIn(browser, 360, "zh-CN");
  await page.goto(`/courses/${f.courseId}/gradebook/export`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "学习管理系统中的列" })).toBeVisible();
  await expect(page.getByText("已下载的成绩文件").first()).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await context.close();
});
