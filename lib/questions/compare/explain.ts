// Trace events as messages a student reads, for the comparisons' feedback. Everything here
// is a catalog message with its parameters (lib/i18n/msg.ts), so feedback stored once reads
// in each reader's language.
import { describeEvent as describeTraceEvent } from "../../tcp/describe";
import type { TraceEvent, Trace, StateEvent } from "../../tcp";
import { msg, type MessageKey, type Msg, type Text } from "../../i18n/msg";

/**
 * What happened, without the time ("the server receives SYN seq=100"). The engine's wording
 * (lib/tcp/describe.ts) is a message of the `tcp` catalog, or, from an engine that still
 * words events in English, a string: both are Text, and both render.
 */
export function eventText(e: TraceEvent): Text {
  return describeTraceEvent(e);
}

/** The rule's reason in plain words: the catalog's `rules.<ruleId>` (a full sentence). */
export function ruleReason(e: StateEvent): Msg {
  return msg(`rules.${e.ruleId}` as MessageKey);
}

/** "t = 1050 ms: the server receives FIN+ACK seq=1001 ack=5002". */
export function describeEvent(e: TraceEvent): Msg {
  return msg("feedback.event", { t: e.t, event: eventText(e) });
}

export interface StateChangeExplanation {
  /** The event behind the change, with its time. */
  cause: Msg;
  /** The rule in plain words. */
  reason: Msg;
  /** Its citation, "RFC 9293 §3.10.7.4": the same in every language. */
  rule: string;
}

/** The cause, reason and citation of a state change. */
export function explainStateChange(trace: Trace, event: StateEvent): StateChangeExplanation {
  return { cause: describeEvent(trace.events[event.cause]), reason: ruleReason(event), rule: event.rule };
}

/** "t = 60 ms: the server receives SYN seq=100. A SYN arrived …. (RFC 9293 §3.10.7.2)". */
export function sentence(e: StateChangeExplanation): Msg {
  return msg("feedback.explanation", { cause: e.cause, reason: e.reason, rule: e.rule });
}

/** Two sentences, one after the other (with the space English puts between them, and Chinese does not). */
export function sentences(first: Text, ...rest: Text[]): Text {
  return rest.reduce<Text>((all, next) => msg("feedback.join", { first: all, second: next }), first);
}

/** The event that made an endpoint send the segment at `index` (the start of that step). */
export function causeOfSend(trace: Trace, index: number): TraceEvent | null {
  for (let i = index - 1; i >= 0; i--) {
    const e = trace.events[i];
    if (e.type === "receive" || e.type === "timer" || e.type === "call") return e;
  }
  return null;
}
