// "time": when an endpoint leaves a state (ms since the start), or how long it stays in it;
// "never" when it does not leave. Right within the template's tolerance, or wrong.
import { z } from "zod";
import { msg, type Text } from "../../i18n/msg";
import { STATES, stateSpan, type EndpointName, type State, type StateEvent } from "../../tcp";
import { explainStateChange, sentence, sentences } from "../compare/explain";
import { endpointName } from "../segment-words";
import { TemplateError } from "../template-error";
import { endpoint, says } from "./fields";
import { phaseOf, roleOf } from "../mistake-key";
import type { AnswerKind, Comparison, InstanceOf } from "./kind";

export const ask = z
  .object({
    kind: z.literal("time"),
    endpoint,
    state: z.enum(STATES),
    measure: z.enum(["leave", "duration"]),
    /** Accept answers this close (ms). */
    toleranceMs: z.number().int().min(0).default(0),
  })
  .strict();

export interface Format {
  kind: "time";
  endpoint: EndpointName;
  state: State;
  measure: "leave" | "duration";
  unit: "ms";
}

const AnswerSchema = z.object({
  ms: z
    .union(
      [
        z.null(),
        z
          .number()
          .int(says(msg("feedback.parse.wholeMs")))
          .min(0, says(msg("feedback.parse.timeNegative"))),
        z.literal("never"),
      ],
      { error: says(msg("feedback.parse.time")) },
    )
    .default(null),
});
export type Answer = z.output<typeof AnswerSchema>;

const DraftSchema = z.object({ ms: z.union([z.number().int().min(0).max(1e12), z.literal("never")]).nullable() }).strict();
export type Draft = z.infer<typeof DraftSchema>;

function expected(q: InstanceOf<"time">): { kind: "time" } & Answer {
  const { ask } = q.template;
  const span = stateSpan(q.trace, ask.endpoint, ask.state);
  if (!span) throw new TemplateError(`${q.template.id}: with seed ${q.seed} the ${ask.endpoint} never enters ${ask.state}`);
  if (span.leave === null) return { kind: "time", ms: "never" };
  return { kind: "time", ms: ask.measure === "leave" ? span.leave : span.leave - span.enter };
}

export const time: AnswerKind<"time", Format, Answer, Draft> = {
  ask,
  defaultPolicy: "all-or-nothing",
  answer: () => AnswerSchema,
  draft: () => DraftSchema,
  format: ({ template: { ask } }) => ({ kind: "time", endpoint: ask.endpoint, state: ask.state, measure: ask.measure, unit: "ms" }),
  expected,

  compare(q, { ms: said }, { ms: truth }): Comparison {
    const { ask } = q.template;
    const tolerance = ask.toleranceMs;
    const right = said === truth || (typeof said === "number" && typeof truth === "number" && Math.abs(said - truth) <= tolerance);
    const parts = [{ label: msg("feedback.parts.time"), credit: right ? 1 : 0 }];
    const span = stateSpan(q.trace, ask.endpoint, ask.state);
    const leaving = q.trace.events.find(
      (e): e is StateEvent => e.type === "state" && e.endpoint === ask.endpoint && e.from === ask.state && e.t === span?.leave,
    );
    const explanation = leaving ? explainStateChange(q.trace, leaving) : null;
    const endpointText = endpointName(ask.endpoint);
    const actual =
      truth === "never" || truth === null
        ? msg("feedback.time.never", { endpoint: endpointText, state: ask.state })
        : ask.measure === "leave"
          ? msg("feedback.time.leaves", { endpoint: endpointText, state: ask.state, t: truth })
          : msg("feedback.time.stays", {
              endpoint: endpointText,
              state: ask.state,
              ms: truth,
              enter: span?.enter ?? 0,
              leave: span?.leave ?? 0,
            });
    const saidText =
      said === null
        ? msg("feedback.time.noTime")
        : said === "never"
          ? msg("feedback.time.saidNever")
          : msg("feedback.time.said", { ms: said });
    const value = (ms: number | "never" | null): Text =>
      ms === null ? msg("feedback.nothing") : ms === "never" ? msg("feedback.time.neverValue") : String(ms);
    return {
      correct: right,
      parts,
      messages: [
        right
          ? msg("feedback.time.right", { actual })
          : explanation
            ? sentences(saidText, actual, sentence(explanation))
            : sentences(saidText, actual),
      ],
      ...(right
        ? {}
        : {
            firstMistake: {
              said: value(said),
              actual: value(truth),
              key: {
                kind: "time",
                role: roleOf(q.trace, ask.endpoint, phaseOf([ask.state, leaving?.to])),
                state: ask.state,
                measure: ask.measure,
                error:
                  said === null
                    ? "none"
                    : said === "never"
                      ? "said-never"
                      : typeof truth !== "number"
                        ? "said-time"
                        : said < truth
                          ? "early"
                          : "late",
              },
              ...(explanation ? { ...explanation, eventIndex: leaving!.cause } : {}),
            },
          }),
    };
  },

  cases(q) {
    const { ms } = expected(q);
    const tolerance = q.template.ask.toleranceMs;
    if (typeof ms !== "number")
      return { correct: [{ ms }], incorrect: [{ ms: 0 }, { ms: 1000 }, {}], invalid: [{ ms: "forever" }, { ms: -1 }, { ms: 0.5 }] };
    return {
      correct: [{ ms }, { ms: ms + tolerance }],
      incorrect: [{ ms: ms + tolerance + 1 }, { ms: "never" }, ...(ms > tolerance ? [{ ms: ms - tolerance - 1 }] : []), {}],
      invalid: [{ ms: -1 }, { ms: ms + 0.5 }, { ms: String(ms) }, { ms: "later" }],
    };
  },
};
