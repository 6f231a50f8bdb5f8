// The answer kinds. Each kind is one module holding its whole lifecycle (kind.ts lists the
// steps); everything else dispatches through this registry, so a kind left out of it does
// not compile.
//
// Layering: the comparison of an answer with the truth lives in the kind module, because it
// belongs to the kind as much as its schemas do. The helpers comparisons need (the state
// alignment and first divergence in ../compare/align.ts, the event wording in
// ../compare/explain.ts) therefore sit in lib/questions too. lib/grading imports lib/questions
// and adds what is the same for every kind (parse, score by policy, feedback, the grader
// version); lib/questions never imports lib/grading.
//
// Adding a kind: docs/contributing.md, "Add an answer kind".
import type { AskKind } from "../schema";
import { ask as choiceAsk, choice } from "./choice";
import { ask as finalStateAsk, finalState } from "./final-state";
import type { AnswerKind } from "./kind";
import { ask as nextAsk, next } from "./next";
import { ask as segmentsAsk, segments } from "./segments";
import { ask as statesAsk, states } from "./states";
import { ask as timeAsk, time } from "./time";

/** The `ask` of each kind, for the template schema's AskSchema. */
export const asks = [statesAsk, segmentsAsk, nextAsk, timeAsk, finalStateAsk, choiceAsk] as const;

export const kinds = {
  states,
  segments,
  next,
  time,
  "final-state": finalState,
  choice,
} satisfies { [K in AskKind]: AnswerKind<K, { kind: K }, unknown, unknown> };

type Registry = typeof kinds;
// Distributive: FormatOf<AskKind> is the union of every kind's format, and so on.
/** What the widget of kind K is given. */
export type FormatOf<K extends AskKind> = K extends AskKind
  ? Registry[K] extends AnswerKind<K, infer F, unknown, unknown>
    ? F
    : never
  : never;
/** A parsed answer of kind K, without its `kind` tag. */
export type AnswerOf<K extends AskKind> = K extends AskKind
  ? Registry[K] extends AnswerKind<K, { kind: K }, infer A, unknown>
    ? A
    : never
  : never;
/** A draft of kind K, as the widget edits it and the server saves it. */
export type DraftOf<K extends AskKind> = K extends AskKind
  ? Registry[K] extends AnswerKind<K, { kind: K }, unknown, infer D>
    ? D
    : never
  : never;

type KindOf<K extends AskKind> = AnswerKind<K, FormatOf<K>, AnswerOf<K>, DraftOf<K>>;
const registry: { [K in AskKind]: KindOf<K> } = kinds;

/**
 * The module of a kind. Called with a union (a question of any kind) it gives the union's
 * view of the kind, so a caller passes a question and answers of that same question.
 */
export function kindOf<K extends AskKind>(kind: K): KindOf<K> {
  return registry[kind];
}

export type { AnswerKind, Cases, Comparison, FirstMistake, AskOf, InstanceOf } from "./kind";
