// The regrade of one stored response, pure: from the question version's template, the seed,
// the saved answer and the points its quiz item is worth now, against what was recorded (score,
// maximum, feedback, grader version), the new grade and why it differs. Grading is the one
// function submit uses (lib/attempts/grade-response.ts), so the same inputs and the same grader
// version give back exactly what is stored, and nothing changes.
import { gradeStoredAnswer } from "../attempts/grade-response";
import { parseStoredFeedback } from "../grading";
import { instantiate, presentFor } from "../questions";
import { templateOf } from "../questions/template-cache";
import type { Text } from "../i18n/msg";

/** A question version as a regrade reads it. */
export interface VersionRow {
  questionId: string;
  version: number;
  template: string;
}

export interface RegradeInput {
  responseId: string;
  seed: string;
  answer: string | null;
  /** The version the student saw and was graded on. */
  stored: VersionRow;
  /** The newest version of the question's key when the job grades with the newest (null: it does not, or it is the stored one). */
  latest: VersionRow | null;
  /** What the response is worth now: its quiz item's points (the stored maximum when the item is gone). */
  points: number;
  old: { score: number; maxScore: number; feedback: string | null; graderVersion: string | null };
}

/** Why a response's grade moves; each names what it was and what it is. */
export type RegradeReason =
  | { kind: "graderVersion"; from: string | null; to: string }
  | { kind: "points"; from: number; to: number }
  | { kind: "questionVersion"; from: number; to: number }
  | { kind: "parts"; parts: Text[] }
  | { kind: "rule"; from: string | null; to: string | null };

/** A newer version was not used: the student's variant reads differently in it (said, not a change). */
export type RegradeNote = { kind: "versionKept"; version: number; latest: number };

export interface RegradeOutcome {
  /** The version graded this time. */
  questionId: string;
  version: number;
  score: number;
  maxScore: number;
  feedback: string;
  graderVersion: string;
  /** Anything to write: the score, the maximum, the feedback, the version graded or the grader's version. */
  changed: boolean;
  /** The score or the maximum moves (what the dry run lists). */
  scoreChanged: boolean;
  reasons: RegradeReason[];
  notes: RegradeNote[];
}

/** Scores are stored as doubles: differences below this are the same score. */
const EPSILON = 1e-9;
export const sameScore = (a: number, b: number) => Math.abs(a - b) < EPSILON;

/** What a student is shown of their variant: the setup, the given timeline and the answer format (not the wording's points). */
function variantShown(version: VersionRow, seed: string): string | null {
  try {
    const p = presentFor(instantiate(templateOf({ id: version.questionId, template: version.template }), Number(seed)));
    return JSON.stringify({ family: p.family.id, setup: p.setup, given: p.given, answer: p.answer });
  } catch {
    return null;
  }
}

/**
 * The version to grade with: the newest when asked for and the student's variant is the same in
 * it (same setup, timeline and answer format for their seed), else the one they saw, with a note.
 */
export function versionToGrade(input: Pick<RegradeInput, "seed" | "stored" | "latest">): { version: VersionRow; note: RegradeNote | null } {
  const { stored, latest, seed } = input;
  if (!latest || latest.questionId === stored.questionId || latest.version <= stored.version) return { version: stored, note: null };
  const before = variantShown(stored, seed);
  if (before !== null && before === variantShown(latest, seed)) return { version: latest, note: null };
  return { version: stored, note: { kind: "versionKept", version: stored.version, latest: latest.version } };
}

function partsReason(oldFeedback: string | null, newFeedback: string): RegradeReason[] {
  if (oldFeedback === newFeedback) return [];
  const before = oldFeedback === null ? null : parseStoredFeedback(oldFeedback);
  const after = parseStoredFeedback(newFeedback);
  const reasons: RegradeReason[] = [];
  const moved = after.parts.filter((p, i) => {
    const was = before?.parts[i];
    return !was || JSON.stringify(was.label) !== JSON.stringify(p.label) || !sameScore(was.credit, p.credit);
  });
  if (moved.length > 0 || (before && before.parts.length !== after.parts.length))
    reasons.push({ kind: "parts", parts: moved.map((p) => p.label) });
  const ruleBefore = before?.firstMistake?.rule ?? null;
  const ruleAfter = after.firstMistake?.rule ?? null;
  if (ruleBefore !== ruleAfter) reasons.push({ kind: "rule", from: ruleBefore, to: ruleAfter });
  return reasons;
}

/** Regrades one response: the new grade, whether anything changes, and why. */
export function regradeResponse(input: RegradeInput): RegradeOutcome {
  const { version, note } = versionToGrade(input);
  const graded = gradeStoredAnswer({
    questionId: version.questionId,
    template: version.template,
    seed: input.seed,
    answer: input.answer,
    points: input.points,
  });
  const { old } = input;
  const scoreChanged = !sameScore(graded.points, old.score) || !sameScore(graded.maxScore, old.maxScore);
  const changed =
    scoreChanged ||
    graded.feedback !== old.feedback ||
    graded.graderVersion !== old.graderVersion ||
    version.questionId !== input.stored.questionId;
  const reasons: RegradeReason[] = [];
  if (changed) {
    if (graded.graderVersion !== old.graderVersion)
      reasons.push({ kind: "graderVersion", from: old.graderVersion, to: graded.graderVersion });
    if (!sameScore(graded.maxScore, old.maxScore)) reasons.push({ kind: "points", from: old.maxScore, to: graded.maxScore });
    if (version.questionId !== input.stored.questionId)
      reasons.push({ kind: "questionVersion", from: input.stored.version, to: version.version });
    reasons.push(...partsReason(old.feedback, graded.feedback));
  }
  return {
    questionId: version.questionId,
    version: version.version,
    score: graded.points,
    maxScore: graded.maxScore,
    feedback: graded.feedback,
    graderVersion: graded.graderVersion,
    changed,
    scoreChanged,
    reasons,
    notes: note ? [note] : [],
  };
}
