// Question banks and question versions against a real SQLite file and a real PostgreSQL
// database: banks made, renamed and deleted (never while a quiz uses them), every save a new
// version and never a changed one, a save from an old version refused with nothing lost, a
// save that changes nothing adding nothing, archived questions neither listed nor drawn,
// starter templates copied with a free key, and another course's bank not there at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAttempt } from "@/lib/attempts/start";
import {
  archiveQuestion,
  copyFromLibrary,
  createBank,
  createQuestion,
  deleteBank,
  diffVersions,
  duplicateQuestion,
  getBank,
  getQuestion,
  getVersion,
  listBanks,
  listQuestions,
  listVersions,
  questionFacets,
  renameBank,
  starterCatalog,
  TemplateRefused,
  updateQuestion,
  VersionConflict,
  type Actor,
} from "@/lib/authoring/banks";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { QuestionTemplateSchema, starterLibrary, type QuestionTemplate } from "@/lib/questions";
import { families } from "@/lib/scenarios";
import { AppError } from "@/lib/server/errors";
import { say } from "../unit/attempts/say";
import { DATABASES, type TestDatabase } from "./databases";

async function refused(promise: Promise<unknown>, code: AppError["code"], message?: RegExp): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect(say((error as AppError).text)).toMatch(message);
  return error as AppError;
}

/** A starter template as an author would send it, under another id. */
function template(id: string, from = "handshake-states", changes: Partial<QuestionTemplate> = {}): QuestionTemplate {
  const base = starterLibrary.find((t) => t.id === from)!;
  return QuestionTemplateSchema.parse({ ...structuredClone(base), id, ...changes });
}

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let me: Actor;
  let other: Actor;
  let studentId = "";

  beforeAll(async () => {
    t = await open();
    await seedDemo(t.db);
    const course = await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } });
    const instructor = await t.db.user.findUniqueOrThrow({ where: { email: "instructor@synack.test" } });
    studentId = (await t.db.user.findUniqueOrThrow({ where: { email: "ada@synack.test" } })).id;
    me = { userId: instructor.id, courseId: course.id };
    const second = await t.db.course.create({
      data: { code: "NET 202", title: "Other course", joinCode: "OTHER202", createdById: instructor.id },
    });
    other = { userId: instructor.id, courseId: second.id };
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("creates, lists, renames and deletes a bank, recording each in the audit log", async () => {
    const bank = await createBank(t.db, me, "Week 1");
    expect(bank).toMatchObject({ title: "Week 1", questions: 0, archived: 0, usedBy: 0 });
    expect((await listBanks(t.db, me.courseId)).map((b) => b.title)).toContain("Week 1");
    const renamed = await renameBank(t.db, me, bank.id, "Week 1: opening");
    expect(renamed.title).toBe("Week 1: opening");
    expect((await getBank(t.db, me.courseId, bank.id)).title).toBe("Week 1: opening");
    await deleteBank(t.db, me, bank.id);
    await refused(getBank(t.db, me.courseId, bank.id), "NOT_FOUND");
    const actions = (await t.db.auditLog.findMany({ where: { target: bank.id }, orderBy: { at: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["bank.create", "bank.rename", "bank.delete"]);
  });

  it("refuses to delete a bank while a quiz draws from it or uses one of its questions, and deletes its questions after", async () => {
    const drawn = await createBank(t.db, me, "Drawn from");
    await createQuestion(t.db, me, drawn.id, template("drawn-one"), "en");
    const quiz = await t.db.quiz.create({
      data: {
        courseId: me.courseId,
        title: "Uses a bank",
        mode: "PRACTICE",
        items: { create: { position: 1, bankId: drawn.id, drawCount: 1 } },
      },
    });
    expect((await getBank(t.db, me.courseId, drawn.id)).usedBy).toBe(1);
    await refused(deleteBank(t.db, me, drawn.id), "CONFLICT", /1 quiz item uses it/);

    const fixed = await createBank(t.db, me, "Fixed from");
    const q = await createQuestion(t.db, me, fixed.id, template("fixed-one"), "en");
    const row = await t.db.question.findFirstOrThrow({ where: { bankId: fixed.id, key: q.key } });
    await t.db.quizItem.create({ data: { quizId: quiz.id, position: 2, questionId: row.id } });
    await refused(deleteBank(t.db, me, fixed.id), "CONFLICT", /quiz item/);

    await t.db.quizItem.deleteMany({ where: { quizId: quiz.id } });
    await deleteBank(t.db, me, drawn.id);
    await deleteBank(t.db, me, fixed.id);
    expect(await t.db.question.count({ where: { bankId: { in: [drawn.id, fixed.id] } } })).toBe(0);
  });

  it("saves each edit as a new version, keeps the old ones, and tells what changed between two", async () => {
    const bank = await createBank(t.db, me, "Versions");
    const v1 = await createQuestion(t.db, me, bank.id, template("versioned"), "en");
    expect(v1).toMatchObject({ key: "versioned", version: 1, family: "handshake", kind: "states", archived: false, author: "Ines Vega" });

    const edited = template("versioned", "handshake-states", { points: 5, tags: ["handshake", "week-1"] });
    const v2 = await updateQuestion(t.db, me, bank.id, "versioned", edited, 1, "en");
    expect(v2).toMatchObject({ version: 2, changed: true, tags: ["handshake", "week-1"] });

    expect((await listVersions(t.db, me.courseId, bank.id, "versioned", "en")).map((v) => v.version)).toEqual([2, 1]);
    expect((await getVersion(t.db, me.courseId, bank.id, "versioned", 1, "en")).template.points).toBe(v1.template.points);
    expect((await getQuestion(t.db, me.courseId, bank.id, "versioned", "en")).version).toBe(2);

    const diff = await diffVersions(t.db, me.courseId, bank.id, "versioned", 1, 2);
    expect(diff.changes).toContainEqual({ type: "changed", path: ["points"], before: v1.template.points, after: 5 });
    expect(diff.changes.some((c) => c.path[0] === "tags")).toBe(true);
    expect((await diffVersions(t.db, me.courseId, bank.id, "versioned", 2, 2)).changes).toEqual([]);
    await refused(diffVersions(t.db, me.courseId, bank.id, "versioned", 1, 9), "NOT_FOUND", /no version 9/);
  });

  it("refuses a save from an old version with the current one, and saves nothing", async () => {
    const bank = await createBank(t.db, me, "Conflicts");
    await createQuestion(t.db, me, bank.id, template("contested"), "en");
    await updateQuestion(t.db, me, bank.id, "contested", template("contested", "handshake-states", { points: 3 }), 1, "en");
    const error = await refused(
      updateQuestion(t.db, me, bank.id, "contested", template("contested", "handshake-states", { points: 7 }), 1, "en"),
      "CONFLICT",
      /newest version is now 2/,
    );
    expect(error).toBeInstanceOf(VersionConflict);
    expect((error as VersionConflict).current).toMatchObject({ key: "contested", version: 2 });
    expect((error as VersionConflict).current.template.points).toBe(3);
    expect(await t.db.question.count({ where: { bankId: bank.id, key: "contested" } })).toBe(2);

    // Two saves from the same version at once: one lands, the other is told.
    const results = await Promise.allSettled([
      updateQuestion(t.db, me, bank.id, "contested", template("contested", "handshake-states", { points: 4 }), 2, "en"),
      updateQuestion(t.db, me, bank.id, "contested", template("contested", "handshake-states", { points: 6 }), 2, "en"),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const loser = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(loser.reason).toBeInstanceOf(VersionConflict);
    expect(await t.db.question.count({ where: { bankId: bank.id, key: "contested" } })).toBe(3);
  });

  it("adds no version for a save that changes nothing", async () => {
    const bank = await createBank(t.db, me, "No-ops");
    await createQuestion(t.db, me, bank.id, template("steady"), "en");
    const same = await updateQuestion(t.db, me, bank.id, "steady", template("steady"), 1, "en");
    expect(same).toMatchObject({ version: 1, changed: false });
    expect(await t.db.question.count({ where: { bankId: bank.id, key: "steady" } })).toBe(1);
  });

  it("refuses a taken key, a changed id and a template the engine cannot use, at the path at fault", async () => {
    const bank = await createBank(t.db, me, "Refusals");
    await createQuestion(t.db, me, bank.id, template("taken"), "en");
    await refused(createQuestion(t.db, me, bank.id, template("taken"), "en"), "CONFLICT", /already has a question with the id taken/);

    const renamed = await refused(updateQuestion(t.db, me, bank.id, "taken", template("renamed"), 1, "en"), "UNPROCESSABLE");
    expect((renamed as TemplateRefused).issues).toEqual([
      { path: ["template", "id"], message: expect.stringMatching(/keeps its id \(taken\)/) },
    ]);

    const unusable = await refused(
      createQuestion(t.db, me, bank.id, template("no-family", "handshake-states", { family: "no-such-family" }), "zh-CN"),
      "UNPROCESSABLE",
    );
    expect((unusable as TemplateRefused).issues[0]).toMatchObject({
      path: ["template"],
      message: expect.stringContaining("引擎无法使用这道题"),
    });
    expect(await t.db.question.count({ where: { bankId: bank.id } })).toBe(1);
  });

  it("lists the newest version of each key, searchable by title, key, tag, family and kind", async () => {
    const bank = await createBank(t.db, me, "Search");
    await createQuestion(t.db, me, bank.id, template("find-handshake", "handshake-states", { tags: ["week-1"] }), "en");
    await createQuestion(t.db, me, bank.id, template("find-lost-fin", "lost-fin-states"), "en");
    await createQuestion(t.db, me, bank.id, template("find-segments", "handshake-segments"), "en");
    await updateQuestion(
      t.db,
      me,
      bank.id,
      "find-handshake",
      template("find-handshake", "handshake-states", { tags: ["week-1", "exam"] }),
      1,
      "en",
    );
    const keys = async (filter: Parameters<typeof listQuestions>[3]) =>
      (await listQuestions(t.db, me.courseId, bank.id, filter, "en")).map((q) => q.key).sort();

    const all = await listQuestions(t.db, me.courseId, bank.id, {}, "en");
    expect(all.map((q) => q.key).sort()).toEqual(["find-handshake", "find-lost-fin", "find-segments"]);
    expect(all.find((q) => q.key === "find-handshake")).toMatchObject({ version: 2, tags: ["week-1", "exam"] });
    expect(await keys({ tag: "exam" })).toEqual(["find-handshake"]);
    expect(await keys({ family: "lost-fin" })).toEqual(["find-lost-fin"]);
    expect(await keys({ kind: "segments" })).toEqual(["find-segments"]);
    expect(await keys({ q: "LOST-FIN" })).toEqual(["find-lost-fin"]);
    const chineseTitle = (starterLibrary.find((x) => x.id === "lost-fin-states")!.title as Record<string, string>)["zh-CN"];
    expect(await keys({ q: chineseTitle })).toEqual(["find-lost-fin"]);
    expect(await keys({ q: "nothing like this" })).toEqual([]);
    expect((await listQuestions(t.db, me.courseId, bank.id, {}, "zh-CN")).find((q) => q.key === "find-lost-fin")?.title).toBe(chineseTitle);
    expect(await questionFacets(t.db, me.courseId, bank.id)).toEqual({
      tags: expect.arrayContaining(["exam", "week-1"]),
      families: ["handshake", "lost-fin"],
      kinds: ["segments", "states"],
    });
  });

  it("duplicates a question under a free key, as version 1 of its own", async () => {
    const bank = await createBank(t.db, me, "Duplicates");
    await createQuestion(t.db, me, bank.id, template("twin"), "en");
    const copy = await duplicateQuestion(t.db, me, bank.id, "twin", "en");
    expect(copy).toMatchObject({ key: "twin-2", version: 1 });
    expect(copy.template.id).toBe("twin-2");
    expect((await duplicateQuestion(t.db, me, bank.id, "twin", "en")).key).toBe("twin-3");
    const { id: _a, ...original } = (await getQuestion(t.db, me.courseId, bank.id, "twin", "en")).template;
    const { id: _b, ...copied } = copy.template;
    expect(copied).toEqual(original);
  });

  it("hides an archived question from the list and from drawing, on every version, and restores it", async () => {
    const bank = await createBank(t.db, me, "Archive");
    await createQuestion(t.db, me, bank.id, template("kept"), "en");
    await createQuestion(t.db, me, bank.id, template("shelved", "lost-fin-states"), "en");
    await updateQuestion(t.db, me, bank.id, "shelved", template("shelved", "lost-fin-states", { points: 4 }), 1, "en");
    const archived = await archiveQuestion(t.db, me, bank.id, "shelved", true, "en");
    expect(archived.archived).toBe(true);
    expect(await t.db.question.count({ where: { bankId: bank.id, key: "shelved", archived: false } })).toBe(0);
    expect((await listQuestions(t.db, me.courseId, bank.id, {}, "en")).map((q) => q.key)).toEqual(["kept"]);
    expect((await listQuestions(t.db, me.courseId, bank.id, { archived: true }, "en")).map((q) => q.key)).toEqual(["shelved"]);
    expect(await getBank(t.db, me.courseId, bank.id)).toMatchObject({ questions: 1, archived: 1 });

    // A quiz drawing both questions' worth from the bank draws only the one not archived.
    const quiz = await t.db.quiz.create({
      data: {
        courseId: me.courseId,
        title: "Draw",
        mode: "PRACTICE",
        published: true,
        items: { create: { position: 1, bankId: bank.id, drawCount: 1 } },
      },
    });
    const keptIds = (await t.db.question.findMany({ where: { bankId: bank.id, key: "kept" } })).map((q) => q.id);
    for (let i = 0; i < 4; i++) {
      const { attemptId } = await startAttempt(t.db, studentId, quiz.id);
      const response = await t.db.response.findFirstOrThrow({ where: { attemptId } });
      expect(keptIds).toContain(response.questionId);
      await t.db.attempt.update({
        where: { id: attemptId },
        data: { status: "SUBMITTED", submittedAt: new Date(), score: 0, maxScore: 1 },
      });
    }
    const bigger = await t.db.quiz.create({
      data: {
        courseId: me.courseId,
        title: "Draw two",
        mode: "PRACTICE",
        published: true,
        items: { create: { position: 1, bankId: bank.id, drawCount: 2 } },
      },
    });
    await refused(startAttempt(t.db, studentId, bigger.id), "CONFLICT");

    await archiveQuestion(t.db, me, bank.id, "shelved", false, "en");
    expect((await listQuestions(t.db, me.courseId, bank.id, {}, "en")).map((q) => q.key).sort()).toEqual(["kept", "shelved"]);
    await refused(archiveQuestion(t.db, me, bank.id, "never-was", true, "en"), "NOT_FOUND");
  });

  it("copies starter templates into a bank, giving a taken key a -2 suffix, all or none", async () => {
    const bank = await createBank(t.db, me, "From the library");
    await createQuestion(t.db, me, bank.id, template("handshake-states"), "en");
    const copied = await copyFromLibrary(t.db, me, bank.id, ["handshake-states", "lost-fin-states", "lost-fin-states"], "en");
    expect(copied).toEqual([
      { templateId: "handshake-states", key: "handshake-states-2" },
      { templateId: "lost-fin-states", key: "lost-fin-states" },
    ]);
    const copy = await getQuestion(t.db, me.courseId, bank.id, "handshake-states-2", "en");
    expect(copy).toMatchObject({ version: 1, family: "handshake" });
    expect(copy.template.id).toBe("handshake-states-2");
    expect((await copyFromLibrary(t.db, me, bank.id, ["handshake-states"], "en"))[0].key).toBe("handshake-states-3");

    const before = await t.db.question.count({ where: { bankId: bank.id } });
    const error = await refused(copyFromLibrary(t.db, me, bank.id, ["syn-timeout-outcome", "not-a-template"], "en"), "UNPROCESSABLE");
    expect((error as TemplateRefused).issues).toEqual([{ path: ["templateIds", 1], message: expect.stringContaining("not-a-template") }]);
    expect(await t.db.question.count({ where: { bankId: bank.id } })).toBe(before);
  });

  it("lists the starter library by family, in the families' order, with each family's concept", () => {
    const catalog = starterCatalog("en");
    expect(catalog.flatMap((f) => f.templates.map((x) => x.id)).sort()).toEqual(starterLibrary.map((x) => x.id).sort());
    const order = families.map((f) => f.id as string);
    expect(catalog.map((f) => order.indexOf(f.id))).toEqual([...catalog.map((f) => order.indexOf(f.id))].sort((a, b) => a - b));
    const handshake = catalog.find((f) => f.id === "handshake")!;
    expect(handshake.concept).toBe(say(families.find((f) => f.id === "handshake")!.concept));
    expect(starterCatalog("zh-CN").find((f) => f.id === "handshake")!.concept).toBe(
      say(families.find((f) => f.id === "handshake")!.concept, "zh-CN"),
    );
  });

  it("finds no bank or question of another course, whatever is asked", async () => {
    const bank = await createBank(t.db, me, "Mine");
    await createQuestion(t.db, me, bank.id, template("private-one"), "en");
    const theirs = other.courseId;
    expect((await listBanks(t.db, theirs)).map((b) => b.id)).not.toContain(bank.id);
    await refused(getBank(t.db, theirs, bank.id), "NOT_FOUND");
    await refused(renameBank(t.db, other, bank.id, "Taken over"), "NOT_FOUND");
    await refused(deleteBank(t.db, other, bank.id), "NOT_FOUND");
    await refused(listQuestions(t.db, theirs, bank.id, {}, "en"), "NOT_FOUND");
    await refused(getQuestion(t.db, theirs, bank.id, "private-one", "en"), "NOT_FOUND");
    await refused(createQuestion(t.db, other, bank.id, template("intruder"), "en"), "NOT_FOUND");
    await refused(
      updateQuestion(t.db, other, bank.id, "private-one", template("private-one", "handshake-states", { points: 9 }), 1, "en"),
      "NOT_FOUND",
    );
    await refused(listVersions(t.db, theirs, bank.id, "private-one", "en"), "NOT_FOUND");
    await refused(getVersion(t.db, theirs, bank.id, "private-one", 1, "en"), "NOT_FOUND");
    await refused(diffVersions(t.db, theirs, bank.id, "private-one", 1, 1), "NOT_FOUND");
    await refused(duplicateQuestion(t.db, other, bank.id, "private-one", "en"), "NOT_FOUND");
    await refused(archiveQuestion(t.db, other, bank.id, "private-one", true, "en"), "NOT_FOUND");
    await refused(copyFromLibrary(t.db, other, bank.id, ["handshake-states"], "en"), "NOT_FOUND");
    expect(await getBank(t.db, me.courseId, bank.id)).toMatchObject({ title: "Mine", questions: 1, archived: 0 });
    expect(await t.db.question.count({ where: { bankId: bank.id } })).toBe(1);
  });
});
