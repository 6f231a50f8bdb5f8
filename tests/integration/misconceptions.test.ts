// The misconceptions report on a real SQLite file and a real PostgreSQL database: answers saved
// and submitted through the app's own start, save and submit, so the stored feedback is what the
// grader writes (its key and features); the course's report for a quiz and for all, the filter by
// feature, staff and other courses left out; a student's own misconceptions only from feedback
// released to them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { classMisconceptions, studentMisconceptions } from "@/lib/analytics/misconception-service";
import { saveResponse } from "@/lib/attempts/save";
import { startAttempt } from "@/lib/attempts/start";
import { submitAttempt } from "@/lib/attempts/submit";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { expectedAnswer } from "@/lib/questions";
import { DATABASES, type TestDatabase } from "./databases";

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let courseId = "";
  const ids: Record<string, string> = {};
  let question = { id: "", template: "" };

  beforeAll(async () => {
    t = await open();
    await seedDemo(t.db);
    await syncStarterLibrary(t.db);
    courseId = (await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
    for (const u of await t.db.user.findMany()) ids[u.email.split("@")[0]] = u.id;
    question = await t.db.question.findFirstOrThrow({ where: { key: "passive-close-states" }, orderBy: { version: "desc" } });
  }, 120_000);
  afterAll(async () => {
    await t?.drop();
  });

  async function quiz(feedbackRelease = "IMMEDIATELY") {
    return t.db.quiz.create({
      data: {
        courseId,
        title: `Close ${feedbackRelease}`,
        mode: "EXAM",
        published: true,
        feedbackRelease,
        items: { create: [{ position: 1, questionId: question.id, points: 2 }] },
      },
    });
  }

  /** The student starts, answers (right, or the passive closer in TIME_WAIT) and submits. */
  async function answer(user: string, quizId: string, wrong: boolean) {
    const { attemptId } = await startAttempt(t.db, ids[user], quizId);
    const r = await t.db.response.findFirstOrThrow({ where: { attemptId, position: 1 } });
    const { kind: _kind, ...right } = expectedAnswer(JSON.parse(question.template), Number(r.seed)) as {
      kind: string;
      states: { server: string[] };
    };
    const states = wrong ? { server: [...right.states.server.slice(0, -1), "TIME_WAIT"] } : right.states;
    await saveResponse(t.db, ids[user], attemptId, 1, { states });
    await submitAttempt(t.db, ids[user], attemptId);
  }

  it("groups the course's graded answers by misconception, for one quiz and for all, and filters by feature", async () => {
    const shown = await quiz("IMMEDIATELY");
    const hidden = await quiz("NEVER");
    await answer("ada", shown.id, true);
    await answer("ben", shown.id, true);
    await answer("chen", shown.id, false);
    await answer("ada", hidden.id, true);

    const one = await classMisconceptions(t.db, courseId, { quizId: shown.id });
    expect(one.report).toMatchObject({ answered: 3, wrong: 2, unkeyed: 0 });
    expect(one.report.misconceptions).toHaveLength(1);
    expect(one.report.misconceptions[0]).toMatchObject({
      key: { kind: "states", role: "passive-closer", after: "LAST_ACK", said: "TIME_WAIT", actual: "CLOSED" },
      count: 2,
      students: 2,
      share: 2 / 3,
      practice: "/practice/passive-close",
    });
    expect(one.report.misconceptions[0].examples.map((e) => e.userName).sort()).toEqual(["Ada Okafor", "Ben Carter"]);
    expect(one.quizzes.map((q) => q.id)).toEqual(expect.arrayContaining([shown.id, hidden.id]));

    // All quizzes: Ada's answer to the other quiz counts too (staff see every graded answer).
    const all = await classMisconceptions(t.db, courseId);
    expect(all.report.misconceptions[0]).toMatchObject({ count: 3, students: 2 });
    // Features: every variant here is the client closing first.
    expect(all.featureOptions.map((f) => f.feature)).toEqual(expect.arrayContaining(["closedFirst:client", "profile:rfc9293"]));
    const filtered = await classMisconceptions(t.db, courseId, { feature: "closedFirst:none" });
    expect(filtered.report).toMatchObject({ answered: 0, wrong: 0, misconceptions: [] });

    // Another course's quiz is not this course's report.
    const other = await t.db.course.create({ data: { title: "Other", code: "OTH1", joinCode: "OTHER123", createdById: ids.instructor } });
    expect((await classMisconceptions(t.db, other.id, { quizId: shown.id })).report.answered).toBe(0);
  });

  it("a student's own misconceptions come only from feedback released to them", async () => {
    // Ada: TIME_WAIT on the quiz that releases at once, and on one that never releases (not counted).
    const own = await studentMisconceptions(t.db, ids.ada, new Date());
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ count: 1, key: { said: "TIME_WAIT" } });
    expect(await studentMisconceptions(t.db, ids.chen, new Date())).toEqual([]);
  });
});
