// "final-state": where each endpoint is at time `atMs`, or when everything has settled.
// Credit per endpoint.
import { z } from "zod";
import { msg } from "../../i18n/msg";
import { stateAt, stateSequence, type EndpointName, type State } from "../../tcp";
import { endpointName } from "../segment-words";
import { askedEndpoints, endpointMask, endpoints, orBlank, stateName } from "./fields";
import { phaseOf, roleOf } from "../mistake-key";
import type { AnswerKind, Comparison, InstanceOf } from "./kind";

export const ask = z.object({ kind: z.literal("final-state"), endpoints, atMs: z.number().int().min(0).optional() }).strict();

export interface Format {
  kind: "final-state";
  endpoints: EndpointName[];
  atMs: number | null;
}

const answerState = orBlank(stateName);
export type Answer = { states: Partial<Record<EndpointName, z.output<typeof answerState>>> };

const draftState = z.string().max(40).optional();
const draftStates = z.object({ client: draftState, server: draftState }).strict();
const DraftSchema = z.object({ states: draftStates }).strict();
export type Draft = z.infer<typeof DraftSchema>;

function expected(q: InstanceOf<"final-state">): { kind: "final-state" } & Answer {
  const { ask } = q.template;
  const at = ask.atMs ?? Number.MAX_SAFE_INTEGER;
  return { kind: "final-state", states: Object.fromEntries(ask.endpoints.map((e): [EndpointName, State] => [e, stateAt(q.trace, e, at)])) };
}

export const finalState: AnswerKind<"final-state", Format, Answer, Draft> = {
  ask,
  defaultPolicy: "per-field",
  schemaKey: (a) => a.endpoints.join(","),
  answer: (a) => z.object({ states: askedEndpoints(answerState, a.endpoints) }),
  draft: (a) => DraftSchema.extend({ states: draftStates.pick(endpointMask(a.endpoints)) }),
  format: ({ template: { ask } }) => ({ kind: "final-state", endpoints: [...ask.endpoints], atMs: ask.atMs ?? null }),
  expected,

  compare(q, { states: said }, { states: truth }): Comparison {
    const out: Comparison = { correct: true, parts: [], messages: [] };
    const when =
      q.template.ask.atMs !== undefined ? msg("feedback.finalState.at", { t: q.template.ask.atMs }) : msg("feedback.finalState.atEnd");
    for (const endpoint of Object.keys(truth) as EndpointName[]) {
      const right = said[endpoint] === truth[endpoint];
      const name = endpointName(endpoint);
      const actual = truth[endpoint] ?? "";
      out.parts.push({ label: name, credit: right ? 1 : 0 });
      if (right) {
        out.messages.push(msg("feedback.finalState.right", { endpoint: name, state: actual, when }));
        continue;
      }
      out.correct = false;
      const given = said[endpoint];
      out.messages.push(
        given
          ? msg("feedback.finalState.wrong", { endpoint: name, said: given, when, actual })
          : msg("feedback.finalState.none", { endpoint: name, when, actual }),
      );
      out.firstMistake ??= {
        said: msg("feedback.finalState.endpointIn", { endpoint: name, state: given ?? "" }),
        actual: msg("feedback.finalState.endpointIn", { endpoint: name, state: actual }),
        key: {
          kind: "final-state",
          role: roleOf(q.trace, endpoint, phaseOf([truth[endpoint] || null, given || null, ...stateSequence(q.trace, endpoint)])),
          said: given || "none",
          // The truth is never blank: expected() reads it from the trace.
          actual: truth[endpoint] || "CLOSED",
        },
      };
    }
    return out;
  },

  cases(q) {
    const truth = expected(q).states;
    const endpoint = q.template.ask.endpoints[0];
    const other: State = truth[endpoint] === "CLOSED" ? "LISTEN" : "CLOSED";
    return {
      correct: [{ states: truth }, { states: { ...truth, [endpoint]: truth[endpoint]?.toLowerCase().replace(/_/g, "-") } }],
      incorrect: [{ states: { ...truth, [endpoint]: other } }, { states: { ...truth, [endpoint]: "" } }, {}],
      invalid: [{ states: { ...truth, [endpoint]: "HALF_OPEN" } }, { states: { ...truth, [endpoint]: ["CLOSED"] } }, { states: "CLOSED" }],
    };
  },
};
