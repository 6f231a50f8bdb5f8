// The trace: what happened, in order. The grader replays it and the ladder diagram
// draws it, so every state change names its cause event and the rule behind it.
import type { CallName, EndpointName } from "./scenario";
import type { RuleId } from "./transitions";

export const STATES = [
  "CLOSED",
  "LISTEN",
  "SYN_SENT",
  "SYN_RECEIVED",
  "ESTABLISHED",
  "FIN_WAIT_1",
  "FIN_WAIT_2",
  "CLOSE_WAIT",
  "CLOSING",
  "LAST_ACK",
  "TIME_WAIT",
] as const;
export type State = (typeof STATES)[number];

/** A segment as it appears in the trace. `ack` is 0 when the ACK flag is off. */
export interface SegmentView {
  readonly id: number;
  readonly from: EndpointName;
  readonly to: EndpointName;
  readonly flags: string;
  readonly seq: number;
  readonly ack: number;
  readonly len: number;
  /** A stray segment from the scenario's `inject` list, not sent by the endpoint. */
  readonly injected?: true;
  /** Sent again by the retransmission timer. */
  readonly retransmission?: true;
}

export type TimerName = "retransmit" | "time-wait" | "fin-wait-2" | "user-timeout" | "syn-queue" | "delayed-ack";

/**
 * Why a call was refused: the RFC's own error text (RFC 9293 §3.10, "error: connection does not
 * exist"), or the socket API's for accept(). describe.ts gives each its words in the catalogs.
 */
export type CallError =
  | "connection does not exist"
  | "connection already exists"
  | "not listening"
  | "no connection is waiting (accept would block)"
  | "foreign socket unspecified"
  | "connection closing";

/** What the application is told, as an id; its words are the catalogs' `tcp.signal.<id>`. */
export type SignalId =
  | "connection-reset"
  | "connection-reset-refused"
  | "connection-reset-unread-data"
  | "connection-reset-data-after-close"
  | "connection-refused"
  | "connection-closing"
  | "connection-aborted-user-timeout"
  | "connection-timed-out";

export type TraceEvent =
  | {
      readonly t: number;
      readonly endpoint: EndpointName;
      readonly type: "call";
      readonly call: CallName;
      readonly bytes?: number;
      /** Set when the call is not legal in the current state; nothing changed. */
      readonly error?: CallError;
    }
  | { readonly t: number; readonly endpoint: EndpointName; readonly type: "send"; readonly segment: SegmentView }
  | { readonly t: number; readonly endpoint: EndpointName; readonly type: "receive"; readonly segment: SegmentView }
  | {
      readonly t: number;
      readonly endpoint: EndpointName;
      readonly type: "drop";
      readonly segment: SegmentView;
      /** "network": lost in flight (endpoint = the sender); otherwise why the receiver discarded it. */
      readonly reason: "network" | "syn-queue-full" | "accept-queue-full";
    }
  | {
      readonly t: number;
      readonly endpoint: EndpointName;
      readonly type: "delay";
      readonly segment: SegmentView;
      readonly byMs: number;
    }
  | {
      readonly t: number;
      readonly endpoint: EndpointName;
      readonly type: "duplicate";
      readonly segment: SegmentView;
      readonly afterMs: number;
    }
  | { readonly t: number; readonly endpoint: EndpointName; readonly type: "timer"; readonly timer: TimerName }
  | {
      readonly t: number;
      readonly endpoint: EndpointName;
      readonly type: "signal";
      /** What the application is told: a connection reset, refused, closing, timed out. */
      readonly signal: SignalId;
    }
  | {
      readonly t: number;
      readonly endpoint: EndpointName;
      readonly type: "state";
      readonly from: State;
      readonly to: State;
      /** Not the last change one step made to this endpoint, e.g. the ESTABLISHED of SYN_RECEIVED + FIN (docs/engine.md). */
      readonly transient: boolean;
      /**
       * The rule of lib/tcp/transitions.ts that made the change. The transition explained in one
       * plain sentence, for feedback, is the catalogs' `rules.<ruleId>` (ruleReason in describe.ts).
       */
      readonly ruleId: RuleId;
      /** The RFC section or profile that justifies the transition. */
      readonly rule: string;
      /** Index in the trace of the event that caused it (a receive, timer or call). */
      readonly cause: number;
    };

export type StateEvent = Extract<TraceEvent, { type: "state" }>;

export interface Trace {
  readonly events: readonly TraceEvent[];
  /** Where each endpoint is when the run ends. */
  readonly final: Readonly<Record<EndpointName, State>>;
  /** Time of the last event. */
  readonly endMs: number;
}

/**
 * The states one endpoint passes through, starting with CLOSED. Transient states
 * (the first of two transitions caused by one segment) are left out unless asked.
 */
export function stateSequence(trace: Trace, endpoint: EndpointName, options: { includeTransient?: boolean } = {}): State[] {
  const states: State[] = ["CLOSED"];
  for (const event of trace.events) {
    if (event.type !== "state" || event.endpoint !== endpoint) continue;
    if (event.transient && !options.includeTransient) continue;
    states.push(event.to);
  }
  return states;
}

/** The state an endpoint is in at time t (after every event at t). */
export function stateAt(trace: Trace, endpoint: EndpointName, t: number): State {
  let state: State = "CLOSED";
  for (const event of trace.events) {
    if (event.t > t) break;
    if (event.type === "state" && event.endpoint === endpoint) state = event.to;
  }
  return state;
}

// ---------------------------------------------------------------- queries on the wire

export interface WireSegment {
  /** Index of the send event in the trace. */
  index: number;
  sentAt: number;
  segment: SegmentView;
  /** Lost in the network. */
  lost: boolean;
}

/** Every segment the endpoints sent, in order (retransmissions included, injected ones not). */
export function wireSegments(trace: Trace): WireSegment[] {
  const lost = new Set<number>();
  for (const e of trace.events) if (e.type === "drop" && e.reason === "network") lost.add(e.segment.id);
  const out: WireSegment[] = [];
  trace.events.forEach((e, index) => {
    if (e.type === "send") out.push({ index, sentAt: e.t, segment: e.segment, lost: lost.has(e.segment.id) });
  });
  return out;
}

// The events one step of an endpoint produces after its send: they belong to the same step.
const STEP_EFFECTS = new Set<TraceEvent["type"]>(["send", "state", "signal", "drop", "delay", "duplicate"]);

/** The sender's state right after the step in which it sent the segment at `index`. */
export function stateAfterSend(trace: Trace, index: number): State {
  const send = trace.events[index];
  let state: State = "CLOSED";
  for (let i = 0; i <= index; i++) {
    const e = trace.events[i];
    if (e.type === "state" && e.endpoint === send.endpoint) state = e.to;
  }
  for (let i = index + 1; i < trace.events.length && STEP_EFFECTS.has(trace.events[i].type); i++) {
    const e = trace.events[i];
    if (e.type === "drop" && e.reason !== "network") break;
    if (e.type === "state" && e.endpoint === send.endpoint) state = e.to;
  }
  return state;
}

/** When the endpoint first enters `state` and when it next leaves it (null: never). */
export function stateSpan(trace: Trace, endpoint: EndpointName, state: State): { enter: number; leave: number | null } | null {
  let enter: number | null = state === "CLOSED" ? 0 : null;
  for (const e of trace.events) {
    if (e.type !== "state" || e.endpoint !== endpoint) continue;
    if (enter === null && e.to === state) enter = e.t;
    else if (enter !== null && e.from === state) return { enter, leave: e.t };
  }
  return enter === null ? null : { enter, leave: null };
}
