// How far a student's answer (or draft) has got, from its shape alone: pure and small, so the
// attempt page's submit summary and question navigator can use it in the browser.

/**
 * Whether an answer (or draft) says nothing yet: every part left empty ("" or null, empty
 * lists). A number, a flag or a word anywhere is an answer. Checking a blank answer must cost
 * nothing and reveal nothing, so callers refuse it before grading.
 */
export function isBlankAnswer(input: unknown): boolean {
  if (input === null || input === undefined || input === "") return true;
  if (typeof input === "string") return input.trim() === "";
  if (Array.isArray(input)) return input.every(isBlankAnswer);
  if (typeof input === "object") return Object.entries(input).every(([key, value]) => key === "kind" || isBlankAnswer(value));
  return false;
}

/** Nothing yet, some parts left empty, or every part given. */
export type AnswerProgress = "unanswered" | "partial" | "answered";

/**
 * Where a draft stands: "partial" when some part is given and another (a field, an endpoint's
 * list of states, a segment's seq) is still empty.
 */
export function answerProgress(input: unknown): AnswerProgress {
  if (isBlankAnswer(input)) return "unanswered";
  return hasEmptyPart(input) ? "partial" : "answered";
}

function hasEmptyPart(input: unknown): boolean {
  if (input === null || input === undefined || input === "") return true;
  if (typeof input === "string") return input.trim() === "";
  if (Array.isArray(input)) return input.length === 0 || input.some(hasEmptyPart);
  if (typeof input === "object") return Object.entries(input).some(([key, value]) => key !== "kind" && hasEmptyPart(value));
  return false;
}
