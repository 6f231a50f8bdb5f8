// grade(template, seed, answer): replays the answer against the engine's trace.
// A malformed answer is not graded (valid: false, score 0, messages naming the problem),
// so a caller can decide it costs no attempt. Pure: same inputs, same result.
// What differs between kinds (parsing, the comparison) is the kind's module in
// lib/questions/kinds; what is the same for every kind (scoring by policy, the feedback's
// summary, the grader version) is here.
import type { Localized } from "../i18n/localized";
import type { Text } from "../i18n/msg";
import { expectedFor, instantiate, kindOf, parseAnswer, policyOf, type FirstMistake, type QuestionInstance } from "../questions";

export type { FirstMistake };

/**
 * Changes whenever a grading outcome could change (grader or engine behaviour), and is
 * stored with every graded response so a regrade is exact and explainable.
 */
export const GRADER_VERSION = "2026.12.01-3";

export interface Feedback {
  correct: boolean;
  /** One line: what the score means. */
  summary: string;
  /** For an invalid answer: what is wrong with it. Otherwise: the explanation, step by step. */
  messages: string[];
  firstMistake?: FirstMistake;
  /** Credit per part (endpoint, segment, field), 0..1. */
  parts: { label: string; credit: number }[];
  /** The template's explanation of the idea behind the answer. */
  explanation?: Localized;
  /** What the question's topic teaches (shown after grading, never with the question). */
  concept: Text;
}

export interface GradeResult {
  score: number;
  maxScore: number;
  /** false: the answer could not be read and was not graded. */
  valid: boolean;
  feedback: Feedback;
  graderVersion: string;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** grade(template, seed, answer) -> { score, maxScore, feedback }. `answer` is unknown JSON. */
export function grade(template: unknown, seed: number, answer: unknown): GradeResult {
  const q = instantiate(template, seed);
  return gradeInstance(q, answer);
}

export function gradeInstance(q: QuestionInstance, input: unknown): GradeResult {
  const maxScore = q.template.points;
  const parsed = parseAnswer(q.template.ask, input);
  if (!parsed.ok) {
    return {
      score: 0,
      maxScore,
      valid: false,
      graderVersion: GRADER_VERSION,
      feedback: {
        correct: false,
        summary: "This answer could not be read, so it was not graded.",
        messages: parsed.errors,
        parts: [],
        concept: q.family.concept,
      },
    };
  }
  const policy = policyOf(q.template);
  const result = kindOf(q.template.ask.kind).compare(q, parsed.answer, expectedFor(q), policy);
  const credit = result.parts.length ? result.parts.reduce((sum, p) => sum + p.credit, 0) / result.parts.length : 0;
  const allOrNothing = policy === "all-or-nothing";
  const correct = result.correct;
  const score = round((allOrNothing ? (correct ? 1 : 0) : correct ? 1 : credit) * maxScore);
  const messages = [...result.messages];
  return {
    score,
    maxScore,
    valid: true,
    graderVersion: GRADER_VERSION,
    feedback: {
      correct,
      summary: correct
        ? "Correct."
        : score > 0
          ? `Partly right: ${Math.round(score * 100) / 100} of ${maxScore} point${maxScore === 1 ? "" : "s"}.`
          : "Not right.",
      messages,
      firstMistake: result.firstMistake,
      parts: result.parts.map((p) => ({ ...p, credit: round(p.credit) })),
      ...(q.template.explanation ? { explanation: q.template.explanation } : {}),
      concept: q.family.concept,
    },
  };
}
