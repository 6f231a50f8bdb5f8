// The expected answer of a variant: server only, never sent to the browser before release.
import { stateAt, stateSequence, type EndpointName, type State } from "../tcp";
import type { Answer, SegmentAnswer } from "./answers";
import { choiceFor, stateAfterSend, stateSpan, wireSegments } from "./derive";
import { instantiate, TemplateError, type QuestionInstance } from "./instance";

const asAnswer = (s: { from: EndpointName; flags: string; seq: number; ack: number }): SegmentAnswer => ({ from: s.from, flags: s.flags, seq: s.seq, ack: s.ack });

export function expectedFor(q: QuestionInstance): Answer {
  const { ask } = q.template;
  const { trace } = q;
  switch (ask.kind) {
    case "states":
      return { kind: "states", states: Object.fromEntries(ask.endpoints.map((e) => [e, stateSequence(trace, e)])) };
    case "segments": {
      const wire = wireSegments(trace);
      if (wire.length <= ask.given) throw new TemplateError(`${q.template.id}: seed ${q.seed} sends only ${wire.length} segments, none after the ${ask.given} given`);
      return { kind: "segments", segments: wire.slice(ask.given, ask.given + ask.count).map((w) => asAnswer(w.segment)) };
    }
    case "next": {
      const wire = wireSegments(trace);
      const next = wire[ask.given];
      if (!next) throw new TemplateError(`${q.template.id}: seed ${q.seed} sends only ${wire.length} segments, no segment after the ${ask.given} given`);
      return { kind: "next", segment: asAnswer(next.segment), state: stateAfterSend(trace, next.index) };
    }
    case "time": {
      const span = stateSpan(trace, ask.endpoint, ask.state);
      if (!span) throw new TemplateError(`${q.template.id}: with seed ${q.seed} the ${ask.endpoint} never enters ${ask.state}`);
      if (span.leave === null) return { kind: "time", ms: "never" };
      return { kind: "time", ms: ask.measure === "leave" ? span.leave : span.leave - span.enter };
    }
    case "final-state": {
      const at = ask.atMs ?? Number.MAX_SAFE_INTEGER;
      return { kind: "final-state", states: Object.fromEntries(ask.endpoints.map((e): [EndpointName, State] => [e, stateAt(trace, e, at)])) };
    }
    case "choice":
      return { kind: "choice", choice: choiceFor(ask.topic, trace).correct };
  }
}

/** DESIGN.md §4: expectedAnswer(template, seed) -> Answer. Server only. */
export function expectedAnswer(template: unknown, seed: number): Answer {
  return expectedFor(instantiate(template, seed));
}
