// Item analysis of a quiz, pure: no database, no clock. The definitions and formulas are in
// docs/analytics.md, one section per statistic; every function here names its section.
// Inputs are what the queries read (item-queries.ts): one analysed attempt per student, each
// with its graded responses, and the times of the student's saves.

/** One graded answer in an analysed attempt. */
export type ItemResponse = {
  /** The item: a question (bank and key, across its versions) of the quiz. */
  item: string;
  /** The counted score of the answer: the staff override where set, else the grader's. */
  score: number;
  maxScore: number;
  /** Seconds spent on it (timeOnResponses), or null when it was never saved. */
  timeSec: number | null;
};

/** One analysed attempt: a student's first submitted attempt at the quiz. */
export type AnalysedAttempt = {
  attemptId: string;
  userId: string;
  /** The student's section in the course; null for none. */
  section: string | null;
  /** The attempt's counted score (its override where set) and its maximum. */
  score: number;
  maxScore: number;
  responses: ItemResponse[];
};

/** What is known of an item besides its answers. */
export type ItemInfo = { item: string; position: number; title: string; family: string; kind: string };

export type Distribution = { zero: number; partial: number; full: number };

export type ItemStats = ItemInfo & {
  /** Answers analysed (§ Attempts). */
  n: number;
  /** Mean points scored and the mean of the points available. */
  meanScore: number | null;
  maxScore: number | null;
  /** § Facility: the mean fraction of the points scored, 0..1. */
  facility: number | null;
  /** § Discrimination: item–rest correlation, -1..1; null when undefined. */
  discrimination: number | null;
  /** § Score distribution: answers with no credit, part credit, full credit. */
  distribution: Distribution;
  /** § Time: mean seconds over the answers that were saved at least once, and how many those are. */
  meanTimeSec: number | null;
  timed: number;
};

export type GroupStats = {
  group: string;
  items: number;
  n: number;
  facility: number | null;
  /** Mean of the items' discriminations (those defined). */
  discrimination: number | null;
  meanTimeSec: number | null;
};

export type SectionStats = {
  /** null: students with no section. */
  section: string | null;
  students: number;
  /** Mean, standard deviation, lowest and highest of the attempts' score fractions. */
  mean: number | null;
  sd: number | null;
  min: number | null;
  max: number | null;
  /** Mean fraction of the points scored over every answer of the section's attempts. */
  facility: number | null;
};

export type HistogramBin = { from: number; to: number; count: number };

/** § Mean: the arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** § Standard deviation: the population standard deviation (divided by n); null for no values. */
export function standardDeviation(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return Math.sqrt(sum / values.length);
}

/**
 * § Discrimination: Pearson's correlation of paired values. Null when there are fewer than two
 * pairs or either side does not vary (the correlation is then undefined, not 0).
 */
export function pearson(xs: readonly number[], ys: readonly number[]): number | null {
  if (xs.length !== ys.length) throw new Error("pearson: the two lists differ in length");
  const n = xs.length;
  if (n < 2) return null;
  const mx = mean(xs)!;
  const my = mean(ys)!;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  // Below this the spread is rounding noise of equal values, not variation.
  const EPS = 1e-12;
  if (sxx <= EPS * n || syy <= EPS * n) return null;
  const r = sxy / Math.sqrt(sxx * syy);
  return Math.max(-1, Math.min(1, r));
}

/** The fraction of the points scored; null for an answer worth nothing. */
export function fraction(score: number, maxScore: number): number | null {
  return maxScore > 0 ? Math.max(0, Math.min(1, score / maxScore)) : null;
}

function fractions(responses: readonly ItemResponse[]): number[] {
  return responses.map((r) => fraction(r.score, r.maxScore)).filter((f): f is number => f !== null);
}

/** § Facility: the mean fraction of the points scored over the answers (those worth points). */
export function facility(responses: readonly ItemResponse[]): number | null {
  return mean(fractions(responses));
}

/**
 * § Discrimination: for every attempt that answered `item`, the pair (fraction of the item's
 * points scored, fraction of the rest of the attempt's points scored), correlated. Against the
 * rest, not the total, so the item does not correlate with itself.
 */
export function discrimination(attempts: readonly AnalysedAttempt[], item: string): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const attempt of attempts) {
    const own = attempt.responses.filter((r) => r.item === item);
    if (own.length === 0) continue;
    const x = fraction(
      own.reduce((s, r) => s + r.score, 0),
      own.reduce((s, r) => s + r.maxScore, 0),
    );
    const rest = attempt.responses.filter((r) => r.item !== item);
    const y = fraction(
      rest.reduce((s, r) => s + r.score, 0),
      rest.reduce((s, r) => s + r.maxScore, 0),
    );
    if (x === null || y === null) continue;
    xs.push(x);
    ys.push(y);
  }
  return pearson(xs, ys);
}

/** § Score distribution: no credit (0), part credit, full credit, by the fraction scored. */
export function distribution(responses: readonly ItemResponse[]): Distribution {
  const out: Distribution = { zero: 0, partial: 0, full: 0 };
  for (const f of fractions(responses)) {
    if (f <= 0) out.zero++;
    else if (f >= 1) out.full++;
    else out.partial++;
  }
  return out;
}

/**
 * § Score histogram: `bins` equal bins over [0, 1]; a value falls in [from, to), the last bin
 * also holding 1. Values outside [0, 1] are clamped.
 */
export function histogram(values: readonly number[], bins = 10): HistogramBin[] {
  if (!Number.isInteger(bins) || bins < 1) throw new Error("histogram: bins must be a positive integer");
  const out: HistogramBin[] = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, count: 0 }));
  for (const v of values) {
    const clamped = Math.max(0, Math.min(1, v));
    // A fraction such as 3/10 is 0.30000000000000004 or 0.29999999999999999 in binary: the
    // epsilon puts values that are a bin edge in decimal into the bin that edge opens.
    const index = Math.min(bins - 1, Math.floor(clamped * bins + 1e-9));
    out[index]!.count++;
  }
  return out;
}

/** A save of an answer: which response, when (milliseconds since the epoch). */
export type Save = { responseId: string; at: number };

/** The longest gap between two saves counted as work on one question (§ Time). */
export const IDLE_CAP_SEC = 600;

/**
 * § Time: seconds spent on each response of an attempt, from its saves. The attempt's saves,
 * in time order, cut its time from the start into intervals; each interval ends with a save
 * and counts for the response saved, capped at IDLE_CAP_SEC (a student away from the screen is
 * not working on it). Time after the last save (reviewing, submitting) counts for none.
 * Responses never saved are absent from the result.
 */
export function timeOnResponses(startedAt: number, saves: readonly Save[], capSec = IDLE_CAP_SEC): Map<string, number> {
  const ordered = [...saves].sort((a, b) => a.at - b.at || (a.responseId < b.responseId ? -1 : a.responseId > b.responseId ? 1 : 0));
  const out = new Map<string, number>();
  let previous = startedAt;
  for (const save of ordered) {
    const gap = Math.max(0, save.at - previous) / 1000;
    out.set(save.responseId, (out.get(save.responseId) ?? 0) + Math.min(gap, capSec));
    previous = Math.max(previous, save.at);
  }
  return out;
}

/** § Items: one row per item, in the quiz's order. */
export function itemStats(attempts: readonly AnalysedAttempt[], items: readonly ItemInfo[]): ItemStats[] {
  const byItem = new Map<string, ItemResponse[]>();
  for (const attempt of attempts)
    for (const r of attempt.responses) {
      const list = byItem.get(r.item);
      if (list) list.push(r);
      else byItem.set(r.item, [r]);
    }
  return [...items]
    .sort((a, b) => a.position - b.position || a.title.localeCompare(b.title) || a.item.localeCompare(b.item))
    .map((info) => {
      const responses = byItem.get(info.item) ?? [];
      const times = responses.map((r) => r.timeSec).filter((t): t is number => t !== null);
      return {
        ...info,
        n: responses.length,
        meanScore: mean(responses.map((r) => r.score)),
        maxScore: mean(responses.map((r) => r.maxScore)),
        facility: facility(responses),
        discrimination: discrimination(attempts, info.item),
        distribution: distribution(responses),
        meanTimeSec: mean(times),
        timed: times.length,
      };
    });
}

/** § Per family and per answer kind: the items grouped by `key`, their answers pooled. */
export function groupStats(
  attempts: readonly AnalysedAttempt[],
  items: readonly ItemStats[],
  key: (item: ItemStats) => string,
): GroupStats[] {
  const groups = new Map<string, ItemStats[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([group, members]) => {
      const ids = new Set(members.map((m) => m.item));
      const responses = attempts.flatMap((a) => a.responses.filter((r) => ids.has(r.item)));
      const times = responses.map((r) => r.timeSec).filter((t): t is number => t !== null);
      return {
        group,
        items: members.length,
        n: responses.length,
        facility: facility(responses),
        discrimination: mean(members.map((m) => m.discrimination).filter((d): d is number => d !== null)),
        meanTimeSec: mean(times),
      };
    });
}

/** § Per section: the attempts grouped by the student's section; no section last. */
export function sectionStats(attempts: readonly AnalysedAttempt[]): SectionStats[] {
  const groups = new Map<string | null, AnalysedAttempt[]>();
  for (const attempt of attempts) {
    const list = groups.get(attempt.section);
    if (list) list.push(attempt);
    else groups.set(attempt.section, [attempt]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0))
    .map(([section, members]) => {
      const scores = members.map((a) => fraction(a.score, a.maxScore)).filter((f): f is number => f !== null);
      return {
        section,
        students: new Set(members.map((a) => a.userId)).size,
        mean: mean(scores),
        sd: standardDeviation(scores),
        min: scores.length ? Math.min(...scores) : null,
        max: scores.length ? Math.max(...scores) : null,
        facility: facility(members.flatMap((a) => a.responses)),
      };
    });
}

export type QuizSummary = {
  students: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  histogram: HistogramBin[];
};

/** § Median: the middle value of the sorted values, or the mean of the two middle ones. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** § Quiz scores: the attempts' score fractions summarised, and their histogram. */
export function quizSummary(attempts: readonly AnalysedAttempt[], bins = 10): QuizSummary {
  const scores = attempts.map((a) => fraction(a.score, a.maxScore)).filter((f): f is number => f !== null);
  return {
    students: new Set(attempts.map((a) => a.userId)).size,
    mean: mean(scores),
    sd: standardDeviation(scores),
    median: median(scores),
    histogram: histogram(scores, bins),
  };
}
