// The gradebook's rules without a database: each cell's status and counted score by the quiz's
// rule (overrides applied), time used, late and timed out, and the course total as a weighted
// mean that leaves out excused, unassigned and still-open quizzes and counts a closed one with
// nothing graded as 0 (an accommodation's later close first).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CELL_STATUSES, filterRows, packCell, unpackCell, type PackedCell } from "@/lib/gradebook/client";
import {
  buildGradebook,
  cellOf,
  courseTotal,
  statusOf,
  type GradebookAttempt,
  type GradebookQuiz,
  type GradebookStudent,
} from "@/lib/gradebook/gradebook";

const now = new Date("2026-03-10T12:00:00Z");
const past = new Date("2026-03-01T12:00:00Z");
const future = new Date("2026-04-01T12:00:00Z");

const quiz = (over: Partial<GradebookQuiz> = {}): GradebookQuiz => ({
  id: "q1",
  title: "Handshake",
  scoreRule: "HIGHEST",
  closesAt: past,
  weight: 1,
  sections: "[]",
  maxScore: 10,
  ...over,
});
const student = (over: Partial<GradebookStudent> = {}): GradebookStudent => ({
  id: "u1",
  name: "Ada",
  email: "ada@x.test",
  section: "A",
  ...over,
});
let n = 0;
const attempt = (over: Partial<GradebookAttempt> = {}): GradebookAttempt => ({
  id: `a${++n}`,
  quizId: "q1",
  userId: "u1",
  number: 1,
  status: "SUBMITTED",
  score: 5,
  maxScore: 10,
  overrideScore: null,
  startedAt: new Date("2026-02-28T10:00:00Z"),
  submittedAt: new Date("2026-02-28T10:12:30Z"),
  timedOut: false,
  regradedAt: null,
  ...over,
});

describe("a cell", () => {
  it("counts the quiz's rule over the submitted attempts: highest, latest, average", () => {
    const tries = [attempt({ number: 1, score: 8 }), attempt({ number: 2, score: 4 })];
    expect(cellOf(quiz({ scoreRule: "HIGHEST" }), student(), tries, false, null, now)).toMatchObject({
      score: 8,
      fraction: 0.8,
      counted: [1],
    });
    expect(cellOf(quiz({ scoreRule: "LATEST" }), student(), tries, false, null, now)).toMatchObject({ score: 4, counted: [2] });
    expect(cellOf(quiz({ scoreRule: "AVERAGE" }), student(), tries, false, null, now)).toMatchObject({ score: 6, counted: [1, 2] });
  });

  it("uses the staff's override of an attempt and marks it", () => {
    const cell = cellOf(quiz(), student(), [attempt({ score: 3, overrideScore: 9 })], false, null, now);
    expect(cell).toMatchObject({ score: 9, overridden: true, status: "SUBMITTED", total: "COUNTED" });
  });

  it("says not started, in progress, submitted, excused and not for this section", () => {
    expect(cellOf(quiz(), student(), [], false, null, now).status).toBe("NOT_STARTED");
    expect(cellOf(quiz(), student(), [attempt({ status: "IN_PROGRESS", score: null, submittedAt: null })], false, null, now)).toMatchObject(
      {
        status: "IN_PROGRESS",
        score: null,
        inProgress: true,
      },
    );
    const both = cellOf(
      quiz(),
      student(),
      [attempt(), attempt({ number: 2, status: "IN_PROGRESS", score: null, submittedAt: null })],
      false,
      null,
      now,
    );
    expect(both).toMatchObject({ status: "SUBMITTED", inProgress: true, attempts: 2 });
    expect(cellOf(quiz(), student(), [attempt()], true, null, now)).toMatchObject({ status: "EXCUSED", total: "LEFT_OUT" });
    expect(cellOf(quiz({ sections: '["B"]' }), student(), [], false, null, now)).toMatchObject({
      status: "NOT_ASSIGNED",
      total: "LEFT_OUT",
    });
  });

  it("sums the time from start to submit of the counted attempts", () => {
    expect(cellOf(quiz(), student(), [attempt()], false, null, now).timeUsedSec).toBe(750);
    const two = [attempt({ number: 1 }), attempt({ number: 2 })];
    expect(cellOf(quiz({ scoreRule: "AVERAGE" }), student(), two, false, null, now).timeUsedSec).toBe(1500);
    expect(cellOf(quiz(), student(), [], false, null, now).timeUsedSec).toBeNull();
  });

  it("marks late a counted attempt in after the quiz's own close, and timed out one the clock submitted", () => {
    const late = attempt({ submittedAt: new Date("2026-03-02T09:00:00Z"), timedOut: true });
    expect(cellOf(quiz(), student(), [late], false, future, now)).toMatchObject({ late: true, timedOut: true });
    expect(cellOf(quiz(), student(), [attempt()], false, null, now)).toMatchObject({ late: false, timedOut: false });
    expect(cellOf(quiz({ closesAt: null }), student(), [late], false, null, now).late).toBe(false);
  });

  it("marks a regraded counted attempt", () => {
    expect(cellOf(quiz(), student(), [attempt({ regradedAt: past })], false, null, now).regraded).toBe(true);
  });

  it("counts 0 once closed for the student with nothing graded; left out while open or undated", () => {
    expect(cellOf(quiz({ closesAt: past }), student(), [], false, null, now).total).toBe("ZERO");
    expect(cellOf(quiz({ closesAt: future }), student(), [], false, null, now).total).toBe("LEFT_OUT");
    expect(cellOf(quiz({ closesAt: null }), student(), [], false, null, now).total).toBe("LEFT_OUT");
    // An accommodation's later close keeps it open for this student.
    expect(cellOf(quiz({ closesAt: past }), student(), [], false, future, now).total).toBe("LEFT_OUT");
    expect(cellOf(quiz({ weight: 0 }), student(), [attempt()], false, null, now).total).toBe("LEFT_OUT");
  });
});

describe("the course total", () => {
  it("is the weighted mean of quiz fractions, a closed quiz with nothing graded at 0", () => {
    // Quiz 1 (weight 2): 8/10; quiz 2 (weight 1): closed, not taken → 0; quiz 3 (weight 3): excused;
    // quiz 4 (weight 5): still open, not taken → left out. (2 × 0.8 + 1 × 0) / (2 + 1) = 0.5333…
    const quizzes = [
      quiz({ id: "q1", weight: 2 }),
      quiz({ id: "q2", weight: 1 }),
      quiz({ id: "q3", weight: 3 }),
      quiz({ id: "q4", weight: 5, closesAt: future }),
    ];
    const book = buildGradebook(
      {
        quizzes,
        students: [student()],
        attempts: [attempt({ quizId: "q1", score: 8 }), attempt({ quizId: "q3", score: 0 })],
        excusals: [{ quizId: "q3", userId: "u1" }],
        accommodations: [],
      },
      now,
    );
    expect(book.rows[0].cells.map((c) => c.total)).toEqual(["COUNTED", "ZERO", "LEFT_OUT", "LEFT_OUT"]);
    expect(book.rows[0].total).toBeCloseTo(1.6 / 3, 10);
  });

  it("is null while nothing counts", () => {
    const book = buildGradebook(
      { quizzes: [quiz({ closesAt: future })], students: [student()], attempts: [], excusals: [], accommodations: [] },
      now,
    );
    expect(book.rows[0].total).toBeNull();
  });

  it("lies between the lowest and highest counted fraction, whatever the weights", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ weight: fc.double({ min: 0.01, max: 100, noNaN: true }), score: fc.integer({ min: 0, max: 10 }) }), {
          minLength: 1,
          maxLength: 8,
        }),
        (parts) => {
          const quizzes = parts.map((p, i) => quiz({ id: `q${i}`, weight: p.weight }));
          const cells = parts.map((p, i) =>
            cellOf(quizzes[i], student(), [attempt({ quizId: `q${i}`, score: p.score })], false, null, now),
          );
          const total = courseTotal(quizzes, cells)!;
          const fractions = parts.map((p) => p.score / 10);
          expect(total).toBeGreaterThanOrEqual(Math.min(...fractions) - 1e-9);
          expect(total).toBeLessThanOrEqual(Math.max(...fractions) + 1e-9);
        },
      ),
    );
  });
});

describe("the matrix", () => {
  it("has one row per student and one cell per quiz in the quizzes' order, and lists the sections", () => {
    const book = buildGradebook(
      {
        quizzes: [quiz({ id: "q1" }), quiz({ id: "q2" })],
        students: [student(), student({ id: "u2", name: "Ben", section: "B" }), student({ id: "u3", name: "Chen", section: null })],
        attempts: [attempt({ quizId: "q2", userId: "u2", score: 10 })],
        excusals: [],
        accommodations: [{ quizId: "q1", userId: "u3", closesAt: future }],
      },
      now,
    );
    expect(book.sections).toEqual(["A", "B"]);
    expect(book.rows.map((r) => r.cells.map((c) => c.quizId))).toEqual([
      ["q1", "q2"],
      ["q1", "q2"],
      ["q1", "q2"],
    ]);
    expect(book.rows[1].cells[1]).toMatchObject({ score: 10, fraction: 1 });
    expect(book.rows[2].cells[0].total).toBe("LEFT_OUT");
  });

  it("filters by section and by a name or email", () => {
    const rows = [student(), student({ id: "u2", name: "Ben", email: "ben@x.test", section: "B" })];
    expect(filterRows(rows, "B", "").map((r) => r.id)).toEqual(["u2"]);
    expect(filterRows(rows, null, "ADA").map((r) => r.id)).toEqual(["u1"]);
    expect(filterRows(rows, null, "ben@").map((r) => r.id)).toEqual(["u2"]);
    expect(filterRows(rows, "A", "ben")).toEqual([]);
  });
});

describe("a packed cell (what the page sends the browser)", () => {
  it("unpacks to what the matrix shows, for any cell", () => {
    const cellArb = fc.record({
      status: fc.constantFrom(...CELL_STATUSES),
      score: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      maxScore: fc.option(fc.double({ min: 0, max: 100, noNaN: true })),
      timeUsedSec: fc.option(fc.nat()),
      late: fc.boolean(),
      timedOut: fc.boolean(),
      overridden: fc.boolean(),
      regraded: fc.boolean(),
      inProgress: fc.boolean(),
      total: fc.constantFrom("COUNTED" as const, "ZERO" as const, "LEFT_OUT" as const),
    });
    fc.assert(
      fc.property(cellArb, (cell) => {
        const round = unpackCell(JSON.parse(JSON.stringify(packCell({ ...cell, fraction: null }))) as PackedCell);
        const { total, ...rest } = cell;
        const fraction = cell.score !== null && cell.maxScore !== null ? (cell.maxScore > 0 ? cell.score / cell.maxScore : 0) : null;
        expect(round).toEqual({ ...rest, fraction, zero: total === "ZERO" });
      }),
    );
  });

  it("is a short tuple: a cell of a real gradebook in under 40 characters of JSON", () => {
    const cell = cellOf(quiz(), student(), [attempt({ score: 7.5, timedOut: true })], false, null, now);
    expect(packCell(cell)).toEqual([3, 7.5, 10, 750, 2]);
    expect(JSON.stringify(packCell(cell)).length).toBeLessThan(40);
  });
});

describe("statusOf (the gradebook's cell and the cell's own page say the same)", () => {
  it("excused wins; then submitted once any attempt is in, an open one beside it or not; then in progress; else not started or not assigned", () => {
    expect(statusOf([{ status: "SUBMITTED" }], true, true)).toBe("EXCUSED");
    expect(statusOf([{ status: "SUBMITTED" }, { status: "IN_PROGRESS" }], false, true)).toBe("SUBMITTED");
    expect(statusOf([{ status: "IN_PROGRESS" }], false, true)).toBe("IN_PROGRESS");
    expect(statusOf([], false, true)).toBe("NOT_STARTED");
    expect(statusOf([], false, false)).toBe("NOT_ASSIGNED");
    // An attempt at another section's quiz (made before the sections changed) still shows.
    expect(statusOf([{ status: "SUBMITTED" }], false, false)).toBe("SUBMITTED");
  });
});
