// Segments of one connection in a form both the kernel's packets and the engine's
// trace reduce to: who sent it, when, its flags, and seq/ack relative to the ISNs.
import type { EndpointName, State, Trace } from "../tcp";

export interface WireSegment {
  /** Milliseconds from the start of the run. */
  readonly t: number;
  readonly from: EndpointName;
  readonly flags: string;
  readonly seq: number;
  /** 0 when the ACK flag is off. */
  readonly ack: number;
  readonly len: number;
  /** Lost in flight (the network dropped it after it was sent). */
  readonly dropped: boolean;
}

/** A segment with seq and ack counted from the ISNs of the connection. */
export interface RelativeSegment extends WireSegment {
  /** The sender had sent a SYN, so seq is relative; otherwise it is the raw number. */
  readonly seqRelative: boolean;
  readonly ackRelative: boolean;
}

export interface StateChange {
  readonly t: number;
  readonly state: State;
}

const MOD = 2 ** 32;

/**
 * Rewrites seq and ack relative to each side's ISN, taken from the first SYN it sent
 * (a side that never sent a SYN, like a refusing server, keeps its raw numbers, as
 * tcpdump does).
 */
export function relativeSegments(segments: readonly WireSegment[]): RelativeSegment[] {
  const isn: Partial<Record<EndpointName, number>> = {};
  for (const s of segments) {
    if (s.flags.split("+").includes("SYN") && isn[s.from] === undefined) isn[s.from] = s.seq;
  }
  return segments.map((s) => {
    const to: EndpointName = s.from === "client" ? "server" : "client";
    const own = isn[s.from];
    const peer = isn[to];
    const hasAck = s.flags.split("+").includes("ACK");
    return {
      ...s,
      seq: own === undefined ? s.seq : (s.seq - own + MOD) % MOD,
      seqRelative: own !== undefined,
      ack: !hasAck ? 0 : peer === undefined ? s.ack : (s.ack - peer + MOD) % MOD,
      ackRelative: hasAck && peer !== undefined,
    };
  });
}

/** The engine's segments from a trace: every segment sent (not injected), with losses marked. */
export function engineSegments(trace: Trace): WireSegment[] {
  const lost = new Set<number>();
  for (const e of trace.events) if (e.type === "drop" && e.reason === "network") lost.add(e.segment.id);
  const out: WireSegment[] = [];
  for (const e of trace.events) {
    if (e.type !== "send") continue;
    const s = e.segment;
    out.push({ t: e.t, from: s.from, flags: s.flags, seq: s.seq, ack: s.ack, len: s.len, dropped: lost.has(s.id) });
  }
  return out;
}

/** The engine's state changes for one endpoint, transient states included, from CLOSED. */
export function engineStates(trace: Trace, endpoint: EndpointName): StateChange[] {
  const out: StateChange[] = [{ t: 0, state: "CLOSED" }];
  for (const e of trace.events) if (e.type === "state" && e.endpoint === endpoint) out.push({ t: e.t, state: e.to });
  return out;
}

/** A segment as one short line: "c›SYN 0 @10", "s›SYN+ACK 0/1 @60", "c›PSH+ACK 1/1 len 100 @500 (lost)". */
export function formatSegment(s: RelativeSegment): string {
  const who = s.from === "client" ? "c›" : "s›";
  const ack = s.flags.split("+").includes("ACK") ? `/${s.ack}` : "";
  const len = s.len > 0 ? ` len ${s.len}` : "";
  return `${who}${s.flags} ${s.seq}${ack}${len} @${Math.round(s.t)}${s.dropped ? " (lost)" : ""}`;
}
