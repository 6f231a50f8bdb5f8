// A launch from an LMS through the real /api/lti/login and /api/lti/launch routes, on SQLite and
// PostgreSQL, against the mock platform: a learner lands on the linked quiz's start page signed
// in (a session lib/auth/session-cookie.ts reads), an instructor of an LMS course not linked yet
// is sent to link it and then to the quiz page; the person, the LMS course and the activity are
// made once — also when two first launches race — with the service URLs the launch gave; a
// launch without PII gets an address that is no one's; deep linking is recorded; the browser
// that refused the state cookie is told so, with the login to retry in a window of its own; and
// every refusal is in the audit log. The handoff to a new window works once.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const holder = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  return { db: undefined as unknown };
});
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db/client", async (original) => (await import("./fixtures/app-db")).switchableClient(original, holder));

import { POST as handoffRoute } from "@/app/api/lti/handoff/route";
import { POST as launchRoute } from "@/app/api/lti/launch/route";
import { GET as loginGet, POST as loginPost } from "@/app/api/lti/login/route";
import { sessionFromCookie } from "@/lib/auth/session-cookie";
import { authSecret } from "@/lib/auth/secret";
import { appUrl } from "@/lib/env";
import { forgetFramingOrigins } from "@/lib/lti/frame-origins";
import { linkContext } from "@/lib/lti/context-link";
import { contextTicket } from "@/lib/lti/context-ticket";
import { acceptLaunch, isPlaceholderEmail } from "@/lib/lti/launch-service";
import { startLogin } from "@/lib/lti/login";
import { toolUrls } from "@/lib/lti/vocabulary";
import { startMockPlatform, type MockPlatform } from "../support/lti-platform";
import { deepLinkingClaims, installOidc, resourceLinkClaims, type Oidc } from "../support/lti-platform/oidc";
import { DATABASES, type TestDatabase } from "./databases";

const ORIGIN = new URL(appUrl()).origin;
const urls = toolUrls(ORIGIN);

/** The cookies a response sets, as a Cookie header would send them back. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => !c.endsWith("="))
    .join("; ");
}

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let platform: MockPlatform;
  let oidc: Oidc;
  let platformRowId: string;
  const courseId = `lti-${randomUUID().slice(0, 8)}`;
  const quizId = `${courseId}-quiz`;

  beforeAll(async () => {
    t = await open();
    holder.db = t.db;
    forgetFramingOrigins();
    platform = await startMockPlatform();
    oidc = installOidc(platform, { toolLoginUrl: urls.login, toolLaunchUrl: urls.launch });
    const row = await t.db.ltiPlatform.create({
      data: {
        name: "Mock LMS",
        issuer: platform.issuer,
        clientId: platform.clientId,
        authUrl: platform.urls.auth,
        tokenUrl: platform.urls.token,
        jwksUrl: platform.urls.jwks,
      },
    });
    platformRowId = row.id;
    await t.db.ltiDeployment.create({ data: { platformId: row.id, deploymentId: platform.deploymentId } });
    await t.db.user.create({ data: { id: "owner", name: "Course Owner", email: `owner-${courseId}@uni.test` } });
    await t.db.course.create({ data: { id: courseId, code: "NET 101", title: "Networks", joinCode: courseId, createdById: "owner" } });
    await t.db.quiz.create({ data: { id: quizId, courseId, title: "Week 1", mode: "PRACTICE" } });
  });
  afterAll(async () => {
    await platform.close();
    await t.drop();
  });

  /** The whole browser round: login (GET), the platform's answer, the launch post with the cookies. */
  async function launchAs(loginHint: string, options: { cookies?: boolean; post?: boolean } = {}) {
    const login = options.post
      ? await loginPost(
          new Request(urls.login, {
            method: "POST",
            headers: { "content-type": "application/x-www-form-urlencoded", origin: platform.origin },
            body: new URL(oidc.loginUrl(loginHint)).searchParams.toString(),
          }),
        )
      : await loginGet(new Request(oidc.loginUrl(loginHint)));
    expect(login.status).toBe(302);
    const auth = new URL(login.headers.get("location")!);
    const { idToken, state } = await oidc.answer(auth.searchParams);
    const response = await launchRoute(
      new Request(urls.launch, {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          origin: platform.origin,
          ...(options.cookies === false ? {} : { cookie: cookiesOf(login) }),
        },
        body: new URLSearchParams({ id_token: idToken, state }).toString(),
      }),
    );
    return { login, auth, response };
  }

  async function targetOf(response: Response): Promise<string> {
    const location = new URL(response.headers.get("location")!, ORIGIN);
    expect(location.pathname).toBe("/lti/open");
    const handoff = location.searchParams.get("handoff")!;
    const rows = await t.db.ltiHandoff.findMany({ where: { usedAt: null }, orderBy: { createdAt: "desc" }, take: 1 });
    expect(handoff.length).toBeGreaterThan(20);
    return rows[0].target;
  }

  it("sends the browser to the platform with what an OIDC login must carry", async () => {
    oidc.prepare(
      "probe",
      resourceLinkClaims(platform, { sub: "probe", contextId: "course-probe", resourceLinkId: "link-probe", targetLinkUri: urls.launch }),
    );
    const { login, auth } = await launchAs("probe", { post: true });
    const q = auth.searchParams;
    expect(`${auth.origin}${auth.pathname}`).toBe(platform.urls.auth);
    expect(
      Object.fromEntries(
        ["scope", "response_type", "response_mode", "prompt", "client_id", "redirect_uri", "login_hint", "lti_message_hint"].map((k) => [
          k,
          q.get(k),
        ]),
      ),
    ).toEqual({
      scope: "openid",
      response_type: "id_token",
      response_mode: "form_post",
      prompt: "none",
      client_id: platform.clientId,
      redirect_uri: urls.launch,
      login_hint: "probe",
      lti_message_hint: "msg-probe",
    });
    const cookie = login.headers.getSetCookie()[0];
    expect(cookie).toMatch(/^lti-state-[0-9a-f]{16}=/);
    for (const attribute of ["HttpOnly", "Secure", "SameSite=None", "Partitioned", "Max-Age=600"]) expect(cookie).toContain(attribute);
  });

  it("signs a learner in and opens the linked quiz's start page, with the service URLs kept", async () => {
    const ctx = await t.db.ltiContext.create({ data: { platformId: platformRowId, contextId: "course-1", courseId } });
    await t.db.ltiResourceLink.create({
      data: { platformId: platformRowId, contextId: ctx.id, resourceLinkId: "link-1", deploymentId: platform.deploymentId, quizId },
    });
    oidc.prepare(
      "ada",
      resourceLinkClaims(platform, {
        sub: "ada-sub",
        name: "Ada Lovelace",
        email: "ada@uni.test",
        targetLinkUri: urls.launch,
        lineItem: `${platform.origin}/li/1`,
      }),
    );
    const { response } = await launchAs("ada");
    expect(response.status).toBe(303);
    expect(await targetOf(response)).toBe(`/courses/${courseId}/quizzes/${quizId}/start`);
    const sessionCookie = response.headers.getSetCookie().find((c) => c.startsWith("better-auth.session_token="))!;
    for (const attribute of ["HttpOnly", "Secure", "SameSite=None", "Partitioned", "Path=/"]) expect(sessionCookie).toContain(attribute);
    const session = await sessionFromCookie(t.db, sessionCookie.split(";")[0], authSecret());
    expect(session?.user).toMatchObject({ name: "Ada Lovelace", email: "ada@uni.test" });
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "ada@uni.test" }, include: { accounts: true } });
    expect(user.invited).toBe(false);
    expect(user.accounts).toHaveLength(0); // no password until they set one
    expect((await t.db.enrollment.findUniqueOrThrow({ where: { courseId_userId: { courseId, userId: user.id } } })).role).toBe("STUDENT");
    const context = await t.db.ltiContext.findUniqueOrThrow({ where: { id: ctx.id } });
    expect(context.membershipsUrl).toBe(`${platform.origin}/courses/course-1/memberships`);
    expect(context.lineItemsUrl).toBe(`${platform.origin}/courses/course-1/lineitems`);
    expect(JSON.parse(context.agsScopes)).toHaveLength(2);
    expect((await t.db.ltiResourceLink.findFirstOrThrow({ where: { resourceLinkId: "link-1" } })).lineItemUrl).toBe(
      `${platform.origin}/li/1`,
    );
    // The state cookie is cleared.
    expect(response.headers.getSetCookie().some((c) => /^lti-state-[0-9a-f]+=;.*Max-Age=0/.test(c))).toBe(true);
  });

  it("sends an instructor of an unlinked LMS course to link it; once linked, to the quiz page", async () => {
    oidc.prepare(
      "tess",
      resourceLinkClaims(platform, {
        sub: "tess-sub",
        role: "Instructor",
        contextId: "course-2",
        resourceLinkId: "link-2",
        targetLinkUri: urls.launch,
      }),
    );
    const first = await launchAs("tess");
    const target = await targetOf(first.response);
    const context = await t.db.ltiContext.findUniqueOrThrow({
      where: { platformId_contextId: { platformId: platformRowId, contextId: "course-2" } },
    });
    expect(target).toMatch(new RegExp(`^/lti/contexts/${context.id}\\?ticket=`));
    expect(context.courseId).toBeNull();

    await t.db.ltiContext.update({ where: { id: context.id }, data: { courseId } });
    await t.db.ltiResourceLink.update({
      where: { platformId_resourceLinkId: { platformId: platformRowId, resourceLinkId: "link-2" } },
      data: { quizId },
    });
    const again = await launchAs("tess");
    expect(await targetOf(again.response)).toBe(`/courses/${courseId}/quizzes/${quizId}`);
    const tess = await t.db.ltiUser.findUniqueOrThrow({ where: { issuer_sub: { issuer: platform.issuer, sub: "tess-sub" } } });
    expect((await t.db.enrollment.findUniqueOrThrow({ where: { courseId_userId: { courseId, userId: tess.userId } } })).role).toBe(
      "INSTRUCTOR",
    );
    // A later launch as a learner does not take the instructor's role away.
    oidc.prepare(
      "tess",
      resourceLinkClaims(platform, { sub: "tess-sub", contextId: "course-2", resourceLinkId: "link-2", targetLinkUri: urls.launch }),
    );
    await launchAs("tess");
    expect((await t.db.enrollment.findUniqueOrThrow({ where: { courseId_userId: { courseId, userId: tess.userId } } })).role).toBe(
      "INSTRUCTOR",
    );
  });

  it("opens an activity that opens no quiz yet on its linking page", async () => {
    oidc.prepare(
      "lin",
      resourceLinkClaims(platform, { sub: "lin-sub", role: "Instructor", resourceLinkId: "link-3", targetLinkUri: urls.launch }),
    );
    const link = await targetOf((await launchAs("lin")).response);
    const row = await t.db.ltiResourceLink.findFirstOrThrow({ where: { resourceLinkId: "link-3" } });
    expect(link).toBe(`/lti/links/${row.id}`);
  });

  it("links an activity made by deep linking to the quiz its custom parameter names, and only a quiz of this course", async () => {
    // Deep Linking 2.0 §3.4.1: the custom parameters of the content item come back in every launch.
    oidc.prepare(
      "dl",
      resourceLinkClaims(platform, {
        sub: "lin-sub",
        role: "Instructor",
        resourceLinkId: "link-4",
        targetLinkUri: urls.launch,
        custom: { synack_quiz: quizId },
      }),
    );
    expect(await targetOf((await launchAs("dl")).response)).toBe(`/courses/${courseId}/quizzes/${quizId}`);
    expect((await t.db.ltiResourceLink.findFirstOrThrow({ where: { resourceLinkId: "link-4" } })).quizId).toBe(quizId);

    oidc.prepare(
      "dl-other",
      resourceLinkClaims(platform, {
        sub: "lin-sub",
        role: "Instructor",
        resourceLinkId: "link-5",
        targetLinkUri: urls.launch,
        custom: { synack_quiz: "a-quiz-of-another-course" },
      }),
    );
    const other = await targetOf((await launchAs("dl-other")).response);
    const row = await t.db.ltiResourceLink.findFirstOrThrow({ where: { resourceLinkId: "link-5" } });
    expect(row.quizId).toBeNull();
    expect(other).toBe(`/lti/links/${row.id}`);
  });

  it("gives a launch without name or email an address that is no one's, and a name", async () => {
    oidc.prepare("anon", resourceLinkClaims(platform, { sub: "anon-sub", name: null, email: null, targetLinkUri: urls.launch }));
    await launchAs("anon");
    const identity = await t.db.ltiUser.findUniqueOrThrow({
      where: { issuer_sub: { issuer: platform.issuer, sub: "anon-sub" } },
      include: { user: true },
    });
    expect(isPlaceholderEmail(identity.user.email)).toBe(true);
    expect(identity.user.email).toMatch(/@lms\.invalid$/);
    expect(identity.user.name).toMatch(/^LMS [0-9a-f]{8}$/);
  });

  it("makes one person, one LMS course and one enrolment when two first launches race", async () => {
    const claims = resourceLinkClaims(platform, {
      sub: "race-sub",
      email: "race@uni.test",
      contextId: "course-race",
      targetLinkUri: urls.launch,
    });
    oidc.prepare("race", claims);
    const logins = await Promise.all(
      [1, 2].map(() =>
        startLogin(t.db, { iss: platform.issuer, login_hint: "race", target_link_uri: urls.launch }, { toolOrigin: ORIGIN }),
      ),
    );
    const answers = await Promise.all(logins.map((l) => oidc.answer(new URL(l.redirect).searchParams)));
    const results = await Promise.all(
      answers.map((a, i) =>
        acceptLaunch(
          t.db,
          { idToken: a.idToken, state: a.state, cookieHeader: `${logins[i].cookieName}=${encodeURIComponent(a.state)}` },
          { now: new Date(), secret: authSecret(), toolOrigin: ORIGIN, https: false },
        ),
      ),
    );
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await t.db.ltiUser.count({ where: { sub: "race-sub" } })).toBe(1);
    expect(await t.db.user.count({ where: { email: "race@uni.test" } })).toBe(1);
    expect(await t.db.ltiContext.count({ where: { contextId: "course-race" } })).toBe(1);
  });

  it("records a deep-linking request and sends the instructor to it", async () => {
    oidc.prepare(
      "dl",
      deepLinkingClaims(platform, { sub: "tess-sub", contextId: "course-2", targetLinkUri: urls.launch, data: "opaque-42" }),
    );
    const target = await targetOf((await launchAs("dl")).response);
    const request = await t.db.ltiDeepLink.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(target).toBe(`/lti/deep-link/${request.id}`);
    expect(JSON.parse(request.settings)).toMatchObject({ deep_link_return_url: `${platform.origin}/deep-link-return`, data: "opaque-42" });
  });

  it("refuses a deep-linking request from a learner", async () => {
    const claims = deepLinkingClaims(platform, { sub: "ada-sub", targetLinkUri: urls.launch });
    claims["https://purl.imsglobal.org/spec/lti/claim/roles"] = ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"];
    oidc.prepare("dl-learner", claims);
    const { response } = await launchAs("dl-learner");
    expect(response.status).toBe(403);
  });

  it("tells a browser that refused the state cookie why, offering the login in a new window", async () => {
    const { response } = await launchAs("ada", { cookies: false });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("third-party cookies");
    const retry = /href="([^"]+)" target="_blank"/.exec(html)![1].replaceAll("&amp;", "&");
    const params = new URL(retry).searchParams;
    expect(`${new URL(retry).origin}${new URL(retry).pathname}`).toBe(urls.login);
    expect([params.get("iss"), params.get("login_hint"), params.get("client_id")]).toEqual([platform.issuer, "ada", platform.clientId]);
    expect(response.headers.get("content-security-policy")).toContain(`frame-ancestors ${platform.origin}`);
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "lti.launch.refused" }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.detail!)).toMatchObject({ reason: "stateMissing", iss: platform.issuer, clientId: platform.clientId });
  });

  it.each([
    ["badSignature", 401, "signature does not match"],
    ["wrongAud", 401, "meant for another tool"],
    ["expired", 401, "check the LMS server's clock"],
    ["unknownDeployment", 403, "This deployment is not registered: deployment id deployment-nobody-registered"],
  ] as const)("shows and audits a refused launch (%s)", async (mode, status, words) => {
    oidc.misbehave(mode);
    try {
      const { response } = await launchAs("ada");
      expect(response.status).toBe(status);
      expect(await response.text()).toContain(words.replaceAll("'", "&#39;"));
      const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "lti.launch.refused" }, orderBy: { at: "desc" } });
      expect(JSON.parse(audit.detail!).iss).toBe(platform.issuer);
    } finally {
      oidc.misbehave(null);
    }
  });

  it("refuses a replayed launch post", async () => {
    const login = await loginGet(new Request(oidc.loginUrl("ada")));
    const { idToken, state } = await oidc.answer(new URL(login.headers.get("location")!).searchParams);
    const post = () =>
      launchRoute(
        new Request(urls.launch, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(login) },
          body: new URLSearchParams({ id_token: idToken, state }).toString(),
        }),
      );
    expect((await post()).status).toBe(303);
    const again = await post();
    expect(again.status).toBe(401);
    expect(await again.text()).toContain("already been used");
  });

  it("refuses, in the reader's language, a login from an LMS nobody registered", async () => {
    const response = await loginGet(
      new Request(`${urls.login}?iss=https%3A%2F%2Flms.nowhere&login_hint=x&target_link_uri=${encodeURIComponent(urls.launch)}`, {
        headers: { "accept-language": "zh-CN" },
      }),
    );
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("未在 SynAck Lab 中注册");
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { action: "lti.login.refused" }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit.detail!)).toMatchObject({ reason: "unknownPlatform", iss: "https://lms.nowhere" });
  });

  it("carries a launch to a new window once, from the app's own page only", async () => {
    const { response } = await launchAs("ada");
    const handoff = new URL(response.headers.get("location")!, ORIGIN).searchParams.get("handoff")!;
    const post = (origin: string) =>
      handoffRoute(
        new Request(`${ORIGIN}/api/lti/handoff`, {
          method: "POST",
          headers: { "content-type": "application/x-www-form-urlencoded", origin, host: new URL(ORIGIN).host },
          body: new URLSearchParams({ handoff }).toString(),
        }),
      );
    expect((await post(platform.origin)).status).toBe(403);
    const first = await post(ORIGIN);
    expect(first.status).toBe(303);
    expect(first.headers.get("location")).toBe(`/courses/${courseId}/quizzes/${quizId}/start`);
    const cookie = first.headers.getSetCookie()[0];
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Partitioned");
    expect((await sessionFromCookie(t.db, cookie.split(";")[0], authSecret()))?.user.email).toBe("ada@uni.test");
    const second = await post(ORIGIN);
    expect(second.headers.get("location")).toBe("/lti/open?gone=1");
  });
  it("links an LMS course once, for the instructor the launch named, to a course they teach or a new one", async () => {
    const a = await t.db.ltiContext.create({
      data: { platformId: platformRowId, contextId: "course-link-a", title: "Routing 201", label: "RT201" },
    });
    const b = await t.db.ltiContext.create({ data: { platformId: platformRowId, contextId: "course-link-b" } });
    const now = new Date();
    const secret = authSecret();
    const made: string[] = [];
    const create = async (fields: { code: string; title: string }) => {
      const course = await t.db.course.create({ data: { ...fields, joinCode: randomUUID().slice(0, 8), createdById: "owner" } });
      made.push(course.title);
      return course;
    };
    const input = { contextId: a.id, userId: "owner", secret, now, ticket: contextTicket(secret, a.id, "owner", now) };
    // Someone else's ticket, and a course the person does not teach, are refused.
    await expect(
      linkContext(t.db, { ...input, ticket: contextTicket(secret, a.id, "ada", now), courseId: courseId }, create),
    ).rejects.toThrow("ltiLaunch.context.ticketExpired");
    await expect(linkContext(t.db, { ...input, courseId: `${courseId}-none` }, create)).rejects.toThrow("ltiLaunch.context.notYourCourse");
    await t.db.enrollment.upsert({
      where: { courseId_userId: { courseId, userId: "owner" } },
      create: { courseId, userId: "owner", role: "INSTRUCTOR" },
      update: { role: "INSTRUCTOR" },
    });
    expect(await linkContext(t.db, { ...input, courseId }, create)).toBe(courseId);
    expect(await linkContext(t.db, { ...input, courseId: null }, create)).toBe(courseId); // linked once
    expect(made).toEqual([]);
    const fresh = await linkContext(
      t.db,
      { ...input, contextId: b.id, ticket: contextTicket(secret, b.id, "owner", now), courseId: null },
      create,
    );
    expect(made).toEqual(["course-link-b"]);
    expect((await t.db.ltiContext.findUniqueOrThrow({ where: { id: b.id } })).courseId).toBe(fresh);
    expect(await t.db.auditLog.count({ where: { action: "lti.context.link" } })).toBe(2);
  });
});
