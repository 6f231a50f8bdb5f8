// An LTI launch in a real browser: the mock LMS's course page (on 127.0.0.1) shows the activity
// in an iframe of the app (on localhost: another site, as an LMS and a tool are), the OIDC login
// and the launch run inside the frame, and the student lands on the quiz's start page there,
// signed in by a cookie made for the frame (SameSite=None; Secure; Partitioned). A launch the
// app refuses says why inside the frame. axe judges both pages, the frame included. A student
// who submits inside the frame has the score posted to the LMS's gradebook (the mock's AGS).
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { startMockPlatform, type MockPlatform } from "../support/lti-platform";
import type { JSONWebKeySet, JWK } from "jose";
import { installAgs, type MockAgs } from "../support/lti-platform/ags";
import { installOidc, resourceLinkClaims, type Oidc } from "../support/lti-platform/oidc";
import { createQuiz, withDb } from "./e2e-db";
import { expectAccessible } from "./helpers";

let platform: MockPlatform;
let oidc: Oidc;
let ags: MockAgs;
let quizId: string;
let courseId: string;

test.beforeAll(async ({ baseURL }) => {
  // The platform checks the tool's service-token assertions against the keys the app keeps.
  const toolJwks = (): Promise<JSONWebKeySet> =>
    Promise.resolve(
      withDb((db) => ({
        keys: (db.prepare(`SELECT publicJwk FROM LtiKey`).all() as { publicJwk: string }[]).map((r) => JSON.parse(r.publicJwk) as JWK),
      })),
    );
  platform = await startMockPlatform({ toolJwks });
  ags = installAgs(platform, { style: "canvas" });
  oidc = installOidc(platform, { toolLoginUrl: `${baseURL}/api/lti/login`, toolLaunchUrl: `${baseURL}/api/lti/launch` });
  quizId = createQuiz("Launched from the LMS", "handshake-states", { feedbackRelease: "IMMEDIATELY" });
  withDb((db) => {
    const now = new Date().toISOString();
    courseId = (db.prepare(`SELECT courseId FROM Quiz WHERE id = ?`).get(quizId) as { courseId: string }).courseId;
    const platformId = randomUUID();
    db.prepare(
      `INSERT INTO LtiPlatform (id, name, product, issuer, clientId, authUrl, tokenUrl, jwksUrl, registeredVia, createdAt, updatedAt)
       VALUES (?, 'Mock LMS', 'other', ?, ?, ?, ?, ?, 'manual', ?, ?)`,
    ).run(platformId, platform.issuer, platform.clientId, platform.urls.auth, platform.urls.token, platform.urls.jwks, now, now);
    db.prepare(`INSERT INTO LtiDeployment (id, platformId, deploymentId, createdAt) VALUES (?, ?, ?, ?)`).run(
      randomUUID(),
      platformId,
      platform.deploymentId,
      now,
    );
    const contextId = randomUUID();
    db.prepare(
      `INSERT INTO LtiContext (id, platformId, contextId, courseId, agsScopes, createdAt, updatedAt) VALUES (?, ?, 'course-1', ?, '[]', ?, ?)`,
    ).run(contextId, platformId, courseId, now, now);
    db.prepare(
      `INSERT INTO LtiResourceLink (id, platformId, contextId, resourceLinkId, deploymentId, quizId, createdAt, updatedAt)
       VALUES (?, ?, ?, 'link-1', ?, ?, ?, ?)`,
    ).run(randomUUID(), platformId, contextId, platform.deploymentId, quizId, now, now);
  });
});

test.afterAll(async () => {
  await platform?.close();
});

/** The origins a page's CSP lets frame it: other specs of the run register platforms of their own. */
function frameAncestors(csp: string | undefined): string[] {
  const directive = (csp ?? "").split(";").find((d) => d.trim().startsWith("frame-ancestors"));
  return directive ? directive.trim().split(/\s+/).slice(1) : [];
}

test("a student opens the quiz from the LMS's page, signed in inside its frame", async ({ page, request, baseURL }) => {
  // The app reads the platforms who may frame it at most every 30 seconds.
  await expect
    .poll(async () => frameAncestors((await request.get("/login")).headers()["content-security-policy"]), {
      timeout: 40_000,
      intervals: [1000],
    })
    .toContain(platform.origin);
  oidc.prepare(
    "lee",
    resourceLinkClaims(platform, {
      sub: "lee-sub",
      name: "Lee Learner",
      email: "lee@lms.test",
      targetLinkUri: `${baseURL}/api/lti/launch`,
    }),
  );
  await page.goto(oidc.coursePageUrl("lee"));
  const frame = page.frameLocator('iframe[title="SynAck Lab activity"]');
  await expect(frame.getByRole("heading", { name: "Launched from the LMS" })).toBeVisible({ timeout: 20_000 });
  const inner = page.frames().find((f) => f.url().startsWith(baseURL!))!;
  expect(new URL(inner.url()).pathname).toBe(`/courses/${courseId}/quizzes/${quizId}/start`);
  const cookies = await page.context().cookies(baseURL);
  const session = cookies.find((c) => c.name === "better-auth.session_token");
  expect(session).toMatchObject({ sameSite: "None", secure: true, httpOnly: true });
  expect(session?.partitionKey).toBeTruthy();
  await expectAccessible(page);
});

test("a student takes the quiz inside the LMS's frame, and the score reaches the LMS's gradebook", async ({ page, request, baseURL }) => {
  test.setTimeout(120_000);
  await expect
    .poll(async () => frameAncestors((await request.get("/login")).headers()["content-security-policy"]), {
      timeout: 40_000,
      intervals: [1000],
    })
    .toContain(platform.origin);
  // AGS 2.0 §3.1: the launch names the line-item container; the app finds or makes the activity's item there.
  oidc.prepare("sam", {
    ...resourceLinkClaims(platform, {
      sub: "sam-sub",
      name: "Sam Student",
      email: "sam@lms.test",
      targetLinkUri: `${baseURL}/api/lti/launch`,
    }),
    "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint": {
      scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"],
      lineitems: ags.lineItemsUrl,
    },
  });
  await page.goto(oidc.coursePageUrl("sam"));
  const frame = page.frameLocator('iframe[title="SynAck Lab activity"]');
  await frame.getByRole("button", { name: "Start now" }).click({ timeout: 20_000 });
  await frame.getByRole("button", { name: "Submit attempt" }).click({ timeout: 20_000 });
  await frame.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
  await expect.poll(() => ags.accepted.filter((a) => a.userId === "sam-sub").length, { timeout: 30_000 }).toBe(1);
  expect(ags.created).toHaveLength(1);
  // The review, in the frame, says what the LMS was sent.
  await expect(frame.getByText("Score: 0 / 2")).toBeVisible({ timeout: 20_000 });
  expect(ags.accepted[0].body).toMatchObject({
    userId: "sam-sub",
    scoreMaximum: 2,
    activityProgress: "Completed",
    gradingProgress: "FullyGraded",
  });
});

test("a launch the app refuses says why, inside the frame", async ({ page, baseURL }) => {
  oidc.prepare("lee", resourceLinkClaims(platform, { sub: "lee-sub", targetLinkUri: `${baseURL}/api/lti/launch` }));
  oidc.misbehave("unknownDeployment");
  try {
    await page.goto(oidc.coursePageUrl("lee"));
    const frame = page.frameLocator('iframe[title="SynAck Lab activity"]');
    await expect(frame.getByRole("heading", { name: "This launch from the LMS was refused" })).toBeVisible({ timeout: 20_000 });
    await expect(frame.getByText(/This deployment is not registered: deployment id deployment-nobody-registered/)).toBeVisible();
    await expectAccessible(page);
  } finally {
    oidc.misbehave(null);
  }
});
