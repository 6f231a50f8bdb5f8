// The misconceptions report on a real SQLite file and a real PostgreSQL database: answers saved
// and submitted through the app's own start, save and submit, so the stored feedback is what the
// grader writes (its key and features); the course's report for a quiz and for all, the filter by
// feature, staff and other courses left out; a student's own misconceptions only from feedback
// released to them, and from their practice answers.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
});
import { classMisconceptions, studentMisconceptions } from "@/lib/analytics/misconception-service";
import { saveResponse } from "@/lib/attempts/save";
import { startAttempt } from "@/lib/attempts/start";
import { submitAttempt } from "@/lib/attempts/submit";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { checkPractice, revealPractice } from "@/lib/practice/check";
import { sealVariant } from "@/lib/practice/token";
import { expectedAnswer, starterLibrary } from "@/lib/questions";
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

  it("a student's practice answers count too: a wrong one by its mistake, a right one or a shown answer not at all", async () => {
    const template = starterLibrary.find((q) => q.id === "passive-close-states")!;
    const practise = async (seed: number, how: "wrong" | "right" | "shown") => {
      const token = sealVariant({ templateId: template.id, seed }, ids.ben, process.env.AUTH_SECRET!);
      if (how === "shown") return revealPractice(t.db, ids.ben, token);
      const { kind: _kind, ...right } = expectedAnswer(template, seed) as { kind: string; states: Record<string, string[]> };
      // The same slip as on the quiz: the passive closer in TIME_WAIT where it goes to CLOSED.
      const states = how === "wrong" ? { ...right.states, server: [...right.states.server.slice(0, -1), "TIME_WAIT"] } : right.states;
      return checkPractice(t.db, ids.ben, token, { states });
    };
    const before = await studentMisconceptions(t.db, ids.ben, new Date());
    expect(before).toHaveLength(1);
    expect(before[0]).toMatchObject({ count: 1, key: { said: "TIME_WAIT" } });
    for (const [seed, how] of [
      [11, "wrong"],
      [12, "wrong"],
      [13, "right"],
      [14, "shown"],
    ] as const) {
      const checked = await practise(seed, how);
      expect(checked.ok && checked.saved).toBe(true);
    }
    const after = await studentMisconceptions(t.db, ids.ben, new Date());
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ count: 3, key: { role: "passive-closer", said: "TIME_WAIT" }, practice: "/practice/passive-close" });
    // The mistake is kept with the result; a right answer and a shown one keep none.
    const kept = await t.db.practiceResult.findMany({
      where: { userId: ids.ben },
      select: { score: true, maxScore: true, revealed: true, mistake: true },
    });
    expect(kept).toHaveLength(4);
    for (const k of kept) expect(k.mistake !== null).toBe(!k.revealed && k.score < k.maxScore);
  });
});
