// The pure rules of grade changes: the bodies the operations take, what an override may be,
// an attempt's total with overridden answers, a cell's status; and the cell's history.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cellHistory, readableAnswer, type HistoryAuditRow } from "@/lib/gradebook/history";
import { ExcuseBodySchema, OverrideBodySchema, attemptTotal, cellTarget, overrideRefusal, roundScore } from "@/lib/gradebook/overrides";
import { say } from "../attempts/say";

describe("the bodies", () => {
  it("an override needs a score from 0 and a reason of at least 3 characters; nothing else", () => {
    expect(OverrideBodySchema.safeParse({ score: 1.5, reason: "  fair enough  " })).toMatchObject({
      success: true,
      data: { reason: "fair enough" },
    });
    const bad = OverrideBodySchema.safeParse({ score: -1, reason: "  ", extra: 1 });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join(".") || i.code).sort()).toEqual(["reason", "score", "unrecognized_keys"]);
    expect(OverrideBodySchema.safeParse({ score: Number.NaN, reason: "why not" }).success).toBe(false);
    expect(OverrideBodySchema.safeParse({ score: "2", reason: "why not" }).success).toBe(false);
  });
  it("an excusal needs a reason", () => {
    expect(ExcuseBodySchema.safeParse({ reason: "Medical certificate" }).success).toBe(true);
    expect(ExcuseBodySchema.safeParse({}).success).toBe(false);
    expect(ExcuseBodySchema.safeParse({ reason: "x".repeat(501) }).success).toBe(false);
  });
});

describe("overrideRefusal", () => {
  it("allows 0 up to the points on a graded attempt, says why otherwise", () => {
    expect(overrideRefusal(0, 2, true)).toBeNull();
    expect(overrideRefusal(2, 2, true)).toBeNull();
    expect(say(overrideRefusal(2.01, 2, true))).toBe("The score must lie between 0 and 2.");
    expect(say(overrideRefusal(1, 2, false))).toMatch(/not graded yet/);
    expect(say(overrideRefusal(1, 2, false), "zh-CN")).toMatch(/尚未评分/);
  });
});

describe("attemptTotal", () => {
  it("sums each response's override where set, else the grader's score; ungraded counts 0", () => {
    expect(
      attemptTotal([
        { score: 2, overrideScore: null },
        { score: 0, overrideScore: 1.5 },
        { score: null, overrideScore: null },
      ]),
    ).toBe(3.5);
  });
  it("property: overriding a response with its own score changes nothing; clearing every override gives the grader's total", () => {
    const response = fc.record({
      score: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      overrideScore: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(response, { maxLength: 20 }), (rs) => {
        const same = rs.map((r) => ({ ...r, overrideScore: r.overrideScore ?? r.score }));
        expect(attemptTotal(same)).toBe(attemptTotal(rs));
        const cleared = rs.map((r) => ({ ...r, overrideScore: null }));
        expect(attemptTotal(cleared)).toBe(rs.reduce((s, r) => s + (r.score ?? 0), 0));
      }),
    );
  });
});

describe("roundScore", () => {
  it("keeps two decimals, as shown", () => {
    expect(roundScore(4.255)).toBe(4.26);
    expect(roundScore(1)).toBe(1);
  });
});

describe("cellHistory", () => {
  const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 10, 0, s));
  const row = (s: number, action: string, detail: unknown, target = cellTarget("q", "u")): HistoryAuditRow => ({
    at: at(s),
    action,
    actorName: "Grace",
    target,
    detail: detail === undefined ? null : JSON.stringify(detail),
  });
  const attempts = [
    { id: "a1", number: 1, regradedAt: at(50) },
    { id: "a2", number: 2, regradedAt: null },
  ];

  it("reads every kind of entry, newest first, with the attempt's number and the question's position", () => {
    const history = cellHistory(
      [
        row(10, "attempt.submit", { score: 1, maxScore: 2 }, "a1"),
        row(20, "grade.override", { old: null, new: 2, reason: "typo in the key", quizId: "q", userId: "u", attemptId: "a1", position: 1 }),
        row(30, "grade.override.clear", { old: 2, new: null, reason: null, quizId: "q", userId: "u", attemptId: "a1", position: 1 }),
        row(40, "grade.excuse", { old: false, new: true, reason: "ill", quizId: "q", userId: "u" }),
        row(45, "grade.unexcuse", { old: true, new: false, reason: null, quizId: "q", userId: "u" }),
      ],
      attempts,
    );
    expect(history.map((h) => h.kind)).toEqual(["regrade", "unexcuse", "excuse", "clear", "override", "submit"]);
    expect(history[4]).toEqual({
      kind: "override",
      at: at(20),
      actor: "Grace",
      attemptNumber: 1,
      position: 1,
      old: null,
      new: 2,
      reason: "typo in the key",
    });
    expect(history[5]).toMatchObject({ kind: "submit", attemptNumber: 1, score: 1, maxScore: 2 });
    expect(history[0]).toEqual({ kind: "regrade", at: at(50), attemptNumber: 1 });
  });

  it("leaves out entries it cannot read and submits of other attempts", () => {
    const history = cellHistory(
      [
        { ...row(10, "grade.override", undefined), detail: "{not json" },
        row(11, "grade.override", { old: "x" }),
        row(12, "attempt.submit", { score: 1 }, "someone-elses"),
        row(13, "quiz.publish", {}),
      ],
      [],
    );
    expect(history).toEqual([]);
  });

  it("at the same instant, a grade change comes before the submit", () => {
    const history = cellHistory(
      [row(10, "attempt.submit", {}, "a2"), row(10, "grade.override", { old: null, new: 1, attemptId: "a2" })],
      attempts.slice(1),
    );
    expect(history.map((h) => h.kind)).toEqual(["override", "submit"]);
  });
});

describe("readableAnswer", () => {
  it("writes sequences with arrows, segments in their notation, fields by name, blanks as a dash", () => {
    expect(readableAnswer({ states: { client: ["CLOSED", "SYN_SENT"], server: [] } })).toBe("states: client: CLOSED → SYN_SENT; server: —");
    expect(readableAnswer({ segments: [{ from: "client", flags: "SYN", seq: 100, ack: null }] })).toBe(
      "segments: client SYN seq=100 ack=?",
    );
    expect(readableAnswer({ ms: "" })).toBe("ms: —");
    expect(readableAnswer(null)).toBe("—");
    expect(readableAnswer({ choice: 2 })).toBe("choice: 2");
  });
});
