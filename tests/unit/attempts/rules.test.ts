// The attempt rules without a database: the window, the section, the number of attempts, the
// deadline, expiry, the submit steps, and drawing questions from a bank.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canStart,
  deadlineOf,
  draw,
  isOverdue,
  latestVersions,
  refusalToStart,
  submitStep,
  submittedAtFor,
  type StartableQuiz,
} from "@/lib/attempts/rules";
import { AppError } from "@/lib/server/errors";
import { say } from "./say";

const T = new Date("2026-11-24T10:00:00.000Z");
const at = (seconds: number) => new Date(T.getTime() + seconds * 1000);
const open: StartableQuiz = { published: true, sections: "[]", opensAt: null, closesAt: null, attemptsAllowed: null };

describe("refusalToStart", () => {
  it("lets a student start an open quiz of everyone's or of their own section", () => {
    expect(refusalToStart(open, "A", 0, T)).toBeNull();
    expect(refusalToStart({ ...open, sections: '["A"]' }, "A", 0, T)).toBeNull();
  });

  it("answers a draft and another section's quiz as not found", () => {
    expect(refusalToStart({ ...open, published: false }, null, 0, T)?.code).toBe("NOT_FOUND");
    expect(refusalToStart({ ...open, sections: '["A"]' }, "B", 0, T)?.code).toBe("NOT_FOUND");
    expect(refusalToStart({ ...open, sections: '["A"]' }, null, 0, T)?.code).toBe("NOT_FOUND");
  });

  it("refuses before the opening time and from the closing time on, by the server's clock", () => {
    const early = refusalToStart({ ...open, opensAt: at(1) }, null, 0, T);
    expect(say(early?.text)).toBe("This quiz opens at Nov 24, 2026, 10:00 AM.");
    // The opening time reads in the reader's language and time zone.
    expect(say(early?.text, "zh-CN", "Asia/Shanghai")).toBe("该测验将于2026年11月24日 18:00开放。");
    expect(refusalToStart({ ...open, opensAt: T }, null, 0, T)).toBeNull();
    expect(say(refusalToStart({ ...open, closesAt: T }, null, 0, T)?.text)).toBe("This quiz has closed.");
    expect(refusalToStart({ ...open, closesAt: at(1) }, null, 0, T)).toBeNull();
  });

  it("refuses once the attempts allowed are used", () => {
    expect(say(refusalToStart({ ...open, attemptsAllowed: 1 }, null, 1, T)?.text)).toBe("You have used all 1 attempt of this quiz.");
    expect(say(refusalToStart({ ...open, attemptsAllowed: 3 }, null, 3, T)?.text)).toBe("You have used all 3 attempts of this quiz.");
    expect(say(refusalToStart({ ...open, attemptsAllowed: 3 }, null, 3, T)?.text, "zh-CN")).toBe("你已用完该测验的全部3次作答机会。");
    expect(refusalToStart({ ...open, attemptsAllowed: 3 }, null, 2, T)).toBeNull();
  });
});

describe("canStart (the course page's Start button)", () => {
  it("is offered exactly when no attempt is in progress and startAttempt's rule would not refuse", () => {
    const quizzes = fc.record({
      published: fc.boolean(),
      sections: fc.constantFrom("[]", '["A"]', '["B"]', '["A","B"]'),
      opensAt: fc.option(fc.integer({ min: -100, max: 100 }).map(at)),
      closesAt: fc.option(fc.integer({ min: -100, max: 100 }).map(at)),
      attemptsAllowed: fc.option(fc.integer({ min: 1, max: 3 })),
    });
    const attempts = fc.array(fc.record({ status: fc.constantFrom("IN_PROGRESS" as const, "SUBMITTED" as const) }), { maxLength: 4 });
    fc.assert(
      fc.property(quizzes, fc.constantFrom(null, "A", "B"), attempts, (quiz, section, list) => {
        const expected = !list.some((a) => a.status === "IN_PROGRESS") && refusalToStart(quiz, section, list.length, T) === null;
        expect(canStart(quiz, section, list, T)).toBe(expected);
      }),
    );
  });

  it("is not offered while an attempt is in progress (that one is resumed), nor when the attempts are used", () => {
    expect(canStart(open, null, [{ status: "IN_PROGRESS" }], T)).toBe(false);
    expect(canStart({ ...open, attemptsAllowed: 2 }, null, [{ status: "SUBMITTED" }], T)).toBe(true);
    expect(canStart({ ...open, attemptsAllowed: 2 }, null, [{ status: "SUBMITTED" }, { status: "SUBMITTED" }], T)).toBe(false);
  });
});

describe("deadlineOf", () => {
  it("is the time limit from the start, cut short by the closing time; none without either", () => {
    expect(deadlineOf({ timeLimitSec: 60, closesAt: null }, T)).toEqual(at(60));
    expect(deadlineOf({ timeLimitSec: 60, closesAt: at(30) }, T)).toEqual(at(30));
    expect(deadlineOf({ timeLimitSec: 60, closesAt: at(90) }, T)).toEqual(at(60));
    expect(deadlineOf({ timeLimitSec: null, closesAt: at(90) }, T)).toEqual(at(90));
    expect(deadlineOf({ timeLimitSec: null, closesAt: null }, T)).toBeNull();
  });

  it("is never after the closing time nor after start + limit", () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 1, max: 10_000 })), fc.option(fc.integer({ min: -10_000, max: 10_000 })), (limit, close) => {
        const deadline = deadlineOf({ timeLimitSec: limit, closesAt: close === null ? null : at(close) }, T);
        if (close !== null) expect(deadline!.getTime()).toBeLessThanOrEqual(at(close).getTime());
        if (limit !== null) expect(deadline!.getTime()).toBeLessThanOrEqual(at(limit).getTime());
        expect(deadline === null).toBe(limit === null && close === null);
      }),
    );
  });
});

describe("the expiry rule", () => {
  it("an attempt in progress is overdue from its deadline on, not before; a submitted or untimed one never", () => {
    expect(isOverdue({ status: "IN_PROGRESS", deadlineAt: T }, at(-0.001))).toBe(false);
    expect(isOverdue({ status: "IN_PROGRESS", deadlineAt: T }, T)).toBe(true);
    expect(isOverdue({ status: "IN_PROGRESS", deadlineAt: T }, at(3600))).toBe(true);
    expect(isOverdue({ status: "IN_PROGRESS", deadlineAt: null }, at(1e6))).toBe(false);
    expect(isOverdue({ status: "SUBMITTED", deadlineAt: T }, at(3600))).toBe(false);
  });

  it("a late submit counts as made at the deadline; an early one when made", () => {
    expect(submittedAtFor(T, at(120))).toEqual(T);
    expect(submittedAtFor(T, at(-5))).toEqual(at(-5));
    expect(submittedAtFor(null, at(120))).toEqual(at(120));
  });
});

describe("submitStep (idempotent submit)", () => {
  it("claims an attempt in progress, grades one claimed but ungraded, and otherwise returns what is stored", () => {
    expect(submitStep({ status: "IN_PROGRESS", score: null })).toBe("claim");
    expect(submitStep({ status: "SUBMITTED", score: null })).toBe("grade");
    expect(submitStep({ status: "SUBMITTED", score: 0 })).toBe("done");
    expect(submitStep({ status: "SUBMITTED", score: 1.5 })).toBe("done");
  });
});

describe("drawing questions", () => {
  const rows = [
    { id: "a2", key: "a", tags: '["open"]' },
    { id: "a1", key: "a", tags: '["close"]' },
    { id: "b1", key: "b", tags: '["close"]' },
    { id: "c3", key: "c", tags: '["open","close"]' },
  ];

  it("takes the newest version of each key, by the newest version's tags", () => {
    expect(latestVersions(rows, null)).toEqual(["a2", "b1", "c3"]);
    expect(latestVersions(rows, "close")).toEqual(["b1", "c3"]);
    expect(latestVersions(rows, "open")).toEqual(["a2", "c3"]);
  });

  it("draws the asked number of different questions, all from the candidates, whatever the random source", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 8 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        (candidates, stream) => {
          const count = Math.ceil(candidates.length / 2);
          const random = stream[Symbol.iterator]();
          const chosen = draw(candidates, count, (n) => Math.floor(random.next().value * n));
          expect(chosen).toHaveLength(count);
          expect(new Set(chosen).size).toBe(count);
          for (const c of chosen) expect(candidates).toContain(c);
        },
      ),
    );
  });

  it("uses the random source to pick among those left", () => {
    expect(draw(["x", "y", "z"], 2, (n) => n - 1)).toEqual(["z", "y"]);
    expect(draw(["x", "y", "z"], 3, () => 0)).toEqual(["x", "y", "z"]);
  });

  it("refuses when the bank holds fewer questions than the item draws", () => {
    const refused = (() => {
      try {
        draw(["x"], 2, () => 0);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(AppError);
    expect(say((refused as AppError).text)).toBe("This quiz draws more questions than its bank holds; tell your instructor.");
  });
});
