// "next": given the first `given` segments, the next segment sent and the state its sender
// is in right after sending it. Credit per field, and for the state.
import { z } from "zod";
import { msg } from "../../i18n/msg";
import { stateAfterSend, wireSegments } from "../../tcp";
import { causeOfSend, describeEvent, eventText } from "../compare/explain";
import { describeSend } from "../segment-words";
import { TemplateError } from "../template-error";
import { FIELD_LABELS, SEGMENT_FIELDS, SegmentAnswerSchema, SegmentDraftSchema, orBlank, segmentAnswer, stateName } from "./fields";
import { phaseAt, roleOf } from "../mistake-key";
import type { AnswerKind, Comparison, InstanceOf } from "./kind";

export const ask = z.object({ kind: z.literal("next"), given: z.number().int().min(0).max(40) }).strict();

export interface Format {
  kind: "next";
}

const AnswerSchema = z.object({
  segment: SegmentAnswerSchema.default({ from: "", flags: "", seq: null, ack: null }),
  state: orBlank(stateName),
});
export type Answer = z.output<typeof AnswerSchema>;

const DraftSchema = z.object({ segment: SegmentDraftSchema, state: z.string().max(40) }).strict();
export type Draft = z.infer<typeof DraftSchema>;

function expected(q: InstanceOf<"next">): { kind: "next" } & Answer {
  const { ask } = q.template;
  const wire = wireSegments(q.trace);
  const next = wire[ask.given];
  if (!next)
    throw new TemplateError(`${q.template.id}: seed ${q.seed} sends only ${wire.length} segments, no segment after the ${ask.given} given`);
  return { kind: "next", segment: segmentAnswer(next.segment), state: stateAfterSend(q.trace, next.index) };
}

export const next: AnswerKind<"next", Format, Answer, Draft> = {
  ask,
  defaultPolicy: "per-field",
  given: (a) => a.given,
  answer: () => AnswerSchema,
  draft: () => DraftSchema,
  format: () => ({ kind: "next" }),
  expected,

  compare(q, said, truth): Comparison {
    const wrong = SEGMENT_FIELDS.filter((f) => said.segment[f] !== truth.segment[f]);
    const stateRight = said.state === truth.state;
    const parts = [
      ...SEGMENT_FIELDS.map((f) => ({ label: FIELD_LABELS[f], credit: wrong.includes(f) ? 0 : 1 })),
      { label: msg("feedback.parts.field.state"), credit: stateRight ? 1 : 0 },
    ];
    const send = describeSend(truth.segment);
    if (wrong.length === 0 && stateRight)
      return { correct: true, parts, messages: [msg("feedback.next.right", { send, state: truth.state })] };
    const sent = wireSegments(q.trace)[q.template.ask.given];
    const cause = causeOfSend(q.trace, sent.index);
    const blank = !said.segment.from && !said.segment.flags && said.segment.seq === null && !said.state;
    const saidState = said.state || msg("feedback.noState");
    const saidText = blank ? msg("feedback.next.blank") : msg("feedback.next.said", { send: describeSend(said.segment), state: saidState });
    const messages = [
      cause
        ? msg("feedback.next.wrongBecause", { send, t: cause.t, event: eventText(cause), state: truth.state, said: saidText })
        : msg("feedback.next.wrong", { send, state: truth.state, said: saidText }),
    ];
    return {
      correct: false,
      parts,
      messages,
      firstMistake: {
        said: blank ? msg("feedback.nothing") : msg("feedback.next.then", { send: describeSend(said.segment), state: saidState }),
        actual: msg("feedback.next.then", { send, state: truth.state }),
        key: {
          kind: "next",
          role: roleOf(q.trace, sent.segment.from, phaseAt(q.trace, sent.index)),
          actual: truth.segment.flags,
          said: said.segment.flags || "none",
          // The truth is never blank: expected() reads it from the trace.
          actualState: truth.state || "CLOSED",
          saidState: said.state || "none",
          fields: [...wrong, ...(stateRight ? [] : (["state"] as const))],
          retransmission: Boolean(sent.segment.retransmission),
        },
        ...(cause ? { cause: describeEvent(cause) } : {}),
      },
    };
  },

  cases(q) {
    const truth = expected(q);
    const { kind: _kind, ...right } = truth;
    const seq = truth.segment.seq ?? 0;
    return {
      correct: [
        right,
        { ...right, state: right.state.toLowerCase() },
        { ...right, segment: { ...right.segment, flags: right.segment.flags.split("+").reverse().join("+") } },
      ],
      incorrect: [
        { ...right, state: right.state === "CLOSED" ? "LISTEN" : "CLOSED" },
        { ...right, segment: { ...right.segment, seq: seq === 0 ? 1 : seq - 1 } },
        { ...right, segment: { ...right.segment, from: right.segment.from === "client" ? "server" : "client" } },
        {},
      ],
      invalid: [
        { ...right, segment: { ...right.segment, flags: "ACK+ACK" } },
        { ...right, state: "SYN_SNT" },
        { ...right, segment: { ...right.segment, ack: 2 ** 32 } },
        { segment: "SYN" },
      ],
    };
  },
};
