// "states": the state sequence of one or both endpoints, from CLOSED on. Transient states
// (the first of two transitions one segment causes) may be listed or left out.
import { z } from "zod";
import { msg, type Msg, type Text } from "../../i18n/msg";
import { STATES, stateSequence, type EndpointName, type State, type StateEvent, type Trace } from "../../tcp";
import { alignmentCredit, firstDivergence, prefixCredit, type TruthStep } from "../compare/align";
import { explainStateChange, sentence, sentences } from "../compare/explain";
import { checkKeyStates, weighKeyStates } from "../compare/key-states";
import { endpointName } from "../segment-words";
import { askedEndpoints, endpointMask, endpoints, says, shortText, stateName } from "./fields";
import { phaseOf, roleOf } from "../mistake-key";
import type { AnswerKind, Comparison, FirstMistake, InstanceOf } from "./kind";

export const ask = z.object({ kind: z.literal("states"), endpoints }).strict();

export interface Format {
  kind: "states";
  endpoints: EndpointName[];
}

const stateList = z.array(stateName).max(40).default([]);
export type Answer = { states: Partial<Record<EndpointName, z.output<typeof stateList>>> };

const draftList = z.array(shortText).max(40).optional();
const draftStates = z.object({ client: draftList, server: draftList }).strict();
const DraftSchema = z.object({ states: draftStates }).strict();
export type Draft = z.infer<typeof DraftSchema>;

type Step = TruthStep<State> & { event: StateEvent | null };

/** The true sequence of an endpoint, transient steps marked, each with its state event. */
function truthSteps(trace: Trace, endpoint: EndpointName): Step[] {
  const steps: Step[] = [{ state: "CLOSED", transient: false, event: null }];
  for (const e of trace.events)
    if (e.type === "state" && e.endpoint === endpoint) steps.push({ state: e.to, transient: e.transient, event: e });
  return steps;
}

function describeStateMistake(
  trace: Trace,
  endpoint: EndpointName,
  truth: Step[],
  predicted: State[],
  i: number,
  j: number,
): { text: Text; detail: FirstMistake } {
  const name = endpointName(endpoint);
  const previous = j > 0 ? predicted[j - 1] : null;
  if (i >= truth.length) {
    // The truth ended; the student went on.
    const last = truth[truth.length - 1].state;
    return {
      text: msg("feedback.states.stays", { last, endpoint: name, said: predicted[j] }),
      detail: {
        said: `${last} → ${predicted[j]}`,
        actual: msg("feedback.states.staysIn", { state: last }),
        key: {
          kind: "states",
          role: roleOf(trace, endpoint, phaseOf(truth.map((s) => s.state))),
          after: last,
          said: predicted[j],
          actual: "end",
        },
      },
    };
  }
  const step = truth[i];
  const explanation = step.event ? explainStateChange(trace, step.event) : null;
  const because = (text: Msg): Text => (explanation ? sentences(text, sentence(explanation)) : text);
  let text: Text;
  let said: Text;
  if (predicted.length === 0) {
    said = msg("feedback.nothing");
    const next = truth[1]?.state;
    text = next ? msg("feedback.states.none", { endpoint: name, next }) : msg("feedback.states.noneAtAll", { endpoint: name });
  } else if (i === 0) {
    said = predicted[0];
    text = msg("feedback.states.start", { endpoint: name, said: predicted[0] });
  } else if (j >= predicted.length) {
    said = msg("feedback.states.stopsAt", { state: previous ?? msg("feedback.nothing") });
    text = because(msg("feedback.states.stopped", { previous: previous ?? msg("feedback.nothing"), endpoint: name, actual: step.state }));
  } else {
    said = predicted[j];
    text = because(
      msg("feedback.states.wrong", {
        previous: previous ?? msg("feedback.nothing"),
        endpoint: name,
        said: predicted[j],
        actual: step.state,
      }),
    );
  }
  // The states before the divergence and the true one there decide the phase (opening or closing).
  const phase = phaseOf([...truth.slice(0, i + 1).map((s) => s.state), predicted[j]]);
  return {
    text,
    detail: {
      said,
      actual: step.state,
      key: {
        kind: "states",
        role: roleOf(trace, endpoint, phase),
        after: previous,
        said: j < predicted.length ? predicted[j] : "none",
        actual: step.state,
      },
      ...(explanation
        ? { cause: explanation.cause, reason: explanation.reason, rule: explanation.rule, eventIndex: step.event!.cause }
        : {}),
    },
  };
}

const expected = (q: InstanceOf<"states">): { kind: "states" } & Answer => ({
  kind: "states",
  states: Object.fromEntries(q.template.ask.endpoints.map((e) => [e, stateSequence(q.trace, e)])),
});

export const states: AnswerKind<"states", Format, Answer, Draft> = {
  ask,
  defaultPolicy: "alignment",
  schemaKey: (a) => a.endpoints.join(","),
  answer: (a) =>
    z.object({
      states: askedEndpoints(stateList, a.endpoints, {
        error: says(msg("feedback.parse.statesOf", { endpoints: a.endpoints.map(endpointName) })),
      }),
    }),
  draft: (a) => DraftSchema.extend({ states: draftStates.pick(endpointMask(a.endpoints)) }),
  format: (q) => ({ kind: "states", endpoints: [...q.template.ask.endpoints] }),
  expected,

  compare(q, said, _truth, policy): Comparison {
    const out: Comparison = { correct: true, parts: [], messages: [] };
    for (const endpoint of q.template.ask.endpoints) {
      const truth = truthSteps(q.trace, endpoint);
      const predicted = said.states[endpoint] ?? [];
      const divergence = firstDivergence(truth, predicted);
      const credit =
        divergence === null
          ? 1
          : policy === "prefix"
            ? prefixCredit(truth, predicted)
            : policy === "alignment" || policy === "per-field"
              ? alignmentCredit(truth, predicted)
              : 0;
      // A right sequence holds every key state, so only a wrong one is weighed.
      const keys = divergence === null ? undefined : q.template.keyStates;
      const check = keys ? checkKeyStates(truth, predicted, keys.states) : undefined;
      out.parts.push({
        label: msg("feedback.parts.states", { endpoint: endpointName(endpoint) }),
        credit: keys && check ? weighKeyStates(credit, check, keys.weight) : credit,
      });
      if (divergence === null) {
        out.messages.push(msg("feedback.states.right", { endpoint: endpointName(endpoint), states: predicted.join(" → ") }));
        continue;
      }
      out.correct = false;
      const mistake = describeStateMistake(q.trace, endpoint, truth, predicted, divergence.truth, divergence.predicted);
      out.messages.push(mistake.text);
      if (keys && check?.missed.length)
        out.messages.push(
          msg("feedback.states.keyMissed", {
            endpoint: endpointName(endpoint),
            states: check.missed.join(", "),
            count: check.missed.length,
            share: keys.weight,
          }),
        );
      out.firstMistake ??= mistake.detail;
    }
    return out;
  },

  cases(q) {
    const truth = expected(q).states;
    const endpoint = q.template.ask.endpoints[0];
    const sequence = truth[endpoint] ?? [];
    const withTransient = Object.fromEntries(
      q.template.ask.endpoints.map((e) => [e, stateSequence(q.trace, e, { includeTransient: true })]),
    );
    return {
      correct: [
        { states: truth },
        { states: withTransient },
        // The spellings students use: lower case, dashes.
        { states: { ...truth, [endpoint]: sequence.map((s) => s.toLowerCase().replace(/_/g, "-")) } },
      ],
      incorrect: [
        // Going on after the last state is always a mistake (a transient state is never last).
        { states: { ...truth, [endpoint]: [...sequence, sequence.at(-1) === "CLOSED" ? "LISTEN" : "CLOSED"] } },
        { states: { ...truth, [endpoint]: sequence.slice(1) } },
        {},
      ],
      invalid: [
        { states: { ...truth, [endpoint]: [...sequence.slice(0, -1), "FIN_WAIT1"] } },
        { states: { [endpoint]: sequence.join(" ") } },
        { states: { [endpoint]: [STATES.length] } },
        "CLOSED SYN_SENT",
      ],
    };
  },
};
