// Segments and trace events in words: one wording for the ladder, the feedback and the
// timeline, so a student reads the same thing everywhere.
import type { SegmentView, TraceEvent } from "./trace";

/** "FIN+ACK seq=1001 ack=5002 len=100": the ack only when ACK is set, len only when there is data. */
export function describeSegment(s: { flags: string; seq: number; ack: number; len?: number }): string {
  let text = `${s.flags} seq=${s.seq}`;
  if (s.flags.includes("ACK")) text += ` ack=${s.ack}`;
  if (s.len) text += ` len=${s.len}`;
  return text;
}

const TIMER_LABEL: Record<string, string> = {
  retransmit: "retransmission",
  "time-wait": "TIME_WAIT (2*MSL)",
  "fin-wait-2": "FIN_WAIT_2",
  "user-timeout": "user timeout",
  "syn-queue": "SYN-queue",
  "delayed-ack": "delayed-ACK",
};

const segment = (s: SegmentView) => describeSegment(s);

/** What happened, as a sentence fragment without the time: "the server receives SYN seq=100". */
export function describeEvent(e: TraceEvent): string {
  switch (e.type) {
    case "call":
      return `the ${e.endpoint}'s application calls ${e.call}()${e.error ? `, refused: ${e.error}` : ""}`;
    case "send":
      return `the ${e.endpoint} sends ${segment(e.segment)}${e.segment.retransmission ? " (retransmission)" : ""}`;
    case "receive":
      return `the ${e.endpoint} receives ${segment(e.segment)}${e.segment.injected ? " (a stray segment from the network)" : ""}`;
    case "drop":
      return e.reason === "network"
        ? `${segment(e.segment)} from the ${e.endpoint} is lost`
        : `the ${e.endpoint} discards ${segment(e.segment)}: ${e.reason.replace(/-/g, " ")}`;
    case "delay":
      return `${segment(e.segment)} is delayed ${e.byMs} ms`;
    case "duplicate":
      return `${segment(e.segment)} is duplicated; the copy arrives ${e.afterMs} ms later`;
    case "timer":
      return `the ${e.endpoint}'s ${TIMER_LABEL[e.timer] ?? e.timer} timer expires`;
    case "signal":
      return `the ${e.endpoint}'s application is told: ${e.message}`;
    case "state":
      return `the ${e.endpoint} goes from ${e.from} to ${e.to}${e.transient ? " (and on at once)" : ""}`;
  }
}
