// "segments": the segments sent, in order (sender, flags, seq, ack), after the first `given`
// ones, which are shown. Credit per field of each segment.
import { z } from "zod";
import { msg } from "../../i18n/msg";
import { wireSegments } from "../../tcp";
import { causeOfSend, describeEvent } from "../compare/explain";
import { describeSend } from "../segment-words";
import { TemplateError } from "../template-error";
import { FIELD_LABELS, SEGMENT_FIELDS, SegmentAnswerSchema, SegmentDraftSchema, segmentAnswer, type SegmentAnswer } from "./fields";
import { phaseAt, roleOf } from "../mistake-key";
import type { AnswerKind, Comparison, InstanceOf } from "./kind";

export const ask = z
  .object({
    kind: z.literal("segments"),
    given: z.number().int().min(0).max(40).default(0),
    count: z.number().int().min(1).max(16).default(8),
  })
  .strict();

export interface Format {
  kind: "segments";
  /** How many segments are asked for (fewer than the ask's count when the trace ends first). */
  count: number;
}

const AnswerSchema = z.object({ segments: z.array(SegmentAnswerSchema).max(40).default([]) });
export type Answer = z.output<typeof AnswerSchema>;

const DraftSchema = z.object({ segments: z.array(SegmentDraftSchema).max(40) }).strict();
export type Draft = z.infer<typeof DraftSchema>;

function expected(q: InstanceOf<"segments">): { kind: "segments" } & Answer {
  const { ask } = q.template;
  const wire = wireSegments(q.trace);
  if (wire.length <= ask.given)
    throw new TemplateError(`${q.template.id}: seed ${q.seed} sends only ${wire.length} segments, none after the ${ask.given} given`);
  return { kind: "segments", segments: wire.slice(ask.given, ask.given + ask.count).map((w) => segmentAnswer(w.segment)) };
}

/** Another spelling of the same flags: "ACK+SYN" for "SYN+ACK". */
const reordered = (s: SegmentAnswer): SegmentAnswer => ({ ...s, flags: s.flags.split("+").reverse().join("+") });

export const segments: AnswerKind<"segments", Format, Answer, Draft> = {
  ask,
  defaultPolicy: "per-field",
  given: (a) => a.given,
  answer: () => AnswerSchema,
  draft: () => DraftSchema,
  format: (q) => ({ kind: "segments", count: Math.min(q.template.ask.count, wireSegments(q.trace).length - q.template.ask.given) }),
  expected,

  compare(q, { segments: said }, { segments: truth }): Comparison {
    const out: Comparison = { correct: true, parts: [], messages: [] };
    const { given } = q.template.ask;
    const wire = wireSegments(q.trace);
    const n = Math.max(truth.length, said.length);
    for (let k = 0; k < n; k++) {
      const t = truth[k];
      const s = said[k];
      const number = given + k + 1;
      const label = msg("feedback.parts.segment", { n: number });
      if (!t || !s) {
        out.correct = false;
        out.parts.push({ label, credit: 0 });
        out.messages.push(
          !t
            ? msg("feedback.segments.extra", { send: describeSend(s), n: number, count: truth.length })
            : msg("feedback.segments.missing", { n: number, send: describeSend(t) }),
        );
        // The role is the true sender's; for an extra segment, the role of whoever the student has sending it.
        const at = wire[given + k] ?? wire.at(-1);
        const sender = t ? (at?.segment.from ?? "client") : s.from || (at?.segment.from ?? "client");
        out.firstMistake ??= {
          said: s ? describeSend(s) : msg("feedback.nothing"),
          actual: t ? describeSend(t) : msg("feedback.segments.noMore"),
          key: {
            kind: "segments",
            role: roleOf(q.trace, sender, at ? phaseAt(q.trace, at.index) : "open"),
            actual: t ? t.flags : "none",
            said: s ? s.flags || "none" : "none",
            fields: [t ? "missing" : "extra"],
            retransmission: Boolean(t && at?.segment.retransmission),
          },
        };
        continue;
      }
      const wrong = SEGMENT_FIELDS.filter((f) => s[f] !== t[f]);
      out.parts.push({ label, credit: (SEGMENT_FIELDS.length - wrong.length) / SEGMENT_FIELDS.length });
      if (wrong.length === 0) continue;
      out.correct = false;
      const cause = causeOfSend(q.trace, wire[given + k].index);
      const fields = wrong.map((f) => FIELD_LABELS[f]);
      out.messages.push(
        cause
          ? msg("feedback.segments.wrongBecause", {
              n: number,
              said: describeSend(s),
              actual: describeSend(t),
              cause: describeEvent(cause),
              fields,
            })
          : msg("feedback.segments.wrong", { n: number, said: describeSend(s), actual: describeSend(t), fields }),
      );
      const sent = wire[given + k];
      out.firstMistake ??= {
        said: describeSend(s),
        actual: describeSend(t),
        key: {
          kind: "segments",
          role: roleOf(q.trace, sent.segment.from, phaseAt(q.trace, sent.index)),
          actual: t.flags,
          said: s.flags || "none",
          fields: [...wrong],
          retransmission: Boolean(sent.segment.retransmission),
        },
        ...(cause ? { cause: describeEvent(cause), eventIndex: q.trace.events.indexOf(cause) } : {}),
      };
    }
    if (out.correct) out.messages.push(msg("feedback.segments.right", { count: truth.length }));
    return out;
  },

  cases(q) {
    const truth = expected(q).segments;
    const [first, ...rest] = truth;
    return {
      correct: [{ segments: truth }, { segments: truth.map(reordered) }],
      incorrect: [
        { segments: [{ ...first, seq: first.seq === 0 ? 1 : (first.seq ?? 1) - 1 }, ...rest] },
        { segments: [...truth, truth.at(-1)] },
        { segments: truth.slice(1) },
        {},
      ],
      invalid: [
        { segments: [{ ...first, flags: "SYN+SYN" }, ...rest] },
        { segments: [{ ...first, from: "router" }, ...rest] },
        { segments: [{ ...first, seq: -1 }, ...rest] },
        { segments: "SYN, SYN+ACK, ACK" },
      ],
    };
  },
};
