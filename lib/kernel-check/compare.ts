// Does the kernel do what the engine says? Segment by segment per sender (same flags,
// relative seq/ack, length and fate; sent at about the same time), and state by state
// per endpoint. Every difference is a sentence saying what differs.
import type { EndpointName } from "../tcp";
import type { RelativeSegment, StateChange } from "./segments";
import { formatSegment } from "./segments";

export interface Tolerance {
  /** Scheduling jitter of the programs on each side and of the relay, in ms. */
  readonly baseMs: number;
  /** The poller reads /proc/net/tcp this often: a state shorter than this may be missed. */
  readonly pollMs: number;
}

export const DEFAULT_TOLERANCE: Tolerance = { baseMs: 60, pollMs: 15 };

/** Kernel ticks at HZ=250. */
const TICK_MS = 4;

/**
 * How late Linux's timer wheel may fire a timer of this length: the wheel keeps 64
 * buckets per level, each level 8 times coarser (4 ms, 32 ms, 256 ms, 2.048 s, 16.4 s
 * at HZ=250), and a timer goes into the first level whose 64 buckets span it, so it may fire
 * up to one bucket late (a 60 s timer up to 2 s late), never early.
 */
export function timerSlackMs(delayMs: number): number {
  let granularity = TICK_MS;
  while (delayMs >= 64 * granularity && granularity < 16_384 * TICK_MS) granularity *= 8;
  return granularity;
}

function allowed(gapMs: number, tolerance: Tolerance): { early: number; late: number } {
  return { early: tolerance.baseMs, late: tolerance.baseMs + timerSlackMs(Math.max(0, gapMs)) };
}

function within(kernelT: number, engineT: number, gapMs: number, tolerance: Tolerance): boolean {
  const { early, late } = allowed(gapMs, tolerance);
  return kernelT >= engineT - early && kernelT <= engineT + late;
}

/** A segment both sent: when the kernel sent it and when the engine did. */
export interface Anchor {
  readonly kernelT: number;
  readonly engineT: number;
}

/**
 * The segments the kernel and the engine agree on (each sender's in order, up to the first
 * that differs), by the engine's time. Linux arms each timer when the segment before it
 * actually left, so its timer wheel's lateness adds up along a chain of retransmissions
 * (ten SYNs, each 20-30 ms late per second waited): an event is also on time when its wait
 * since the latest anchor before it is.
 */
export function segmentAnchors(kernel: readonly RelativeSegment[], engine: readonly RelativeSegment[]): Anchor[] {
  const anchors: Anchor[] = [];
  for (const from of ["client", "server"] as EndpointName[]) {
    const k = kernel.filter((s) => s.from === from);
    const e = engine.filter((s) => s.from === from);
    for (let i = 0; i < Math.min(k.length, e.length) && same(k[i], e[i]); i++) anchors.push({ kernelT: k[i].t, engineT: e[i].t });
  }
  return anchors.sort((a, b) => a.engineT - b.engineT);
}

/** The latest anchor the engine placed before `engineT` (or at it, when `atOrBefore`). */
function anchorBefore(anchors: readonly Anchor[], engineT: number, atOrBefore: boolean): Anchor | undefined {
  let found: Anchor | undefined;
  for (const a of anchors) if (a.engineT < engineT || (atOrBefore && a.engineT === engineT)) found = a;
  return found;
}

/** On time: at about the engine's time, or after about the engine's wait since an anchor. */
function onTime(kernelT: number, engineT: number, gapMs: number, tolerance: Tolerance, anchor: Anchor | undefined): boolean {
  if (within(kernelT, engineT, gapMs, tolerance)) return true;
  if (!anchor || anchor.kernelT > kernelT) return false;
  const wait = engineT - anchor.engineT;
  return within(kernelT - anchor.kernelT, wait, wait, tolerance);
}

const same = (a: RelativeSegment, b: RelativeSegment) =>
  a.flags === b.flags && a.seq === b.seq && a.ack === b.ack && a.len === b.len && a.dropped === b.dropped;

/** The differences between the segments each side sent in the kernel and in the engine. */
export function compareSegments(
  kernel: readonly RelativeSegment[],
  engine: readonly RelativeSegment[],
  tolerance: Tolerance = DEFAULT_TOLERANCE,
): string[] {
  const out: string[] = [];
  const anchors = segmentAnchors(kernel, engine);
  for (const from of ["client", "server"] as EndpointName[]) {
    const k = kernel.filter((s) => s.from === from);
    const e = engine.filter((s) => s.from === from);
    const n = Math.min(k.length, e.length);
    let i = 0;
    for (; i < n; i++) {
      if (!same(k[i], e[i])) {
        out.push(`${from} segment ${i + 1}: kernel ${formatSegment(k[i])}, engine ${formatSegment(e[i])}`);
        break;
      }
      const gap = e[i].t - (i > 0 ? e[i - 1].t : 0);
      const anchor = anchorBefore(
        anchors.filter((a) => a.engineT !== e[i].t || a.kernelT !== k[i].t),
        e[i].t,
        true,
      );
      if (!onTime(k[i].t, e[i].t, gap, tolerance, anchor)) {
        out.push(`${from} segment ${i + 1} (${e[i].flags}) sent at ${Math.round(k[i].t)} ms by the kernel, ${e[i].t} ms by the engine`);
      }
    }
    if (i < n) continue;
    if (k.length > n) out.push(`the kernel's ${from} sent ${k.length - n} more: ${k.slice(n).map(formatSegment).join(", ")}`);
    if (e.length > n) out.push(`the engine's ${from} sent ${e.length - n} more: ${e.slice(n).map(formatSegment).join(", ")}`);
  }
  return out;
}

/**
 * Aligns the kernel's polled states with the engine's. A state the engine holds for less
 * than the poll interval may be missing from the kernel's list; any other missing or
 * extra state is a difference, and so is a state entered at a time out of tolerance.
 */
export function compareStates(
  endpoint: EndpointName,
  kernel: readonly StateChange[],
  engine: readonly StateChange[],
  untilMs: number,
  tolerance: Tolerance = DEFAULT_TOLERANCE,
  anchors: readonly Anchor[] = [],
): string[] {
  const out: string[] = [];
  let k = 0;
  for (let i = 0; i < engine.length; i++) {
    const e = engine[i];
    const lasted = (i + 1 < engine.length ? engine[i + 1].t : untilMs) - e.t;
    if (k < kernel.length && kernel[k].state === e.state) {
      const gap = i > 0 ? e.t - engine[i - 1].t : 0;
      const polled = { ...tolerance, baseMs: tolerance.baseMs + tolerance.pollMs };
      if (i > 0 && !onTime(kernel[k].t, e.t, gap, polled, anchorBefore(anchors, e.t, true))) {
        out.push(`${endpoint} entered ${e.state} at ${Math.round(kernel[k].t)} ms in the kernel, ${e.t} ms in the engine`);
      }
      k++;
    } else if (lasted >= tolerance.pollMs) {
      const seen = kernel.slice(k).map((c) => c.state);
      out.push(
        `${endpoint}: the engine enters ${e.state} at ${e.t} ms; the kernel ${seen.length ? `goes on ${seen.join(" → ")}` : "has no more states"}`,
      );
      return out;
    }
  }
  if (k < kernel.length) {
    out.push(
      `${endpoint}: the kernel goes on ${kernel
        .slice(k)
        .map((c) => `${c.state} at ${Math.round(c.t)} ms`)
        .join(", ")}`,
    );
  }
  return out;
}

/** A state sequence as one line, "CLOSED → SYN_SENT@10 → ESTABLISHED@110". */
export function formatStates(changes: readonly StateChange[]): string {
  return changes.map((c, i) => (i === 0 ? c.state : `${c.state}@${Math.round(c.t)}`)).join(" → ");
}
