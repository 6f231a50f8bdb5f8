// The attempt rules without a database: the window, the section, the number of attempts, the
// deadline, expiry, the submit steps, and drawing questions from a bank; and the quiz
// settings as a student meets them: accommodations, the access password's refusals, which
// attempt counts, the shuffled order, archived questions, several sections, release on a date.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { releaseOf } from "@/lib/attempts/release";
import {
  ACCESS_PASSWORD_LIMIT,
  AccessPasswordError,
  accessPasswordKey,
  accessPasswordRefusal,
  canStart,
  closesAtFor,
  attemptScore,
  countedScore,
  deadlineOf,
  feedbackCloseOf,
  draw,
  isOverdue,
  latestVersions,
  refusalToStart,
  shuffled,
  studentWindow,
  submitStep,
  submittedAtFor,
  timeLimitFor,
  type Accommodation,
  type ScoredAttempt,
  type StartableQuiz,
} from "@/lib/attempts/rules";
import { SCORE_RULES } from "@/lib/db/quiz-values";
import { msg } from "@/lib/i18n/msg";
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

describe("accommodations", () => {
  const none: Accommodation = null;
  const accommodations = fc.option(
    fc.record({
      timeFactor: fc.option(fc.constantFrom(1, 1.25, 1.5, 2)),
      extraMinutes: fc.option(fc.integer({ min: 0, max: 120 })),
      closesAt: fc.option(fc.integer({ min: -10_000, max: 10_000 }).map(at)),
    }),
  );

  it("a time limit times the factor plus the extra minutes; no limit stays no limit", () => {
    expect(timeLimitFor(1800, { timeFactor: 1.5, extraMinutes: 10, closesAt: null })).toBe(1800 * 1.5 + 600);
    expect(timeLimitFor(1800, { timeFactor: null, extraMinutes: 15, closesAt: null })).toBe(2700);
    expect(timeLimitFor(1800, { timeFactor: 2, extraMinutes: null, closesAt: null })).toBe(3600);
    expect(timeLimitFor(1800, none)).toBe(1800);
    expect(timeLimitFor(null, { timeFactor: 2, extraMinutes: 30, closesAt: null })).toBeNull();
    // 100 s × 1.25 is 125 s: whole seconds.
    expect(timeLimitFor(101, { timeFactor: 1.25, extraMinutes: null, closesAt: null })).toBe(126);
  });

  it("extra time never shortens a limit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), accommodations, (limit, acc) => {
        expect(timeLimitFor(limit, acc)).toBeGreaterThanOrEqual(limit);
        expect(timeLimitFor(limit, null)).toBe(limit);
      }),
    );
  });

  it("a student's own close replaces the quiz's, for starting and for the deadline", () => {
    const later = { timeFactor: null, extraMinutes: null, closesAt: at(3600) };
    expect(closesAtFor(T, later)).toEqual(at(3600));
    expect(closesAtFor(T, none)).toEqual(T);
    // The class's quiz has closed; this student's has not.
    const closedForClass = { ...open, closesAt: at(-60) };
    expect(say(refusalToStart(closedForClass, null, 0, T)?.text)).toBe("This quiz has closed.");
    expect(refusalToStart(closedForClass, null, 0, T, later)).toBeNull();
    expect(canStart(closedForClass, null, [], T, later)).toBe(true);
    expect(refusalToStart(closedForClass, null, 0, at(3600), later)?.code).toBe("CONFLICT");
    expect(deadlineOf({ timeLimitSec: null, closesAt: at(-60) }, T, later)).toEqual(at(3600));
  });

  it("the deadline is the student's limit from the start, cut short by the student's close", () => {
    expect(deadlineOf({ timeLimitSec: 1200, closesAt: null }, T, { timeFactor: 1.5, extraMinutes: 5, closesAt: null })).toEqual(
      at(1800 + 300),
    );
    expect(deadlineOf({ timeLimitSec: 1200, closesAt: at(1500) }, T, { timeFactor: 2, extraMinutes: null, closesAt: null })).toEqual(
      at(1500),
    );
    expect(deadlineOf({ timeLimitSec: 1200, closesAt: at(1500) }, T, { timeFactor: 2, extraMinutes: null, closesAt: at(9000) })).toEqual(
      at(2400),
    );
  });

  it("the deadline agrees with the student's window whatever the accommodation", () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 10_000 })),
        fc.option(fc.integer({ min: -10_000, max: 10_000 })),
        accommodations,
        (limit, close, acc) => {
          const quiz = { timeLimitSec: limit, closesAt: close === null ? null : at(close) };
          const window = studentWindow(quiz, acc);
          const deadline = deadlineOf(quiz, T, acc);
          const bounds = [window.timeLimitSec ? at(window.timeLimitSec).getTime() : null, window.closesAt?.getTime() ?? null].filter(
            (b): b is number => b !== null,
          );
          expect(deadline?.getTime() ?? null).toBe(bounds.length ? Math.min(...bounds) : null);
          // No accommodation: the quiz's own deadline.
          expect(deadlineOf(quiz, T, null)).toEqual(deadlineOf(quiz, T));
        },
      ),
    );
  });

  it("the start rule with an accommodation is the plain rule on the student's window", () => {
    const quizzes = fc.record({
      published: fc.boolean(),
      sections: fc.constantFrom("[]", '["A"]', '["A","B"]'),
      opensAt: fc.option(fc.integer({ min: -100, max: 100 }).map(at)),
      closesAt: fc.option(fc.integer({ min: -100, max: 100 }).map(at)),
      attemptsAllowed: fc.option(fc.integer({ min: 1, max: 3 })),
    });
    fc.assert(
      fc.property(quizzes, fc.constantFrom(null, "A", "B"), fc.integer({ min: 0, max: 4 }), accommodations, (quiz, section, used, acc) => {
        const own = { ...quiz, closesAt: closesAtFor(quiz.closesAt, acc) };
        expect(refusalToStart(quiz, section, used, T, acc)?.text).toEqual(refusalToStart(own, section, used, T)?.text);
      }),
    );
  });
});

describe("feedback after the close, with later closes for some students", () => {
  it("waits for the last student's close, never comes earlier than the quiz's, and needs a close", () => {
    expect(feedbackCloseOf(T, at(3600))).toEqual(at(3600));
    expect(feedbackCloseOf(T, at(-3600))).toEqual(T);
    expect(feedbackCloseOf(T, null)).toEqual(T);
    expect(feedbackCloseOf(null, at(3600))).toBeNull();
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: -1e6, max: 1e6 }).map(at)),
        fc.option(fc.integer({ min: -1e6, max: 1e6 }).map(at)),
        (close, later) => {
          const released = feedbackCloseOf(close, later);
          if (close === null) expect(released).toBeNull();
          else {
            expect(released!.getTime()).toBeGreaterThanOrEqual(close.getTime());
            if (later) expect(released!.getTime()).toBeGreaterThanOrEqual(later.getTime());
          }
        },
      ),
    );
  });
});

describe("the access password's refusals", () => {
  it("say what is wrong, in both languages, as refusals the start form shows beside its field", () => {
    const missing = accessPasswordRefusal("missing");
    expect(missing).toBeInstanceOf(AccessPasswordError);
    expect(missing).toBeInstanceOf(AppError);
    expect(missing.status).toBe(403);
    expect(say(missing.text)).toBe("This exam asks for its access password: type the password your instructor gave you.");
    expect(say(missing.text, "zh-CN")).toBe("该考试需要访问密码：请输入老师给你的密码。");
    expect(say(accessPasswordRefusal("wrong", 3).text)).toBe("That access password is not right. 3 tries left.");
    expect(say(accessPasswordRefusal("wrong", 1).text)).toBe("That access password is not right. 1 try left.");
    expect(say(accessPasswordRefusal("wrong", 0).text)).toBe("That access password is not right. No tries left for now.");
    expect(say(accessPasswordRefusal("wrong", 2).text, "zh-CN")).toBe("访问密码不正确。还可尝试2次。");
    const limited = accessPasswordRefusal("limited", 0, 14 * 60 + 1);
    expect(limited.status).toBe(429);
    expect(say(limited.text)).toBe("Too many wrong access passwords. Try again in 15 minutes.");
    expect(say(accessPasswordRefusal("limited", 0, 5).text, "zh-CN")).toBe("访问密码错误次数过多。请在1分钟后重试。");
  });

  it("are counted per student and quiz, a handful per quarter hour", () => {
    expect(accessPasswordKey("q1", "u1")).not.toBe(accessPasswordKey("q1", "u2"));
    expect(accessPasswordKey("q1", "u1")).not.toBe(accessPasswordKey("q2", "u1"));
    expect(ACCESS_PASSWORD_LIMIT).toEqual({ max: 5, windowMs: 15 * 60_000 });
  });
});

describe("countedScore (which attempt counts)", () => {
  const graded = (number: number, score: number, maxScore = 4): ScoredAttempt => ({ number, status: "SUBMITTED", score, maxScore });
  const list = [graded(1, 2), graded(2, 3.5), graded(3, 1)];

  it("highest: the best attempt; latest: the last graded one; average: every graded one", () => {
    expect(countedScore("HIGHEST", list)).toEqual({ rule: "HIGHEST", score: 3.5, maxScore: 4, numbers: [2] });
    expect(countedScore("LATEST", list)).toEqual({ rule: "LATEST", score: 1, maxScore: 4, numbers: [3] });
    expect(countedScore("AVERAGE", list)).toEqual({ rule: "AVERAGE", score: 6.5 / 3, maxScore: 4, numbers: [1, 2, 3] });
  });

  it("counts only graded attempts: one in progress or not graded yet counts for nothing", () => {
    const inProgress: ScoredAttempt = { number: 4, status: "IN_PROGRESS", score: null, maxScore: null };
    const ungraded: ScoredAttempt = { number: 5, status: "SUBMITTED", score: null, maxScore: 4 };
    expect(countedScore("LATEST", [...list, inProgress, ungraded])).toEqual({ rule: "LATEST", score: 1, maxScore: 4, numbers: [3] });
    expect(countedScore("HIGHEST", [inProgress, ungraded])).toBeNull();
    expect(countedScore("AVERAGE", [])).toBeNull();
  });

  it("a staff override of the whole attempt replaces its graded total wherever the score counts", () => {
    const overridden: ScoredAttempt = { ...graded(3, 1), overrideScore: 4 };
    expect(countedScore("HIGHEST", [graded(1, 2), overridden])).toEqual({ rule: "HIGHEST", score: 4, maxScore: 4, numbers: [3] });
    expect(countedScore("AVERAGE", [graded(1, 2), overridden])?.score).toBe(3);
    expect(attemptScore(overridden)).toBe(4);
    expect(attemptScore({ ...overridden, overrideScore: null })).toBe(1);
    // An override on an attempt still in progress counts for nothing until it is graded.
    expect(attemptScore({ status: "IN_PROGRESS", score: null, overrideScore: 4 })).toBeNull();
  });

  it("highest compares the fraction of the points (the points may change between attempts), the earlier of a tie", () => {
    expect(countedScore("HIGHEST", [graded(1, 3, 4), graded(2, 4, 8)])?.numbers).toEqual([1]);
    expect(countedScore("HIGHEST", [graded(2, 2), graded(1, 2)])?.numbers).toEqual([1]);
    expect(countedScore("HIGHEST", [graded(1, 0, 0), graded(2, 0, 4)])?.numbers).toEqual([1]);
  });

  const attempts = fc.uniqueArray(fc.integer({ min: 1, max: 20 }), { maxLength: 8 }).chain((numbers) =>
    fc.tuple(
      ...numbers.map((number) =>
        fc.record({
          number: fc.constant(number),
          status: fc.constantFrom("IN_PROGRESS" as const, "SUBMITTED" as const),
          score: fc.option(fc.integer({ min: 0, max: 8 })),
          maxScore: fc.constant(8),
        }),
      ),
    ),
  );

  it("whatever the attempts: the counted score comes from graded attempts, by the rule, in any order", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCORE_RULES), attempts, (rule, list) => {
        const counted = countedScore(rule, list);
        const done = list.filter((a) => a.status === "SUBMITTED" && a.score !== null);
        if (done.length === 0) {
          expect(counted).toBeNull();
          return;
        }
        expect(counted).not.toBeNull();
        const scores = done.map((a) => a.score!);
        expect(counted!.score).toBeGreaterThanOrEqual(Math.min(...scores) - 1e-9);
        expect(counted!.score).toBeLessThanOrEqual(Math.max(...scores) + 1e-9);
        for (const n of counted!.numbers) expect(done.map((a) => a.number)).toContain(n);
        if (rule === "HIGHEST") expect(counted!.score).toBe(Math.max(...scores));
        if (rule === "LATEST") expect(counted!.numbers).toEqual([Math.max(...done.map((a) => a.number))]);
        if (rule === "AVERAGE") expect(counted!.numbers).toHaveLength(done.length);
        expect(countedScore(rule, [...list].reverse())).toEqual(counted);
      }),
    );
  });
});

describe("a shuffled quiz's order", () => {
  it("is a permutation of the items, whatever the random source", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { maxLength: 12 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })),
        (items, stream) => {
          const random = stream[Symbol.iterator]();
          const order = shuffled(items, (n) => Math.floor(random.next().value * n));
          expect([...order].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
        },
      ),
    );
  });

  it("gives every order of three items, each about as often, from a uniform source", () => {
    const seen = new Map<string, number>();
    // Every sequence of random indexes the shuffle of three asks for: [0,3) then [0,2).
    for (let a = 0; a < 3; a++)
      for (let b = 0; b < 2; b++) {
        const answers = [a, b];
        const order = shuffled(["x", "y", "z"], () => answers.shift()!).join("");
        seen.set(order, (seen.get(order) ?? 0) + 1);
      }
    expect([...seen.keys()].sort()).toEqual(["xyz", "xzy", "yxz", "yzx", "zxy", "zyx"]);
    expect([...seen.values()]).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it("leaves the items it was given as they were", () => {
    const items = ["a", "b", "c"];
    shuffled(items, () => 0);
    expect(items).toEqual(["a", "b", "c"]);
  });
});

describe("archived questions", () => {
  it("are not drawn: the newest version of a key decides, with or without a tag", () => {
    const rows = [
      { id: "a2", key: "a", tags: '["open"]', archived: true },
      { id: "a1", key: "a", tags: '["open"]', archived: true },
      { id: "b1", key: "b", tags: '["open"]', archived: false },
      { id: "c1", key: "c", tags: '["close"]', archived: false },
    ];
    expect(latestVersions(rows, null)).toEqual(["b1", "c1"]);
    expect(latestVersions(rows, "open")).toEqual(["b1"]);
    expect(latestVersions(rows.slice(0, 2), "open")).toEqual([]);
    expect(() => draw(latestVersions(rows.slice(0, 2), "open"), 1, () => 0)).toThrow(AppError);
  });
});

describe("quizzes for several sections", () => {
  const forAB = { ...open, sections: '["A","B"]' };
  it("a student of any listed section may start; another section's and a student without one are told it does not exist", () => {
    expect(refusalToStart(forAB, "A", 0, T)).toBeNull();
    expect(refusalToStart(forAB, "B", 0, T)).toBeNull();
    expect(refusalToStart(forAB, "C", 0, T)?.code).toBe("NOT_FOUND");
    expect(refusalToStart(forAB, null, 0, T)?.code).toBe("NOT_FOUND");
    expect(canStart(forAB, "B", [], T)).toBe(true);
    expect(canStart(forAB, "C", [], T)).toBe(false);
  });

  it("membership is exactly being named in the list (or the list being empty)", () => {
    const names = fc.constantFrom("A", "B", "C", "Lab 1", "夜班");
    fc.assert(
      fc.property(fc.uniqueArray(names, { maxLength: 4 }), fc.option(names), (sections, section) => {
        const refused = refusalToStart({ ...open, sections: JSON.stringify(sections) }, section, 0, T);
        expect(refused === null).toBe(sections.length === 0 || (section !== null && sections.includes(section)));
      }),
    );
  });
});

describe("feedback released on a date", () => {
  const releaseAt = new Date("2027-01-15T09:00:00Z");
  const quiz = { feedbackRelease: "ON_DATE" as const, closesAt: null, releaseAt };

  it("is held until the date, which reads in the reader's language and time zone, and released from it on", () => {
    const before = releaseOf(quiz, "SUBMITTED", new Date("2027-01-15T08:59:59Z"));
    expect(before.released).toBe(false);
    expect(say(before.reason)).toBe("Feedback is released on Jan 15, 2027, 9:00 AM UTC.");
    expect(say(before.reason, "zh-CN", "Asia/Shanghai")).toBe("反馈将于2027年1月15日 GMT+8 17:00发布。");
    const on = releaseOf(quiz, "SUBMITTED", releaseAt);
    expect(on.released).toBe(true);
    expect(say(on.reason)).toBe("The release date has passed, so feedback is released.");
    expect(say(on.reason, "zh-CN")).toBe("已到发布日期，反馈已发布。");
  });

  it("is never released before submitting, nor without a date", () => {
    expect(releaseOf(quiz, "IN_PROGRESS", new Date("2030-01-01T00:00:00Z")).released).toBe(false);
    const unset = releaseOf({ ...quiz, releaseAt: null }, "SUBMITTED", new Date("2030-01-01T00:00:00Z"));
    expect(unset.released).toBe(false);
    expect(say(unset.reason)).toBe("Feedback is released on a date your instructor has not set yet.");
    expect(say(unset.reason, "zh-CN")).toBe("反馈将在讲师指定的日期发布，日期尚未设定。");
  });

  it("is released exactly from the date on", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), (offset) => {
        const now = new Date(releaseAt.getTime() + offset);
        expect(releaseOf(quiz, "SUBMITTED", now).released).toBe(offset >= 0);
      }),
    );
  });
});

describe("how the course page says the counted score and the student's window", () => {
  const counted = (rule: string, numbers: number[]) =>
    msg("quizzes.counted", { score: 1.5, max: 2, rule, number: numbers[0], count: numbers.length });

  it("reads in English and in Chinese for every rule", () => {
    expect(say(counted("HIGHEST", [2]))).toBe("Counted score: 1.5 / 2 (your highest, attempt 2)");
    expect(say(counted("LATEST", [3]))).toBe("Counted score: 1.5 / 2 (your latest, attempt 3)");
    expect(say(counted("AVERAGE", [1, 2, 3]))).toBe("Counted score: 1.5 / 2 (the average of 3 attempts)");
    expect(say(counted("HIGHEST", [2]), "zh-CN")).toBe("计入成绩：1.5 / 2（最高分，第2次作答）");
    expect(say(counted("AVERAGE", [1, 2]), "zh-CN")).toBe("计入成绩：1.5 / 2（2次作答的平均分）");
    expect(say(msg("quizzes.scoreRule", { rule: "LATEST" }), "zh-CN")).toBe("计最后一次作答");
  });

  it("names the student's own limit and close beside the class's", () => {
    expect(say(msg("quizzes.timeLimitYours", { limit: "30 min", base: "20 min" }))).toBe("30 min time limit for you (the quiz's: 20 min)");
    expect(say(msg("quizzes.timeLimitYours", { limit: "30分钟", base: "20分钟" }), "zh-CN")).toBe("你的限时为30分钟（测验的限时为20分钟）");
    expect(say(msg("quizzes.closesYours", { at: "12月3日 18:00", base: "12月2日 18:00" }), "zh-CN")).toBe(
      "对你12月3日 18:00截止（全班12月2日 18:00截止）",
    );
  });
});
