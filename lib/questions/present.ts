// What the browser may see of a variant: the setup, the given part of the timeline and
// the answer format. Nothing in it reveals the answer (tests check the serialized form).
import type { EndpointName, State } from "../tcp";
import { choiceFor, wireSegments, type ChoiceOption } from "./derive";
import { instantiate, TemplateError, type QuestionInstance } from "./instance";
import { policyOf, type Policy } from "./schema";

export interface GivenSegment {
  from: EndpointName;
  flags: string;
  seq: number;
  ack: number;
  len: number;
  sentAt: number;
  lost: boolean;
}

export type AnswerFormat =
  | { kind: "states"; endpoints: EndpointName[] }
  | { kind: "segments"; count: number }
  | { kind: "next" }
  | { kind: "time"; endpoint: EndpointName; state: State; measure: "leave" | "duration"; unit: "ms" }
  | { kind: "final-state"; endpoints: EndpointName[]; atMs: number | null }
  | { kind: "choice"; question: string; options: ChoiceOption[] };

export interface Presentation {
  templateId: string;
  title: string;
  prompt: string;
  /** The topic; its concept is not shown with the question (it can name the states asked for). */
  family: { id: string; title: string; counterfactual: boolean };
  setup: string[];
  /** The part of the timeline that is given: segments only, never states. */
  given: GivenSegment[];
  answer: AnswerFormat;
  points: number;
  policy: Policy;
}

export function presentFor(q: QuestionInstance): Presentation {
  const { template, trace } = q;
  const { ask } = template;
  const wire = wireSegments(trace);
  const shown = ask.kind === "segments" || ask.kind === "next" ? ask.given : 0;
  if (shown > wire.length) throw new TemplateError(`${template.id}: seed ${q.seed} sends only ${wire.length} segments, fewer than the ${shown} given`);
  const given: GivenSegment[] = wire.slice(0, shown).map(({ segment: s, sentAt, lost }) => ({ from: s.from, flags: s.flags, seq: s.seq, ack: s.ack, len: s.len, sentAt, lost }));
  let answer: AnswerFormat;
  switch (ask.kind) {
    case "states":
      answer = { kind: "states", endpoints: [...ask.endpoints] };
      break;
    case "segments":
      answer = { kind: "segments", count: Math.min(ask.count, wire.length - ask.given) };
      break;
    case "next":
      answer = { kind: "next" };
      break;
    case "time":
      answer = { kind: "time", endpoint: ask.endpoint, state: ask.state, measure: ask.measure, unit: "ms" };
      break;
    case "final-state":
      answer = { kind: "final-state", endpoints: [...ask.endpoints], atMs: ask.atMs ?? null };
      break;
    case "choice": {
      const choice = choiceFor(ask.topic, trace);
      answer = { kind: "choice", question: choice.question, options: choice.options };
      break;
    }
  }
  return {
    templateId: template.id,
    title: template.title,
    prompt: template.prompt,
    family: { id: q.family.id, title: q.family.title, counterfactual: Boolean(q.family.counterfactual) },
    setup: q.setup,
    given,
    answer,
    points: template.points,
    policy: policyOf(template),
  };
}

/** DESIGN.md §4: present(template, seed) -> what the browser may see. */
export function present(template: unknown, seed: number): Presentation {
  return presentFor(instantiate(template, seed));
}
