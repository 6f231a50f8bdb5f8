// What the browser may see of a variant: the setup, the given part of the timeline and
// the answer format. Nothing in it reveals the answer (tests check the serialized form).
import type { Localized } from "../i18n/localized";
import type { Msg } from "../i18n/msg";
import { wireSegments, type EndpointName } from "../tcp";
import { instantiate, type QuestionInstance } from "./instance";
import { kindOf, type FormatOf } from "./kinds";
import { policyOf, type AskKind, type Policy } from "./schema";
import { TemplateError } from "./template-error";

export interface GivenSegment {
  from: EndpointName;
  flags: string;
  seq: number;
  ack: number;
  len: number;
  sentAt: number;
  lost: boolean;
}

/** What the answer widget of the question's kind is given. */
export type AnswerFormat = { [K in AskKind]: FormatOf<K> }[AskKind];

export interface Presentation {
  templateId: string;
  /** The author's words: the reader's language is picked where they are shown. */
  title: Localized;
  prompt: Localized;
  /** The topic; its concept is not shown with the question (it can name the states asked for). */
  family: { id: string; title: Msg; counterfactual: boolean };
  setup: Msg[];
  /** The part of the timeline that is given: segments only, never states. */
  given: GivenSegment[];
  answer: AnswerFormat;
  points: number;
  policy: Policy;
}

export function presentFor(q: QuestionInstance): Presentation {
  const { template, trace } = q;
  const kind = kindOf(template.ask.kind);
  const wire = wireSegments(trace);
  const shown = kind.given?.(template.ask) ?? 0;
  if (shown > wire.length)
    throw new TemplateError(`${template.id}: seed ${q.seed} sends only ${wire.length} segments, fewer than the ${shown} given`);
  const given: GivenSegment[] = wire
    .slice(0, shown)
    .map(({ segment: s, sentAt, lost }) => ({ from: s.from, flags: s.flags, seq: s.seq, ack: s.ack, len: s.len, sentAt, lost }));
  return {
    templateId: template.id,
    title: template.title,
    prompt: template.prompt,
    family: { id: q.family.id, title: q.family.title, counterfactual: Boolean(q.family.counterfactual) },
    setup: q.setup,
    given,
    answer: kind.format(q),
    points: template.points,
    policy: policyOf(template),
  };
}

/** present(template, seed) -> what the browser may see, for callers that hold no instance. */
export function present(template: unknown, seed: number): Presentation {
  return presentFor(instantiate(template, seed));
}
