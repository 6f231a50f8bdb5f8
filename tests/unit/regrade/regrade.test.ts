// The pure regrade: one response graded again against what was stored, and the plan of what
// moves. Properties over the starter library: the same inputs and the same grader change
// nothing; a change of points scales the score and says so; the plan's totals are the sums of
// what each response counts with.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeStoredAnswer } from "@/lib/attempts/grade-response";
import { GRADER_VERSION } from "@/lib/grading";
import { expectedAnswer, starterLibrary } from "@/lib/questions";
import { planRegrade, type PlanAttempt } from "@/lib/regrade/plan";
import { regradeResponse, versionToGrade, type RegradeInput } from "@/lib/regrade/regrade";

const templates = starterLibrary.map((t, i) => ({ questionId: `q-${i}`, version: 1, template: JSON.stringify(t) }));

/** A stored response as submit leaves it: graded by gradeStoredAnswer with `points`. */
function stored(k: number, seed: number, right: boolean, points: number): RegradeInput {
  const v = templates[k];
  const { kind: _kind, ...expected } = expectedAnswer(JSON.parse(v.template), seed);
  const answer = right ? JSON.stringify(expected) : null;
  const g = gradeStoredAnswer({ questionId: v.questionId, template: v.template, seed: String(seed), answer, points });
  return {
    responseId: `r-${k}-${seed}`,
    seed: String(seed),
    answer,
    stored: v,
    latest: null,
    points,
    old: { score: g.points, maxScore: g.maxScore, feedback: g.feedback, graderVersion: g.graderVersion },
  };
}

const arbResponse = fc.record({
  k: fc.integer({ min: 0, max: templates.length - 1 }),
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  right: fc.boolean(),
  points: fc.integer({ min: 1, max: 10 }),
});

describe("regradeResponse", () => {
  it("the same inputs and the same grader version: nothing changes, no reason", () => {
    fc.assert(
      fc.property(arbResponse, ({ k, seed, right, points }) => {
        const o = regradeResponse(stored(k, seed, right, points));
        expect(o).toMatchObject({ changed: false, scoreChanged: false, reasons: [], notes: [] });
      }),
      { numRuns: 60 },
    );
  });

  it("new points scale the score and name the change; the right answer scores the new maximum", () => {
    fc.assert(
      fc.property(arbResponse, fc.integer({ min: 1, max: 10 }), ({ k, seed, right, points }, to) => {
        fc.pre(to !== points);
        const input = { ...stored(k, seed, right, points), points: to };
        const o = regradeResponse(input);
        expect(o.maxScore).toBe(to);
        expect(o.score).toBeCloseTo((input.old.score / points) * to, 9);
        if (right) expect(o.score).toBeCloseTo(to, 9);
        expect(o.scoreChanged).toBe(true);
        expect(o.reasons).toContainEqual({ kind: "points", from: points, to });
      }),
      { numRuns: 40 },
    );
  });

  it("a score an older grader left is corrected, with the grader versions as the reason", () => {
    const input = stored(0, 42, true, 2);
    const o = regradeResponse({ ...input, old: { ...input.old, score: 0, graderVersion: "1999.01.01-1" } });
    expect(o.score).toBe(2);
    expect(o.reasons).toContainEqual({ kind: "graderVersion", from: "1999.01.01-1", to: GRADER_VERSION });
  });

  it("uses the newest version only where the student's variant reads the same, else keeps theirs and says so", () => {
    const k = templates.findIndex((t) => JSON.parse(t.template).ask.kind === "states" && JSON.parse(t.template).ask.endpoints.length === 2);
    const base = stored(k, 7, false, 2);
    const template = JSON.parse(base.stored.template);
    const reworded = {
      questionId: "q-new",
      version: 2,
      template: JSON.stringify({ ...template, explanation: "Reworded.", policy: "all-or-nothing" }),
    };
    expect(versionToGrade({ ...base, latest: reworded })).toEqual({ version: reworded, note: null });
    const other = {
      questionId: "q-other",
      version: 3,
      template: JSON.stringify({ ...template, ask: { ...template.ask, endpoints: ["client"] } }),
    };
    expect(versionToGrade({ ...base, latest: other })).toEqual({
      version: base.stored,
      note: { kind: "versionKept", version: 1, latest: 3 },
    });
    const o = regradeResponse({ ...base, latest: reworded });
    expect(o.questionId).toBe("q-new");
    expect(o.reasons).toContainEqual({ kind: "questionVersion", from: 1, to: 2 });
  });
});

describe("planRegrade", () => {
  const attempt = (
    id: string,
    user: string,
    number: number,
    responses: PlanAttempt["responses"],
    overrideScore: number | null = null,
  ): PlanAttempt => {
    const score = responses.reduce((s, r) => s + (r.overrideScore ?? r.score), 0);
    return {
      attemptId: id,
      quizId: "quiz",
      quizTitle: "Quiz",
      rule: "HIGHEST",
      userId: user,
      studentName: user,
      number,
      score,
      maxScore: responses.reduce((s, r) => s + r.maxScore, 0),
      overrideScore,
      responses,
    };
  };
  const outcome = (score: number, maxScore: number) => ({
    questionId: "q",
    version: 1,
    score,
    maxScore,
    feedback: "{}",
    graderVersion: GRADER_VERSION,
    changed: true,
    scoreChanged: true,
    reasons: [],
    notes: [],
  });

  it("an attempt's new total is what each response counts with; an override is kept or cleared as asked", () => {
    const attempts = [
      attempt("a1", "ada", 1, [
        { responseId: "r1", position: 1, questionKey: "k", score: 1, maxScore: 2, overrideScore: null, outcome: outcome(2, 2) },
        { responseId: "r2", position: 2, questionKey: "k2", score: 0, maxScore: 2, overrideScore: 1.5, outcome: outcome(1, 2) },
      ]),
    ];
    const kept = planRegrade(attempts, true);
    expect(kept.attempts).toEqual([expect.objectContaining({ attemptId: "a1", oldScore: 2.5, newScore: 3.5 })]);
    expect(kept.changes.map((c) => c.override)).toEqual([null, { score: 1.5, cleared: false }]);
    const cleared = planRegrade(attempts, false);
    expect(cleared.attempts[0].newScore).toBe(3);
    expect(cleared.changes[1].override).toEqual({ score: 1.5, cleared: true });
  });

  it("a student's counted score follows the quiz's rule: a better second attempt under HIGHEST moves it, a worse one does not", () => {
    const first = attempt("a1", "ben", 1, [
      { responseId: "r1", position: 1, questionKey: "k", score: 2, maxScore: 2, overrideScore: null },
    ]);
    const second = attempt("a2", "ben", 2, [
      { responseId: "r2", position: 1, questionKey: "k", score: 1, maxScore: 2, overrideScore: null, outcome: outcome(0, 2) },
    ]);
    expect(planRegrade([first, second], true).students).toEqual([]);
    const low = attempt("a1", "chen", 1, [{ responseId: "r4", position: 1, questionKey: "k", score: 1, maxScore: 2, overrideScore: null }]);
    const up = attempt("a5", "chen", 2, [
      { responseId: "r5", position: 1, questionKey: "k", score: 1, maxScore: 2, overrideScore: null, outcome: outcome(2, 2) },
    ]);
    expect(planRegrade([low, up], true).students).toEqual([
      expect.objectContaining({ userId: "chen", old: { score: 1, maxScore: 2 }, new: { score: 2, maxScore: 2 } }),
    ]);
  });

  it("nothing in scope that changes: no change, no attempt, no student", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 6 }), (scores) => {
        const a = attempt(
          "a",
          "u",
          1,
          scores.map((s, i) => ({
            responseId: `r${i}`,
            position: i + 1,
            questionKey: "k",
            score: s,
            maxScore: 5,
            overrideScore: null,
            outcome: { ...outcome(s, 5), changed: false, scoreChanged: false },
          })),
        );
        const plan = planRegrade([a], true);
        expect(plan).toMatchObject({ total: scores.length, changes: [], attempts: [], students: [], refreshed: 0 });
      }),
    );
  });
});
