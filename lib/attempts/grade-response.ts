// The grading of one stored response, shared by submit (lib/attempts/submit.ts) and regrade
// (lib/regrade): the question version's template, the response's seed and saved answer, and
// the points its quiz item is worth. One function, so a regrade with the same inputs and the
// same grader version reproduces exactly what submit recorded. Pure apart from the parsed
// template cache (a stored question version never changes).
import { grade, GRADER_VERSION } from "../grading";
import { templateOf } from "../questions/template-cache";

export interface StoredAnswer {
  /** The question version graded (its template is cached by id). */
  questionId: string;
  template: string;
  /** As stored: a decimal string. */
  seed: string;
  /** The saved answer as JSON; null: nothing saved. */
  answer: string | null;
  /** What the response is worth in its quiz (the item's points). */
  points: number;
}

export interface ResponseGrade {
  /** The score on the item's scale: the grader's fraction times `points`. */
  points: number;
  maxScore: number;
  /** The grader's feedback as stored (JSON). */
  feedback: string;
  graderVersion: string;
}

/** An answer that is not JSON (a corrupt row) is graded as no answer: it reads as unanswered. */
function answerValue(answer: string | null): unknown {
  if (answer === null) return {};
  try {
    return JSON.parse(answer);
  } catch {
    return {};
  }
}

/** Grades one stored response: same inputs and the same GRADER_VERSION, the same result. */
export function gradeStoredAnswer(r: StoredAnswer): ResponseGrade {
  const result = grade(templateOf({ id: r.questionId, template: r.template }), Number(r.seed), answerValue(r.answer));
  const points = result.maxScore > 0 ? (result.score / result.maxScore) * r.points : 0;
  return { points, maxScore: r.points, feedback: JSON.stringify(result.feedback), graderVersion: GRADER_VERSION };
}
