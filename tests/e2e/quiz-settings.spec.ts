// The quiz settings as a student meets them on the course page: an exam's access password
// (the field, a wrong password said beside it, the right one starts; the JSON start route
// with and without it, resuming without it), the student's own window under an
// accommodation, the release date, the score that counts, axe and a 360 px wide page. The
// settings are written straight into the run's database: the quiz builder is not under test here.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { hashPassword } from "better-auth/crypto";
import { randomUUID } from "node:crypto";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const PASSWORD = "syn-ack-2026";
const HOUR = 3_600_000;
const UTC_TIME = new Intl.DateTimeFormat("en", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "numeric",
  minute: "2-digit",
  timeZoneName: "short",
  timeZone: "UTC",
});

type Settings = {
  timeLimitSec?: number;
  closesAt?: Date;
  feedbackRelease?: string;
  releaseAt?: Date;
  scoreRule?: string;
  attemptsAllowed?: number;
  accessPasswordHash?: string;
};

/** A published exam in the demo course with one fixed question, straight into the database. */
function createExam(title: string, s: Settings): string {
  return withDb((db) => {
    const course = db.prepare(`SELECT id FROM Course WHERE joinCode = 'SYNACK26'`).get() as { id: string };
    const question = db.prepare(`SELECT id FROM Question WHERE key = 'handshake-states' ORDER BY version DESC`).get() as { id: string };
    const id = `e2e-${randomUUID()}`;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO Quiz (id, courseId, title, mode, timeLimitSec, closesAt, attemptsAllowed, feedbackRelease, releaseAt, scoreRule, accessPasswordHash, published, createdAt, updatedAt)
       VALUES (?, ?, ?, 'EXAM', ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)`,
    ).run(
      id,
      course.id,
      title,
      s.timeLimitSec ?? null,
      s.closesAt?.toISOString() ?? null,
      s.attemptsAllowed ?? null,
      s.feedbackRelease ?? "IMMEDIATELY",
      s.releaseAt?.toISOString() ?? null,
      s.scoreRule ?? "HIGHEST",
      s.accessPasswordHash ?? null,
      now,
      now,
    );
    db.prepare(`INSERT INTO QuizItem (id, quizId, position, questionId, drawCount, points) VALUES (?, ?, 1, ?, 1, 2)`).run(
      randomUUID(),
      id,
      question.id,
    );
    return id;
  });
}

function userId(email: string): string {
  return withDb((db) => (db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string }).id);
}

function accommodate(quizId: string, email: string, a: { timeFactor?: number; extraMinutes?: number; closesAt?: Date }) {
  withDb((db) => {
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO QuizAccommodation (id, quizId, userId, timeFactor, extraMinutes, closesAt, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(randomUUID(), quizId, userId(email), a.timeFactor ?? null, a.extraMinutes ?? null, a.closesAt?.toISOString() ?? null, now, now);
  });
}

/** A graded attempt, as submitting would have left it. */
function gradedAttempt(quizId: string, email: string, number: number, score: number) {
  withDb((db) => {
    const at = new Date().toISOString();
    db.prepare(
      `INSERT INTO Attempt (id, quizId, userId, number, status, startedAt, submittedAt, score, maxScore) VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, 2)`,
    ).run(randomUUID(), quizId, userId(email), number, at, at, score);
  });
}

function fromApp(page: Page) {
  return { Origin: new URL(page.url()).origin, "Content-Type": "application/json" };
}

async function student(browser: Browser, email: string, width = 1200) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, timezoneId: "UTC" });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await page.getByRole("link", { name: /Computer Networks/ }).click();
  await expect(page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();
  return { context, page };
}

/** A quiz's entry on the course page. */
const row = (page: Page, quizId: string) => page.getByTestId(`quiz-${quizId}`);

test("an exam's access password: asked for on its start page, a wrong one said beside the field, the right one starts", async ({
  browser,
}) => {
  const title = "Password exam (settings spec)";
  const quizId = createExam(title, { accessPasswordHash: await hashPassword(PASSWORD) });
  const { context, page } = await student(browser, "ada@synack.test");
  const exam = row(page, quizId);
  const coursePage = page.url();
  await expect(exam).toContainText("access password needed");
  // The course page starts nothing: the exam's own page has its rules and the password.
  await expect(exam.getByLabel(`Access password for ${title}`)).toHaveCount(0);
  await exam.getByRole("link", { name: `Start ${title}: read the rules first` }).click();
  await expect(page).toHaveURL(new RegExp(`/quizzes/${quizId}/start$`));
  const field = page.getByLabel(`Access password for ${title}`);
  await expect(field).toHaveAttribute("type", "password");

  await field.fill("not-the-password");
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page.locator("main form").getByRole("alert")).toHaveText("That access password is not right. 4 tries left.");
  await expect(page.getByLabel(`Access password for ${title}`)).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(new RegExp(`/quizzes/${quizId}/start$`));
  withDb((db) => expect((db.prepare(`SELECT COUNT(*) AS n FROM Attempt WHERE quizId = ?`).get(quizId) as { n: number }).n).toBe(0));
  await expectAccessible(page);

  await page.getByLabel(`Access password for ${title}`).fill(PASSWORD);
  await page.getByRole("button", { name: /^Start/ }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  // Back on the course page the attempt is resumed, with no password asked; the start page says the same.
  await page.goto(coursePage);
  await expect(row(page, quizId).getByRole("link", { name: "Resume attempt 1" })).toBeVisible();
  await page.goto(`${coursePage}/quizzes/${quizId}/start`);
  await expect(page.getByRole("link", { name: "Resume attempt 1" })).toBeVisible();
  await expect(page.getByLabel(`Access password for ${title}`)).toHaveCount(0);
  await context.close();
});

test("the JSON start route takes { password }: none or a wrong one is 403 and starts nothing, the right one 201, resuming 200 without", async ({
  browser,
}) => {
  const quizId = createExam("Password exam by JSON (settings spec)", { accessPasswordHash: await hashPassword(PASSWORD) });
  const { context, page } = await student(browser, "ben@synack.test");
  const start = (data?: unknown) => page.request.post(`/api/quizzes/${quizId}/attempts`, { headers: fromApp(page), data });

  const none = await start();
  expect(none.status()).toBe(403);
  expect(await none.json()).toEqual({
    error: "FORBIDDEN",
    message: "This exam asks for its access password: type the password your instructor gave you.",
  });
  const wrong = await start({ password: "guess" });
  expect(wrong.status()).toBe(403);
  expect((await wrong.json()).message).toBe("That access password is not right. 4 tries left.");
  expect((await start({ password: 42 })).status()).toBe(422);
  const right = await start({ password: PASSWORD });
  expect(right.status()).toBe(201);
  const { attemptId } = (await right.json()) as { attemptId: string };
  const resumed = await start();
  expect(resumed.status()).toBe(200);
  expect(await resumed.json()).toEqual({ attemptId, resumed: true });
  await context.close();
});

test("the course page shows a student their own window, the release date and the score that counts; it fits 360 px", async ({
  browser,
}) => {
  const closesAt = new Date(Date.now() + 2 * HOUR);
  const ownClose = new Date(Date.now() + 5 * HOUR);
  const releaseAt = new Date(Date.now() + 48 * HOUR);
  const accommodated = createExam("Accommodated exam (settings spec)", { timeLimitSec: 20 * 60, closesAt });
  accommodate(accommodated, "ada@synack.test", { timeFactor: 1.5, closesAt: ownClose });
  const onDate = createExam("Exam released on a date (settings spec)", { feedbackRelease: "ON_DATE", releaseAt });
  gradedAttempt(onDate, "ada@synack.test", 1, 2);
  const highest = createExam("Best of three (settings spec)", { scoreRule: "HIGHEST", attemptsAllowed: 3 });
  gradedAttempt(highest, "ada@synack.test", 1, 1);
  gradedAttempt(highest, "ada@synack.test", 2, 2);
  gradedAttempt(highest, "ada@synack.test", 3, 0.5);

  const { context, page } = await student(browser, "ada@synack.test");
  await expect(row(page, accommodated)).toContainText("30 min time limit for you (the quiz's: 20 min)");
  await expect(row(page, accommodated)).toContainText(
    `closes ${UTC_TIME.format(ownClose)} for you (for the class: ${UTC_TIME.format(closesAt)})`,
  );
  const dated = row(page, onDate);
  await expect(dated).toContainText(`feedback on ${UTC_TIME.format(releaseAt)}`);
  await expect(dated.getByRole("link", { name: "Attempt 1: submitted" })).toBeVisible();
  await expect(dated).toContainText(`Feedback is released on ${UTC_TIME.format(releaseAt)}.`);
  await expect(page.getByTestId(`counted-${onDate}`)).toHaveCount(0);
  const best = row(page, highest);
  await expect(best).toContainText("your highest score counts");
  await expect(page.getByTestId(`counted-${highest}`)).toHaveText("Counted score: 2 / 2 (your highest, attempt 2)");
  await expectAccessible(page);
  await context.close();

  // Another student sees the class's window.
  const other = await student(browser, "ben@synack.test");
  await expect(row(other.page, accommodated)).toContainText("20 min time limit");
  await expect(row(other.page, accommodated)).toContainText(`closes ${UTC_TIME.format(closesAt)}`);
  await expect(row(other.page, accommodated)).not.toContainText("for you");
  await other.context.close();

  // On a phone the page does not scroll sideways.
  const phone = await student(browser, "ada@synack.test", 360);
  expect(await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await expectAccessible(phone.page);
  await phone.context.close();
});
