// The expected answer of a variant: server only, never sent to the browser before release.
import type { Answer } from "./answers";
import { instantiate, type QuestionInstance } from "./instance";
import { kindOf } from "./kinds";

export function expectedFor(q: QuestionInstance): Answer {
  // Each kind's expected answer carries that kind; Answer is the union of those.
  return kindOf(q.template.ask.kind).expected(q) as Answer;
}

/** expectedAnswer(template, seed) -> Answer, for callers that hold no instance. Server only. */
export function expectedAnswer(template: unknown, seed: number): Answer {
  return expectedFor(instantiate(template, seed));
}
