// The roster sync with the LMS as an instructor meets it, against the mock platform started
// here: the spec's own course is linked to an LMS course (the LtiPlatform and LtiContext rows a
// launch would have left), whose membership service lists 55 learners in Canvas's pages of 50.
// From the roster: the sync preview (everyone on both pages, a student who left the LMS course),
// Apply by keyboard, the roster marking who left, a second look that finds nothing to change,
// and an LMS that is down said in words. axe on each page, 360 px wide. Everything the spec
// made is removed after.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser } from "@playwright/test";
import type { JSONWebKeySet, JWK } from "jose";
import { startMockPlatform, type MockPlatform } from "../support/lti-platform";
import { installMemberships } from "../support/lti-platform/memberships";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const tag = randomUUID().slice(0, 8);
const courseId = `e2e-sync-${tag}`;
const LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner";
let platform: MockPlatform;
let platformId: string;
const leaverId = `e2e-sync-leaver-${tag}`;

/** The tool's public keys, as /api/lti/jwks publishes them: read from the run's database. */
function toolJwks(): Promise<JSONWebKeySet> {
  return Promise.resolve(
    withDb((db) => ({
      keys: (db.prepare(`SELECT publicJwk FROM LtiKey`).all() as { publicJwk: string }[]).map((r) => JSON.parse(r.publicJwk) as JWK),
    })),
  );
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  platform = await startMockPlatform({ toolJwks });
  const memberships = installMemberships(platform, {
    members: Array.from({ length: 55 }, (_, i) => ({
      user_id: `lms-${tag}-${i + 1}`,
      roles: [LEARNER],
      name: `Learner ${String(i + 1).padStart(2, "0")}`,
      email: `learner${i + 1}.${tag}@example.edu`,
    })),
    style: "canvas",
  });
  platformId = `e2e-sync-platform-${tag}`;
  withDb((db) => {
    const instructor = (db.prepare(`SELECT id FROM user WHERE email = 'instructor@synack.test'`).get() as { id: string }).id;
    const now = new Date().toISOString();
    db.prepare(
      `INSERT INTO Course (id, code, title, joinCode, createdById, createdAt, updatedAt) VALUES (?, 'SY 101', 'Roster sync', ?, ?, ?, ?)`,
    ).run(courseId, `SY${tag.toUpperCase()}`, instructor, now, now);
    db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'INSTRUCTOR', ?)`).run(
      randomUUID(),
      courseId,
      instructor,
      now,
    );
    // A student a sync saw before, no longer in the LMS course.
    db.prepare(`INSERT INTO user (id, name, email, emailVerified, createdAt, updatedAt) VALUES (?, 'Lee Leaver', ?, 1, ?, ?)`).run(
      leaverId,
      `leaver.${tag}@example.edu`,
      now,
      now,
    );
    db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, lmsStatus, createdAt) VALUES (?, ?, ?, 'STUDENT', 'Active', ?)`).run(
      randomUUID(),
      courseId,
      leaverId,
      now,
    );
    db.prepare(
      `INSERT INTO LtiPlatform (id, name, product, issuer, clientId, authUrl, tokenUrl, jwksUrl, registeredVia, createdAt, updatedAt) VALUES (?, 'Canvas (mock)', 'canvas', ?, ?, ?, ?, ?, 'manual', ?, ?)`,
    ).run(platformId, platform.issuer, platform.clientId, platform.urls.auth, platform.urls.token, platform.urls.jwks, now, now);
    db.prepare(
      `INSERT INTO LtiContext (id, platformId, contextId, courseId, title, label, membershipsUrl, agsScopes, createdAt, updatedAt) VALUES (?, ?, 'ctx-1', ?, 'Networks', 'NET 101', ?, '[]', ?, ?)`,
    ).run(randomUUID(), platformId, courseId, memberships.url, now, now);
  });
});

test.afterAll(async () => {
  await platform?.close();
  withDb((db) => {
    const users = db.prepare(`SELECT userId FROM LtiUser WHERE issuer = ?`).all(platform.issuer) as { userId: string }[];
    db.prepare(`DELETE FROM Course WHERE id = ?`).run(courseId);
    db.prepare(`DELETE FROM LtiPlatform WHERE id = ?`).run(platformId);
    for (const id of [...users.map((u) => u.userId), leaverId]) {
      db.prepare(`DELETE FROM verification WHERE identifier = ?`).run(`invite:${id}`);
      db.prepare(`DELETE FROM user WHERE id = ?`).run(id);
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

test("an instructor previews the LMS roster, applies it, and sees who left", async ({ browser }) => {
  const { context, page } = await signedIn(browser);
  await page.goto(`/courses/${courseId}/roster`);
  await page.getByRole("link", { name: "Sync roster with the LMS" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Sync the roster with the LMS" })).toBeVisible();
  await expect(page.getByText("NET 101 — Networks: 2 pages read")).toBeVisible();
  await expect(page.getByText("55 members in the LMS: 55 to add, 0 to update, 1 to mark as left, 0 unchanged.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "To add (55)" })).toBeVisible();
  // The second page's members are there too.
  await expect(page.getByRole("cell", { name: "Learner 55" })).toBeVisible();
  const leaver = page.getByRole("row").filter({ hasText: "Lee Leaver" });
  await expect(leaver).toContainText("No longer listed");
  await expectAccessible(page);

  const apply = page.getByRole("button", { name: "Apply" });
  await apply.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toHaveText("Roster synced: 55 added, 0 updated, 1 marked as left.");
  await expect(page.getByText("The roster already matches the LMS.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply" })).toHaveCount(0);

  await page.getByRole("link", { name: "Back to the roster" }).click();
  await expect(page.getByRole("heading", { name: "People (57)" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "Lee Leaver" })).toContainText("Left the LMS course");
  await expect(page.getByRole("row").filter({ hasText: "Learner 01" })).toContainText("Student");
  await expectAccessible(page);
  await context.close();
});

test("the sync pages fit a phone, and an LMS that is down is said in words", async ({ browser }) => {
  const { context, page } = await signedIn(browser, 360);
  await page.goto(`/courses/${courseId}/roster/sync`);
  await expect(page.getByText("The roster already matches the LMS.")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  platform.setDown(503);
  await page.reload();
  await expect(page.getByRole("heading", { name: "The roster could not be read from the LMS" })).toBeVisible();
  await expect(page.getByRole("alert").filter({ hasText: "LMS" })).toContainText(
    "The LMS could not be reached or answered with an error. Nothing was changed",
  );
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  platform.setDown(null);
  await context.close();
});
