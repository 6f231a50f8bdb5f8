// The gradebook as a sheet for an LMS (lib/lms/grade-sheet.ts) and what a grade file may be asked
// for (lib/lms/grade-options.ts): a student's value by the gradebook's own rules, the quiz's title
// and id in that LMS, the course total out of 100; each format's options and nothing else.
import { describe, expect, it } from "vitest";
import { buildGradebook, type GradebookAttempt, type GradebookQuiz } from "@/lib/gradebook/gradebook";
import { GradeExportQuerySchema, gradeQueryString, gradeRequest } from "@/lib/lms/grade-options";
import { gradeSheet, TOTAL_TITLE, unknownColumns } from "@/lib/lms/grade-sheet";

const now = new Date("2026-03-10T12:00:00Z");
const quiz = (id: string, closesAt: Date | null, maxScore: number): GradebookQuiz => ({
  id,
  title: `Quiz ${id}`,
  scoreRule: "HIGHEST",
  closesAt,
  weight: 1,
  sections: "[]",
  maxScore,
});
const attempt = (quizId: string, userId: string, score: number, maxScore: number): GradebookAttempt => ({
  id: `${quizId}-${userId}`,
  quizId,
  userId,
  number: 1,
  status: "SUBMITTED",
  score,
  maxScore,
  overrideScore: null,
  startedAt: new Date("2026-03-01T10:00:00Z"),
  submittedAt: new Date("2026-03-01T10:10:00Z"),
  timedOut: false,
  regradedAt: null,
});

// q1 closed, q2 open. Ada took both; Ben is excused from q1 and took nothing; Chen took nothing.
const book = buildGradebook(
  {
    quizzes: [quiz("q1", new Date("2026-03-05T00:00:00Z"), 10), quiz("q2", null, 20)],
    students: [
      { id: "ada", name: "Ada", email: "ada@x.test", section: "A" },
      { id: "ben", name: "Ben", email: "ben@x.test", section: "A" },
      { id: "chen", name: "Chen", email: "chen@x.test", section: null },
    ],
    attempts: [attempt("q1", "ada", 8, 10), attempt("q2", "ada", 15, 20)],
    excusals: [{ quizId: "q1", userId: "ben" }],
    accommodations: [],
  },
  now,
);

describe("gradeSheet", () => {
  const sheet = gradeSheet(book, {
    columns: ["q2", "total", "q1"],
    mapping: new Map([["q1", { externalId: "1234", title: "Handshake" }]]),
    identifiers: new Map([["ada", { sisUserId: "S1", sisLoginId: null, username: "ada", orgDefinedId: null }]]),
  });

  it("gives each column its title and id in the LMS, in the order asked, the total out of 100", () => {
    expect(sheet.columns).toEqual([
      { key: "q2", title: "Quiz q2", maxScore: 20, externalId: null },
      { key: "total", title: TOTAL_TITLE, maxScore: 100, externalId: null },
      { key: "q1", title: "Handshake", maxScore: 10, externalId: "1234" },
    ]);
  });

  it("writes the counted score, excused, 0 where the total counts a closed quiz 0, and nothing for an open one not taken", () => {
    expect(sheet.rows.map((r) => [r.student.userId, ...r.values])).toEqual([
      ["ada", { points: 15 }, { points: 77.5 }, { points: 8 }],
      // Excused from q1, q2 still open: no total yet.
      ["ben", null, null, "excused"],
      ["chen", null, { points: 0 }, { points: 0 }],
    ]);
    expect(sheet.rows[0].student).toMatchObject({ sisUserId: "S1", username: "ada", section: "A" });
    expect(sheet.rows[2].student).toMatchObject({ sisUserId: null, username: null });
  });

  it("takes every published quiz when no columns are asked for, and names the keys it does not know", () => {
    const all = gradeSheet(book, { columns: null, mapping: new Map(), identifiers: new Map() });
    expect(all.columns.map((c) => c.key)).toEqual(["q1", "q2"]);
    expect(unknownColumns(book, ["q1", "total", "draft"])).toEqual(["draft"]);
  });
});

describe("the export's query", () => {
  const parse = (q: Record<string, string>) => GradeExportQuerySchema.safeParse(q);

  it("gives each format its defaults and options", () => {
    expect(gradeRequest(GradeExportQuerySchema.parse({ format: "moodle" }))).toEqual({
      columns: null,
      options: { format: "moodle", identifier: "email", bom: false },
      skipMissing: false,
    });
    expect(
      gradeRequest(GradeExportQuerySchema.parse({ format: "canvas", quizzes: "a,total", pointsPossible: "false", missing: "skip" })),
    ).toEqual({
      columns: ["a", "total"],
      options: { format: "canvas", bom: false, pointsPossible: false },
      skipMissing: true,
    });
  });

  it("refuses an option another format has, an identifier of another LMS, a column twice", () => {
    expect(parse({ format: "canvas", delimiter: "tab" }).success).toBe(false);
    expect(parse({ format: "blackboard", bom: "true" }).success).toBe(false);
    expect(parse({ format: "moodle", identifier: "orgdefinedid" }).success).toBe(false);
    expect(parse({ format: "brightspace", identifier: "email" }).success).toBe(false);
    expect(parse({ format: "canvas", quizzes: "a,a" }).success).toBe(false);
    expect(parse({ format: "canvas", quizzes: "" }).success).toBe(false);
    expect(parse({ format: "canvas", extra: "1" }).success).toBe(false);
  });

  it("is written back by the page's link as the same request", () => {
    for (const q of [
      { format: "canvas", quizzes: "a,b", bom: "true", pointsPossible: "false" },
      { format: "moodle", quizzes: "total", identifier: "idnumber", missing: "skip" },
      { format: "blackboard", quizzes: "a", delimiter: "tab" },
      { format: "brightspace", quizzes: "a", identifier: "username" },
    ]) {
      const request = gradeRequest(GradeExportQuerySchema.parse(q));
      const again = Object.fromEntries(new URLSearchParams(gradeQueryString(request.columns!, request.options, request.skipMissing)));
      expect(gradeRequest(GradeExportQuerySchema.parse(again))).toEqual(request);
    }
  });
});
