// Comparing a predicted state sequence with the true one, where the truth's transient
// states (the first of two transitions one segment causes, which last no time) may be left
// out at no cost.

export interface TruthStep<S> {
  state: S;
  transient: boolean;
}

export interface Divergence {
  /** Index in the truth of the first step the prediction does not follow (truth.length: none left). */
  truth: number;
  /** Index in the prediction where it goes wrong (prediction.length: it stopped early). */
  predicted: number;
  /** Non-transient truth steps matched before the divergence. */
  matched: number;
  /** Prediction entries that matched transient steps (they do not count as extra). */
  matchedTransient: number;
}

/** Walks both sequences; transient truth steps may be skipped. `null`: they agree. */
export function firstDivergence<S>(truth: readonly TruthStep<S>[], predicted: readonly S[]): Divergence | null {
  let i = 0;
  let j = 0;
  let matched = 0;
  let matchedTransient = 0;
  while (i < truth.length) {
    if (j < predicted.length && predicted[j] === truth[i].state) {
      if (truth[i].transient) matchedTransient++;
      else matched++;
      i++;
      j++;
    } else if (truth[i].transient) i++;
    else break;
  }
  if (i === truth.length && j === predicted.length) return null;
  return { truth: i, predicted: j, matched, matchedTransient };
}

export function nonTransientLength<S>(truth: readonly TruthStep<S>[]): number {
  let n = 0;
  for (const step of truth) if (!step.transient) n++;
  return n;
}

/** Prefix credit: correct steps before the first mistake, over the longer of the two. */
export function prefixCredit<S>(truth: readonly TruthStep<S>[], predicted: readonly S[]): number {
  const d = firstDivergence(truth, predicted);
  if (d === null) return 1;
  const expected = nonTransientLength(truth);
  const said = predicted.length - d.matchedTransient;
  return d.matched / Math.max(expected, said, 1);
}

/**
 * Alignment credit: 1 - edit distance / longer length, where leaving out a transient truth
 * step costs nothing and every other insertion, deletion or substitution costs one.
 */
export function alignmentCredit<S>(truth: readonly TruthStep<S>[], predicted: readonly S[]): number {
  const n = truth.length;
  const m = predicted.length;
  let prev = new Array<number>(m + 1);
  let curr = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    const step = truth[i - 1];
    const skip = step.transient ? 0 : 1;
    curr[0] = prev[0] + skip;
    for (let j = 1; j <= m; j++) {
      const same = predicted[j - 1] === step.state ? 0 : 1;
      curr[j] = Math.min(prev[j - 1] + same, prev[j] + skip, curr[j - 1] + 1);
    }
    [prev, curr] = [curr, prev];
  }
  const distance = prev[m];
  return Math.max(0, 1 - distance / Math.max(nonTransientLength(truth), m, 1));
}
