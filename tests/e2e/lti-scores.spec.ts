// Scores to the LMS end to end: the mock platform (tests/support/lti-platform) plays an LMS
// whose activity opens a quiz; two students submit through the app's API; the app posts each
// score after its response (a service token by a signed assertion, a line item looked up and
// made, the score). One student is refused by the LMS: the gradebook says so with the LMS's
// reason, and "Send again" (by keyboard) sends it once the LMS takes it. axe, and a 360 px phone.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import type { JSONWebKeySet, JWK } from "jose";
import { startMockPlatform, type MockPlatform } from "../support/lti-platform";
import { installAgs, type MockAgs } from "../support/lti-platform/ags";
import { createQuiz, expectedAnswers, withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const SCOPES = [
  "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
  "https://purl.imsglobal.org/spec/lti-ags/scope/score",
];

function fromApp(page: Page) {
  return { Origin: new URL(page.url()).origin, "Content-Type": "application/json" };
}

async function person(browser: Browser, email: string, width = 1200) {
  const context = await browser.newContext({ viewport: { width, height: 1000 }, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

/** The tool's published keys, as the app keeps them (the JWKS route is another part's). */
function toolJwks(): Promise<JSONWebKeySet> {
  return Promise.resolve(
    withDb((db) => ({
      keys: (db.prepare(`SELECT publicJwk FROM LtiKey`).all() as { publicJwk: string }[]).map((r) => JSON.parse(r.publicJwk) as JWK),
    })),
  );
}

/** The LMS registered, its course linked to the demo course, an activity opening the quiz, and the students known to it. */
function register(platform: MockPlatform, ags: MockAgs, quizId: string, students: string[]) {
  return withDb((db) => {
    const now = new Date().toISOString();
    const courseId = (db.prepare(`SELECT courseId FROM Quiz WHERE id = ?`).get(quizId) as { courseId: string }).courseId;
    const platformId = randomUUID();
    db.prepare(
      `INSERT INTO LtiPlatform (id, name, product, issuer, clientId, authUrl, tokenUrl, jwksUrl, createdAt, updatedAt) VALUES (?, 'Mock Canvas', 'canvas', ?, ?, ?, ?, ?, ?, ?)`,
    ).run(platformId, platform.issuer, platform.clientId, platform.urls.auth, platform.urls.token, platform.urls.jwks, now, now);
    const contextId = randomUUID();
    db.prepare(
      `INSERT INTO LtiContext (id, platformId, contextId, courseId, lineItemsUrl, agsScopes, createdAt, updatedAt) VALUES (?, ?, 'ctx-1', ?, ?, ?, ?, ?)`,
    ).run(contextId, platformId, courseId, ags.lineItemsUrl, JSON.stringify(SCOPES), now, now);
    db.prepare(
      `INSERT INTO LtiResourceLink (id, platformId, contextId, resourceLinkId, deploymentId, quizId, title, createdAt, updatedAt) VALUES (?, ?, ?, 'rl-1', ?, ?, 'Week 3 quiz', ?, ?)`,
    ).run(randomUUID(), platformId, contextId, platform.deploymentId, quizId, now, now);
    const ids: Record<string, string> = {};
    for (const name of students) {
      ids[name] = (db.prepare(`SELECT id FROM user WHERE email = ?`).get(`${name}@synack.test`) as { id: string }).id;
      db.prepare(`INSERT INTO LtiUser (id, issuer, sub, userId, createdAt) VALUES (?, ?, ?, ?, ?)`).run(
        randomUUID(),
        platform.issuer,
        `sub-${name}`,
        ids[name],
        now,
      );
    }
    return { courseId, ids };
  });
}

async function submitRight(page: Page, quizId: string) {
  const start = await page.request.post(`/api/quizzes/${quizId}/attempts`, { headers: fromApp(page) });
  expect(start.status()).toBe(201);
  const { attemptId } = (await start.json()) as { attemptId: string };
  const answer = expectedAnswers(attemptId)[0];
  expect((await page.request.put(`/api/attempts/${attemptId}/responses/1`, { data: { answer }, headers: fromApp(page) })).status()).toBe(
    200,
  );
  expect((await page.request.post(`/api/attempts/${attemptId}/submit`, { headers: fromApp(page) })).status()).toBe(200);
}

test("scores go to the LMS after each submit; a refused one is shown with its reason and sent again", async ({ browser }) => {
  test.setTimeout(180_000);
  let benGradable = false;
  const platform = await startMockPlatform({ toolJwks });
  const ags = installAgs(platform, { style: "canvas", gradable: (sub) => sub !== "sub-ben" || benGradable });
  try {
    const quizId = createQuiz("LMS scores quiz", "handshake-states", { feedbackRelease: "IMMEDIATELY" });
    const { courseId } = register(platform, ags, quizId, ["chen", "ben"]);

    const chen = await person(browser, "chen@synack.test");
    await submitRight(chen.page, quizId);
    await expect.poll(() => ags.accepted.length, { timeout: 20_000 }).toBe(1);
    expect(ags.created).toHaveLength(1);
    expect(ags.accepted[0].body).toMatchObject({ userId: "sub-chen", scoreGiven: 2, scoreMaximum: 2, gradingProgress: "FullyGraded" });

    const ben = await person(browser, "ben@synack.test");
    await submitRight(ben.page, quizId);
    await expect.poll(() => ags.posts.filter((p) => p.status === 422).length, { timeout: 20_000 }).toBe(1);

    // The gradebook: one sent, one failed with the LMS's words, and the buttons to send again.
    const staff = await person(browser, "instructor@synack.test");
    const page = staff.page;
    await page.goto(`/courses/${courseId}/gradebook`);
    // Other specs share the demo course and may have sent scores of their own: the failed one is this test's.
    await expect(page.getByTestId("lti-summary")).toHaveText(/^No scores are waiting to be sent, 1 failed, \d+ sent\.$/);
    const card = page.getByRole("region", { name: "Scores sent to the LMS" });
    const row = card.getByRole("row", { name: /Ben Carter/ });
    await expect(row).toContainText("failed: sending the score: the LMS answered 422");
    await expect(row).toContainText("not a student");
    await expect(card.getByRole("button", { name: "Send all failed again" })).toBeVisible();
    await expectAccessible(page);
    // A phone, while the failed score and the LMS's long answer are listed: the card fits, its
    // table scrolling inside its own box, and the page does not scroll sideways.
    const phone = await person(browser, "instructor@synack.test", 360);
    const small = phone.page;
    await small.goto(`/courses/${courseId}/gradebook`);
    await expect(small.getByRole("region", { name: "Scores sent to the LMS" }).getByRole("row", { name: /Ben Carter/ })).toBeVisible();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await phone.context.close();

    // Ben is a student of the LMS course now; "Send again", from the keyboard.
    benGradable = true;
    const resend = row.getByRole("button", { name: /^Send again/ });
    await resend.focus();
    await page.keyboard.press("Enter");
    await expect(row.getByRole("status")).toHaveText("Queued: it will be sent to the LMS in a moment.");
    await expect.poll(() => ags.accepted.filter((a) => a.userId === "sub-ben").length, { timeout: 20_000 }).toBe(1);
    await page.reload();
    await expect(page.getByTestId("lti-summary")).toHaveText(/^No scores are waiting to be sent, none failed, \d+ sent\.$/);
    expect(ags.accepted).toHaveLength(2); // each score once

    // The cell says where the score is.
    const benId = withDb((db) => (db.prepare(`SELECT id FROM user WHERE email = 'ben@synack.test'`).get() as { id: string }).id);
    await page.goto(`/courses/${courseId}/gradebook/${quizId}/${benId}`);
    await expect(page.getByTestId("cell-lti")).toContainText("Activity Week 3 quiz");
    await expect(page.getByTestId("cell-lti")).toContainText("sent to LMS on");
    await expectAccessible(page);
  } finally {
    await platform.close();
  }
});
