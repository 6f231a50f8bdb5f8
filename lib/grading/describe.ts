// Trace events in words a student reads.
import { renderSegment } from "./segment-text";
import type { TraceEvent, Trace, StateEvent } from "../tcp";

const TIMER_LABEL: Record<string, string> = {
  retransmit: "retransmission",
  "time-wait": "TIME_WAIT (2*MSL)",
  "fin-wait-2": "FIN_WAIT_2",
  "user-timeout": "user timeout",
  "syn-queue": "SYN-queue",
  "delayed-ack": "delayed-ACK",
};

export function describeEvent(e: TraceEvent): string {
  switch (e.type) {
    case "receive":
      return `t = ${e.t} ms: the ${e.endpoint} receives ${renderSegment(e.segment)}${e.segment.injected ? " (a stray segment from the network)" : ""}`;
    case "timer":
      return `t = ${e.t} ms: the ${e.endpoint}'s ${TIMER_LABEL[e.timer] ?? e.timer} timer expires`;
    case "call":
      return `t = ${e.t} ms: the ${e.endpoint}'s application calls ${e.call}()`;
    case "send":
      return `t = ${e.t} ms: the ${e.endpoint} sends ${renderSegment(e.segment)}`;
    default:
      return `t = ${e.t} ms`;
  }
}

/** "t = …: cause — reason" for a state change, with its rule. */
export function explainStateChange(trace: Trace, event: StateEvent): { cause: string; reason: string; rule: string } {
  return { cause: describeEvent(trace.events[event.cause]), reason: event.reason, rule: event.rule };
}

/** The event that made an endpoint send the segment at `index` (the start of that step). */
export function causeOfSend(trace: Trace, index: number): TraceEvent | null {
  for (let i = index - 1; i >= 0; i--) {
    const e = trace.events[i];
    if (e.type === "receive" || e.type === "timer" || e.type === "call") return e;
  }
  return null;
}
