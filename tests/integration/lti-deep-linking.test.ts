// Deep linking on a real SQLite file and a real PostgreSQL database, through the answer route
// itself (app/api/lti/deep-link/[id]) and against the mock platform, which checks the response
// as an LMS does: the chosen quiz's item (launch URL, the quiz in custom, a line item of its
// points) signed by the tool and verified against its JWKS, dl:data echoed, cancel answered with
// no items, a placement that takes no resource links answered with dl:errormsg; one answer per
// request; other people, students, TAs and another course's quiz refused. Then the activities:
// the custom claim links a new activity's quiz on its first launch (only a quiz of its course),
// and an instructor's choice, refused once scores of the activity are in the outbox.
import { createHmac, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const holder = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  return { db: undefined as unknown };
});
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db/client", async (original) => (await import("./fixtures/app-db")).switchableClient(original, holder));

import { GET, POST } from "@/app/api/lti/deep-link/[id]/route";
import { chooseLinkQuiz, linkQuizFromLaunch, viewDeepLink, viewLink } from "@/lib/lti/deep-links";
import { publishedJwks } from "@/lib/lti/tool-keys";
import { startMockPlatform, type MockPlatform } from "../support/lti-platform";
import { installDeepLinking, type DeepLinkingMock } from "../support/lti-platform/deep-linking";
import { DATABASES, type TestDatabase } from "./databases";

const BASE = "http://localhost:3000";
const LAUNCH_URL = `${BASE}/api/lti/launch`;

function cookieFor(token: string): string {
  const signed = `${token}.${createHmac("sha256", process.env.AUTH_SECRET!).update(token).digest("base64")}`;
  return `better-auth.session_token=${encodeURIComponent(signed)}`;
}

/** The auto-post document's form: where it posts, its fields, and the nonce its script carries. */
function formOf(html: string) {
  const action = /<form [^>]*action="([^"]+)"/.exec(html)?.[1]?.replace(/&amp;/g, "&");
  const fields = [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]);
  const scriptNonce = /<script nonce="([^"]+)"/.exec(html)?.[1];
  return { action, fields, scriptNonce };
}

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let platform: MockPlatform;
  let dl: DeepLinkingMock;
  const courseId = `dl-${randomUUID().slice(0, 8)}`;
  const cookies: Record<string, string> = {};
  let platformId: string;
  let contextId: string;
  let unlinkedContextId: string;
  const quiz: Record<string, string> = {};

  beforeAll(async () => {
    t = await open();
    holder.db = t.db;
    const db = t.db;
    platform = await startMockPlatform({ toolJwks: () => publishedJwks(db) });
    dl = installDeepLinking(platform, { toolJwks: () => publishedJwks(db) });
    for (const [id, role] of [
      ["teacher", "INSTRUCTOR"],
      ["ta", "TA"],
      ["student", "STUDENT"],
      ["other", null],
    ] as const) {
      await db.user.create({ data: { id: `${courseId}-${id}`, name: id, email: `${id}-${courseId}@dl.test` } });
      const token = `${courseId}-${id}-token`;
      await db.session.create({
        data: { id: `${courseId}-${id}-s`, token, userId: `${courseId}-${id}`, expiresAt: new Date(Date.now() + 3_600_000) },
      });
      cookies[id] = cookieFor(token);
      if (id === "teacher")
        await db.course.create({
          data: { id: courseId, code: "NET 101", title: "Networks", joinCode: courseId, createdById: `${courseId}-teacher` },
        });
      if (role) await db.enrollment.create({ data: { courseId, userId: `${courseId}-${id}`, role } });
    }
    await db.course.create({
      data: { id: `${courseId}-x`, code: "OT 1", title: "Other", joinCode: `${courseId}-x`, createdById: `${courseId}-other` },
    });
    await db.enrollment.create({ data: { courseId: `${courseId}-x`, userId: `${courseId}-other`, role: "INSTRUCTOR" } });

    const p = await db.ltiPlatform.create({
      data: {
        name: "Mock LMS",
        issuer: platform.issuer,
        clientId: platform.clientId,
        authUrl: platform.urls.auth,
        tokenUrl: platform.urls.token,
        jwksUrl: platform.urls.jwks,
        deployments: { create: { deploymentId: platform.deploymentId } },
      },
    });
    platformId = p.id;
    contextId = (await db.ltiContext.create({ data: { platformId, contextId: "lms-course-1", courseId, title: "LMS Networks" } })).id;
    unlinkedContextId = (await db.ltiContext.create({ data: { platformId, contextId: "lms-course-2", title: "Not yet" } })).id;

    // 4 + 6 fixed points and a draw of 3 questions at 2 points each: 16 points.
    quiz.handshake = (
      await db.quiz.create({
        data: {
          courseId,
          title: "Handshake",
          mode: "EXAM",
          published: true,
          items: {
            create: [
              { position: 0, points: 4 },
              { position: 1, points: 6 },
              { position: 2, points: 2, drawCount: 3 },
            ],
          },
        },
      })
    ).id;
    quiz.empty = (await db.quiz.create({ data: { courseId, title: "Empty draft", mode: "PRACTICE" } })).id;
    quiz.elsewhere = (
      await db.quiz.create({
        data: { courseId: `${courseId}-x`, title: "Elsewhere", mode: "PRACTICE", items: { create: [{ position: 0 }] } },
      })
    ).id;
  });
  afterAll(async () => {
    holder.db = undefined;
    await platform?.close();
    await t?.drop();
  });

  async function deepLink(settings: Record<string, unknown>, options: { user?: string; context?: string; expiresInMs?: number } = {}) {
    const row = await t.db.ltiDeepLink.create({
      data: {
        platformId,
        deploymentId: platform.deploymentId,
        contextId: options.context ?? contextId,
        userId: `${courseId}-${options.user ?? "teacher"}`,
        settings: JSON.stringify(settings),
        expiresAt: new Date(Date.now() + (options.expiresInMs ?? 3_600_000)),
      },
    });
    return row.id;
  }
  const settings = (extra: Record<string, unknown> = {}) => ({
    deep_link_return_url: dl.returnUrl,
    accept_types: ["link", "ltiResourceLink"],
    accept_presentation_document_targets: ["iframe", "window"],
    accept_multiple: false,
    ...extra,
  });

  function answer(id: string, who: string | null, form: string, headers: Record<string, string> = {}) {
    return POST(
      new Request(`${BASE}/api/lti/deep-link/${id}`, {
        method: "POST",
        headers: {
          host: "localhost:3000",
          origin: BASE,
          "content-type": "application/x-www-form-urlencoded",
          ...(who ? { cookie: cookies[who] } : {}),
          ...headers,
        },
        body: form,
      }),
      { params: Promise.resolve({ id }) },
    );
  }

  /** Plays the browser: submits the auto-post form to the platform. */
  async function deliver(response: Response) {
    const html = await response.text();
    const form = formOf(html);
    expect(form.fields.map(([name]) => name)).toEqual(["JWT"]);
    const r = await fetch(form.action!, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form.fields as [string, string][]),
    });
    return { status: r.status, html, form };
  }

  it("sends the chosen quiz to the platform as a signed resource link it verifies, with dl:data echoed", async () => {
    const data = 'csrftoken:c7fbba78-7b75-46e3-9201-11e6d5f36f53 "quoted" & <tagged>';
    const id = await deepLink(settings({ data, title: "Add an activity", text: "Chosen in the LMS" }));
    const response = await answer(id, "teacher", `answer=quiz&quizId=${quiz.handshake}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = response.headers.get("content-security-policy")!;
    const before = dl.responses.length;
    const { status, form } = await deliver(response);
    expect(status).toBe(200);
    expect(form.action).toBe(dl.returnUrl);
    // The document may post its form to the platform's origin only, and run only its own nonced script.
    expect(csp).toContain(`form-action ${platform.origin}`);
    expect(csp).not.toContain("form-action 'self'");
    expect(csp).toContain(`script-src 'nonce-${form.scriptNonce}'`);
    expect(csp).toContain(`frame-ancestors ${platform.origin}`);
    expect(response.headers.get("cache-control")).toBe("no-store");

    expect(dl.responses).toHaveLength(before + 1);
    const got = dl.responses.at(-1)!;
    expect(got.items).toEqual([
      {
        type: "ltiResourceLink",
        title: "Handshake",
        text: "SynAck Lab quiz, 16 points",
        url: LAUNCH_URL,
        custom: { synack_quiz: quiz.handshake },
        lineItem: { scoreMaximum: 16, label: "Handshake", resourceId: quiz.handshake },
      },
    ]);
    expect(got.data).toBe(data);
    expect(got.payload.exp! - got.payload.iat!).toBeGreaterThanOrEqual(300);
    expect(got.payload.exp! - got.payload.iat!).toBeLessThanOrEqual(3600);

    const row = await t.db.ltiDeepLink.findUniqueOrThrow({ where: { id } });
    expect(row.usedAt).not.toBeNull();
    const audit = await t.db.auditLog.findFirstOrThrow({ where: { target: id } });
    expect(audit).toMatchObject({ action: "lti.deepLink.link", actorId: `${courseId}-teacher`, courseId });
    expect(JSON.parse(audit.detail!)).toMatchObject({ quizId: quiz.handshake, points: 16 });
  });

  it("refuses a second answer to the same request, and sends nothing", async () => {
    const id = await deepLink(settings());
    expect((await answer(id, "teacher", `answer=quiz&quizId=${quiz.handshake}`)).status).toBe(200);
    const again = await answer(id, "teacher", "answer=cancel");
    expect(again.status).toBe(409);
    const html = await again.text();
    expect(html).toContain("already been answered");
    expect(html).not.toContain('name="JWT"');
    expect(again.headers.get("content-security-policy")).toContain("form-action 'none'");
    expect((await viewDeepLink(t.db, id, { id: `${courseId}-teacher` }, new Date())).state).toBe("used");
  });

  it("answers one of two racing answers", async () => {
    const id = await deepLink(settings());
    const [a, b] = await Promise.all([
      answer(id, "teacher", `answer=quiz&quizId=${quiz.handshake}`),
      answer(id, "teacher", `answer=quiz&quizId=${quiz.handshake}`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect(await t.db.auditLog.count({ where: { target: id } })).toBe(1);
  });

  it("refuses an expired request", async () => {
    const id = await deepLink(settings(), { expiresInMs: -1000 });
    const r = await answer(id, "teacher", `answer=quiz&quizId=${quiz.handshake}`);
    expect(r.status).toBe(409);
    expect(await r.text()).toContain("expired");
  });

  it("refuses someone else's request as not found, and students and TAs of the course as not instructors", async () => {
    const mine = await deepLink(settings());
    expect((await answer(mine, "other", `answer=quiz&quizId=${quiz.handshake}`)).status).toBe(404);
    expect((await answer(mine, null, `answer=quiz&quizId=${quiz.handshake}`)).status).toBe(401);
    for (const who of ["student", "ta"]) {
      const theirs = await deepLink(settings(), { user: who });
      const r = await answer(theirs, who, `answer=quiz&quizId=${quiz.handshake}`);
      expect(r.status).toBe(403);
      expect(await r.text()).toContain("Only an instructor");
      expect((await t.db.ltiDeepLink.findUniqueOrThrow({ where: { id: theirs } })).usedAt).toBeNull();
    }
    expect((await t.db.ltiDeepLink.findUniqueOrThrow({ where: { id: mine } })).usedAt).toBeNull();
  });

  it("refuses another course's quiz, another site's form, and a form it cannot read", async () => {
    const id = await deepLink(settings());
    expect((await answer(id, "teacher", `answer=quiz&quizId=${quiz.elsewhere}`)).status).toBe(404);
    expect((await answer(id, "teacher", "answer=quiz", { origin: "https://evil.example" })).status).toBe(403);
    expect((await answer(id, "teacher", "answer=quiz")).status).toBe(400);
    expect((await answer(id, "teacher", "answer=other")).status).toBe(400);
    expect((await answer(id, "teacher", "answer=cancel", { "content-type": "application/json" })).status).toBe(415);
    expect((await answer(id, "teacher", `answer=cancel&pad=${"x".repeat(4000)}`)).status).toBe(413);
    expect((await t.db.ltiDeepLink.findUniqueOrThrow({ where: { id } })).usedAt).toBeNull();
    expect((await GET(new Request(`${BASE}/api/lti/deep-link/${id}`))).status).toBe(405);
  });

  it("answers cancel with no items and a message", async () => {
    const id = await deepLink(settings({ data: "opaque" }));
    const { status } = await deliver(await answer(id, "teacher", "answer=cancel"));
    expect(status).toBe(200);
    const got = dl.responses.at(-1)!;
    expect(got.items).toEqual([]);
    expect(got.message).toBe("No quiz was added.");
    expect(got.data).toBe("opaque");
    expect(got.errorMessage).toBeUndefined();
  });

  it("answers a placement that takes no resource links with dl:errormsg, and refuses a quiz for it", async () => {
    const id = await deepLink(settings({ accept_types: ["file", "html"] }));
    expect((await answer(id, "teacher", `answer=quiz&quizId=${quiz.handshake}`)).status).toBe(422);
    const { status } = await deliver(await answer(id, "teacher", "answer=cancel"));
    expect(status).toBe(200);
    const got = dl.responses.at(-1)!;
    expect(got.items).toEqual([]);
    expect(got.errorMessage).toBe("SynAck Lab offers only LTI resource links (ltiResourceLink); this place in the LMS takes file, html.");
    expect(got.message).toBeUndefined();
  });

  it("sends a quiz with no points yet, or to a platform that takes no line items, without a line item", async () => {
    const empty = await deepLink(settings());
    await deliver(await answer(empty, "teacher", `answer=quiz&quizId=${quiz.empty}`));
    expect(dl.responses.at(-1)!.items[0]).not.toHaveProperty("lineItem");
    expect(dl.responses.at(-1)!.items[0]).toMatchObject({ custom: { synack_quiz: quiz.empty }, url: LAUNCH_URL });
    const noLineItems = await deepLink(settings({ accept_lineitem: false }));
    await deliver(await answer(noLineItems, "teacher", `answer=quiz&quizId=${quiz.handshake}`));
    expect(dl.responses.at(-1)!.items[0]).not.toHaveProperty("lineItem");
  });

  it("says why a request cannot be answered: an unlinked LMS course, a return URL that is not https", async () => {
    const unlinked = await deepLink(settings(), { context: unlinkedContextId });
    expect(await viewDeepLink(t.db, unlinked, { id: `${courseId}-teacher` }, new Date())).toEqual({
      state: "unlinked",
      contextId: unlinkedContextId,
      contextTitle: "Not yet",
    });
    expect((await answer(unlinked, "teacher", "answer=cancel")).status).toBe(409);
    const plain = await deepLink(settings({ deep_link_return_url: "http://lms.example/return" }));
    const view = await viewDeepLink(t.db, plain, { id: `${courseId}-teacher` }, new Date());
    expect(view).toMatchObject({ state: "invalid", problem: expect.stringContaining("deep_link_return_url") });
    expect((await answer(plain, "teacher", "answer=cancel")).status).toBe(422);
  });

  it("a platform that refuses the response is seen refusing (the misbehaving mock)", async () => {
    dl.setMisbehaving(true);
    const id = await deepLink(settings());
    const { status } = await deliver(await answer(id, "teacher", `answer=quiz&quizId=${quiz.handshake}`));
    dl.setMisbehaving(false);
    expect(status).toBe(400);
    expect(dl.refusals.at(-1)).toBe("the platform is misbehaving");
  });

  describe("the quiz an activity opens", () => {
    async function link(resourceLinkId: string, quizId: string | null = null) {
      return (
        await t.db.ltiResourceLink.create({
          data: { platformId, contextId, resourceLinkId, deploymentId: platform.deploymentId, quizId, title: resourceLinkId },
        })
      ).id;
    }

    it("takes the quiz the custom claim names on a new activity's first launch", async () => {
      const id = await link(`rl-${randomUUID()}`);
      expect(await linkQuizFromLaunch(t.db, { linkId: id, courseId, custom: { synack_quiz: quiz.handshake, other: "x" } })).toBe(
        quiz.handshake,
      );
      expect((await t.db.ltiResourceLink.findUniqueOrThrow({ where: { id } })).quizId).toBe(quiz.handshake);
      // Later launches keep it, whatever their claim says.
      expect(await linkQuizFromLaunch(t.db, { linkId: id, courseId, custom: { synack_quiz: quiz.empty } })).toBe(quiz.handshake);
    });

    it("ignores a custom claim naming another course's quiz, or nothing usable", async () => {
      const id = await link(`rl-${randomUUID()}`);
      expect(await linkQuizFromLaunch(t.db, { linkId: id, courseId, custom: { synack_quiz: quiz.elsewhere } })).toBeNull();
      expect(await linkQuizFromLaunch(t.db, { linkId: id, courseId: `${courseId}-x`, custom: { synack_quiz: quiz.elsewhere } })).toBeNull();
      expect(await linkQuizFromLaunch(t.db, { linkId: id, courseId, custom: undefined })).toBeNull();
      expect(await linkQuizFromLaunch(t.db, { linkId: id, courseId, custom: { synack_quiz: 7 } })).toBeNull();
      expect((await t.db.ltiResourceLink.findUniqueOrThrow({ where: { id } })).quizId).toBeNull();
    });

    it("lets an instructor choose and change the quiz until scores of the activity exist", async () => {
      const id = await link(`rl-${randomUUID()}`);
      expect(await viewLink(t.db, id)).toMatchObject({ state: "ready", quizId: null, courseId, hasScores: false });
      const actor = { linkId: id, courseId, actorId: `${courseId}-teacher` };
      expect((await chooseLinkQuiz(t.db, { ...actor, quizId: quiz.empty })).title).toBe("Empty draft");
      expect((await chooseLinkQuiz(t.db, { ...actor, quizId: quiz.handshake })).title).toBe("Handshake");
      await expect(chooseLinkQuiz(t.db, { ...actor, quizId: quiz.elsewhere })).rejects.toMatchObject({ status: 404 });
      await expect(chooseLinkQuiz(t.db, { ...actor, courseId: `${courseId}-x`, quizId: quiz.elsewhere })).rejects.toMatchObject({
        status: 404,
      });
      const audits = await t.db.auditLog.findMany({ where: { target: id, action: "lti.link.quiz" }, orderBy: { at: "asc" } });
      expect(audits.map((a) => JSON.parse(a.detail!))).toEqual([
        { quizId: quiz.empty, previous: null, from: "instructor" },
        { quizId: quiz.handshake, previous: quiz.empty, from: "instructor" },
      ]);

      await t.db.ltiScore.create({
        data: {
          linkId: id,
          userId: `${courseId}-student`,
          ltiSub: "student-sub",
          scoreGiven: 8,
          scoreMaximum: 16,
          activityProgress: "Completed",
          gradingProgress: "FullyGraded",
          scoredAt: new Date(),
        },
      });
      expect(await viewLink(t.db, id)).toMatchObject({ hasScores: true, quizId: quiz.handshake });
      await expect(chooseLinkQuiz(t.db, { ...actor, quizId: quiz.empty })).rejects.toMatchObject({ status: 409 });
      expect((await t.db.ltiResourceLink.findUniqueOrThrow({ where: { id } })).quizId).toBe(quiz.handshake);
    });
  });
});
