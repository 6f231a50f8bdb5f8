// The conceptual questions of the choice kind: for each topic, the question, its options
// and the correct one, read off the trace (so options and answer follow the scenario).
import type { EndpointName, State, Trace } from "../../tcp";

export const CHOICE_TOPICS = ["time-wait-endpoint", "rst-sender", "connect-outcome", "segments-to-open", "segments-to-close"] as const;
export type ChoiceTopic = (typeof CHOICE_TOPICS)[number];

export interface ChoiceOption {
  id: string;
  label: string;
}

const BOTH = (client: boolean, server: boolean) => (client && server ? "both" : client ? "client" : server ? "server" : "neither");
const WHO: ChoiceOption[] = [
  { id: "client", label: "Only the client" },
  { id: "server", label: "Only the server" },
  { id: "both", label: "Both endpoints" },
  { id: "neither", label: "Neither endpoint" },
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
  question: string;
  options: ChoiceOption[];
  correct: string;
}

/** The multiple-choice question of a topic, with options and the correct one, from the trace. */
export function choiceFor(topic: ChoiceTopic, trace: Trace): Choice {
  switch (topic) {
    case "time-wait-endpoint":
      return {
        question: "Which endpoint enters TIME_WAIT?",
        options: WHO,
        correct: BOTH(entered(trace, "client", "TIME_WAIT"), entered(trace, "server", "TIME_WAIT")),
      };
    case "rst-sender": {
      const sent = (who: EndpointName) =>
        trace.events.some((e) => e.type === "send" && e.endpoint === who && e.segment.flags.startsWith("RST"));
      return { question: "Which endpoint sends a RST segment?", options: WHO, correct: BOTH(sent("client"), sent("server")) };
    }
    case "connect-outcome": {
      const signal = trace.events.find((e) => e.type === "signal" && e.endpoint === "client");
      const established = entered(trace, "client", "ESTABLISHED");
      const correct = established
        ? "established"
        : signal?.type === "signal" && /timed out|timeout/.test(signal.message)
          ? "timeout"
          : signal
            ? "reset"
            : "waiting";
      return {
        question: "How does the client's connect() end?",
        options: [
          { id: "established", label: "The connection is established" },
          { id: "reset", label: "It fails at once: the connection is reset or refused" },
          { id: "timeout", label: "It fails after retrying: the attempt times out" },
          { id: "waiting", label: "It never finishes: the client is still waiting" },
        ],
        correct,
      };
    }
    case "segments-to-open":
    case "segments-to-close": {
      const n = topic === "segments-to-open" ? segmentsToOpen(trace) : segmentsToClose(trace);
      const counts = [2, 3, 4, 5, 6];
      const options: ChoiceOption[] = counts.map((c) => ({ id: String(c), label: c === 6 ? "6 or more segments" : `${c} segments` }));
      options.push({ id: "never", label: topic === "segments-to-open" ? "The connection never opens" : "Nobody closes" });
      const correct = n === null ? "never" : String(Math.min(Math.max(n, 2), 6));
      return {
        question:
          topic === "segments-to-open"
            ? "How many segments are sent until both endpoints are ESTABLISHED?"
            : "How many segments are sent from the first FIN to the end?",
        options,
        correct,
      };
    }
  }
}
