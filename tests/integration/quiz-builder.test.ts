// Building quizzes against a real SQLite file and a real PostgreSQL database: settings with
// the password stored hashed, items pinned to versions and draws, publishing refusals, the
// rules once students have attempts (409 with the reason), accommodations, the preview that
// stores nothing, the audit trail, and another course's quiz, bank or question being a 404/422.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAttempt } from "@/lib/attempts/start";
import { verifyPassword, hashPassword } from "@/lib/auth/password-hashing";
import {
  builderChoices,
  createQuiz,
  deleteQuiz,
  getQuiz,
  listQuizzes,
  previewQuiz,
  putItems,
  removeAccommodation,
  setAccommodation,
  setPublished,
  updateQuiz,
  type Actor,
} from "@/lib/authoring/quizzes";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { DATABASES, type TestDatabase } from "./databases";
import { rejects } from "./fixtures/rejects";

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let courseId = "";
  let otherCourseId = "";
  let bankId = "";
  let otherBankId = "";
  let otherQuestionId = "";
  const ids: Record<string, string> = {};
  const q: Record<string, string> = {};
  let me: Actor;

  beforeAll(async () => {
    t = await open();
    await seedDemo(t.db);
    await syncStarterLibrary(t.db);
    courseId = (await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
    for (const u of await t.db.user.findMany()) ids[u.email.split("@")[0]] = u.id;
    me = { userId: ids.instructor, courseId };
    const bank = await t.db.questionBank.findFirstOrThrow({ where: { courseId } });
    bankId = bank.id;
    for (const row of await t.db.question.findMany({ where: { bankId } })) q[row.key] = row.id;
    // A second course with a bank and a question of its own.
    const other = await t.db.course.create({
      data: { code: "NET 200", title: "Other", joinCode: "OTHER200", createdById: ids.instructor },
    });
    otherCourseId = other.id;
    const template = (await t.db.question.findUniqueOrThrow({ where: { id: q["handshake-states"] } })).template;
    const otherBank = await t.db.questionBank.create({ data: { courseId: other.id, title: "Theirs" } });
    otherBankId = otherBank.id;
    otherQuestionId = (await t.db.question.create({ data: { bankId: otherBank.id, key: "theirs", version: 1, title: "Theirs", template } }))
      .id;
  });
  afterAll(async () => {
    await t?.drop();
  });

  const audits = (target: string) => t.db.auditLog.findMany({ where: { target }, orderBy: { at: "asc" } });

  it("creates a draft quiz with its settings, storing the access password hashed and auditing it without the hash", async () => {
    const hash = await hashPassword("open sesame");
    const quiz = await createQuiz(t.db, me, {
      title: "Week 1",
      mode: "EXAM",
      opensAt: "2026-12-01T09:00:00+08:00",
      closesAt: "2026-12-08T09:00:00+08:00",
      timeLimitMinutes: 30,
      attemptsAllowed: 2,
      scoreRule: "LATEST",
      feedbackRelease: "ON_DATE",
      releaseAt: "2026-12-10T00:00:00Z",
      shuffle: true,
      sections: ["A", "A"],
      accessPasswordHash: hash,
    });
    expect(quiz).toMatchObject({
      title: "Week 1",
      mode: "EXAM",
      published: false,
      opensAt: "2026-12-01T01:00:00.000Z",
      closesAt: "2026-12-08T01:00:00.000Z",
      timeLimitMinutes: 30,
      attemptsAllowed: 2,
      scoreRule: "LATEST",
      feedbackRelease: "ON_DATE",
      releaseAt: "2026-12-10T00:00:00.000Z",
      shuffle: true,
      sections: ["A"],
      hasPassword: true,
      itemList: [],
    });
    const row = await t.db.quiz.findUniqueOrThrow({ where: { id: quiz.id } });
    expect(row.timeLimitSec).toBe(1800);
    expect(row.accessPasswordHash).not.toContain("open sesame");
    expect(await verifyPassword({ hash: row.accessPasswordHash!, password: "open sesame" })).toBe(true);
    const [entry] = await audits(quiz.id);
    expect(entry).toMatchObject({ action: "quiz.create", actorId: ids.instructor, courseId });
    expect(entry.detail).not.toContain(hash);
    expect(JSON.parse(entry.detail!)).toMatchObject({ password: "set" });
  });

  it("changes only the settings sent, checks them against what is stored, and removes the password", async () => {
    const quiz = await createQuiz(t.db, me, {
      title: "Settings",
      mode: "PRACTICE",
      opensAt: "2026-12-05T00:00:00Z",
      accessPasswordHash: "x",
    });
    await rejects(updateQuiz(t.db, me, quiz.id, { closesAt: "2026-12-04T00:00:00Z" }), "UNPROCESSABLE", /must close after it opens/);
    await rejects(updateQuiz(t.db, me, quiz.id, { feedbackRelease: "ON_DATE" }), "UNPROCESSABLE", /date feedback is released/);
    const changed = await updateQuiz(t.db, me, quiz.id, {
      closesAt: "2026-12-06T00:00:00Z",
      timeLimitMinutes: null,
      accessPasswordHash: null,
    });
    expect(changed).toMatchObject({
      title: "Settings",
      opensAt: "2026-12-05T00:00:00.000Z",
      closesAt: "2026-12-06T00:00:00.000Z",
      hasPassword: false,
    });
    const entries = await audits(quiz.id);
    expect(entries.map((e) => e.action)).toEqual(["quiz.create", "quiz.update"]);
    expect(JSON.parse(entries[1].detail!)).toEqual({ changed: ["closesAt", "timeLimitSec", "accessPassword"], password: "removed" });
  });

  it("keeps items in order, pinned to the version picked, and draws by bank and tag with what each can choose from", async () => {
    const quiz = await createQuiz(t.db, me, { title: "Items", mode: "PRACTICE" });
    const detail = await putItems(t.db, me, quiz.id, [
      { kind: "fixed", questionId: q["handshake-states"], points: 2 },
      { kind: "draw", bankId, tag: null, count: 2, points: 1.5 },
    ]);
    expect(detail.itemList).toMatchObject([
      { kind: "fixed", position: 1, points: 2, questionId: q["handshake-states"], key: "handshake-states", version: 1, latestVersion: 1 },
      { kind: "draw", position: 2, points: 1.5, bankId, tag: null, count: 2 },
    ]);
    const draw = detail.itemList[1];
    expect(draw.kind === "draw" && draw.available).toBe(Object.keys(q).length);
    // A newer version of the fixed question is shown, the item stays on the one pinned.
    const v1 = await t.db.question.findUniqueOrThrow({ where: { id: q["handshake-states"] } });
    const v2 = await t.db.question.create({
      data: { bankId, key: v1.key, version: 2, title: v1.title, template: v1.template, tags: v1.tags },
    });
    const again = await getQuiz(t.db, courseId, quiz.id);
    expect(again.itemList[0]).toMatchObject({ version: 1, latestVersion: 2, latestQuestionId: v2.id });
    expect((await audits(quiz.id)).map((e) => e.action)).toEqual(["quiz.create", "quiz.items"]);
  });

  it("refuses another course's question or bank, naming the item", async () => {
    const quiz = await createQuiz(t.db, me, { title: "Isolation", mode: "PRACTICE" });
    await rejects(
      putItems(t.db, me, quiz.id, [{ kind: "fixed", questionId: otherQuestionId, points: 1 }]),
      "UNPROCESSABLE",
      /Item 1: that question/,
    );
    await rejects(
      putItems(t.db, me, quiz.id, [
        { kind: "fixed", questionId: q["handshake-states"], points: 1 },
        { kind: "draw", bankId: otherBankId, count: 1, points: 1 },
      ]),
      "UNPROCESSABLE",
      /Item 2: that bank/,
    );
    await rejects(getQuiz(t.db, otherCourseId, quiz.id), "NOT_FOUND");
    await rejects(updateQuiz(t.db, { userId: ids.instructor, courseId: otherCourseId }, quiz.id, { title: "Mine" }), "NOT_FOUND");
    expect((await getQuiz(t.db, courseId, quiz.id)).title).toBe("Isolation");
  });

  it("refuses publishing a quiz with no items or a draw its bank cannot fill, and publishes and unpublishes one that can", async () => {
    const quiz = await createQuiz(t.db, me, { title: "Publish", mode: "EXAM" });
    await rejects(setPublished(t.db, me, quiz.id, true), "CONFLICT", /no items cannot be published/);
    await putItems(t.db, me, quiz.id, [{ kind: "draw", bankId, tag: "no-such-tag", count: 1, points: 1 }]);
    await rejects(setPublished(t.db, me, quiz.id, true), "CONFLICT", /tagged “no-such-tag”.*holds only 0/);
    await putItems(t.db, me, quiz.id, [{ kind: "draw", bankId, count: 1, points: 1 }]);
    expect((await setPublished(t.db, me, quiz.id, true)).published).toBe(true);
    expect((await setPublished(t.db, me, quiz.id, false)).published).toBe(false);
    expect((await audits(quiz.id)).map((e) => e.action).slice(-2)).toEqual(["quiz.publish", "quiz.unpublish"]);
  });

  it("once students have attempts, refuses removing, reordering and re-pinning items (409 with the reason), and allows points, new items and windows", async () => {
    const quiz = await createQuiz(t.db, me, { title: "Attempted", mode: "PRACTICE" });
    const first = await putItems(t.db, me, quiz.id, [
      { kind: "fixed", questionId: q["handshake-states"], points: 1 },
      { kind: "draw", bankId, count: 1, points: 1 },
    ]);
    await setPublished(t.db, me, quiz.id, true);
    await startAttempt(t.db, ids.ada, quiz.id);
    const [a, b] = first.itemList;
    const keepFixed = { kind: "fixed" as const, id: a.id, questionId: q["handshake-states"], points: 1 };
    const keepDraw = { kind: "draw" as const, id: b.id, bankId, count: 1, points: 1 };
    await rejects(putItems(t.db, me, quiz.id, [keepFixed]), "CONFLICT", /1 attempt of this quiz, and item 2 would be removed/);
    await rejects(putItems(t.db, me, quiz.id, [keepDraw, keepFixed]), "CONFLICT", /the items would change order/);
    await rejects(
      putItems(t.db, me, quiz.id, [{ ...keepFixed, questionId: Object.values(q).find((id) => id !== q["handshake-states"])! }, keepDraw]),
      "CONFLICT",
      /item 1 would be pinned to another question version/,
    );
    const amended = await putItems(t.db, me, quiz.id, [
      { ...keepFixed, points: 3 },
      keepDraw,
      { kind: "fixed", questionId: q["handshake-states"], points: 2 },
    ]);
    expect(amended.itemList.map((i) => [i.id === a.id || i.id === b.id, i.position, i.points])).toEqual([
      [true, 1, 3],
      [true, 2, 1],
      [false, 3, 2],
    ]);
    // The responses still point at the items they were given.
    const responses = await t.db.response.findMany({ where: { attempt: { quizId: quiz.id } } });
    expect(responses.map((r) => r.quizItemId).sort()).toEqual([a.id, b.id].sort());
    const later = await updateQuiz(t.db, me, quiz.id, { closesAt: "2030-01-01T00:00:00Z", feedbackRelease: "NEVER" });
    expect(later).toMatchObject({ closesAt: "2030-01-01T00:00:00.000Z", feedbackRelease: "NEVER", attempts: 1 });
    await rejects(deleteQuiz(t.db, me, quiz.id), "CONFLICT", /cannot be deleted\. Unpublish it instead/);
  });

  it("sets, changes and removes a student's accommodation, refusing a non-student and a close that is not later", async () => {
    const quiz = await createQuiz(t.db, me, { title: "Accommodated", mode: "EXAM", closesAt: "2026-12-08T00:00:00Z" });
    const set = await setAccommodation(t.db, me, quiz.id, ids.ada, { timeFactor: 1.5, extraMinutes: 10 });
    expect(set.accommodations).toEqual([
      { userId: ids.ada, name: "Ada Okafor", email: "ada@synack.test", timeFactor: 1.5, extraMinutes: 10, closesAt: null },
    ]);
    const changed = await setAccommodation(t.db, me, quiz.id, ids.ada, { closesAt: "2026-12-09T00:00:00Z" });
    expect(changed.accommodations).toMatchObject([{ timeFactor: null, extraMinutes: null, closesAt: "2026-12-09T00:00:00.000Z" }]);
    await rejects(setAccommodation(t.db, me, quiz.id, ids.instructor, { timeFactor: 2 }), "NOT_FOUND", /not a student/);
    await rejects(setAccommodation(t.db, me, quiz.id, ids.ben, { closesAt: "2026-12-07T00:00:00Z" }), "UNPROCESSABLE", /must come after/);
    await removeAccommodation(t.db, me, quiz.id, ids.ada);
    expect((await getQuiz(t.db, courseId, quiz.id)).accommodations).toEqual([]);
    await rejects(removeAccommodation(t.db, me, quiz.id, ids.ada), "NOT_FOUND");
    expect((await audits(quiz.id)).map((e) => e.action)).toEqual([
      "quiz.create",
      "quiz.accommodation.set",
      "quiz.accommodation.set",
      "quiz.accommodation.remove",
    ]);
  });

  it("previews the same questions and variants for the same seed, never draws an archived question, and stores no attempt", async () => {
    const quiz = await createQuiz(t.db, me, { title: "Preview", mode: "PRACTICE" });
    await t.db.question.updateMany({ where: { bankId, key: { not: "handshake-states" } }, data: { archived: true } });
    await putItems(t.db, me, quiz.id, [
      { kind: "fixed", questionId: q["handshake-states"], points: 2 },
      { kind: "draw", bankId, count: 1, points: 1 },
    ]);
    const attemptsBefore = await t.db.attempt.count();
    const one = await previewQuiz(t.db, courseId, quiz.id, 42);
    expect(await previewQuiz(t.db, courseId, quiz.id, 42)).toEqual(one);
    expect(one.questions.map((x) => [x.position, x.itemPosition, x.points])).toEqual([
      [1, 1, 2],
      [2, 2, 1],
    ]);
    // Only handshake-states is unarchived, so the draw gives it too.
    expect(one.questions.map((x) => x.presentation.templateId)).toEqual(["handshake-states", "handshake-states"]);
    const other = await previewQuiz(t.db, courseId, quiz.id, 43);
    expect(JSON.stringify(other.questions[0].presentation)).not.toBe(JSON.stringify(one.questions[0].presentation));
    expect(await t.db.attempt.count()).toBe(attemptsBefore);
    await putItems(t.db, me, quiz.id, [{ kind: "draw", bankId, count: 2, points: 1 }]);
    await rejects(previewQuiz(t.db, courseId, quiz.id, 1), "CONFLICT", /cannot be previewed/);
    await t.db.question.updateMany({ where: { bankId }, data: { archived: false } });
  });

  it("lists the course's quizzes with counts, and offers the roster's sections and students for picking", async () => {
    const list = await listQuizzes(t.db, courseId);
    expect(list.find((x) => x.title === "Attempted")).toMatchObject({ items: 3, attempts: 1, published: true });
    expect((await listQuizzes(t.db, otherCourseId)).length).toBe(0);
    const choices = await builderChoices(t.db, courseId);
    expect(choices.sections).toEqual(["A", "B"]);
    expect(choices.students.map((s) => s.name)).toEqual(["Ada Okafor", "Ben Carter", "Chen Wei"]);
    expect(choices.banks[0].questions.find((x) => x.key === "handshake-states")?.version).toBe(2);
  });

  it("deletes a quiz without attempts, with an audit entry", async () => {
    const quiz = await createQuiz(t.db, me, { title: "Gone", mode: "PRACTICE" });
    await deleteQuiz(t.db, me, quiz.id);
    await rejects(getQuiz(t.db, courseId, quiz.id), "NOT_FOUND");
    expect((await audits(quiz.id)).map((e) => e.action)).toEqual(["quiz.create", "quiz.delete"]);
  });
});
