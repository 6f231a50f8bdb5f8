// Deep linking as an instructor meets it, with the mock LMS started here: a course of the spec's
// own, registered with a platform and linked to its LMS course, and a deep-linking request in
// flight for the demo instructor — the rows a launch leaves, written to the run's database as the
// launch would. The picker lists the course's quizzes with their points, makes a draft, and
// "Add to the LMS" leaves the browser for the platform's return URL by the auto-posting form
// (so Chromium's CSP let that form go there), where the mock verifies the signed response and
// shows what it received. The answered request then says so. The activity page: an instructor
// chooses the quiz of an activity made without deep linking; a student of the course is told the
// quiz is not chosen yet. axe and 360 px on each page.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import type { JSONWebKeySet, JWK } from "jose";
import { startMockPlatform, type MockPlatform } from "../support/lti-platform";
import { installDeepLinking, type DeepLinkingMock } from "../support/lti-platform/deep-linking";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const tag = randomUUID().slice(0, 8);
const courseId = `e2e-dl-${tag}`;
const platformId = `e2e-dl-platform-${tag}`;
const contextId = `e2e-dl-context-${tag}`;
const deepLinkId = `e2e-dl-request-${tag}`;
const linkId = `e2e-dl-link-${tag}`;
const waitingLinkId = `e2e-dl-waiting-${tag}`;
const handshakeId = `e2e-dl-quiz-${tag}`;
const DATA = `state-${tag}&"kept"`;

let platform: MockPlatform;
let dl: DeepLinkingMock;

/** The tool's public keys as /api/lti/jwks publishes them: what the LMS verifies against. */
function toolJwks(): Promise<JSONWebKeySet> {
  return Promise.resolve(
    withDb((db) => ({
      keys: (db.prepare(`SELECT publicJwk FROM LtiKey`).all() as { publicJwk: string }[]).map((r) => JSON.parse(r.publicJwk) as JWK),
    })),
  );
}

const stamp = (d = new Date()) => d.toISOString().replace("Z", "+00:00");

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  platform = await startMockPlatform({ toolJwks });
  dl = installDeepLinking(platform, { toolJwks });
  withDb((db) => {
    const id = (email: string) => (db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string }).id;
    const instructor = id("instructor@synack.test");
    const now = stamp();
    db.prepare(
      `INSERT INTO Course (id, code, title, joinCode, createdById, createdAt, updatedAt) VALUES (?, 'DL 101', 'Deep linking', ?, ?, ?, ?)`,
    ).run(courseId, `DL${tag.toUpperCase()}`, instructor, now, now);
    const enrol = db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, ?, ?)`);
    enrol.run(randomUUID(), courseId, instructor, "INSTRUCTOR", now);
    enrol.run(randomUUID(), courseId, id("ada@synack.test"), "STUDENT", now);
    db.prepare(
      `INSERT INTO Quiz (id, courseId, title, mode, published, createdAt, updatedAt) VALUES (?, ?, 'Handshake check', 'EXAM', 1, ?, ?)`,
    ).run(handshakeId, courseId, now, now);
    const item = db.prepare(`INSERT INTO QuizItem (id, quizId, position, drawCount, points) VALUES (?, ?, ?, ?, ?)`);
    item.run(randomUUID(), handshakeId, 1, 1, 4);
    item.run(randomUUID(), handshakeId, 2, 2, 3);
    db.prepare(
      `INSERT INTO LtiPlatform (id, name, issuer, clientId, authUrl, tokenUrl, jwksUrl, createdAt, updatedAt) VALUES (?, 'Mock LMS', ?, ?, ?, ?, ?, ?, ?)`,
    ).run(platformId, platform.issuer, platform.clientId, platform.urls.auth, platform.urls.token, platform.urls.jwks, now, now);
    db.prepare(`INSERT INTO LtiDeployment (id, platformId, deploymentId, createdAt) VALUES (?, ?, ?, ?)`).run(
      randomUUID(),
      platformId,
      platform.deploymentId,
      now,
    );
    db.prepare(
      `INSERT INTO LtiContext (id, platformId, contextId, courseId, title, createdAt, updatedAt) VALUES (?, ?, 'lms-course', ?, 'LMS course', ?, ?)`,
    ).run(contextId, platformId, courseId, now, now);
    const settings = {
      deep_link_return_url: dl.returnUrl,
      accept_types: ["ltiResourceLink"],
      accept_presentation_document_targets: ["iframe", "window"],
      accept_lineitem: true,
      title: "A SynAck Lab quiz",
      data: DATA,
    };
    db.prepare(
      `INSERT INTO LtiDeepLink (id, platformId, deploymentId, contextId, userId, settings, createdAt, expiresAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      deepLinkId,
      platformId,
      platform.deploymentId,
      contextId,
      instructor,
      JSON.stringify(settings),
      now,
      stamp(new Date(Date.now() + 3_600_000)),
    );
    const link = db.prepare(
      `INSERT INTO LtiResourceLink (id, platformId, contextId, resourceLinkId, deploymentId, title, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    link.run(linkId, platformId, contextId, `rl-${tag}`, platform.deploymentId, "Week 3 activity", now, now);
    link.run(waitingLinkId, platformId, contextId, `rl-w-${tag}`, platform.deploymentId, "Week 4 activity", now, now);
  });
});

test.afterAll(async () => {
  withDb((db) => {
    db.prepare(`DELETE FROM LtiDeepLink WHERE id = ?`).run(deepLinkId);
    db.prepare(`DELETE FROM LtiPlatform WHERE id = ?`).run(platformId);
    db.prepare(`DELETE FROM Course WHERE id = ?`).run(courseId);
  });
  await platform?.close();
});

test("an instructor adds a quiz to the LMS: the signed response reaches the platform", async ({ page }) => {
  await signIn(page, "instructor@synack.test", undefined, `/lti/deep-link/${deepLinkId}`);
  await expect(page.getByRole("heading", { level: 1, name: "Add a quiz to your LMS" })).toBeVisible();
  await expect(page.getByText("Your LMS asks for: A SynAck Lab quiz")).toBeVisible();
  const row = page.getByRole("row", { name: /Handshake check/ });
  await expect(row.getByRole("cell", { name: "10", exact: true })).toBeVisible(); // 4 + 2 × 3 points
  await expectAccessible(page);

  // A new draft is listed at once, with the way to its builder.
  await page.getByLabel("Title").fill("Teardown draft");
  await page.getByRole("button", { name: "Create a draft" }).click();
  await expect(page.getByRole("status")).toContainText("“Teardown draft” was created as a draft");
  await expect(page.getByRole("link", { name: "Open Teardown draft in the quiz builder" })).toBeVisible();

  await page.setViewportSize({ width: 360, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  await page.setViewportSize({ width: 1280, height: 800 });

  const answered = page.waitForResponse((r) => r.url().endsWith(`/api/lti/deep-link/${deepLinkId}`) && r.request().method() === "POST");
  await page.getByRole("button", { name: "Add Handshake check to the LMS" }).click();
  // The answer's own policy, alone: its form may go to the platform's origin, and nowhere else.
  const csp = await (await answered).headerValue("content-security-policy");
  expect(csp).toMatch(new RegExp(`(^|; )form-action ${platform.origin.replace(/[.:/]/g, "\\$&")}(;|$)`));
  expect(csp).not.toContain("form-action 'none'");
  await page.waitForURL(dl.returnUrl);
  await expect(page.getByRole("heading", { name: "Deep linking response received" })).toBeVisible();
  await expect(page.getByRole("listitem")).toHaveText("Handshake check");
  expect(dl.refusals).toEqual([]);
  expect(dl.responses).toHaveLength(1);
  expect(dl.responses[0].data).toBe(DATA);
  expect(dl.responses[0].items).toEqual([
    expect.objectContaining({
      type: "ltiResourceLink",
      title: "Handshake check",
      url: expect.stringMatching(/\/api\/lti\/launch$/),
      custom: { synack_quiz: handshakeId },
      lineItem: { scoreMaximum: 10, label: "Handshake check", resourceId: handshakeId },
    }),
  ]);

  // Every other API answer keeps the policy that allows nothing.
  expect((await page.request.get("/api/health")).headers()["content-security-policy"]).toBe(
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  );

  // One answer per request: the page now says so.
  await page.goto(`/lti/deep-link/${deepLinkId}`);
  await expect(page.getByRole("heading", { name: "This request has been answered" })).toBeVisible();
  await expectAccessible(page);
});

test("an instructor chooses the quiz of an activity made without deep linking; a student waits for it", async ({ browser }) => {
  const instructorContext = await browser.newContext();
  const instructor = await instructorContext.newPage();
  await signIn(instructor, "instructor@synack.test", undefined, `/lti/links/${linkId}`);
  await expect(instructor.getByRole("heading", { level: 1, name: "The quiz this activity opens" })).toBeVisible();
  await expect(instructor.getByText("It opens no quiz yet")).toBeVisible();
  await instructor.getByLabel("Quiz").selectOption({ label: "Handshake check — Exam, 10 points" });
  await instructor.getByRole("button", { name: "Open this quiz from the activity" }).click();
  await expect(instructor.getByRole("status")).toHaveText("The activity now opens “Handshake check”.");
  await instructor.reload();
  await expect(instructor.getByText("It opens “Handshake check”.")).toBeVisible();
  await expectAccessible(instructor);
  await instructor.setViewportSize({ width: 360, height: 800 });
  expect(await instructor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await instructorContext.close();

  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  await signIn(student, "ada@synack.test", undefined, `/lti/links/${waitingLinkId}`);
  await expect(student.getByRole("heading", { name: "Your instructor has not chosen the quiz yet" })).toBeVisible();
  await expectAccessible(student);
  await student.goto(`/lti/links/${linkId}`);
  await expect(student.getByRole("link", { name: "Open the quiz" })).toHaveAttribute(
    "href",
    `/courses/${courseId}/quizzes/${handshakeId}/start`,
  );
  // Someone else's deep-linking request is not shown to exist.
  await student.goto(`/lti/deep-link/${deepLinkId}`);
  await expect(student.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  await student.goto(`/lti/links/${linkId}`);
  await student.setViewportSize({ width: 360, height: 800 });
  expect(await student.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await studentContext.close();
});
