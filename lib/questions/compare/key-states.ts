// Key states: the states of a sequence that carry what a question teaches (FIN_WAIT_2 and
// TIME_WAIT for the active closer: the states only the side that closes first passes through).
// A template names them and the share of each endpoint's credit that rests on them; an answer
// that leaves one out keeps only the rest of that share, so confusing the active and the passive
// closer costs more than an unrelated slip. The weighting only ever lowers a wrong answer's
// credit, and a right answer never meets it (it is not weighed).
import { type TruthStep } from "./align";

export interface KeyStates<S> {
  states: readonly S[];
  /** The share (0..1] of an endpoint's credit that rests on its key states. */
  weight: number;
}

export interface KeyStateCheck<S> {
  /** The key states the truth passes through (non-transient) that the answer leaves out, in the truth's order. */
  missed: S[];
  /** How many of the truth's key-state steps the answer has (each counted as often as it holds it). */
  kept: number;
  /** How many key-state steps the truth has. */
  total: number;
}

/**
 * Which of the truth's key-state steps an answer has. A key state the truth passes through twice
 * counts twice, and an answer that names it once keeps one of the two. Order is the alignment's
 * business (it already costs); here only presence counts.
 */
export function checkKeyStates<S>(truth: readonly TruthStep<S>[], predicted: readonly S[], keys: readonly S[]): KeyStateCheck<S> {
  const wanted = new Map<S, number>();
  for (const step of truth) if (!step.transient && keys.includes(step.state)) wanted.set(step.state, (wanted.get(step.state) ?? 0) + 1);
  const said = new Map<S, number>();
  for (const s of predicted) said.set(s, (said.get(s) ?? 0) + 1);
  let kept = 0;
  let total = 0;
  const missed: S[] = [];
  for (const [state, n] of wanted) {
    const has = Math.min(n, said.get(state) ?? 0);
    kept += has;
    total += n;
    if (has < n) missed.push(state);
  }
  return { missed, kept, total };
}

/** The credit after the key states are weighed: the share resting on them shrinks with those left out. Never above `credit`. */
export function weighKeyStates(credit: number, check: KeyStateCheck<unknown>, weight: number): number {
  if (check.total === 0) return credit;
  return credit * (1 - weight * (1 - check.kept / check.total));
}
