// Grade changes by staff against a real SQLite file and a real PostgreSQL database: an
// override of one answer or of a whole attempt with its reason, clearing it, excusing a
// student; each with its AuditLog entry in the same transaction, the attempt's total
// recomputed from the responses, and what the student and the cell page then show.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveResponse } from "@/lib/attempts/save";
import { startAttempt } from "@/lib/attempts/start";
import { submitAttempt } from "@/lib/attempts/submit";
import { attemptView } from "@/lib/attempts/view";
import { fillDemoQuizzes } from "@/lib/demo/demo-quizzes";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import {
  attemptDetails,
  clearAttemptOverride,
  clearResponseOverride,
  excuseStudent,
  gradeCell,
  overrideAttempt,
  overrideResponse,
  unexcuseStudent,
  type Actor,
} from "@/lib/gradebook/grade-changes";
import { GRADER_VERSION } from "@/lib/grading";
import { expectedAnswer } from "@/lib/questions";
import { DATABASES, type TestDatabase } from "./databases";
import { rejects } from "./fixtures/rejects";

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let courseId = "";
  let quizId = "";
  let attemptId = "";
  let actor: Actor;
  const ids: Record<string, string> = {};

  const audits = (action: string) => t.db.auditLog.findMany({ where: { courseId, action }, orderBy: { at: "asc" } });
  const attemptRow = () => t.db.attempt.findUniqueOrThrow({ where: { id: attemptId } });

  beforeAll(async () => {
    t = await open();
    await seedDemo(t.db);
    await syncStarterLibrary(t.db);
    await fillDemoQuizzes(t.db);
    courseId = (await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
    for (const u of await t.db.user.findMany()) ids[u.email.split("@")[0]] = u.id;
    actor = { userId: ids.instructor, courseId };
    const question = await t.db.question.findFirstOrThrow({ where: { key: "handshake-states" } });
    const quiz = await t.db.quiz.create({
      data: {
        courseId,
        title: "Override quiz",
        mode: "EXAM",
        published: true,
        feedbackRelease: "IMMEDIATELY",
        items: {
          create: [
            { position: 1, questionId: question.id, points: 2 },
            { position: 2, questionId: question.id, points: 3 },
          ],
        },
      },
    });
    quizId = quiz.id;
    const started = await startAttempt(t.db, ids.ada, quizId);
    attemptId = started.attemptId;
    const r1 = await t.db.response.findFirstOrThrow({ where: { attemptId, position: 1 } });
    const { kind: _kind, ...right } = expectedAnswer(JSON.parse(question.template), Number(r1.seed));
    const base = Date.now() - 60_000;
    // Question 1: a first try, then the right answer; question 2: a wrong one.
    await saveResponse(t.db, ids.ada, attemptId, 1, { states: { client: ["CLOSED"] } }, new Date(base + 1000));
    await saveResponse(t.db, ids.ada, attemptId, 1, right, new Date(base + 2000));
    await saveResponse(t.db, ids.ada, attemptId, 2, { states: { client: ["LISTEN"], server: ["LISTEN"] } }, new Date(base + 3000));
    await submitAttempt(t.db, ids.ada, attemptId, new Date(base + 4000));
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("shows each question's seed, version, grader version and every saved answer with its time", async () => {
    const details = await attemptDetails(t.db, courseId, attemptId);
    const responses = await t.db.response.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
    expect(details.map((d) => d.position)).toEqual([1, 2]);
    expect(details.map((d) => d.seed)).toEqual(responses.map((r) => Number(r.seed)));
    expect(details[0]).toMatchObject({ questionKey: "handshake-states", graderVersion: GRADER_VERSION, override: null, score: 2 });
    expect(details[0].saves.map((s) => s.answer)).toEqual([expect.stringContaining("CLOSED"), expect.stringContaining("→")]);
    expect(details[0].saves[0].savedAt.getTime()).toBeLessThan(details[0].saves[1].savedAt.getTime());
    expect(details[1].saves).toHaveLength(1);
    expect(details[1].saves[0].answer).toContain("LISTEN");
  });

  it("overrides one answer: the attempt's total is recomputed and the change is in the AuditLog with who, old, new and why", async () => {
    const before = await attemptRow();
    const graded2 = (await t.db.response.findFirstOrThrow({ where: { attemptId, position: 2 } })).score ?? 0;
    const result = await overrideResponse(t.db, actor, attemptId, 2, { score: 2.5, reason: "Both LISTEN is defensible here" });
    expect(result.response).toMatchObject({
      position: 2,
      score: graded2,
      overrideScore: 2.5,
      overrideReason: "Both LISTEN is defensible here",
    });
    expect(result.attempt.score).toBeCloseTo((before.score ?? 0) - graded2 + 2.5);
    expect((await attemptRow()).score).toBeCloseTo(2 + 2.5);
    const [entry] = await audits("grade.override");
    expect(entry.actorId).toBe(ids.instructor);
    expect(entry.target).toBe(`${quizId}/${ids.ada}`);
    expect(JSON.parse(entry.detail!)).toEqual({
      old: null,
      new: 2.5,
      reason: "Both LISTEN is defensible here",
      quizId,
      userId: ids.ada,
      attemptId,
      position: 2,
    });
  });

  it("the student's review shows the overridden score with the reason and what the grader gave", async () => {
    const view = await attemptView(t.db, ids.ada, attemptId);
    const item = view.items.find((i) => i.position === 2)!;
    expect(item.result?.score).toBe(2.5);
    expect(item.change?.override).toEqual({ score: 2.5, graderScore: expect.any(Number), reason: "Both LISTEN is defensible here" });
    expect(view.score).toBeCloseTo(4.5);
    expect(view.items.find((i) => i.position === 1)!.change).toBeUndefined();
  });

  it("refuses an override outside 0..points (422), on a question that is not there (404), of another course's attempt (404)", async () => {
    await rejects(overrideResponse(t.db, actor, attemptId, 1, { score: 2.5, reason: "too much" }), "UNPROCESSABLE", /between 0 and 2/);
    await rejects(overrideResponse(t.db, actor, attemptId, 9, { score: 1, reason: "no such" }), "NOT_FOUND");
    await rejects(overrideResponse(t.db, actor, attemptId, Number.NaN, { score: 1, reason: "no such" }), "NOT_FOUND");
    await rejects(
      overrideAttempt(t.db, { ...actor, courseId: "another-course" }, attemptId, { score: 1, reason: "wrong course" }),
      "NOT_FOUND",
    );
    expect(await audits("grade.override")).toHaveLength(1);
  });

  it("refuses to override an attempt still in progress (409): there is no grade to replace", async () => {
    const other = await startAttempt(t.db, ids.ben, quizId);
    await rejects(overrideAttempt(t.db, actor, other.attemptId, { score: 1, reason: "early" }), "CONFLICT", /not graded yet/);
    await rejects(overrideResponse(t.db, actor, other.attemptId, 1, { score: 1, reason: "early" }), "CONFLICT", /not graded yet/);
  });

  it("clears an answer's override: the grader's score counts again; clearing nothing writes nothing", async () => {
    const result = await clearResponseOverride(t.db, actor, attemptId, 2);
    expect(result.response.overrideScore).toBeNull();
    expect((await attemptRow()).score).toBeCloseTo(2 + (result.response.score ?? 0));
    const cleared = await audits("grade.override.clear");
    expect(cleared).toHaveLength(1);
    expect(JSON.parse(cleared[0].detail!)).toMatchObject({ old: 2.5, new: null, position: 2, attemptId });
    await clearResponseOverride(t.db, actor, attemptId, 2);
    expect(await audits("grade.override.clear")).toHaveLength(1);
  });

  it("overrides a whole attempt: it replaces the total where a score counts, and the student sees why", async () => {
    const { attempt } = await overrideAttempt(t.db, actor, attemptId, { score: 4.255, reason: "Re-marked by hand" });
    expect(attempt).toMatchObject({ overrideScore: 4.26, counted: 4.26, overrideReason: "Re-marked by hand" });
    const view = await attemptView(t.db, ids.ada, attemptId);
    expect(view.score).toBe(4.26);
    expect(view.change?.override).toMatchObject({ score: 4.26, reason: "Re-marked by hand" });
    const cell = await gradeCell(t.db, courseId, quizId, ids.ada);
    expect(cell.counted).toMatchObject({ score: 4.26, maxScore: 5 });
    await rejects(overrideAttempt(t.db, actor, attemptId, { score: 6, reason: "over the points" }), "UNPROCESSABLE");
  });

  it("excuses and un-excuses a student, each in the AuditLog; the cell says so; only students can be excused", async () => {
    await excuseStudent(t.db, actor, quizId, ids.ada, { reason: "Medical certificate" });
    let cell = await gradeCell(t.db, courseId, quizId, ids.ada);
    expect(cell.status).toBe("EXCUSED");
    expect(cell.excused).toMatchObject({ reason: "Medical certificate", byName: expect.any(String) });
    await excuseStudent(t.db, actor, quizId, ids.ada, { reason: "Medical certificate, renewed" });
    expect((await t.db.quizExcusal.findMany({ where: { quizId } })).map((x) => x.reason)).toEqual(["Medical certificate, renewed"]);
    await unexcuseStudent(t.db, actor, quizId, ids.ada);
    cell = await gradeCell(t.db, courseId, quizId, ids.ada);
    expect(cell.status).toBe("SUBMITTED");
    await rejects(unexcuseStudent(t.db, actor, quizId, ids.ada), "NOT_FOUND", /not excused/);
    await rejects(excuseStudent(t.db, actor, quizId, ids.instructor, { reason: "staff are not graded" }), "NOT_FOUND");
    const excusals = await audits("grade.excuse");
    expect(excusals.map((e) => JSON.parse(e.detail!))).toEqual([
      { old: false, new: true, reason: "Medical certificate", quizId, userId: ids.ada },
      { old: true, new: true, reason: "Medical certificate, renewed", quizId, userId: ids.ada },
    ]);
    expect(await audits("grade.unexcuse")).toHaveLength(1);
  });

  it("the cell's history lists submits, overrides, clears, excusals and regrades, newest first", async () => {
    const at = new Date(Date.now() + 60_000);
    await t.db.attempt.update({ where: { id: attemptId }, data: { regradedAt: at } });
    await t.db.response.updateMany({ where: { attemptId, position: 1 }, data: { regradedAt: at } });
    const cell = await gradeCell(t.db, courseId, quizId, ids.ada);
    expect(cell.history.map((h) => h.kind)).toEqual(["regrade", "unexcuse", "excuse", "excuse", "override", "clear", "override", "submit"]);
    expect(cell.history.at(-1)).toMatchObject({ kind: "submit", attemptNumber: 1 });
    expect(cell.history[4]).toMatchObject({ kind: "override", position: null, new: 4.26, reason: "Re-marked by hand", attemptNumber: 1 });
    const view = await attemptView(t.db, ids.ada, attemptId);
    expect(view.change?.regradedAt?.getTime()).toBe(at.getTime());
    expect(view.items.find((i) => i.position === 1)!.change).toEqual({ override: null, regradedAt: at });
  });

  it("clears the attempt's override: the graded total counts again", async () => {
    const { attempt } = await clearAttemptOverride(t.db, actor, attemptId);
    expect(attempt.overrideScore).toBeNull();
    expect(attempt.counted).toBe(attempt.score);
    expect(JSON.parse((await audits("grade.override.clear")).at(-1)!.detail!)).toMatchObject({ old: 4.26, new: null, attemptId });
  });

  it("a cell of a quiz or student outside the course is not found", async () => {
    await rejects(gradeCell(t.db, courseId, "no-such-quiz", ids.ada), "NOT_FOUND");
    await rejects(gradeCell(t.db, "no-such-course", quizId, ids.ada), "NOT_FOUND");
  });
});
