// The gradebook on a real SQLite file and a real PostgreSQL database: a course's published
// quizzes as columns (drafts left out) with their points, every student's counted score by the
// quiz's rule with overrides applied, excused and other-section cells, a closed quiz with
// nothing graded at 0 (after an accommodation's later close), the course total; a student's own
// grades, scores only once released; and weights, set in one transaction with their audit entry.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/server/errors";
import { courseGradebook, setQuizWeights, studentGrades } from "@/lib/gradebook/service";
import { DATABASES, type TestDatabase } from "./databases";

const now = new Date("2026-03-10T12:00:00Z");
const past = new Date("2026-03-01T12:00:00Z");
const future = new Date("2026-04-01T12:00:00Z");

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  const courseId = "gb-course";
  const quiz: Record<string, string> = {};

  beforeAll(async () => {
    t = await open();
    const db = t.db;
    for (const [id, name] of [
      ["teacher", "Tess Teacher"],
      ["ada", "Ada"],
      ["ben", "Ben"],
      ["chen", "Chen"],
    ])
      await db.user.create({ data: { id, name, email: `${id}@gb.test` } });
    await db.course.create({ data: { id: courseId, code: "GB 1", title: "Gradebook", joinCode: "GBCODE01", createdById: "teacher" } });
    await db.course.create({ data: { id: "other", code: "OT 1", title: "Other", joinCode: "GBCODE02", createdById: "teacher" } });
    await db.enrollment.createMany({
      data: [
        { courseId, userId: "teacher", role: "INSTRUCTOR" },
        { courseId, userId: "ada", role: "STUDENT", section: "A" },
        { courseId, userId: "ben", role: "STUDENT", section: "A" },
        { courseId, userId: "chen", role: "STUDENT", section: "B" },
      ],
    });
    const make = async (key: string, data: Record<string, unknown>, points: number[]) => {
      const q = await db.quiz.create({
        data: {
          courseId,
          title: key,
          mode: "EXAM",
          published: true,
          ...data,
          items: { create: points.map((p, i) => ({ position: i, points: p })) },
        },
      });
      quiz[key] = q.id;
      return q;
    };
    // Closed, highest of the attempts, weight 2, 10 points over two items.
    await make("closed", { scoreRule: "HIGHEST", closesAt: past, weight: 2, createdAt: new Date("2026-01-01T00:00:00Z") }, [4, 6]);
    // Open, the average, feedback never released.
    await make(
      "open",
      { scoreRule: "AVERAGE", closesAt: future, feedbackRelease: "NEVER", createdAt: new Date("2026-01-02T00:00:00Z") },
      [10],
    );
    // Section B only, closed.
    await make("onlyB", { sections: '["B"]', closesAt: past, createdAt: new Date("2026-01-03T00:00:00Z") }, [5]);
    // A draft is not a column.
    await db.quiz.create({ data: { courseId, title: "draft", mode: "EXAM", published: false } });
    const other = await db.quiz.create({ data: { courseId: "other", title: "elsewhere", mode: "EXAM", published: true } });
    quiz.other = other.id;

    const attempt = (quizId: string, userId: string, number: number, score: number | null, maxScore: number, extra = {}) =>
      db.attempt.create({
        data: {
          quizId,
          userId,
          number,
          status: score === null ? "IN_PROGRESS" : "SUBMITTED",
          startedAt: new Date("2026-02-20T10:00:00Z"),
          submittedAt: score === null ? null : new Date("2026-02-20T10:20:00Z"),
          score,
          maxScore,
          ...extra,
        },
      });
    await attempt(quiz.closed, "ada", 1, 6, 10);
    await attempt(quiz.closed, "ada", 2, 9, 10);
    await attempt(quiz.closed, "ben", 1, 2, 10, { overrideScore: 7, overrideReason: "typo in the question", regradedAt: past });
    await attempt(quiz.open, "ada", 1, 4, 10);
    await attempt(quiz.open, "ada", 2, 8, 10);
    await attempt(quiz.open, "ben", 1, null, 10);
    // Chen is excused from the closed quiz, and took nothing of the B quiz: 0 once it closed.
    await db.quizExcusal.create({ data: { quizId: quiz.closed, userId: "chen", reason: "illness", byId: "teacher" } });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it("has a column per published quiz of the course, oldest first, with its points and weight", async () => {
    const book = await courseGradebook(t.db, courseId, now);
    expect(book.quizzes.map((q) => [q.title, q.maxScore, q.weight])).toEqual([
      ["closed", 10, 2],
      ["open", 10, 1],
      ["onlyB", 5, 1],
    ]);
    expect(book.rows.map((r) => r.name)).toEqual(["Ada", "Ben", "Chen"]);
    expect(book.sections).toEqual(["A", "B"]);
  });

  it("counts each quiz's rule with overrides, and the weighted course total", async () => {
    const book = await courseGradebook(t.db, courseId, now);
    const [ada, ben, chen] = book.rows;
    expect(ada.cells.map((c) => [c.status, c.score])).toEqual([
      ["SUBMITTED", 9],
      ["SUBMITTED", 6],
      ["NOT_ASSIGNED", null],
    ]);
    expect(ada.cells[0].timeUsedSec).toBe(1200);
    // (2 × 0.9 + 1 × 0.6) / 3 = 0.8
    expect(ada.total).toBeCloseTo(0.8, 10);
    expect(ben.cells[0]).toMatchObject({ score: 7, overridden: true, regraded: true });
    expect(ben.cells[1]).toMatchObject({ status: "IN_PROGRESS", total: "LEFT_OUT" });
    expect(ben.total).toBeCloseTo(0.7, 10);
    expect(chen.cells.map((c) => c.status)).toEqual(["EXCUSED", "NOT_STARTED", "NOT_STARTED"]);
    expect(chen.cells[2].total).toBe("ZERO");
    expect(chen.total).toBe(0);
  });

  it("keeps a quiz open for a student with a later close: nothing counts 0 before it", async () => {
    await t.db.quizAccommodation.create({ data: { quizId: quiz.onlyB, userId: "chen", closesAt: future } });
    const book = await courseGradebook(t.db, courseId, now);
    expect(book.rows[2].cells[2].total).toBe("LEFT_OUT");
    expect(book.rows[2].total).toBeNull();
    await t.db.quizAccommodation.deleteMany({ where: { quizId: quiz.onlyB } });
  });

  it("gives a student their own grades, with scores only where feedback is released", async () => {
    const { grades, total } = await studentGrades(t.db, courseId, { id: "ada", section: "A" }, now);
    expect(grades.map((g) => g.title)).toEqual(["closed", "open"]);
    expect(grades[0]).toMatchObject({ released: true, cell: { score: 9 } });
    expect(grades[0].reviewAttemptId).toBe(
      (await t.db.attempt.findFirstOrThrow({ where: { quizId: quiz.closed, userId: "ada", number: 2 } })).id,
    );
    expect(grades[1]).toMatchObject({ released: false, reviewAttemptId: null });
    // The total leaves the unreleased quiz out: 0.9.
    expect(total).toBeCloseTo(0.9, 10);
    const chen = await studentGrades(t.db, courseId, { id: "chen", section: "B" }, now);
    expect(chen.grades.map((g) => [g.title, g.cell.status])).toEqual([
      ["closed", "EXCUSED"],
      ["open", "NOT_STARTED"],
      ["onlyB", "NOT_STARTED"],
    ]);
  });

  it("sets weights in one transaction with an audit entry of the old and new weights", async () => {
    const result = await setQuizWeights(
      t.db,
      { userId: "teacher", courseId },
      {
        weights: [
          { quizId: quiz.open, weight: 3 },
          { quizId: quiz.closed, weight: 2 },
        ],
      },
    );
    expect(result.weights).toEqual([
      { quizId: quiz.open, title: "open", weight: 3 },
      { quizId: quiz.closed, title: "closed", weight: 2 },
    ]);
    const book = await courseGradebook(t.db, courseId, now);
    // Ada: (2 × 0.9 + 3 × 0.6) / 5 = 0.72
    expect(book.rows[0].total).toBeCloseTo(0.72, 10);
    const log = await t.db.auditLog.findMany({ where: { action: "gradebook.weights", courseId } });
    expect(log).toHaveLength(1);
    expect(log[0].actorId).toBe("teacher");
    expect(JSON.parse(log[0].detail!)).toEqual({ changes: [{ quizId: quiz.open, old: 1, new: 3 }] });
  });

  it("refuses another course's quiz and changes nothing", async () => {
    const error = await setQuizWeights(
      t.db,
      { userId: "teacher", courseId },
      {
        weights: [
          { quizId: quiz.other, weight: 5 },
          { quizId: quiz.open, weight: 9 },
        ],
      },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(404);
    expect((await t.db.quiz.findUniqueOrThrow({ where: { id: quiz.open } })).weight).toBe(3);
  });
});
