// grade(template, seed, answer): replays the answer against the engine's trace.
// A malformed answer is not graded (valid: false, score 0, messages naming the problem),
// so a caller can decide it costs no attempt. Pure: same inputs, same result.
// What differs between kinds (parsing, the comparison) is the kind's module in
// lib/questions/kinds; what is the same for every kind (scoring by policy, the feedback's
// summary, the grader version) is here.
import { msg, type MessageKey, type Msg } from "../i18n/msg";
import { expectedFor, instantiate, kindOf, parseAnswer, policyOf, scenarioFeatures, type QuestionInstance } from "../questions";
import type { Feedback } from "./feedback";

export type { Feedback, FirstMistake } from "./feedback";

/**
 * Changes whenever a grading outcome could change (grader or engine behaviour), and is
 * stored with every graded response so a regrade is exact and explainable.
 */
// 2026.12.01-5: a template may name key states (keyStates), which weigh in its states credit; a
// template without them grades as before.
// 2026.12.01-4: the feedback names the misconception (firstMistake.key, a language-free key of
// the first mistake) and the variant's scenario features (features); scores are unchanged.
export const GRADER_VERSION = "2026.12.01-5";

export interface GradeResult {
  score: number;
  maxScore: number;
  /** false: the answer could not be read and was not graded. */
  valid: boolean;
  feedback: Feedback;
  graderVersion: string;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** What a family teaches: the catalog's `families.<id>.concept`. */
export function familyConcept(familyId: string): Msg {
  return msg(`families.${familyId}.concept` as MessageKey);
}

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
        summary: msg("feedback.summary.unreadable"),
        messages: parsed.errors,
        parts: [],
        concept: familyConcept(q.family.id),
      },
    };
  }
  const policy = policyOf(q.template);
  const result = kindOf(q.template.ask.kind).compare(q, parsed.answer, expectedFor(q), policy);
  const credit = result.parts.length ? result.parts.reduce((sum, p) => sum + p.credit, 0) / result.parts.length : 0;
  const allOrNothing = policy === "all-or-nothing";
  const correct = result.correct;
  const score = round((allOrNothing ? (correct ? 1 : 0) : correct ? 1 : credit) * maxScore);
  return {
    score,
    maxScore,
    valid: true,
    graderVersion: GRADER_VERSION,
    feedback: {
      correct,
      summary: correct
        ? msg("feedback.summary.correct")
        : score > 0
          ? msg("feedback.summary.partly", { score: Math.round(score * 100) / 100, max: maxScore })
          : msg("feedback.summary.wrong"),
      messages: [...result.messages],
      ...(result.firstMistake ? { firstMistake: result.firstMistake } : {}),
      parts: result.parts.map((p) => ({ ...p, credit: round(p.credit) })),
      ...(q.template.explanation ? { explanation: q.template.explanation } : {}),
      concept: familyConcept(q.family.id),
      features: scenarioFeatures(q),
    },
  };
}
