// Segments and trace events in words: one wording for the ladder, the feedback and the
// timeline, so a student reads the same thing everywhere. Events become catalog messages
// (namespace `tcp`) that render in the reader's language; a segment stays in RFC notation,
// which reads the same in every language.
import { msg, type MessageKey, type Msg } from "../i18n/msg";
import type { EndpointName } from "./scenario";
import type { CallError, SignalId, TimerName, TraceEvent } from "./trace";
import type { RuleId } from "./transitions";

/** "FIN+ACK seq=1001 ack=5002 len=100": the ack only when ACK is set, len only when there is data. */
export function describeSegment(s: { flags: string; seq: number; ack: number; len?: number }): string {
  let text = `${s.flags} seq=${s.seq}`;
  if (s.flags.includes("ACK")) text += ` ack=${s.ack}`;
  if (s.len) text += ` len=${s.len}`;
  return text;
}

const ENDPOINT: Record<EndpointName, Msg> = { client: msg("tcp.endpoint.client"), server: msg("tcp.endpoint.server") };

/** "client" / "客户端". */
export function endpointName(endpoint: EndpointName): Msg {
  return ENDPOINT[endpoint];
}

const TIMER: Record<TimerName, MessageKey> = {
  retransmit: "tcp.timer.retransmit",
  "time-wait": "tcp.timer.time-wait",
  "fin-wait-2": "tcp.timer.fin-wait-2",
  "user-timeout": "tcp.timer.user-timeout",
  "syn-queue": "tcp.timer.syn-queue",
  "delayed-ack": "tcp.timer.delayed-ack",
};

const DISCARD: Record<"syn-queue-full" | "accept-queue-full", MessageKey> = {
  "syn-queue-full": "tcp.discard.syn-queue-full",
  "accept-queue-full": "tcp.discard.accept-queue-full",
};

const CALL_ERROR: Record<CallError, MessageKey> = {
  "connection does not exist": "tcp.callError.connection-does-not-exist",
  "connection already exists": "tcp.callError.connection-already-exists",
  "not listening": "tcp.callError.not-listening",
  "no connection is waiting (accept would block)": "tcp.callError.accept-would-block",
  "foreign socket unspecified": "tcp.callError.foreign-socket-unspecified",
  "connection closing": "tcp.callError.connection-closing",
};

const SIGNAL: Record<SignalId, MessageKey> = {
  "connection-reset": "tcp.signal.connection-reset",
  "connection-reset-refused": "tcp.signal.connection-reset-refused",
  "connection-reset-unread-data": "tcp.signal.connection-reset-unread-data",
  "connection-reset-data-after-close": "tcp.signal.connection-reset-data-after-close",
  "connection-refused": "tcp.signal.connection-refused",
  "connection-closing": "tcp.signal.connection-closing",
  "connection-aborted-user-timeout": "tcp.signal.connection-aborted-user-timeout",
  "connection-timed-out": "tcp.signal.connection-timed-out",
};

/** Why a call was refused: "connection does not exist". */
export function callErrorText(error: CallError): Msg {
  return msg(CALL_ERROR[error]);
}

/** What the application is told: "connection reset". */
export function signalText(signal: SignalId): Msg {
  return msg(SIGNAL[signal]);
}

/** A transition explained in one plain sentence (lib/tcp/transitions.ts names the rule). */
export function ruleReason(ruleId: RuleId): Msg {
  return msg(`rules.${ruleId}`);
}

/** What happened, as a sentence fragment without the time: "the server receives SYN seq=100". */
export function describeEvent(e: TraceEvent): Msg {
  const endpoint = ENDPOINT[e.endpoint];
  switch (e.type) {
    case "call":
      return e.error
        ? msg("tcp.event.callRefused", { endpoint, call: e.call, error: callErrorText(e.error) })
        : msg("tcp.event.call", { endpoint, call: e.call });
    case "send":
      return msg(e.segment.retransmission ? "tcp.event.sendRetransmission" : "tcp.event.send", {
        endpoint,
        segment: describeSegment(e.segment),
      });
    case "receive":
      return msg(e.segment.injected ? "tcp.event.receiveInjected" : "tcp.event.receive", {
        endpoint,
        segment: describeSegment(e.segment),
      });
    case "drop":
      return e.reason === "network"
        ? msg("tcp.event.lost", { endpoint, segment: describeSegment(e.segment) })
        : msg("tcp.event.discard", { endpoint, segment: describeSegment(e.segment), reason: msg(DISCARD[e.reason]) });
    case "delay":
      return msg("tcp.event.delay", { segment: describeSegment(e.segment), ms: e.byMs });
    case "duplicate":
      return msg("tcp.event.duplicate", { segment: describeSegment(e.segment), ms: e.afterMs });
    case "timer":
      return msg(TIMER[e.timer], { endpoint });
    case "signal":
      return msg("tcp.event.signal", { endpoint, signal: signalText(e.signal) });
    case "state":
      return msg(e.transient ? "tcp.event.stateTransient" : "tcp.event.state", { endpoint, from: e.from, to: e.to });
  }
}
