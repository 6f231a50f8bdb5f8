// A student's answer, parsed from unknown JSON with its kind's schema (kinds/). Parsing is
// separate from grading: a malformed answer gets messages naming the problem and is never
// graded. A draft (an answer still being written) is only checked for shape and size.
import type { z } from "zod";
import type { Msg } from "../i18n/msg";
import { kindOf, type AnswerOf, type DraftOf } from "./kinds";
import { issueTexts } from "./kinds/fields";

export { isBlankAnswer } from "./progress";
import type { Ask, AskKind } from "./schema";

export type { SegmentAnswer, SegmentDraft } from "./kinds/fields";

/** An answer with its kind; "" and null mark parts left unanswered. */
export type Answer = { [K in AskKind]: { kind: K } & AnswerOf<K> }[AskKind];
/** A draft of any kind. Drafts carry no `kind`: the question they belong to says it. */
export type Draft = { [K in AskKind]: DraftOf<K> }[AskKind];

// Building a zod schema costs far more than using one: one per distinct question shape.
const answerSchemas = new Map<string, z.ZodType>();
const draftSchemas = new Map<string, z.ZodType>();

function cached(cache: Map<string, z.ZodType>, ask: Ask, build: () => z.ZodType): z.ZodType {
  const kind = kindOf(ask.kind);
  const key = kind.schemaKey ? `${ask.kind}:${kind.schemaKey(ask)}` : ask.kind;
  let schema = cache.get(key);
  if (!schema) cache.set(key, (schema = build()));
  return schema;
}

// reportInput: the words for a value of the wrong type name the type that was sent. `async` is
// what zod's safeParse sets anyway: it copies the options into `{ ...options, async: false }`,
// and a copy that adds a property gets a shape of its own on every call (docs/performance.md §5),
// which made every load in zod's parse megamorphic.
const OPTIONS = { reportInput: true, async: false } as const;

/** Parses an answer for a question, or lists what is wrong with it ("path: problem", as catalog messages). */
export function parseAnswer(ask: Ask, input: unknown): { ok: true; answer: Answer } | { ok: false; errors: Msg[] } {
  const result = cached(answerSchemas, ask, () => kindOf(ask.kind).answer(ask)).safeParse(input, OPTIONS);
  if (!result.success) return { ok: false, errors: issueTexts(result.error) };
  return { ok: true, answer: { kind: ask.kind, ...(result.data as object) } as Answer };
}

/** Checks a draft's shape for saving; the reasons are returned for a 422. */
export function parseDraft(ask: Ask, input: unknown): { ok: true; draft: unknown } | { ok: false; errors: Msg[] } {
  const result = cached(draftSchemas, ask, () => kindOf(ask.kind).draft(ask)).safeParse(input, OPTIONS);
  if (result.success) return { ok: true, draft: result.data };
  return { ok: false, errors: issueTexts(result.error) };
}
