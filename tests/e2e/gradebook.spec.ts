// The gradebook as its users meet it: the instructor's matrix (the counted score of each quiz by
// its rule, an override and an excusal marked, a cell leading to the student's attempts), its
// filter by section, search by name and sort by a quiz's column, the sticky header and student
// column, the weights saved through the API with their audit entry; a teaching assistant reads
// it with the weights read-only and is refused a change; a student reaches their own grades from
// the course page — the counted score where released, the review, "regraded" — and is refused
// the gradebook. axe on each page, 360 px wide; the README's screenshot is taken here. Attempts
// are written straight into the run's database: taking quizzes is not under test here.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const DAY = 86_400_000;
const PASSWORD = "correct horse battery";
const tag = randomUUID().slice(0, 6);
// Plain titles: the run's database is new each time, and the README's screenshot shows them.
const TITLE_A = "Quiz 1: the three-way handshake";
const TITLE_B = "Quiz 2: closing a connection";

type Fixture = { courseId: string; quizA: string; quizB: string; ada: string; ben: string; chen: string; adaAttempt: string };
let f: Fixture;

function insertQuiz(
  db: Parameters<Parameters<typeof withDb>[0]>[0],
  courseId: string,
  title: string,
  s: { closesAt: Date; feedbackRelease: string },
) {
  const id = `e2e-gb-${randomUUID()}`;
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO Quiz (id, courseId, title, mode, closesAt, feedbackRelease, scoreRule, published, weight, createdAt, updatedAt)
     VALUES (?, ?, ?, 'EXAM', ?, ?, 'HIGHEST', 1, 1, ?, ?)`,
  ).run(id, courseId, title, s.closesAt.toISOString(), s.feedbackRelease, now, now);
  db.prepare(`INSERT INTO QuizItem (id, quizId, position, drawCount, points) VALUES (?, ?, 1, 1, 2)`).run(randomUUID(), id);
  return id;
}

function insertAttempt(
  db: Parameters<Parameters<typeof withDb>[0]>[0],
  a: { quizId: string; userId: string; score: number; overrideScore?: number; regradedAt?: Date },
) {
  const id = randomUUID();
  const started = new Date(Date.now() - 3 * DAY);
  const submitted = new Date(started.getTime() + 14 * 60_000);
  db.prepare(
    `INSERT INTO Attempt (id, quizId, userId, number, status, startedAt, submittedAt, score, maxScore, overrideScore, overrideReason, regradedAt)
     VALUES (?, ?, ?, 1, 'SUBMITTED', ?, ?, ?, 2, ?, ?, ?)`,
  ).run(
    id,
    a.quizId,
    a.userId,
    started.toISOString(),
    submitted.toISOString(),
    a.score,
    a.overrideScore ?? null,
    a.overrideScore === undefined ? null : "A typo in the question",
    a.regradedAt?.toISOString() ?? null,
  );
  return id;
}

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  f = withDb((db) => {
    const course = db.prepare(`SELECT id FROM Course WHERE joinCode = 'SYNACK26'`).get() as { id: string };
    const user = (email: string) => (db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string }).id;
    const ada = user("ada@synack.test");
    const ben = user("ben@synack.test");
    const chen = user("chen@synack.test");
    // A closed quiz whose feedback came at once, and an open one whose feedback never comes.
    const quizA = insertQuiz(db, course.id, TITLE_A, { closesAt: new Date(Date.now() - DAY), feedbackRelease: "IMMEDIATELY" });
    const quizB = insertQuiz(db, course.id, TITLE_B, { closesAt: new Date(Date.now() + 7 * DAY), feedbackRelease: "NEVER" });
    const adaAttempt = insertAttempt(db, { quizId: quizA, userId: ada, score: 2, regradedAt: new Date(Date.now() - DAY) });
    insertAttempt(db, { quizId: quizB, userId: ada, score: 1 });
    insertAttempt(db, { quizId: quizA, userId: ben, score: 0, overrideScore: 1 });
    db.prepare(`INSERT INTO QuizExcusal (id, quizId, userId, reason, createdAt) VALUES (?, ?, ?, 'Away at a conference', ?)`).run(
      randomUUID(),
      quizA,
      chen,
      new Date().toISOString(),
    );
    return { courseId: course.id, quizA, quizB, ada, ben, chen, adaAttempt };
  });
});

const cell = (page: Page, quizId: string, userId: string) => page.locator(`a[href="/courses/${f.courseId}/gradebook/${quizId}/${userId}"]`);

async function signedIn(browser: Browser, email: string, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US", timezoneId: "UTC" });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  return { context, page };
}

test("the instructor's gradebook: counted scores, marks, filter, search, sort, sticky headings, cells that open the student's attempts", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(`/courses/${f.courseId}`);
  await page.getByRole("link", { name: "Gradebook", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Gradebook", level: 1 })).toBeVisible();
  const table = page.getByRole("table", { name: "Gradebook: students by quiz, with the course total" });
  await expect(table.getByRole("columnheader", { name: new RegExp(`${TITLE_A} \\(2 pt, weight 1\\)`) })).toBeVisible();

  await expect(cell(page, f.quizA, f.ada)).toHaveText("2 / 2");
  await expect(cell(page, f.quizA, f.ben)).toHaveText("1 / 2");
  await expect(cell(page, f.quizA, f.ben).locator("xpath=..")).toContainText("Changed by staff");
  await expect(cell(page, f.quizA, f.ada).locator("xpath=..")).toContainText("Regraded");
  await expect(cell(page, f.quizA, f.ada).locator("xpath=..")).toContainText("14 min");
  await expect(cell(page, f.quizA, f.chen)).toHaveText("Excused");
  await expect(cell(page, f.quizB, f.chen)).toHaveText("Not started");
  await expectAccessible(page);
  await page.screenshot({ path: "docs/screens/gradebook.png", fullPage: true });

  // The header row and the student column stay in view while the box scrolls.
  const header = table.getByRole("columnheader").first();
  await expect(header).toHaveCSS("position", "sticky");
  await expect(table.getByRole("rowheader").first()).toHaveCSS("position", "sticky");

  // Sort by the quiz's column, best first: Ada (2/2), Ben (1/2), then Chen, excused.
  await table.getByRole("button", { name: new RegExp(`^${TITLE_A}`) }).click();
  await expect(table.getByRole("columnheader", { name: new RegExp(`^${TITLE_A}`) })).toHaveAttribute("aria-sort", "ascending");
  await table.getByRole("button", { name: new RegExp(`^${TITLE_A}`) }).click();
  await expect(table.getByRole("columnheader", { name: new RegExp(`^${TITLE_A}`) })).toHaveAttribute("aria-sort", "descending");
  const names = await table.getByRole("rowheader").allInnerTexts();
  expect(names.slice(0, 3).map((n) => n.split("\n")[0])).toEqual(["Ada Okafor", "Ben Carter", "Chen Wei"]);

  // Filter by section, then search by name.
  // Section B holds Chen, and whoever else other specs enrolled there.
  const inB = withDb(
    (db) =>
      (
        db.prepare(`SELECT COUNT(*) AS n FROM Enrollment WHERE courseId = ? AND role = 'STUDENT' AND section = 'B'`).get(f.courseId) as {
          n: number;
        }
      ).n,
  );
  await page.getByLabel("Section", { exact: true }).selectOption("B");
  await expect(page.getByTestId("gradebook-count")).toHaveText(new RegExp(`^${inB} students? of \\d+$`));
  await expect(table.getByRole("rowheader")).toHaveCount(inB);
  await expect(table.getByRole("rowheader").filter({ hasText: "Chen Wei" })).toBeVisible();
  await expect(table.getByRole("rowheader").filter({ hasText: "Ada Okafor" })).toHaveCount(0);
  await page.getByLabel("Section", { exact: true }).selectOption("");
  await page.getByLabel("Search by name or email").fill("ben@");
  await expect(table.getByRole("rowheader")).toHaveText([/Ben Carter/]);
  await page.getByLabel("Search by name or email").fill("nobody-here");
  await expect(page.getByText("No student matches this filter.")).toBeVisible();
  await page.getByLabel("Search by name or email").fill("");

  // A cell leads to the student's attempts at that quiz.
  await expect(cell(page, f.quizA, f.ada)).toHaveAttribute("href", `/courses/${f.courseId}/gradebook/${f.quizA}/${f.ada}`);

  // The same rows from the API.
  const api = await page.request.get(`/api/v1/courses/${f.courseId}/gradebook?section=B`);
  expect(api.status()).toBe(200);
  const body = (await api.json()) as {
    quizzes: { id: string }[];
    rows: { userId: string; section: string | null; cells: { status: string }[] }[];
  };
  // Section B's students only (Chen, and whoever other specs enrolled there), as on the page.
  expect(body.rows).toHaveLength(inB);
  expect(body.rows.every((r) => r.section === "B")).toBe(true);
  const chen = body.rows.find((r) => r.userId === f.chen)!;
  const a = body.quizzes.findIndex((q) => q.id === f.quizA);
  expect(chen.cells[a].status).toBe("EXCUSED");
  await context.close();
});

test("weights: the instructor saves them (audited), a refused value is said beside its field; the TA reads them and is refused", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(`/courses/${f.courseId}/gradebook`);
  const weights = page.getByRole("form", { name: "Weights in the course total" });
  await weights.getByLabel(`Weight of ${TITLE_A}`).fill("-1");
  await weights.getByRole("button", { name: "Save weights" }).click();
  await expect(weights.getByText("A weight is a number from 0 to 100")).toBeVisible();
  await expect(weights.getByLabel(`Weight of ${TITLE_A}`)).toHaveAttribute("aria-invalid", "true");

  await weights.getByLabel(`Weight of ${TITLE_A}`).fill("3");
  await weights.getByRole("button", { name: "Save weights" }).click();
  await expect(weights.getByRole("status")).toHaveText("Weights saved.");
  await expect(page.getByRole("columnheader", { name: new RegExp(`${TITLE_A} \\(2 pt, weight 3\\)`) })).toBeVisible();
  withDb((db) => {
    expect((db.prepare(`SELECT weight FROM Quiz WHERE id = ?`).get(f.quizA) as { weight: number }).weight).toBe(3);
    const entry = db.prepare(`SELECT detail FROM AuditLog WHERE action = 'gradebook.weights' ORDER BY at DESC`).get() as { detail: string };
    expect(JSON.parse(entry.detail)).toEqual({ changes: [{ quizId: f.quizA, old: 1, new: 3 }] });
  });
  const invalid = await page.request.patch(`/api/v1/courses/${f.courseId}/gradebook/weights`, {
    headers: { origin: new URL(page.url()).origin },
    data: { weights: [{ quizId: f.quizA, weight: 101 }] },
  });
  expect(invalid.status()).toBe(422);
  await context.close();

  // A teaching assistant: the same gradebook, the weights read-only, a change refused.
  const ta = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US" });
  const taPage = await ta.newPage();
  const email = `gradebook-ta-${tag}@example.edu`;
  await taPage.goto("/signup");
  await taPage.getByLabel("Your name").fill("Gradebook TA");
  await taPage.getByLabel("Email").fill(email);
  await taPage.getByLabel("Password").fill(PASSWORD);
  await taPage.getByRole("button", { name: "Create account" }).click();
  await expect(taPage.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  withDb((db) => {
    const user = db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string };
    db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'TA', ?)`).run(
      randomUUID(),
      f.courseId,
      user.id,
      new Date().toISOString(),
    );
  });
  await taPage.goto(`/courses/${f.courseId}/gradebook`);
  await expect(cell(taPage, f.quizA, f.ada)).toHaveText("2 / 2");
  await expect(taPage.getByText("Only instructors change weights.")).toBeVisible();
  await expect(taPage.getByLabel(`Weight of ${TITLE_A}`)).toHaveAttribute("readonly", "");
  await expect(taPage.getByRole("button", { name: "Save weights" })).toHaveCount(0);
  const refused = await taPage.request.patch(`/api/v1/courses/${f.courseId}/gradebook/weights`, {
    headers: { origin: new URL(taPage.url()).origin },
    data: { weights: [{ quizId: f.quizA, weight: 1 }] },
  });
  expect(refused.status()).toBe(403);
  await expectAccessible(taPage);
  await ta.close();
});

test("a student reaches their own grades from the course page: the counted score where released, the review, regraded; the gradebook refuses them", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, "ada@synack.test");
  await page.goto(`/courses/${f.courseId}`);
  await page.getByRole("link", { name: "Your grades" }).click();
  await expect(page.getByRole("heading", { name: "Your grades", level: 1 })).toBeVisible();
  await expect(page.getByTestId(`grade-score-${f.quizA}`)).toHaveText("2 / 2 (highest attempt)");
  await expect(page.getByTestId(`grade-status-${f.quizA}`)).toContainText("Regraded");
  await expect(page.getByTestId(`grade-score-${f.quizB}`)).toHaveText("Your instructor does not release feedback for this quiz.");
  await expect(page.getByRole("link", { name: `Review of ${TITLE_B}` })).toHaveCount(0);
  await expect(page.getByTestId("grades-total")).toContainText("Course total so far:");
  await expectAccessible(page);
  await page.getByRole("link", { name: `Review of ${TITLE_A}` }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${f.courseId}/attempts/${f.adaAttempt}$`));

  // Never another student's row: the gradebook and its API refuse a student.
  expect((await page.goto(`/courses/${f.courseId}/gradebook`))?.status()).toBe(403);
  expect((await page.request.get(`/api/v1/courses/${f.courseId}/gradebook`)).status()).toBe(403);
  await context.close();

  // Staff have the gradebook instead of a grades page.
  const staff = await signedIn(browser, "instructor@synack.test");
  expect((await staff.page.goto(`/courses/${f.courseId}/grades`))?.status()).toBe(403);
  await staff.context.close();
});

test("both pages fit a 360 px screen: the matrix scrolls in its own box, the page does not", async ({ browser }) => {
  for (const [email, path] of [
    ["instructor@synack.test", "gradebook"],
    ["ben@synack.test", "grades"],
  ] as const) {
    const { context, page } = await signedIn(browser, email, 360);
    await page.goto(`/courses/${f.courseId}/${path}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    await expectAccessible(page);
    await context.close();
  }
});
