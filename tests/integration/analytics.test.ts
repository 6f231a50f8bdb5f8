// Item analysis read from a real SQLite file and a real PostgreSQL database: a class of three
// with known scores, an override, a second attempt that must not count and a draft that must
// not either, computed by hand below (definitions: docs/analytics.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemAnalytics, quizOptions } from "@/lib/analytics/items";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_JOIN_CODE } from "@/lib/demo/seed-data";
import { syncStarterLibrary } from "@/lib/demo/starter-library";
import { AppError } from "@/lib/server/errors";
import { DATABASES, type TestDatabase } from "./databases";

// Items: 1 handshake-states (2 points), 2 lost-syn-segments (1), 3 handshake-count (1).
//   ada (A)  2 1 1  → 4/4      (her second attempt, 0/4, is not analysed)
//   ben (A)  1 0 1  → 2/4      (item 1: the grader gave 0, staff overrode it to 1)
//   chen (B) 0 1 0  → 1/4
// Item 1: fractions 1, 1/2, 0 → facility 1/2; rest (items 2+3)/2 = 1, 1/2, 1/2;
//   Sxy = 1/4, Sxx = 1/2, Syy = 1/6 → discrimination (1/4)/√(1/12) = √3/2.
// Ada's saves: item 1 at +20 s, item 2 at +50 s, item 1 at +60 s → item 1 30 s, item 2 30 s.
describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let courseId = "";
  let quizId = "";
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await open();
    await seedDemo(t.db);
    await syncStarterLibrary(t.db);
    courseId = (await t.db.course.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } })).id;
    for (const u of await t.db.user.findMany()) ids[u.email.split("@")[0]!] = u.id;
    const question = async (key: string) => (await t.db.question.findFirstOrThrow({ where: { key }, orderBy: { version: "desc" } })).id;
    const questions = [await question("handshake-states"), await question("lost-syn-segments"), await question("handshake-count")];
    const points = [2, 1, 1];
    const quiz = await t.db.quiz.create({
      data: {
        courseId,
        title: "Analysed quiz",
        mode: "EXAM",
        published: true,
        items: { create: questions.map((questionId, i) => ({ position: i + 1, questionId, points: points[i]! })) },
      },
      include: { items: true },
    });
    quizId = quiz.id;
    const start = new Date("2026-11-30T10:00:00Z");
    const attempt = async (user: string, number: number, scores: number[], override?: { position: number; score: number }) => {
      const total = scores.reduce((s, x, i) => s + (override?.position === i + 1 ? override.score : x), 0);
      return t.db.attempt.create({
        data: {
          quizId,
          userId: ids[user]!,
          number,
          status: "SUBMITTED",
          startedAt: start,
          submittedAt: new Date(start.getTime() + 600_000),
          score: total,
          maxScore: 4,
          responses: {
            create: scores.map((score, i) => ({
              quizItemId: quiz.items.find((item) => item.position === i + 1)!.id,
              questionId: questions[i]!,
              position: i + 1,
              seed: String(1000 + i),
              answer: "{}",
              score,
              maxScore: points[i]!,
              overrideScore: override?.position === i + 1 ? override.score : null,
              overrideReason: override?.position === i + 1 ? "Right idea, wrong notation" : null,
              graderVersion: "test",
              gradedAt: start,
            })),
          },
        },
        include: { responses: true },
      });
    };
    const ada = await attempt("ada", 1, [2, 1, 1]);
    await attempt("ada", 2, [0, 0, 0]);
    await attempt("ben", 1, [0, 0, 1], { position: 1, score: 1 });
    await attempt("chen", 1, [0, 1, 0]);
    const save = (position: number, sec: number) => ({
      responseId: ada.responses.find((r) => r.position === position)!.id,
      answer: "{}",
      savedAt: new Date(start.getTime() + sec * 1000),
    });
    await t.db.answerSave.createMany({ data: [save(1, 20), save(2, 50), save(1, 60)] });
    // A draft quiz with no attempts: offered in the picker, with nothing to analyse.
    await t.db.quiz.create({ data: { courseId, title: "Draft", mode: "EXAM" } });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("offers every quiz of the course with its count of submitted attempts", async () => {
    const options = await quizOptions(t.db, courseId);
    expect(options.find((q) => q.id === quizId)).toEqual({ id: quizId, title: "Analysed quiz", published: true, submitted: 4 });
    expect(options.find((q) => q.title === "Draft")).toMatchObject({ published: false, submitted: 0 });
  });

  it("analyses each student's first attempt with the counted scores", async () => {
    const data = await itemAnalytics(t.db, courseId, quizId);
    expect(data.summary).toMatchObject({ students: 3, median: 0.5 });
    expect(data.summary.mean).toBeCloseTo(1.75 / 3, 12);
    expect(data.summary.histogram.map((b) => b.count)).toEqual([0, 0, 1, 0, 0, 1, 0, 0, 0, 1]);
    const [one, two, three] = data.items;
    expect(data.items.map((i) => [i.position, i.family, i.kind])).toEqual([
      [1, "handshake", "states"],
      [2, "lost-syn", "segments"],
      [3, "handshake", "choice"],
    ]);
    expect(one).toMatchObject({ n: 3, meanScore: 1, maxScore: 2, facility: 0.5, distribution: { zero: 1, partial: 1, full: 1 } });
    expect(one!.discrimination).toBeCloseTo(Math.sqrt(3) / 2, 12);
    expect(one).toMatchObject({ meanTimeSec: 30, timed: 1 });
    expect(two).toMatchObject({ n: 3, meanTimeSec: 30, timed: 1 });
    expect(two!.facility).toBeCloseTo(2 / 3, 12);
    expect(three).toMatchObject({ meanTimeSec: null, timed: 0 });
    expect(data.families.map((f) => [f.group, f.items, f.n])).toEqual([
      ["handshake", 2, 6],
      ["lost-syn", 1, 3],
    ]);
    expect(data.families[0]!.facility).toBeCloseTo(3.5 / 6, 12);
    expect(data.kinds.map((k) => k.group)).toEqual(["choice", "segments", "states"]);
    expect(data.sections.map((s) => [s.section, s.students, s.mean])).toEqual([
      ["A", 2, 0.75],
      ["B", 1, 0.25],
    ]);
  });

  it("finds no quiz of another course, nor one that does not exist", async () => {
    const other = await t.db.course.create({ data: { code: "OTHER", title: "Other", joinCode: "OTHER26X", createdById: ids.instructor! } });
    for (const [course, quiz] of [
      [other.id, quizId],
      [courseId, "no-such-quiz"],
    ] as const) {
      const error = await itemAnalytics(t.db, course, quiz).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("NOT_FOUND");
    }
  });
});
