// Quiz attempts against a real SQLite file and a real PostgreSQL database: the rules that
// protect a grade against faults and bad input (a lost claim, a crash between the steps, two
// tabs, a late save, someone else's attempt).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveResponse } from "@/lib/attempts/save";
import { startAttempt } from "@/lib/attempts/start";
import { submitAttempt } from "@/lib/attempts/submit";
import { attemptView, quizSubmissions, staffAttemptView } from "@/lib/attempts/view";
import { quizzesForStudent } from "@/lib/quizzes/for-student";
import { fillDemoQuizzes } from "@/lib/demo/demo-quizzes";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { GRADER_VERSION } from "@/lib/grading";
import { expectedAnswer } from "@/lib/questions";
import { DATABASES, type TestDatabase } from "./databases";
import { rejects } from "./fixtures/rejects";

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let courseId = "";
  let bankQuestion = "";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await open();
    await seedDemo(t.db);
    await syncStarterLibrary(t.db);
    await fillDemoQuizzes(t.db);
    courseId = (await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
    for (const u of await t.db.user.findMany()) ids[u.email.split("@")[0]] = u.id;
    bankQuestion = (await t.db.question.findFirstOrThrow({ where: { key: "handshake-states" } })).id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  /** A quiz of one fixed question (handshake-states, 2 points) with the given settings. */
  async function quiz(
    settings: Partial<{
      timeLimitSec: number;
      attemptsAllowed: number;
      feedbackRelease: string;
      opensAt: Date;
      closesAt: Date;
      releaseAt: Date;
      sections: string;
    }> = {},
  ) {
    return t.db.quiz.create({
      data: {
        courseId,
        title: "Test quiz",
        mode: "EXAM",
        published: true,
        feedbackRelease: "IMMEDIATELY",
        ...settings,
        items: { create: { position: 1, questionId: bankQuestion, points: 2 } },
      },
    });
  }
  async function expectedFor(attemptId: string) {
    const r = await t.db.response.findFirstOrThrow({ where: { attemptId }, include: { question: true } });
    const { kind: _kind, ...answer } = expectedAnswer(JSON.parse(r.question.template), Number(r.seed));
    return answer;
  }

  it("starts an attempt with a server-chosen seed per item, and resumes it instead of starting twice", async () => {
    const practice = await t.db.quiz.findFirstOrThrow({ where: { courseId, mode: "PRACTICE" } });
    const first = await startAttempt(t.db, ids.ada, practice.id);
    expect(first.resumed).toBe(false);
    const again = await startAttempt(t.db, ids.ada, practice.id);
    expect(again).toEqual({ attemptId: first.attemptId, resumed: true });
    const responses = await t.db.response.findMany({ where: { attemptId: first.attemptId } });
    expect(responses).toHaveLength(5);
    expect(new Set(responses.map((r) => r.seed)).size).toBe(5);
    for (const r of responses) expect(Number(r.seed)).toBeGreaterThanOrEqual(0);
  });

  it("two tabs starting at once get the same attempt; the losing start leaves no attempt, item or log entry behind", async () => {
    const q = await quiz();
    const starts = await Promise.all([
      startAttempt(t.db, ids.ben, q.id),
      startAttempt(t.db, ids.ben, q.id),
      startAttempt(t.db, ids.ben, q.id),
    ]);
    expect(new Set(starts.map((s) => s.attemptId)).size).toBe(1);
    expect(starts.filter((s) => !s.resumed).length).toBe(1);
    const attempts = await t.db.attempt.findMany({ where: { quizId: q.id, userId: ids.ben }, include: { responses: true } });
    expect(attempts.map((a) => [a.number, a.responses.length])).toEqual([[1, 1]]);
    expect(await t.db.response.count({ where: { quizItem: { quizId: q.id } } })).toBe(1);
    expect(await t.db.auditLog.count({ where: { action: "attempt.start", courseId, actorId: ids.ben, at: { gte: q.createdAt } } })).toBe(1);
  });

  it("a student back after the time ran out finds that attempt submitted with its saves, and may start the next", async () => {
    const q = await quiz({ timeLimitSec: 60, attemptsAllowed: 2 });
    const began = new Date();
    const first = await startAttempt(t.db, ids.ada, q.id, began);
    const answer = await expectedFor(first.attemptId);
    await saveResponse(t.db, ids.ada, first.attemptId, 1, answer, new Date(began.getTime() + 30_000));
    const back = await startAttempt(t.db, ids.ada, q.id, new Date(began.getTime() + 120_000));
    expect(back.resumed).toBe(false);
    expect(back.attemptId).not.toBe(first.attemptId);
    const old = await t.db.attempt.findUniqueOrThrow({ where: { id: first.attemptId } });
    expect(old.status).toBe("SUBMITTED");
    expect(old.submittedAt!.getTime()).toBe(began.getTime() + 60_000); // at the deadline, not when noticed
    expect(old.score).toBe(2);
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: back.attemptId } })).number).toBe(2);
  });

  it("lists a student's quizzes: their section's and everyone's, no drafts, only their own attempts, expired ones submitted", async () => {
    const forA = await quiz({ sections: '["A"]', timeLimitSec: 60 });
    const forB = await quiz({ sections: '["B"]' });
    const forAll = await quiz();
    const draft = await t.db.quiz.create({ data: { courseId, title: "Draft", mode: "EXAM", published: false } });
    const mine = new Set([forA.id, forB.id, forAll.id, draft.id]);
    const began = new Date();
    const ada = await startAttempt(t.db, ids.ada, forA.id, began);
    await startAttempt(t.db, ids.ben, forA.id, began);

    const later = new Date(began.getTime() + 120_000);
    const adaList = (await quizzesForStudent(t.db, courseId, ids.ada, "A", later)).filter((q) => mine.has(q.id));
    expect(adaList.map((q) => q.id)).toEqual([forA.id, forAll.id]);
    expect(adaList[0].attempts).toEqual([
      { id: ada.attemptId, number: 1, status: "SUBMITTED", score: 0, maxScore: 2, overrideScore: null, regradedAt: null },
    ]);
    expect(adaList[0]).toMatchObject({
      title: "Test quiz",
      mode: "EXAM",
      timeLimitSec: 60,
      attemptsAllowed: null,
      published: true,
      opensAt: null,
      closesAt: null,
    });
    expect(adaList[1].attempts).toEqual([]);

    const chenList = (await quizzesForStudent(t.db, courseId, ids.chen, "B", later)).filter((q) => mine.has(q.id));
    expect(chenList.map((q) => q.id)).toEqual([forB.id, forAll.id]);
    const noSection = (await quizzesForStudent(t.db, courseId, ids.chen, null, later)).filter((q) => mine.has(q.id));
    expect(noSection.map((q) => q.id)).toEqual([forAll.id]);
  });

  it("draws exam items from the bank by tag", async () => {
    const exam = await t.db.quiz.findFirstOrThrow({ where: { courseId, title: { startsWith: "Midterm" } } });
    const { attemptId } = await startAttempt(t.db, ids.ben, exam.id);
    const responses = await t.db.response.findMany({ where: { attemptId }, include: { question: true }, orderBy: { position: "asc" } });
    expect(
      responses.map((r) => (JSON.parse(r.question.tags) as string[]).includes(["open", "close", "time-wait", "concept"][r.position - 1])),
    ).toEqual([true, true, true, true]);
    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.deadlineAt!.getTime() - attempt.startedAt.getTime()).toBe(20 * 60_000);
  });

  it("enforces the window, the section and the number of attempts on the server", async () => {
    const later = await quiz({ opensAt: new Date(Date.now() + 3_600_000) });
    await rejects(startAttempt(t.db, ids.chen, later.id), "CONFLICT", /opens at/);
    const closed = await quiz({ closesAt: new Date(Date.now() - 1000) });
    await rejects(startAttempt(t.db, ids.chen, closed.id), "CONFLICT", /closed/);
    const sectionA = await quiz({ sections: '["A"]' });
    await rejects(startAttempt(t.db, ids.chen, sectionA.id), "NOT_FOUND"); // chen is in section B
    const once = await quiz({ attemptsAllowed: 1 });
    const { attemptId } = await startAttempt(t.db, ids.chen, once.id);
    await submitAttempt(t.db, ids.chen, attemptId);
    await rejects(startAttempt(t.db, ids.chen, once.id), "CONFLICT", /used all 1 attempt/);
    await rejects(startAttempt(t.db, ids.instructor, once.id), "NOT_FOUND"); // staff do not take quizzes
  });

  it("saves drafts; a malformed save gets 422 and keeps the last good save", async () => {
    const q = await quiz();
    const { attemptId } = await startAttempt(t.db, ids.ada, q.id);
    await saveResponse(t.db, ids.ada, attemptId, 1, { states: { client: ["CLOSED", "SYN_SENT"] } });
    await rejects(
      saveResponse(t.db, ids.ada, attemptId, 1, { states: { client: "CLOSED" } }),
      "UNPROCESSABLE",
      /not saved: states\.client/,
    );
    await rejects(saveResponse(t.db, ids.ada, attemptId, 1, { nonsense: true }), "UNPROCESSABLE");
    const r = await t.db.response.findFirstOrThrow({ where: { attemptId } });
    expect(JSON.parse(r.answer!)).toEqual({ states: { client: ["CLOSED", "SYN_SENT"] } });
    // The save is written with plain SQL: its time must read back as the same instant.
    const when = new Date("2026-11-24T10:11:12.345Z");
    await saveResponse(t.db, ids.ada, attemptId, 1, { states: { client: ["CLOSED"] } }, when);
    expect((await t.db.response.findFirstOrThrow({ where: { attemptId } })).savedAt).toEqual(when);
    await rejects(saveResponse(t.db, ids.ada, attemptId, 7, { states: {} }), "NOT_FOUND", /no question 7/);
    // The saved-answer history holds every accepted save with its time (the second was dated
    // earlier, so it comes first), and none of the refused ones.
    const history = await t.db.answerSave.findMany({ where: { response: { attemptId } }, orderBy: { savedAt: "asc" } });
    expect(history.map((h) => JSON.parse(h.answer))).toEqual([
      { states: { client: ["CLOSED"] } },
      { states: { client: ["CLOSED", "SYN_SENT"] } },
    ]);
    expect(history[0].savedAt).toEqual(when);
  });

  it("refuses saves to another student's attempt (404) and to a submitted one (409), changing nothing", async () => {
    const q = await quiz();
    const { attemptId } = await startAttempt(t.db, ids.ada, q.id);
    await saveResponse(t.db, ids.ada, attemptId, 1, { states: { client: ["CLOSED"] } });
    await rejects(saveResponse(t.db, ids.ben, attemptId, 1, { states: { client: ["LISTEN"] } }), "NOT_FOUND");
    await rejects(attemptView(t.db, ids.ben, attemptId), "NOT_FOUND");
    await rejects(submitAttempt(t.db, ids.ben, attemptId), "NOT_FOUND");
    await submitAttempt(t.db, ids.ada, attemptId);
    await rejects(saveResponse(t.db, ids.ada, attemptId, 1, { states: { client: ["LISTEN"] } }), "CONFLICT", /submitted/);
    const r = await t.db.response.findFirstOrThrow({ where: { attemptId } });
    expect(JSON.parse(r.answer!)).toEqual({ states: { client: ["CLOSED"] } });
    // A refused save leaves no trace in the history either; the student submitted it, not the clock.
    expect(await t.db.answerSave.count({ where: { responseId: r.id } })).toBe(1);
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).timedOut).toBe(false);
  });

  it("after the deadline a save is refused (409) and the attempt is submitted with what was saved", async () => {
    const q = await quiz({ timeLimitSec: 60 });
    const start = new Date();
    const { attemptId } = await startAttempt(t.db, ids.ben, q.id, start);
    await saveResponse(t.db, ids.ben, attemptId, 1, await expectedFor(attemptId), new Date(start.getTime() + 30_000));
    await rejects(saveResponse(t.db, ids.ben, attemptId, 1, { states: {} }, new Date(start.getTime() + 61_000)), "CONFLICT", /Time is up/);
    const attempt = await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });
    expect(attempt.status).toBe("SUBMITTED");
    expect(attempt.submittedAt!.getTime()).toBe(start.getTime() + 60_000);
    expect(attempt.score).toBe(2);
    // The clock submitted it: the gradebook says the time ran out.
    expect(attempt.timedOut).toBe(true);
  });

  it("submit grades on the server, is idempotent, and survives two submits at once", async () => {
    const q = await quiz();
    const { attemptId } = await startAttempt(t.db, ids.ada, q.id);
    await saveResponse(t.db, ids.ada, attemptId, 1, await expectedFor(attemptId));
    const [a, b] = await Promise.all([submitAttempt(t.db, ids.ada, attemptId), submitAttempt(t.db, ids.ada, attemptId)]);
    expect(a).toEqual(b);
    expect(a.score).toBe(2);
    expect(await submitAttempt(t.db, ids.ada, attemptId)).toEqual(a);
    const r = await t.db.response.findFirstOrThrow({ where: { attemptId } });
    expect(r).toMatchObject({ score: 2, graderVersion: GRADER_VERSION });
    expect(JSON.parse(r.feedback!).correct).toBe(true);
    expect(await t.db.auditLog.count({ where: { action: "attempt.submit", target: attemptId } })).toBe(1);
  });

  it("an attempt claimed but never graded (a crash between the steps) is graded from its saves by the next submit or view", async () => {
    const q = await quiz();
    const { attemptId } = await startAttempt(t.db, ids.ben, q.id);
    await saveResponse(t.db, ids.ben, attemptId, 1, await expectedFor(attemptId));
    const submittedAt = new Date();
    await t.db.attempt.update({ where: { id: attemptId }, data: { status: "SUBMITTED", submittedAt } }); // the claim, then the crash
    await rejects(saveResponse(t.db, ids.ben, attemptId, 1, { states: {} }), "CONFLICT");
    expect(await submitAttempt(t.db, ids.ben, attemptId)).toEqual({ status: "SUBMITTED", submittedAt, score: 2, maxScore: 2 });
    expect(await t.db.response.findFirstOrThrow({ where: { attemptId } })).toMatchObject({ score: 2, graderVersion: GRADER_VERSION });
    // The repair records the submit too (the gradebook's history reads it), once: its retries,
    // even at the same moment, write no second entry.
    const submits = () => t.db.auditLog.count({ where: { action: "attempt.submit", target: attemptId } });
    expect(await submits()).toBe(1);
    await Promise.all([submitAttempt(t.db, ids.ben, attemptId), submitAttempt(t.db, ids.ben, attemptId)]);
    expect(await submits()).toBe(1);

    const { attemptId: second } = await startAttempt(t.db, ids.ben, (await quiz()).id);
    await t.db.attempt.update({ where: { id: second }, data: { status: "SUBMITTED", submittedAt } });
    const view = await attemptView(t.db, ids.ben, second);
    expect([view.status, view.score, view.maxScore]).toEqual(["SUBMITTED", 0, 2]);
    expect(view.items[0].result?.score).toBe(0);
    expect(await t.db.auditLog.count({ where: { action: "attempt.submit", target: second } })).toBe(1);
  });

  it("shows no expected answer before feedback release, and the full review after", async () => {
    for (const [release, released] of [
      ["AFTER_CLOSE", false],
      ["NEVER", false],
      ["IMMEDIATELY", true],
    ] as const) {
      const q = await quiz({ feedbackRelease: release, closesAt: new Date(Date.now() + 3_600_000) });
      const { attemptId } = await startAttempt(t.db, ids.chen, q.id);
      const expected = await expectedFor(attemptId);
      const during = JSON.stringify(await attemptView(t.db, ids.chen, attemptId));
      await submitAttempt(t.db, ids.chen, attemptId);
      const after = await attemptView(t.db, ids.chen, attemptId);
      for (const list of Object.values((expected as { states: Record<string, string[]> }).states)) {
        expect(during).not.toContain(JSON.stringify(list));
        if (!released) expect(JSON.stringify(after)).not.toContain(JSON.stringify(list));
      }
      expect(after.release.released).toBe(released);
      expect(after.score === null).toBe(!released);
      if (released) expect(after.items[0].result?.expected).toMatchObject(expected);
    }
    // After the quiz closes, AFTER_CLOSE releases.
    const q = await quiz({ feedbackRelease: "AFTER_CLOSE", closesAt: new Date(Date.now() + 60_000) });
    const { attemptId } = await startAttempt(t.db, ids.ben, q.id);
    await submitAttempt(t.db, ids.ben, attemptId);
    expect((await attemptView(t.db, ids.ben, attemptId, new Date(Date.now() + 120_000))).release.released).toBe(true);
  });

  it("before release, a submitted attempt's view holds each saved answer and its save time, and no result, score or grade change", async () => {
    for (const settings of [
      { feedbackRelease: "NEVER" },
      { feedbackRelease: "AFTER_CLOSE", closesAt: new Date(Date.now() + 3_600_000) },
      { feedbackRelease: "ON_DATE", releaseAt: new Date(Date.now() + 3_600_000) },
    ] as const) {
      const q = await quiz(settings);
      const { attemptId } = await startAttempt(t.db, ids.chen, q.id);
      const saved = { states: { client: ["CLOSED", "LISTEN"], server: [] } };
      const { savedAt } = await saveResponse(t.db, ids.chen, attemptId, 1, saved);
      await submitAttempt(t.db, ids.chen, attemptId);
      const view = await attemptView(t.db, ids.chen, attemptId);
      expect(view.release.released, settings.feedbackRelease).toBe(false);
      expect(view.submittedAt).toBeInstanceOf(Date);
      expect([view.score, view.change]).toEqual([null, undefined]);
      expect(view.items).toHaveLength(1);
      expect(view.items[0]).toMatchObject({ position: 1, draft: saved, savedAt });
      expect(view.items[0].result).toBeUndefined();
      expect(view.items[0].change).toBeUndefined();
    }
  });

  it("staff read any attempt of their course: submissions by student, the review with expected answers whatever the release, nothing graded for them", async () => {
    const q = await quiz({ feedbackRelease: "NEVER" });
    const { attemptId } = await startAttempt(t.db, ids.ada, q.id);
    const expected = await expectedFor(attemptId);
    // In progress: listed, its questions shown, no result and nothing submitted on the staff's behalf.
    const during = await staffAttemptView(t.db, courseId, attemptId);
    expect(during.student).toEqual({ name: "Ada Okafor", email: "ada@synack.test" });
    expect(during.status).toBe("IN_PROGRESS");
    expect(during.items[0].result).toBeUndefined();
    expect((await t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } })).status).toBe("IN_PROGRESS");
    expect((await quizSubmissions(t.db, q.id)).map((r) => [r.studentName, r.number, r.status])).toEqual([["Ada Okafor", 1, "IN_PROGRESS"]]);

    await saveResponse(t.db, ids.ada, attemptId, 1, expected);
    await submitAttempt(t.db, ids.ada, attemptId);
    // The student sees nothing (NEVER); the staff see the graded review and the expected answer.
    expect((await attemptView(t.db, ids.ada, attemptId)).release.released).toBe(false);
    const after = await staffAttemptView(t.db, courseId, attemptId);
    expect(after.score).toBe(2);
    expect(after.items[0].result?.expected).toMatchObject(expected);
    expect(after.items[0].result?.feedback.correct).toBe(true);
    const [row] = await quizSubmissions(t.db, q.id);
    expect(row).toMatchObject({ id: attemptId, status: "SUBMITTED", score: 2 });

    // Another course's staff: not found, as if the attempt did not exist.
    const other = await t.db.course.create({ data: { code: "OTH 1", title: "Other", joinCode: "OTHER123", createdById: ids.instructor } });
    await rejects(staffAttemptView(t.db, other.id, attemptId), "NOT_FOUND");
    await rejects(staffAttemptView(t.db, courseId, "no-such-attempt"), "NOT_FOUND");
  });
});
