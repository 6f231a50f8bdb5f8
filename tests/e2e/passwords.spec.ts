// Passwords and the roster's edits as people meet them, in a course of the spec's own: a student
// changes their password on the Account page; one who forgot theirs gets a reset link from the
// instructor (copied whole), sets a new password through it once and is signed in; the
// instructor changes a person's role and section, removes them (their attempt is kept), copies
// an invite link with one click, and replaces the join code only after saying yes. axe on each
// page, and each fits 360 px. The course and the accounts are removed after.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const tag = randomUUID().slice(0, 8);
const courseId = `e2e-pw-${tag}`;
const joinCode = `PW${tag.toUpperCase()}`;
const changer = `pw-change-${tag}@example.edu`;
const forgetful = `pw-forgot-${tag}@example.edu`;
const leaver = `pw-leave-${tag}@example.edu`;
const newcomer = `pw-new-${tag}@example.edu`;
const PASSWORD = "first password 1";
const NEW_PASSWORD = "second password 2";

test.beforeAll(() => {
  withDb((db) => {
    const instructor = (db.prepare(`SELECT id FROM user WHERE email = 'instructor@synack.test'`).get() as { id: string }).id;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO Course (id, code, title, joinCode, createdById, createdAt, updatedAt) VALUES (?, 'PW 101', 'Passwords', ?, ?, ?, ?)`,
    ).run(courseId, joinCode, instructor, now, now);
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
    for (const email of [changer, forgetful, leaver, newcomer]) {
      const user = db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string } | undefined;
      if (!user) continue;
      db.prepare(`DELETE FROM verification WHERE value = ? OR identifier = ?`).run(user.id, `invite:${user.id}`);
      db.prepare(`DELETE FROM user WHERE id = ?`).run(user.id);
    }
  });
});

async function fitsPhone(page: Page) {
  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** A new student account, enrolled in the spec's course; its email proven when `proven`. */
async function student(browser: Browser, email: string, name: string, proven = false) {
  const context = await browser.newContext({ locale: "en-US", timezoneId: "UTC" });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 30_000 });
  return withDb((db) => {
    const { id } = db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string };
    if (proven) db.prepare(`UPDATE user SET emailVerified = 1 WHERE id = ?`).run(id);
    const enrollmentId = randomUUID();
    db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'STUDENT', ?)`).run(
      enrollmentId,
      courseId,
      id,
      new Date().toISOString(),
    );
    return { context, page, userId: id, enrollmentId };
  });
}

async function instructor(browser: Browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "en-US", timezoneId: "UTC" });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const page = await context.newPage();
  await signIn(page, "instructor@synack.test");
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 30_000 });
  return { context, page };
}

test("a student changes their password on the Account page", async ({ browser }) => {
  const { context, page } = await student(browser, changer, "Casey Changer");
  await page.goto("/account");
  const card = page.getByRole("region", { name: "Password" });
  await expect(card).toBeVisible();
  await expectAccessible(page);
  await fitsPhone(page);

  await page.getByLabel("Current password").fill("not my password");
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(card.getByRole("alert")).toHaveText("That is not your current password.", { timeout: 30_000 });
  await expect(page.getByText("That is not your current password.", { exact: true })).toHaveCount(2);

  await page.getByLabel("Current password").fill(PASSWORD);
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await expect(page.getByLabel("Sign out on my other devices and browsers")).toBeChecked();
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(card.getByRole("status")).toHaveText("Your password is changed, and your other devices and browsers are signed out.", {
    timeout: 30_000,
  });
  await expectAccessible(page);

  // This browser stays signed in; the old password no longer works, the new one does.
  await page.getByRole("button", { name: "Sign out here" }).click();
  await signIn(page, changer, PASSWORD);
  await expect(page.getByRole("alert").filter({ hasText: "do not match" })).toBeVisible({ timeout: 30_000 });
  await signIn(page, changer, NEW_PASSWORD);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 30_000 });
  await context.close();
});

test("without a mail server, 'Forgot password?' says to ask the instructor", async ({ page }) => {
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Forgot your password?" })).toBeVisible();
  await expect(page.getByText("Ask your instructor for a password reset link")).toBeVisible();
  await expectAccessible(page);
  await fitsPhone(page);
});

test("a student who forgot their password sets a new one through the instructor's reset link, once", async ({ browser }) => {
  const forgot = await student(browser, forgetful, "Frankie Forgot");
  await forgot.context.close();
  const { context, page } = await instructor(browser);
  await page.goto(`/courses/${courseId}/roster/${forgot.enrollmentId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Frankie Forgot" })).toBeVisible();
  await page.getByRole("button", { name: "Make a reset link" }).click();
  const field = page.getByLabel(`Reset link for ${forgetful}, valid until`);
  const link = await field.inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/reset-password\/[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: `Copy the reset link of ${forgetful}` }).click();
  await expect(page.getByText("Copied the full link.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectAccessible(page);
  await fitsPhone(page);
  await context.close();

  const guest = await browser.newContext({ locale: "en-US" });
  const visitor = await guest.newPage();
  await visitor.goto(new URL(link).pathname);
  await expect(visitor.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(visitor.getByText(forgetful)).toBeVisible();
  await expectAccessible(visitor);
  await fitsPhone(visitor);
  await visitor.getByLabel("New password").fill("short");
  await visitor.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(visitor.getByText("Please correct the highlighted fields.")).toBeVisible({ timeout: 30_000 });
  await visitor.getByLabel("New password").fill(NEW_PASSWORD);
  await visitor.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(visitor.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 30_000 });
  await expect(visitor.getByRole("link", { name: /Passwords/ })).toBeVisible();
  await guest.close();

  const again = await browser.newContext({ locale: "en-US" });
  const second = await again.newPage();
  await second.goto(new URL(link).pathname);
  await expect(second.getByRole("heading", { name: "This reset link cannot be used" })).toBeVisible();
  await expectAccessible(second);
  await signIn(second, forgetful, NEW_PASSWORD);
  await expect(second.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 30_000 });
  await again.close();
});

test("an instructor changes a person's role and section, then removes them; their attempt is kept", async ({ browser }) => {
  const leaving = await student(browser, leaver, "Lee Leaving", true);
  await leaving.context.close();
  const attemptId = randomUUID();
  withDb((db) => {
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO Quiz (id, courseId, title, mode, published, createdAt, updatedAt) VALUES (?, ?, 'Handshakes', 'PRACTICE', 1, ?, ?)`,
    ).run(`q-${tag}`, courseId, now, now);
    db.prepare(
      `INSERT INTO Attempt (id, quizId, userId, number, status, startedAt, submittedAt, score, maxScore) VALUES (?, ?, ?, 1, 'SUBMITTED', ?, ?, 3, 4)`,
    ).run(attemptId, `q-${tag}`, leaving.userId, now, now);
  });
  const { context, page } = await instructor(browser);
  await page.goto(`/courses/${courseId}/roster`);
  await page.getByRole("link", { name: "Edit the section and identifiers of Lee Leaving" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Lee Leaving" })).toBeVisible();
  await expectAccessible(page);
  await fitsPhone(page);

  await page.getByLabel("Role in the course").selectOption({ label: "Teaching assistant" });
  await page.getByRole("button", { name: "Change role" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Lee Leaving is now a teaching assistant." })).toBeVisible();
  await page.getByLabel("Section", { exact: true }).fill("B");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.goto(`/courses/${courseId}/roster`);
  const row = page.getByRole("row").filter({ hasText: leaver });
  await expect(row).toContainText("Teaching assistant");
  await expect(row).toContainText("B");

  await page.getByRole("link", { name: "Edit the section and identifiers of Lee Leaving" }).click();
  await expect(page.getByText("Their attempts are kept; enrol them again")).toBeVisible();
  await page.getByRole("button", { name: "Remove Lee Leaving…" }).click();
  await expect(page.getByText("Remove Lee Leaving from PW 101? Their attempts are kept.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Cancel" })).toBeFocused();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Remove Lee Leaving…" })).toBeFocused();
  await page.getByRole("button", { name: "Remove Lee Leaving…" }).click();
  await page.getByRole("button", { name: "Yes, remove" }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${courseId}/roster\\?removed=1$`));
  await expect(page.getByRole("status").filter({ hasText: "Their attempts are kept" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: leaver })).toHaveCount(0);
  expect(withDb((db) => db.prepare(`SELECT score FROM Attempt WHERE id = ?`).get(attemptId))).toEqual({ score: 3 });
  await context.close();
});

test("an invite link copies whole with one click, and the join code is replaced only after a yes", async ({ browser }) => {
  const { context, page } = await instructor(browser);
  await page.goto(`/courses/${courseId}/roster`);
  await page.getByLabel("Email addresses").fill(newcomer);
  await page.getByLabel("Role").selectOption({ label: "Student" });
  await page.getByRole("button", { name: "Enrol" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 invited" })).toBeVisible();
  const link = await page.getByLabel(`Invite link for ${newcomer}`).inputValue();
  expect(link).toMatch(/^http:\/\/localhost:\d+\/invite\/[A-Za-z0-9_-]{32}$/);
  await page.getByRole("button", { name: `Copy the link to invite ${newcomer}` }).click();
  await expect(page.getByText("Copied the full link.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expectAccessible(page);
  await fitsPhone(page);

  await page.goto(`/courses/${courseId}`);
  await page.getByRole("button", { name: "Replace join code" }).click();
  await expect(page.getByText(`Replace the join code ${joinCode}? The old code stops working at once`)).toBeVisible();
  await expectAccessible(page);
  await fitsPhone(page);
  await page.getByRole("button", { name: "Cancel" }).click();
  expect(withDb((db) => db.prepare(`SELECT joinCode FROM Course WHERE id = ?`).get(courseId))).toEqual({ joinCode });
  await page.getByRole("button", { name: "Replace join code" }).click();
  await page.getByRole("button", { name: "Yes, replace it" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The old one no longer works." })).toBeVisible();
  const replaced = withDb((db) => db.prepare(`SELECT joinCode FROM Course WHERE id = ?`).get(courseId)) as { joinCode: string };
  expect(replaced.joinCode).not.toBe(joinCode);
  await expect(page.getByText(replaced.joinCode, { exact: true })).toBeVisible();
  await context.close();
});
