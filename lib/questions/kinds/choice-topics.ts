// The conceptual questions of the choice kind: for each topic, the question, its options
// and the correct one, read off the trace (so options and answer follow the scenario).
import { msg, type Msg } from "../../i18n/msg";
import type { EndpointName, State, Trace } from "../../tcp";

export const CHOICE_TOPICS = ["time-wait-endpoint", "rst-sender", "connect-outcome", "segments-to-open", "segments-to-close"] as const;
export type ChoiceTopic = (typeof CHOICE_TOPICS)[number];

export interface ChoiceOption {
  id: string;
  label: Msg;
}

const BOTH = (client: boolean, server: boolean) => (client && server ? "both" : client ? "client" : server ? "server" : "neither");
const WHO: ChoiceOption[] = [
  { id: "client", label: msg("answers.choice.options.client") },
  { id: "server", label: msg("answers.choice.options.server") },
  { id: "both", label: msg("answers.choice.options.both") },
  { id: "neither", label: msg("answers.choice.options.neither") },
];

function entered(trace: Trace, endpoint: EndpointName, state: State): boolean {
  return trace.events.some((e) => e.type === "state" && e.endpoint === endpoint && e.to === state);
}

/** Segments sent from the first SYN until both endpoints are ESTABLISHED (null: they never are). */
function segmentsToOpen(trace: Trace): number | null {
  const est = { client: false, server: false };
  let count = 0;
  for (const e of trace.events) {
    if (e.type === "send") count++;
    if (e.type === "state" && e.to === "ESTABLISHED") est[e.endpoint] = true;
    if (est.client && est.server) return count;
  }
  return null;
}

/** Segments sent from the first FIN until both endpoints have left the connection. */
function segmentsToClose(trace: Trace): number | null {
  let started = false;
  let count = 0;
  for (const e of trace.events) {
    if (e.type === "send" && e.segment.flags.includes("FIN")) started = true;
    if (started && e.type === "send") count++;
  }
  return started ? count : null;
}

export interface Choice {
  question: Msg;
  options: ChoiceOption[];
  correct: string;
}

/** The multiple-choice question of a topic, with options and the correct one, from the trace. */
export function choiceFor(topic: ChoiceTopic, trace: Trace): Choice {
  switch (topic) {
    case "time-wait-endpoint":
      return {
        question: msg("answers.choice.questions.timeWaitEndpoint"),
        options: WHO,
        correct: BOTH(entered(trace, "client", "TIME_WAIT"), entered(trace, "server", "TIME_WAIT")),
      };
    case "rst-sender": {
      const sent = (who: EndpointName) =>
        trace.events.some((e) => e.type === "send" && e.endpoint === who && e.segment.flags.startsWith("RST"));
      return { question: msg("answers.choice.questions.rstSender"), options: WHO, correct: BOTH(sent("client"), sent("server")) };
    }
    case "connect-outcome": {
      const signal = trace.events.find((e) => e.type === "signal" && e.endpoint === "client");
      const established = entered(trace, "client", "ESTABLISHED");
      const correct = established
        ? "established"
        : signal?.type === "signal" && (signal.signal === "connection-timed-out" || signal.signal === "connection-aborted-user-timeout")
          ? "timeout"
          : signal
            ? "reset"
            : "waiting";
      return {
        question: msg("answers.choice.questions.connectOutcome"),
        options: [
          { id: "established", label: msg("answers.choice.options.established") },
          { id: "reset", label: msg("answers.choice.options.reset") },
          { id: "timeout", label: msg("answers.choice.options.timeout") },
          { id: "waiting", label: msg("answers.choice.options.waiting") },
        ],
        correct,
      };
    }
    case "segments-to-open":
    case "segments-to-close": {
      const n = topic === "segments-to-open" ? segmentsToOpen(trace) : segmentsToClose(trace);
      const counts = [2, 3, 4, 5, 6];
      const options: ChoiceOption[] = counts.map((c) => ({
        id: String(c),
        label: c === 6 ? msg("answers.choice.options.countOrMore", { count: c }) : msg("answers.choice.options.count", { count: c }),
      }));
      options.push({
        id: "never",
        label: topic === "segments-to-open" ? msg("answers.choice.options.neverOpens") : msg("answers.choice.options.nobodyCloses"),
      });
      const correct = n === null ? "never" : String(Math.min(Math.max(n, 2), 6));
      return {
        question:
          topic === "segments-to-open" ? msg("answers.choice.questions.segmentsToOpen") : msg("answers.choice.questions.segmentsToClose"),
        options,
        correct,
      };
    }
  }
}
