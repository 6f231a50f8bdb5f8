// Scores to the LMS through the outbox, on a real SQLite file and a real PostgreSQL database,
// against the mock platform's grade services (tests/support/lti-platform/ags.ts): a submit, an
// override, an excusal and a regrade each queue the student's counted score and it is posted;
// the line item is looked up first and made once; an LMS that is down gets the score exactly
// once when it is back; a refusal is kept with its reason until sent again; two senders never
// post one row twice; a score queued while an older one is in flight goes out after it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveResponse } from "@/lib/attempts/save";
import { setScoreChangeListener } from "@/lib/attempts/score-changes";
import { startAttempt } from "@/lib/attempts/start";
import { submitAttempt } from "@/lib/attempts/submit";
import { fillDemoQuizzes } from "@/lib/demo/demo-quizzes";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { excuseStudent, overrideAttempt, unexcuseStudent, type Actor } from "@/lib/gradebook/grade-changes";
import { CANVAS_SUBMISSION } from "@/lib/lti/ags";
import { sendDueScores } from "@/lib/lti/score-outbox";
import { courseScores, resendFailedScores, resendScore } from "@/lib/lti/score-outbox-staff";
import { installScoreOutbox } from "@/lib/lti/score-outbox-sweep";
import { publishedJwks } from "@/lib/lti/tool-keys";
import { MEDIA_TYPE, SCOPE } from "@/lib/lti/vocabulary";
import { expectedAnswer } from "@/lib/questions";
import { RegradeBodySchema } from "@/lib/regrade/schemas";
import { applyRegrade, startRegrade } from "@/lib/regrade/service";
import { startMockPlatform, type MockPlatform } from "../support/lti-platform";
import { installAgs, type AgsStyle, type MockAgs } from "../support/lti-platform/ags";
import { DATABASES, type TestDatabase } from "./databases";
import { rejects } from "./fixtures/rejects";

const GRANTED = JSON.stringify([SCOPE.lineItem, SCOPE.lineItemReadOnly, SCOPE.resultReadOnly, SCOPE.score]);

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let courseId = "";
  let questionId = "";
  let actor: Actor;
  const ids: Record<string, string> = {};

  /** What the routes run after the response, kept here to be awaited. */
  const tasks: Promise<unknown>[] = [];
  const schedule = (task: () => Promise<unknown>) => void tasks.push(task());
  const settle = async () => {
    while (tasks.length) await tasks.shift();
  };

  beforeAll(async () => {
    t = await open();
    await seedDemo(t.db);
    await syncStarterLibrary(t.db);
    await fillDemoQuizzes(t.db);
    courseId = (await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
    for (const u of await t.db.user.findMany()) ids[u.email.split("@")[0]] = u.id;
    actor = { userId: ids.instructor, courseId };
    questionId = (await t.db.question.findFirstOrThrow({ where: { key: "handshake-states", bank: { courseId } } })).id;
    installScoreOutbox(schedule);
  });
  afterAll(async () => {
    setScoreChangeListener(null);
    await t?.drop();
  });

  async function quiz(title: string) {
    return t.db.quiz.create({
      data: {
        courseId,
        title,
        mode: "EXAM",
        published: true,
        feedbackRelease: "IMMEDIATELY",
        attemptsAllowed: 3,
        items: { create: { position: 1, questionId, points: 2 } },
      },
      include: { items: true },
    });
  }

  /** A platform with grade services, a context linked to the course, and an activity opening the quiz. */
  async function lms(style: AgsStyle, quizId: string, options: { lineItem?: boolean; gradable?: (sub: string) => boolean } = {}) {
    const platform: MockPlatform = await startMockPlatform({ toolJwks: () => publishedJwks(t.db) });
    const ags: MockAgs = installAgs(platform, { style, gradable: options.gradable });
    const row = await t.db.ltiPlatform.create({
      data: {
        name: `${style} test`,
        product: style,
        issuer: platform.issuer,
        clientId: platform.clientId,
        authUrl: platform.urls.auth,
        tokenUrl: platform.urls.token,
        jwksUrl: platform.urls.jwks,
      },
    });
    const context = await t.db.ltiContext.create({
      data: { platformId: row.id, contextId: `ctx-${style}`, courseId, lineItemsUrl: ags.lineItemsUrl, agsScopes: GRANTED },
    });
    const lineItemUrl = options.lineItem
      ? ags.addLineItem({ label: "Given by the launch", scoreMaximum: 2, resourceLinkId: "rl-1" })
      : null;
    const link = await t.db.ltiResourceLink.create({
      data: {
        platformId: row.id,
        contextId: context.id,
        resourceLinkId: "rl-1",
        deploymentId: platform.deploymentId,
        quizId,
        title: "Week 1",
        lineItemUrl,
      },
    });
    const known = async (student: string) =>
      t.db.ltiUser.create({ data: { issuer: platform.issuer, sub: `sub-${student}`, userId: ids[student] } });
    return { platform, ags, link, known };
  }

  async function submit(quizId: string, student: string, right = true, at = new Date()) {
    const { attemptId } = await startAttempt(t.db, ids[student], quizId, at);
    const r = await t.db.response.findFirstOrThrow({ where: { attemptId }, include: { question: true } });
    const { kind: _kind, ...answer } = expectedAnswer(JSON.parse(r.question.template), Number(r.seed));
    await saveResponse(t.db, ids[student], attemptId, 1, right ? answer : { states: { client: [], server: [] } }, at);
    await submitAttempt(t.db, ids[student], attemptId, at);
    return attemptId;
  }

  const scoreRow = (linkId: string, student: string) =>
    t.db.ltiScore.findUniqueOrThrow({ where: { linkId_userId: { linkId, userId: ids[student] } } });

  describe("a Canvas-style platform, no line item from the launch", () => {
    let q: Awaited<ReturnType<typeof quiz>>;
    let m: Awaited<ReturnType<typeof lms>>;
    let adaAttempt = "";

    beforeAll(async () => {
      q = await quiz("LTI quiz (Canvas)");
      m = await lms("canvas", q.id);
      await m.known("ada");
      await m.known("ben");
    });
    afterAll(async () => {
      await m.platform.close();
    });

    it("a submit posts the counted score once, to a line item looked up first and then made for the link", async () => {
      adaAttempt = await submit(q.id, "ada");
      await settle();
      expect(m.ags.created).toHaveLength(1);
      expect(m.ags.created[0]).toMatchObject({ label: "Week 1", scoreMaximum: 2, resourceId: q.id, resourceLinkId: "rl-1" });
      const lookups = m.platform.requests.filter((r) => r.method === "GET" && r.path.includes("line_items"));
      expect(lookups[0].path).toBe("/api/lti/courses/1/line_items?resource_link_id=rl-1");
      expect((await t.db.ltiResourceLink.findUniqueOrThrow({ where: { id: m.link.id } })).lineItemUrl).toBe(m.ags.created[0].id);
      expect(m.ags.accepted).toHaveLength(1);
      const { body, contentType } = m.ags.accepted[0];
      expect(contentType).toBe(MEDIA_TYPE.score);
      expect(body).toMatchObject({
        userId: "sub-ada",
        scoreGiven: 2,
        scoreMaximum: 2,
        activityProgress: "Completed",
        gradingProgress: "FullyGraded",
        comment: "SynAck Lab: the best attempt counts.",
      });
      expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+00:00$/);
      expect(body).not.toHaveProperty(CANVAS_SUBMISSION); // the first post is the submission
      const row = await scoreRow(m.link.id, "ada");
      expect(row).toMatchObject({ status: "SENT", postedBefore: true, lastError: null });
      expect(row.sentAt).not.toBeNull();
    });

    it("a student the LMS does not know, and a quiz with no LMS link, send nothing", async () => {
      const before = m.platform.requests.length;
      await submit(q.id, "chen");
      const other = await quiz("Not in the LMS");
      await submit(other.id, "ada");
      await settle();
      expect(m.platform.requests.length).toBe(before);
      expect(await t.db.ltiScore.count({ where: { userId: ids.chen } })).toBe(0);
    });

    it("an override posts the new score with a later timestamp, as no new submission, to the same line item", async () => {
      const first = m.ags.accepted[0].body.timestamp as string;
      await overrideAttempt(t.db, actor, adaAttempt, { score: 1.5, reason: "Late penalty agreed" });
      await settle();
      expect(m.ags.created).toHaveLength(1);
      expect(m.ags.accepted).toHaveLength(2);
      const body = m.ags.accepted[1].body;
      expect(body).toMatchObject({ scoreGiven: 1.5, scoreMaximum: 2, [CANVAS_SUBMISSION]: { new_submission: false } });
      expect(Date.parse(body.timestamp as string)).toBeGreaterThan(Date.parse(first));
      expect(body.comment).toBe(m.ags.accepted[0].body.comment);
    });

    it("an excusal takes the score back in the LMS, and its end sends the score again", async () => {
      await excuseStudent(t.db, actor, q.id, ids.ada, { reason: "Ill that week" });
      await settle();
      const cleared = m.ags.latest(m.ags.created[0].id, "sub-ada")!;
      expect(cleared).not.toHaveProperty("scoreGiven");
      expect(cleared).toMatchObject({ gradingProgress: "NotReady", scoreMaximum: 2 });
      await unexcuseStudent(t.db, actor, q.id, ids.ada);
      await settle();
      expect(m.ags.latest(m.ags.created[0].id, "sub-ada")).toMatchObject({ scoreGiven: 1.5, gradingProgress: "FullyGraded" });
    });

    it("a regrade apply posts every student's moved score", async () => {
      await submit(q.id, "ben");
      await settle();
      expect(m.ags.latest(m.ags.created[0].id, "sub-ben")).toMatchObject({ scoreGiven: 2, scoreMaximum: 2 });
      await t.db.quizItem.update({ where: { id: q.items[0].id }, data: { points: 4 } });
      const regrader = { ...actor, role: "INSTRUCTOR" as const };
      const dry = await startRegrade(t.db, regrader, RegradeBodySchema.parse({ quizId: q.id }), schedule);
      await settle();
      await applyRegrade(t.db, regrader, dry.id, schedule);
      await settle();
      expect(m.ags.latest(m.ags.created[0].id, "sub-ben")).toMatchObject({ scoreGiven: 4, scoreMaximum: 4 });
      // Ada's override still counts, now out of 4.
      expect(m.ags.latest(m.ags.created[0].id, "sub-ada")).toMatchObject({ scoreGiven: 1.5, scoreMaximum: 4 });
    });

    it("an LMS that is down gets the score when it is back: retried with backoff, posted exactly once", async () => {
      const accepted = m.ags.accepted.length;
      m.platform.setDown(503);
      await overrideAttempt(t.db, actor, adaAttempt, { score: 3, reason: "Second look" });
      await settle();
      let row = await scoreRow(m.link.id, "ada");
      expect(row).toMatchObject({ status: "PENDING", tries: 1 });
      expect(row.lastError).toMatch(/503/);
      const waited = row.nextTryAt.getTime() - row.updatedAt.getTime();
      expect(waited).toBeGreaterThanOrEqual(29_000);
      expect(waited).toBeLessThanOrEqual(31_000);
      expect(await sendDueScores(t.db)).toEqual({ sent: 0, retrying: 0, failed: 0 }); // not due yet

      const later = (ms: number) => () => new Date(Date.now() + ms);
      expect(await sendDueScores(t.db, { now: later(31_000) })).toEqual({ sent: 0, retrying: 1, failed: 0 });
      row = await scoreRow(m.link.id, "ada");
      expect(row.tries).toBe(2);
      expect(row.nextTryAt.getTime() - row.updatedAt.getTime()).toBeGreaterThanOrEqual(59_000);

      m.platform.setDown(null);
      expect(await sendDueScores(t.db, { now: later(120_000) })).toEqual({ sent: 1, retrying: 0, failed: 0 });
      expect(await sendDueScores(t.db, { now: later(600_000) })).toEqual({ sent: 0, retrying: 0, failed: 0 });
      expect(m.ags.accepted.length).toBe(accepted + 1);
      expect(m.ags.accepted.at(-1)!.body).toMatchObject({ userId: "sub-ada", scoreGiven: 3 });
      expect(await scoreRow(m.link.id, "ada")).toMatchObject({ status: "SENT", lastError: null });
    });

    it("two senders at once post a row once", async () => {
      const accepted = m.ags.accepted.length;
      await overrideAttempt(t.db, actor, adaAttempt, { score: 2.5, reason: "Third look" }); // queued, not yet sent
      const reports = await Promise.all([sendDueScores(t.db), sendDueScores(t.db), settle()]);
      expect(m.ags.accepted.length).toBe(accepted + 1);
      expect(reports[0].sent + reports[1].sent).toBeLessThanOrEqual(1);
    });

    it("a score queued while an older one is in flight is sent after it, and the row ends with the newer one", async () => {
      m.ags.delayScores(400);
      try {
        await overrideAttempt(t.db, actor, adaAttempt, { score: 1, reason: "Fourth look" });
        const inFlight = tasks.splice(0); // the post after the first change is on its way
        while (!m.platform.requests.some((r) => r.method === "POST" && r.path.endsWith("/scores") && r.at.getTime() > Date.now() - 300))
          await new Promise((resolve) => setTimeout(resolve, 20));
        await overrideAttempt(t.db, actor, adaAttempt, { score: 0.5, reason: "Fifth look" });
        await Promise.all(inFlight);
        await settle();
        await sendDueScores(t.db);
      } finally {
        m.ags.delayScores(0);
      }
      const row = await scoreRow(m.link.id, "ada");
      expect(row).toMatchObject({ status: "SENT", scoreGiven: 0.5 });
      expect(m.ags.latest(m.ags.created[0].id, "sub-ada")).toMatchObject({ scoreGiven: 0.5 });
    });

    it("the course's summary counts the rows by status", async () => {
      const scores = await courseScores(t.db, courseId);
      expect(scores?.counts).toEqual({ waiting: 0, failed: 0, sent: 2 });
      expect(scores?.unsent).toEqual([]);
    });
  });

  describe("a refusal, kept with its reason", () => {
    let q: Awaited<ReturnType<typeof quiz>>;
    let m: Awaited<ReturnType<typeof lms>>;
    let gradable = false;

    beforeAll(async () => {
      q = await quiz("LTI quiz (refusals)");
      m = await lms("canvas", q.id, { lineItem: true, gradable: (sub) => sub !== "sub-chen" || gradable });
      await m.known("chen");
    });
    afterAll(async () => {
      await m.platform.close();
    });

    it("a 4xx is FAILED with the platform's message, not tried again by itself, and sent again by hand", async () => {
      await submit(q.id, "chen");
      await settle();
      let row = await scoreRow(m.link.id, "chen");
      expect(row.status).toBe("FAILED");
      expect(row.lastError).toMatch(/422.*not a student/);
      const posts = m.ags.posts.length;
      await sendDueScores(t.db, { now: () => new Date(Date.now() + 3_600_000) });
      expect(m.ags.posts.length).toBe(posts);

      const summary = await courseScores(t.db, courseId);
      expect(summary?.counts.failed).toBe(1);
      expect(summary?.unsent.map((r) => [r.studentName, r.quizTitle, r.status])).toEqual([["Chen Wei", q.title, "FAILED"]]);

      await resendScore(t.db, actor, q.id, ids.chen);
      await sendDueScores(t.db);
      row = await scoreRow(m.link.id, "chen");
      expect(row.status).toBe("FAILED");
      expect(m.ags.posts.length).toBe(posts + 1);

      gradable = true;
      expect(await resendFailedScores(t.db, actor)).toBe(1);
      await sendDueScores(t.db);
      expect(await scoreRow(m.link.id, "chen")).toMatchObject({ status: "SENT", lastError: null });
      expect(m.ags.created).toHaveLength(0); // the launch's line item was used
      const audit = await t.db.auditLog.findMany({ where: { courseId, action: { startsWith: "lti.score." } } });
      expect(audit.map((a) => a.action).sort()).toEqual(["lti.score.resend", "lti.score.resendFailed"]);
    });

    it("sending again a student with nothing to send, or a quiz not in the LMS, is refused", async () => {
      await rejects(resendScore(t.db, actor, q.id, ids.ben), "CONFLICT");
      const other = await quiz("Not linked");
      await rejects(resendScore(t.db, actor, other.id, ids.chen), "NOT_FOUND");
    });
  });

  describe("a Moodle-style platform", () => {
    let q: Awaited<ReturnType<typeof quiz>>;
    let m: Awaited<ReturnType<typeof lms>>;

    beforeAll(async () => {
      q = await quiz("LTI quiz (Moodle)");
      m = await lms("moodle", q.id);
      await m.known("ada");
    });
    afterAll(async () => {
      await m.platform.close();
    });

    it("finds the line item the LMS already has, keeps its type_id, and takes two scores made within one second", async () => {
      const existing = m.ags.addLineItem({ label: "Made in Moodle", scoreMaximum: 2, resourceLinkId: "rl-1" });
      const second = Math.floor(Date.now() / 1000) * 1000 - 2000;
      const attemptId = await submit(q.id, "ada", true, new Date(second + 100));
      await settle();
      await overrideAttempt(t.db, actor, attemptId, { score: 1, reason: "Same second" }, new Date(second + 600));
      await settle();
      expect(m.ags.created).toHaveLength(0);
      expect((await t.db.ltiResourceLink.findUniqueOrThrow({ where: { id: m.link.id } })).lineItemUrl).toBe(existing);
      expect(m.ags.posts.map((p) => p.status)).toEqual([200, 200]);
      for (const p of m.ags.posts) expect(p.path).toMatch(/^\/mod\/lti\/services\.php\/2\/lineitems\/\d+\/lineitem\/scores\?type_id=3$/);
      const [first, next] = m.ags.accepted.map((a) => Date.parse(a.body.timestamp as string));
      expect(first).toBe(second + 100);
      expect(next).toBe(second + 1000); // the next whole second: Moodle compares seconds
      expect(m.ags.latest(existing, "sub-ada")).toMatchObject({ scoreGiven: 1 });
      expect(await scoreRow(m.link.id, "ada")).toMatchObject({ status: "SENT" });
    });
  });
});
