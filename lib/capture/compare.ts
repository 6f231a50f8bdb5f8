// A capture against the engine's trace of its reconstructed scenario, segment by
// segment: each side's segments in order, with the same flags, seq, ack and length,
// seen at about the same time from where the capture was taken. Why two segments differ
// is a list of catalog messages (namespace `capture.compare`), rendered in the reader's
// language where it is shown.
import { msg, type Msg } from "../i18n/msg";
import type { Trace } from "../tcp";
import type { CaptureSegment } from "./connections";
import type { Reconstruction } from "./reconstruct";

export interface EngineSegment {
  readonly t: number;
  readonly from: "client" | "server";
  readonly flags: string;
  readonly seq: number;
  readonly ack: number;
  readonly len: number;
  readonly lost: boolean;
}

export interface SegmentComparison {
  /** The capture's segment (null: only the engine sent it). */
  readonly capture: CaptureSegment | null;
  /** The engine's segment as the capture point would see it (null: only the capture has it). */
  readonly engine: EngineSegment | null;
  readonly agree: boolean;
  /** Why they differ, one message per difference; empty when they agree. */
  readonly reasons: readonly Msg[];
}

/** How far apart the capture and the engine may see the same segment, in ms. */
export const TIME_TOLERANCE_MS = 50;

export function compareCapture(segments: readonly CaptureSegment[], trace: Trace, reconstruction: Reconstruction): SegmentComparison[] {
  const { vantage, latencyMs, originMs } = reconstruction;
  const lost = new Set<number>();
  for (const e of trace.events) if (e.type === "drop" && e.reason === "network") lost.add(e.segment.id);
  const engine = { client: [] as EngineSegment[], server: [] as EngineSegment[] };
  for (const e of trace.events) {
    if (e.type !== "send") continue;
    const s = e.segment;
    // In capture time: the vantage side's segments as they leave, the other's one latency later.
    const t = e.t + originMs + (s.from === vantage ? 0 : latencyMs);
    engine[s.from].push({ t, from: s.from, flags: s.flags, seq: s.seq, ack: s.ack, len: s.len, lost: lost.has(s.id) });
  }
  // A segment lost before the capture point is not in the capture; one lost after it is.
  const visible = (from: "client" | "server", x: EngineSegment) => !x.lost || from === vantage;
  const next = { client: 0, server: 0 };
  const rows: SegmentComparison[] = [];
  for (const c of segments) {
    const list = engine[c.from];
    while (next[c.from] < list.length && !visible(c.from, list[next[c.from]])) next[c.from]++;
    const e = list[next[c.from]] ?? null;
    if (e) next[c.from]++;
    const reasons = differences(c, e);
    rows.push({ capture: c, engine: e, agree: reasons.length === 0, reasons });
  }
  for (const from of ["client", "server"] as const) {
    for (const e of engine[from].slice(next[from])) {
      if (!visible(from, e)) continue;
      rows.push({
        capture: null,
        engine: e,
        agree: false,
        reasons: [msg("capture.compare.onlyEngine", { from, flags: e.flags, seq: plain(e.seq) })],
      });
    }
  }
  return rows;
}

/** Sequence numbers are shown as the wire has them, without a thousands separator. */
const plain = (n: number) => String(n);

function differences(c: CaptureSegment, e: EngineSegment | null): Msg[] {
  if (!e) return [msg("capture.compare.engineSendsNothing", { from: c.from })];
  const out: Msg[] = [];
  if (c.flags !== e.flags) out.push(msg("capture.compare.flags", { capture: c.flags, engine: e.flags }));
  if (c.seq !== e.seq) out.push(msg("capture.compare.seq", { capture: plain(c.seq), engine: plain(e.seq) }));
  if (c.ack !== e.ack) out.push(msg("capture.compare.ack", { capture: plain(c.ack), engine: plain(e.ack) }));
  if (c.len !== e.len) out.push(msg("capture.compare.len", { capture: c.len, engine: e.len }));
  if (Math.abs(c.tMs - e.t) > TIME_TOLERANCE_MS) {
    out.push(msg("capture.compare.time", { capture: c.tMs.toFixed(1), engine: e.t.toFixed(1), tolerance: TIME_TOLERANCE_MS }));
  }
  return out;
}
