// Trace events in words a student reads, for the comparisons' feedback.
import { describeEvent as describeTraceEvent } from "../../tcp/describe";
import type { TraceEvent, Trace, StateEvent } from "../../tcp";

/** "t = 1050 ms: the server receives FIN+ACK seq=1001 ack=5002". */
export function describeEvent(e: TraceEvent): string {
  return `t = ${e.t} ms: ${describeTraceEvent(e)}`;
}

/** "t = …: cause — reason" for a state change, with its rule. */
export function explainStateChange(trace: Trace, event: StateEvent): { cause: string; reason: string; rule: string } {
  return { cause: describeEvent(trace.events[event.cause]), reason: event.reason, rule: event.rule };
}

/** "t = 60 ms: the server receives SYN seq=100. A SYN arrived …: … (RFC 9293 §3.10.7.2)." */
export function sentence(e: { cause: string; reason: string; rule: string }): string {
  return `${e.cause}. ${e.reason.replace(/\.$/, "")} (${e.rule}).`;
}

/** The event that made an endpoint send the segment at `index` (the start of that step). */
export function causeOfSend(trace: Trace, index: number): TraceEvent | null {
  for (let i = index - 1; i >= 0; i--) {
    const e = trace.events[i];
    if (e.type === "receive" || e.type === "timer" || e.type === "call") return e;
  }
  return null;
}
