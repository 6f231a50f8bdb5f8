// A capture against the engine's trace of its reconstructed scenario, segment by
// segment: each side's segments in order, with the same flags, seq, ack and length,
// seen at about the same time from where the capture was taken.
import type { Trace } from "../tcp";
import type { CaptureSegment } from "./connections";
import type { Reconstruction } from "./reconstruct";

export interface SegmentComparison {
  /** The capture's segment (null: only the engine sent it). */
  readonly capture: CaptureSegment | null;
  /** The engine's segment as the capture point would see it (null: only the capture has it). */
  readonly engine: {
    readonly t: number;
    readonly flags: string;
    readonly seq: number;
    readonly ack: number;
    readonly len: number;
    readonly lost: boolean;
  } | null;
  readonly agree: boolean;
  /** Why they differ; empty when they agree. */
  readonly reason: string;
}

/** How far apart the capture and the engine may see the same segment, in ms. */
export const TIME_TOLERANCE_MS = 50;

export function compareCapture(segments: readonly CaptureSegment[], trace: Trace, reconstruction: Reconstruction): SegmentComparison[] {
  const { vantage, latencyMs, originMs } = reconstruction;
  const lost = new Set<number>();
  for (const e of trace.events) if (e.type === "drop" && e.reason === "network") lost.add(e.segment.id);
  const engine = { client: [] as NonNullable<SegmentComparison["engine"]>[], server: [] as NonNullable<SegmentComparison["engine"]>[] };
  for (const e of trace.events) {
    if (e.type !== "send") continue;
    const s = e.segment;
    // In capture time: the vantage side's segments as they leave, the other's one latency later.
    const t = e.t + originMs + (s.from === vantage ? 0 : latencyMs);
    engine[s.from].push({ t, flags: s.flags, seq: s.seq, ack: s.ack, len: s.len, lost: lost.has(s.id) });
  }
  // A segment lost before the capture point is not in the capture; one lost after it is.
  const visible = (from: "client" | "server", x: NonNullable<SegmentComparison["engine"]>) => !x.lost || from === vantage;
  const next = { client: 0, server: 0 };
  const rows: SegmentComparison[] = [];
  for (const c of segments) {
    const list = engine[c.from];
    while (next[c.from] < list.length && !visible(c.from, list[next[c.from]])) next[c.from]++;
    const e = list[next[c.from]] ?? null;
    if (e) next[c.from]++;
    rows.push({ capture: c, engine: e, ...verdict(c, e) });
  }
  for (const from of ["client", "server"] as const) {
    for (const e of engine[from].slice(next[from])) {
      if (!visible(from, e)) continue;
      rows.push({ capture: null, engine: e, agree: false, reason: `only the engine's ${from} sends ${e.flags} seq ${e.seq}` });
    }
  }
  return rows;
}

function verdict(c: CaptureSegment, e: SegmentComparison["engine"]): { agree: boolean; reason: string } {
  if (!e) return { agree: false, reason: `the engine's ${c.from} sends nothing more` };
  const differences: string[] = [];
  if (c.flags !== e.flags) differences.push(`flags ${c.flags} in the capture, ${e.flags} in the engine`);
  if (c.seq !== e.seq) differences.push(`seq ${c.seq} in the capture, ${e.seq} in the engine`);
  if (c.ack !== e.ack) differences.push(`ack ${c.ack} in the capture, ${e.ack} in the engine`);
  if (c.len !== e.len) differences.push(`length ${c.len} in the capture, ${e.len} in the engine`);
  if (Math.abs(c.tMs - e.t) > TIME_TOLERANCE_MS) {
    differences.push(`seen at ${c.tMs.toFixed(1)} ms in the capture, ${e.t.toFixed(1)} ms in the engine`);
  }
  return { agree: differences.length === 0, reason: differences.join("; ") };
}
