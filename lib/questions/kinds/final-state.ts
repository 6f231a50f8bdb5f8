// "final-state": where each endpoint is at time `atMs`, or when everything has settled.
// Credit per endpoint.
import { z } from "zod";
import { stateAt, type EndpointName, type State } from "../../tcp";
import { askedEndpoints, endpointMask, endpoints, orBlank, stateName } from "./fields";
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
    const at = q.template.ask.atMs !== undefined ? `at t = ${q.template.ask.atMs} ms` : "at the end";
    for (const endpoint of Object.keys(truth) as EndpointName[]) {
      const right = said[endpoint] === truth[endpoint];
      out.parts.push({ label: endpoint, credit: right ? 1 : 0 });
      if (right) {
        out.messages.push(`The ${endpoint} is in ${truth[endpoint]} ${at}: right.`);
        continue;
      }
      out.correct = false;
      out.messages.push(
        `${said[endpoint] ? `You said the ${endpoint} is in ${said[endpoint]}` : `You gave no state for the ${endpoint}`} ${at}; it is in ${truth[endpoint]}.`,
      );
      out.firstMistake ??= { said: `${endpoint} in ${said[endpoint]}`, actual: `${endpoint} in ${truth[endpoint]}` };
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
