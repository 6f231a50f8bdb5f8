// Item analysis on a fixed class computed by hand (the arithmetic is in the comments), then
// the properties every input must keep. Definitions: docs/analytics.md.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  discrimination,
  distribution,
  facility,
  groupStats,
  histogram,
  itemStats,
  mean,
  median,
  pearson,
  quizSummary,
  sectionStats,
  standardDeviation,
  timeOnResponses,
  type AnalysedAttempt,
  type ItemInfo,
  type ItemResponse,
} from "@/lib/analytics/stats";

// Four students, three items: A and B worth 1 point, C worth 2.
//   student  section  A  B  C    total
//   s1       A        1  1  2    4/4 = 1
//   s2       A        1  0  1    2/4 = 0.5
//   s3       B        0  1  0    1/4 = 0.25
//   s4       —        0  0  0    0/4 = 0
// Times (seconds, from the saves below): s1 A 40, B 60, C 60; s2 A 600 (capped), B 30.
function r(item: string, score: number, maxScore: number, timeSec: number | null = null): ItemResponse {
  return { item, score, maxScore, timeSec };
}
const CLASS: AnalysedAttempt[] = [
  { attemptId: "a1", userId: "s1", section: "A", score: 4, maxScore: 4, responses: [r("A", 1, 1, 40), r("B", 1, 1, 60), r("C", 2, 2, 60)] },
  { attemptId: "a2", userId: "s2", section: "A", score: 2, maxScore: 4, responses: [r("A", 1, 1, 600), r("B", 0, 1, 30), r("C", 1, 2)] },
  { attemptId: "a3", userId: "s3", section: "B", score: 1, maxScore: 4, responses: [r("A", 0, 1), r("B", 1, 1), r("C", 0, 2)] },
  { attemptId: "a4", userId: "s4", section: null, score: 0, maxScore: 4, responses: [r("A", 0, 1), r("B", 0, 1), r("C", 0, 2)] },
];
const ITEMS: ItemInfo[] = [
  { item: "C", position: 3, title: "Close", family: "simultaneous-close", kind: "states" },
  { item: "A", position: 1, title: "Open", family: "handshake", kind: "states" },
  { item: "B", position: 2, title: "Which", family: "handshake", kind: "choice" },
];

// Discrimination, item against the rest (fractions of the rest's points):
//   A: x = [1,1,0,0], rest = (B+C)/3 = [1, 1/3, 1/3, 0]; means 1/2, 5/12;
//      Sxy = 1/2, Sxx = 1, Syy = (49+1+1+25)/144 = 76/144 → r = (1/2)/√(76/144) = 3/√19
//   B: x = [1,0,1,0], rest = (A+C)/3 = [1, 2/3, 0, 0]; means 1/2, 5/12;
//      Sxy = 1/6, Sxx = 1, Syy = 108/144 = 3/4 → r = (1/6)/(√3/2) = √3/9
//   C: x = [1, 1/2, 0, 0], rest = (A+B)/2 = [1, 1/2, 1/2, 0]; means 3/8, 1/2;
//      Sxy = 1/2, Sxx = 11/16, Syy = 1/2 → r = (1/2)/√(11/32) = √(8/11)
const D_A = 3 / Math.sqrt(19);
const D_B = Math.sqrt(3) / 9;
const D_C = Math.sqrt(8 / 11);

describe("item statistics on a class computed by hand", () => {
  it("gives each item its facility, discrimination, distribution and time, in the quiz's order", () => {
    const rows = itemStats(CLASS, ITEMS);
    expect(rows.map((x) => x.item)).toEqual(["A", "B", "C"]);
    const [a, b, c] = rows;
    expect(a).toMatchObject({ n: 4, meanScore: 0.5, maxScore: 1, facility: 0.5, distribution: { zero: 2, partial: 0, full: 2 } });
    expect(b).toMatchObject({ n: 4, meanScore: 0.5, maxScore: 1, facility: 0.5, distribution: { zero: 2, partial: 0, full: 2 } });
    // C: fractions 1, 1/2, 0, 0 → facility 3/8; points 2+1+0+0 over 4 answers → 0.75.
    expect(c).toMatchObject({ n: 4, meanScore: 0.75, maxScore: 2, facility: 0.375, distribution: { zero: 2, partial: 1, full: 1 } });
    expect(a!.discrimination).toBeCloseTo(D_A, 12);
    expect(b!.discrimination).toBeCloseTo(D_B, 12);
    expect(c!.discrimination).toBeCloseTo(D_C, 12);
    // Time: A (40 + 600)/2 = 320 over 2 saved answers; B (60 + 30)/2 = 45; C 60 over 1.
    expect([a!.meanTimeSec, a!.timed, b!.meanTimeSec, b!.timed, c!.meanTimeSec, c!.timed]).toEqual([320, 2, 45, 2, 60, 1]);
  });

  it("sums up the quiz: mean 7/16, median 3/8, population sd √(35/256), and the histogram", () => {
    // Scores 1, 1/2, 1/4, 0: mean 1.75/4 = 0.4375; squared deviations sum to 0.546875 → /4.
    const s = quizSummary(CLASS, 4);
    expect(s.students).toBe(4);
    expect(s.mean).toBe(0.4375);
    expect(s.median).toBe(0.375);
    expect(s.sd).toBeCloseTo(Math.sqrt(0.546875 / 4), 12);
    expect(s.histogram.map((bin) => bin.count)).toEqual([1, 1, 1, 1]);
    expect(s.histogram.map((bin) => [bin.from, bin.to])).toEqual([
      [0, 0.25],
      [0.25, 0.5],
      [0.5, 0.75],
      [0.75, 1],
    ]);
    // Ten bins: 0 → [0, .1), 1/4 → [.2, .3), 1/2 → [.5, .6), 1 → the last bin, which holds 1.
    expect(quizSummary(CLASS).histogram.map((bin) => bin.count)).toEqual([1, 0, 1, 0, 0, 1, 0, 0, 0, 1]);
  });

  it("pools the answers per family and per answer kind", () => {
    const items = itemStats(CLASS, ITEMS);
    const families = groupStats(CLASS, items, (i) => i.family);
    expect(families.map((g) => [g.group, g.items, g.n])).toEqual([
      ["handshake", 2, 8],
      ["simultaneous-close", 1, 4],
    ]);
    // handshake: A and B, 4 of 8 answers right; times 40, 600, 60, 30 → 730/4.
    expect(families[0]).toMatchObject({ facility: 0.5, meanTimeSec: 182.5 });
    expect(families[0]!.discrimination).toBeCloseTo((D_A + D_B) / 2, 12);
    const kinds = groupStats(CLASS, items, (i) => i.kind);
    expect(kinds.map((g) => g.group)).toEqual(["choice", "states"]);
    // states: A and C, fractions 1,1,0,0 and 1,1/2,0,0 → 3.5/8; times 40, 600, 60 → 700/3.
    expect(kinds[1]).toMatchObject({ items: 2, n: 8, facility: 0.4375 });
    expect(kinds[1]!.meanTimeSec).toBeCloseTo(700 / 3, 12);
    expect(kinds[1]!.discrimination).toBeCloseTo((D_A + D_C) / 2, 12);
  });

  it("compares the sections, students with none last", () => {
    const rows = sectionStats(CLASS);
    expect(rows.map((s) => s.section)).toEqual(["A", "B", null]);
    // A: scores 1 and 1/2 → mean 3/4, sd 1/4; answers 1,1,1,1,0,1/2 → facility 4.5/6.
    expect(rows[0]).toEqual({ section: "A", students: 2, mean: 0.75, sd: 0.25, min: 0.5, max: 1, facility: 0.75 });
    expect(rows[1]!.facility).toBeCloseTo(1 / 3, 12);
    expect(rows[1]).toMatchObject({ students: 1, mean: 0.25, sd: 0, min: 0.25, max: 0.25 });
    expect(rows[2]).toMatchObject({ section: null, students: 1, mean: 0, facility: 0 });
  });

  it("times each response from the attempt's saves, capping an idle gap", () => {
    const start = Date.UTC(2026, 11, 1, 9, 0, 0);
    const at = (sec: number) => start + sec * 1000;
    // s1: A at 30 s, B at 90 s, A again at 100 s, C at 160 s → A 30 + 10, B 60, C 60.
    const s1 = timeOnResponses(start, [
      { responseId: "C", at: at(160) },
      { responseId: "A", at: at(30) },
      { responseId: "A", at: at(100) },
      { responseId: "B", at: at(90) },
    ]);
    expect(Object.fromEntries(s1)).toEqual({ A: 40, B: 60, C: 60 });
    // s2: away for 1000 s before the first save (counted as 600), then B 30 s later.
    const s2 = timeOnResponses(start, [
      { responseId: "A", at: at(1000) },
      { responseId: "B", at: at(1030) },
    ]);
    expect(Object.fromEntries(s2)).toEqual({ A: 600, B: 30 });
    expect(timeOnResponses(start, []).size).toBe(0);
  });

  it("leaves undefined what is undefined", () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
    expect(standardDeviation([])).toBeNull();
    expect(pearson([1], [1])).toBeNull();
    // Everyone right: the item does not vary, so it cannot discriminate.
    expect(pearson([1, 1, 1], [0, 0.5, 1])).toBeNull();
    expect(facility([])).toBeNull();
    // A one-question quiz has no rest to correlate with.
    expect(discrimination([{ ...CLASS[0]!, responses: [r("A", 1, 1)] }], "A")).toBeNull();
    expect(itemStats([], ITEMS.slice(0, 1))[0]).toMatchObject({ n: 0, facility: null, discrimination: null, meanTimeSec: null, timed: 0 });
    expect(quizSummary([]).histogram.every((b) => b.count === 0)).toBe(true);
    expect(distribution([r("A", 0, 0)])).toEqual({ zero: 0, partial: 0, full: 0 });
  });

  it("puts a bin edge into the bin it opens, whatever the binary rounding", () => {
    // 3/10 and 0.1 + 0.2 sit either side of 0.3 in binary; both belong to [0.3, 0.4).
    expect(histogram([3 / 10, 0.1 + 0.2, 0.7, 1, 0]).map((b) => b.count)).toEqual([1, 0, 0, 2, 0, 0, 0, 1, 0, 1]);
    expect(() => histogram([0.5], 0)).toThrow();
  });
});

const fractionArb = fc.integer({ min: 0, max: 4 }).map((k) => k / 4);
const attemptArb = (items: string[]) =>
  fc
    .tuple(fc.array(fractionArb, { minLength: items.length, maxLength: items.length }), fc.constantFrom("A", "B", null), fc.uuid())
    .map(([scores, section, userId]): AnalysedAttempt => {
      const responses = items.map((item, i) => r(item, scores[i]! * (i + 1), i + 1, i * 10));
      return {
        attemptId: userId,
        userId,
        section,
        score: responses.reduce((s, x) => s + x.score, 0),
        maxScore: responses.reduce((s, x) => s + x.maxScore, 0),
        responses,
      };
    });
const classArb = fc.array(attemptArb(["A", "B", "C"]), { minLength: 0, maxLength: 30 });

describe("statistics' properties", () => {
  it("facility lies in [0, 1] and discrimination in [-1, 1]", () => {
    fc.assert(
      fc.property(classArb, (attempts) => {
        for (const row of itemStats(attempts, ITEMS)) {
          expect(row.facility ?? 0).toBeGreaterThanOrEqual(0);
          expect(row.facility ?? 0).toBeLessThanOrEqual(1);
          expect(Math.abs(row.discrimination ?? 0)).toBeLessThanOrEqual(1);
          const d = row.distribution;
          expect(d.zero + d.partial + d.full).toBe(row.n);
        }
      }),
    );
  });

  it("the histogram counts every value exactly once", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true })), fc.integer({ min: 1, max: 20 }), (values, bins) => {
        const h = histogram(values, bins);
        expect(h).toHaveLength(bins);
        expect(h.reduce((s, b) => s + b.count, 0)).toBe(values.length);
      }),
    );
  });

  it("correlation is symmetric and unchanged by rescaling either side", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })), { minLength: 2, maxLength: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: -5, max: 5 }),
        (pairs, scale, shift) => {
          const xs = pairs.map(([x]) => x);
          const ys = pairs.map(([, y]) => y);
          const r1 = pearson(xs, ys);
          expect(pearson(ys, xs)).toBe(r1);
          const r2 = pearson(
            xs.map((x) => scale * x + shift),
            ys,
          );
          if (r1 === null) expect(r2).toBeNull();
          else expect(r2).toBeCloseTo(r1, 9);
        },
      ),
    );
  });

  it("groups and sections account for every answer and every student", () => {
    fc.assert(
      fc.property(classArb, (attempts) => {
        const items = itemStats(attempts, ITEMS);
        const answers = attempts.reduce((s, a) => s + a.responses.length, 0);
        expect(groupStats(attempts, items, (i) => i.family).reduce((s, g) => s + g.n, 0)).toBe(answers);
        expect(groupStats(attempts, items, (i) => i.kind).reduce((s, g) => s + g.n, 0)).toBe(answers);
        expect(sectionStats(attempts).reduce((s, g) => s + g.students, 0)).toBe(new Set(attempts.map((a) => a.userId)).size);
      }),
    );
  });

  it("time on the responses never exceeds the time from the start to the last save", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("A", "B", "C"), fc.integer({ min: 0, max: 3_600_000 }))), (saves) => {
        const times = timeOnResponses(
          0,
          saves.map(([responseId, at]) => ({ responseId, at })),
        );
        const total = [...times.values()].reduce((s, t) => s + t, 0);
        const last = saves.reduce((m, [, at]) => Math.max(m, at), 0);
        expect(total).toBeLessThanOrEqual(last / 1000 + 1e-9);
        for (const t of times.values()) expect(t).toBeGreaterThanOrEqual(0);
        expect(new Set(times.keys())).toEqual(new Set(saves.map(([id]) => id)));
      }),
    );
  });
});
