// The roster import as an instructor meets it, in a course of the spec's own (so no shared
// roster changes): from the roster page, upload Canvas's Gradebook export (a BOM, CRLF, names
// with commas, CJK and a formula), see the preview — invited accounts, an existing account
// enrolled, the instructor's own row refused with its line — apply it, find the students and
// their identifiers on the roster, and edit one identifier. The API's apply with a stale
// preview is a 409 that writes nothing. axe on each page and the preview, 360 px wide; the
// docs' screenshot is taken here. The course and the accounts the file made are removed after.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const tag = randomUUID().slice(0, 8);
const courseId = `e2e-roster-${tag}`;
// Fixed addresses (the docs' screenshot shows them): the accounts are deleted after the spec.
const lovelace = "ada.lovelace@example.edu";
const li = "li.xiaolong@example.edu";
const invited = [lovelace, li];

// Canvas's Gradebook export, as Canvas writes it with "include byte order mark" on.
const CANVAS_EXPORT = [
  "\uFEFFStudent,ID,SIS User ID,SIS Login ID,Section,Quiz 1 (1234)",
  "    Points Possible,,,,,10.00",
  `"Lovelace, Ada",101,S9001,${lovelace},Section A,8.50`,
  `"李, 小龙",102,S9002,${li},Section B,`,
  `"=HYPERLINK(""http://evil.test"",""x"")",103,S9003,ada@synack.test,Section B,`,
  `"Instructor, The",104,,instructor@synack.test,Section A,`,
  "",
].join("\r\n");

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  withDb((db) => {
    const instructor = (db.prepare(`SELECT id FROM user WHERE email = 'instructor@synack.test'`).get() as { id: string }).id;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO Course (id, code, title, joinCode, createdById, createdAt, updatedAt) VALUES (?, 'RI 101', 'Roster import', ?, ?, ?, ?)`,
    ).run(courseId, `RI${tag.toUpperCase()}`, instructor, now, now);
    db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'INSTRUCTOR', ?)`).run(
      randomUUID(),
      courseId,
      instructor,
      now,
    );
  });
});

test.afterAll(() => {
  withDb((db) => {
    db.prepare(`DELETE FROM Course WHERE id = ?`).run(courseId);
    for (const email of invited) {
      const user = db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string } | undefined;
      if (!user) continue;
      db.prepare(`DELETE FROM verification WHERE identifier = ?`).run(`invite:${user.id}`);
      db.prepare(`DELETE FROM user WHERE id = ?`).run(user.id);
    }
  });
});

async function signedIn(browser: Browser, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US", timezoneId: "UTC" });
  const page = await context.newPage();
  await signIn(page, "instructor@synack.test");
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  return { context, page };
}

test("an instructor imports Canvas's Gradebook export and edits an identifier", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  await page.goto(`/courses/${courseId}/roster`);
  await page.getByRole("link", { name: "Import a roster file" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import a roster file" })).toBeVisible();
  await expectAccessible(page);

  await page
    .getByLabel("Roster file (CSV)")
    .setInputFiles({ name: "grades.csv", mimeType: "text/csv", buffer: Buffer.from(CANVAS_EXPORT, "utf8") });
  await expect(page.getByLabel("Or paste the file's text")).toHaveValue(/Points Possible/);
  await page.getByRole("button", { name: "Preview" }).click();

  await expect(page.getByText("Read as: Canvas Gradebook export")).toBeVisible();
  await expect(page.getByRole("heading", { name: "New accounts, invited (2)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Existing accounts enrolled (1)" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Rows refused (1)" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "Lovelace, Ada" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "李, 小龙" })).toBeVisible();
  // The existing account keeps its own name, whatever the file calls it.
  await expect(page.getByRole("cell", { name: "Ada Okafor" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "=HYPERLINK" })).toHaveCount(0);
  const refused = page.getByRole("row").filter({ hasText: "instructor@synack.test" });
  await expect(refused).toContainText("6");
  await expect(refused).toContainText("A member of staff (instructor): a file enrols students only and changes nobody's role.");
  await expectAccessible(page);
  await page.screenshot({ path: "docs/screens/roster-import.png", fullPage: true });

  await page.getByRole("button", { name: "Apply 3 changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Applied: 2 invited, 1 enrolled, 0 changed.");

  await page.getByRole("link", { name: "Back to the roster" }).click();
  const ada = page.getByRole("row").filter({ hasText: lovelace });
  await expect(ada).toContainText("Lovelace, Ada");
  await expect(ada).toContainText("SIS user id: S9001 · SIS login id: " + lovelace);
  await expect(ada).toContainText("Section A");
  await expect(page.getByRole("row").filter({ hasText: "ada@synack.test" })).toContainText("SIS user id: S9003");

  await page.getByRole("link", { name: "Edit the section and identifiers of Lovelace, Ada" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Section and LMS identifiers" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Username").fill("ada.lovelace");
  await page.getByLabel("SIS user id").fill("S9001-X");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  // An identifier another student holds is refused, saying whose it is.
  await page.getByLabel("SIS user id").fill("S9002");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "already belongs" })).toHaveText(
    "SIS user id “S9002” already belongs to 李, 小龙.",
  );

  await page.goto(`/courses/${courseId}/roster`);
  await expect(page.getByRole("row").filter({ hasText: lovelace })).toContainText(
    "SIS user id: S9001-X · SIS login id: " + lovelace + " · Username: ada.lovelace",
  );
  await context.close();
});

test("the API's apply with a stale preview writes nothing and answers the plan as it is now", async ({ browser, baseURL }) => {
  const { context } = await signedIn(browser);
  const headers = { origin: baseURL!, "content-type": "text/csv" };
  const file = `email,name,section,sis_id\r\n${li},Li,Section C,\r\n`;
  const preview = await context.request.post(`/api/v1/courses/${courseId}/roster/preview`, { headers, data: file });
  expect(preview.status()).toBe(200);
  const plan = (await preview.json()) as { digest: string; update: { email: string; changes: unknown[] }[] };
  expect(plan.update).toEqual([
    {
      line: 2,
      email: li,
      name: "李, 小龙",
      enrollmentId: expect.any(String),
      changes: [{ field: "section", from: "Section B", to: "Section C" }],
    },
  ]);
  const stale = "0".repeat(64);
  const refused = await context.request.post(`/api/v1/courses/${courseId}/roster/import?expect=${stale}`, { headers, data: file });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { preview: { digest: string } }).preview.digest).toBe(plan.digest);
  const section = () =>
    withDb(
      (db) =>
        (
          db
            .prepare(`SELECT e.section FROM Enrollment e JOIN user u ON u.id = e.userId WHERE e.courseId = ? AND u.email = ?`)
            .get(courseId, li) as { section: string }
        ).section,
    );
  expect(section()).toBe("Section B");
  const applied = await context.request.post(`/api/v1/courses/${courseId}/roster/import?expect=${plan.digest}`, { headers, data: file });
  expect(applied.status()).toBe(200);
  expect(section()).toBe("Section C");
  await context.close();
});

test("the import and the edit fit a 360 px screen", async ({ browser }) => {
  const { context, page } = await signedIn(browser, 360);
  await page.goto(`/courses/${courseId}/roster/import`);
  await page.getByLabel("Or paste the file's text").fill(`email,name,section,sis_id\n${lovelace},"Lovelace, Ada",Section Z,S9001-X\n`);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: "Sections and identifiers changed (1)" })).toBeVisible();
  for (const path of ["roster/import", "roster"]) {
    if (path === "roster") await page.goto(`/courses/${courseId}/roster`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  }
  await page.getByRole("link", { name: "Edit the section and identifiers of Lovelace, Ada" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  await context.close();
});
