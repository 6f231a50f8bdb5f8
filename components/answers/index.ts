// The answer kinds in the browser: each kind's widget, empty draft and review, one module
// per kind beside lib/questions/kinds/<kind>.ts. A kind left out of the registry does not
// compile. components/answer-widgets.tsx and components/answer-review.tsx dispatch here.
import type { AskKind } from "@/lib/questions/client";
import { choice } from "./choice";
import { finalState } from "./final-state";
import { next } from "./next";
import { segments } from "./segments";
import { states } from "./states";
import { time } from "./time";
import type { AnswerComponents } from "./types";

export const answerComponents = {
  states,
  segments,
  next,
  time,
  "final-state": finalState,
  choice,
} satisfies { [K in AskKind]: AnswerComponents<K> };

const registry: { [K in AskKind]: AnswerComponents<K> } = answerComponents;

/** The components of a kind; called with a union, the union's view (pass one question's values). */
export function componentsFor<K extends AskKind>(kind: K): AnswerComponents<K> {
  return registry[kind];
}
