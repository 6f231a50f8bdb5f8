// One captured connection as an engine scenario: the ISNs from the SYNs, the one-way
// latency from the handshake, the calls its SYNs, data and FINs imply, and the losses
// its retransmissions imply. Pure: segments in, scenario out. What it inferred is said as
// catalog messages (namespace `capture.notes`), for the reader's language.
import { msg, type Msg } from "../i18n/msg";
import type { EndpointName, Profile, ScenarioInput } from "../tcp";
import type { CaptureSegment } from "./connections";
import { CaptureError } from "./errors";

/** Where the capture was taken, as far as the handshake tells. */
export type Vantage = "client" | "server";

export interface Reconstruction {
  scenario: ScenarioInput;
  /** Half the SYN → SYN-ACK → ACK time, whole ms. */
  latencyMs: number;
  /** The side whose segments the capture sees as they leave (the other side's arrive latencyMs later). */
  vantage: Vantage;
  /** Capture time (ms from the connection's first packet) that is t = 0 of the scenario. */
  originMs: number;
  /** The vantage the handshake's timing points to (what `vantage` is unless the caller chose). */
  inferredVantage: Vantage;
  /** What was inferred and why, one message each. */
  notes: Msg[];
}

const has = (s: CaptureSegment, flag: string) => s.flags.split("+").includes(flag);
const MOD = 2 ** 32;
const seqLen = (s: CaptureSegment) => s.len + (has(s, "SYN") ? 1 : 0) + (has(s, "FIN") ? 1 : 0);
/** The connect call is at this scenario time, leaving room for the listen at 0. */
const CONNECT_AT = 10;

export interface ReconstructOptions {
  profile?: Profile;
  /** Where the capture was taken, when the caller knows better than the handshake's timing. */
  vantage?: Vantage;
}

export function reconstructScenario(segments: readonly CaptureSegment[], options: ReconstructOptions = {}): Reconstruction {
  const syn = segments.find((s) => s.from === "client" && s.flags === "SYN");
  if (!syn) {
    throw new CaptureError(
      "no-handshake",
      "the connection's opening SYN is not in the capture, so its ISNs and timing cannot be known; capture from before the connection opens",
    );
  }
  const synAck = segments.find((s) => s.from === "server" && s.flags === "SYN+ACK");
  const notes: Msg[] = [];
  let latencyMs = 0;
  let inferredVantage: Vantage = "client";
  if (synAck) {
    const ack = segments.find((s) => s.from === "client" && s.tMs > synAck.tMs && has(s, "ACK") && !has(s, "SYN"));
    if (ack) {
      latencyMs = Math.round((ack.tMs - syn.tMs) / 2);
      // Seen at the client, the round trip is SYN → SYN-ACK; seen at the server, SYN-ACK → ACK.
      inferredVantage = synAck.tMs - syn.tMs >= ack.tMs - synAck.tMs ? "client" : "server";
      notes.push(msg("capture.notes.latency", { latency: latencyMs, handshake: (ack.tMs - syn.tMs).toFixed(3) }));
      notes.push(msg("capture.notes.vantage", { vantage: inferredVantage }));
    } else {
      notes.push(msg("capture.notes.noHandshakeAck"));
    }
  }
  const vantage: Vantage = options.vantage ?? inferredVantage;
  if (vantage !== inferredVantage) notes.push(msg("capture.notes.vantageChosen", { vantage }));
  // Scenario time of a segment's sending: the capture sees the far side's segments one latency late.
  const sentAt = (s: CaptureSegment) => s.tMs - (s.from === vantage ? 0 : latencyMs);
  const originMs = sentAt(syn) - CONNECT_AT;
  const at = (s: CaptureSegment) => Math.max(0, Math.round(sentAt(s) - originMs));

  const actions: NonNullable<ScenarioInput["actions"]> = [];
  if (synAck) actions.push({ at: 0, endpoint: "server", call: "listen" });
  actions.push({ at: CONNECT_AT, endpoint: "client", call: "connect" });

  // The first copy of each piece of sequence space is a call (data: send, FIN: close);
  // a later copy is a retransmission, so something was lost.
  const seen = new Map<string, CaptureSegment>();
  const network: NonNullable<ScenarioInput["network"]> = [];
  for (const s of segments) {
    if (seqLen(s) === 0 || has(s, "SYN") || has(s, "RST")) {
      if (has(s, "SYN") && s !== syn && s !== synAck) retransmitted(s);
      continue;
    }
    const key = `${s.from} ${s.seq} ${s.len} ${has(s, "FIN")}`;
    if (seen.has(key)) {
      retransmitted(s, seen.get(key));
      continue;
    }
    seen.set(key, s);
    if (s.len > 0) actions.push({ at: at(s), endpoint: s.from, call: "send", bytes: s.len });
    if (has(s, "FIN")) actions.push({ at: at(s), endpoint: s.from, call: "close" });
  }

  function retransmitted(copy: CaptureSegment, first?: CaptureSegment): void {
    const original = first ?? segments.find((x) => x.from === copy.from && x.flags === copy.flags && x.seq === copy.seq);
    if (!original || original === copy) return;
    // If the peer acknowledged the first copy before the retransmission, the ACK was lost, not the copy.
    const end = (original.seq + seqLen(original)) % MOD;
    const ackOfIt = segments.find(
      (x) => x.from !== copy.from && x.tMs > original.tMs && x.tMs < copy.tMs && has(x, "ACK") && x.ack === end,
    );
    const lost = ackOfIt ?? original;
    const occurrence = occurrenceOf(lost);
    if (network.some((f) => f.match.from === lost.from && f.match.flags === lost.flags && f.match.occurrence === occurrence)) return;
    network.push({ match: { from: lost.from, flags: lost.flags, occurrence }, effect: "drop" });
    notes.push(
      ackOfIt
        ? msg("capture.notes.ackLost", {
            copy: copy.frame,
            original: original.frame,
            ackFrame: ackOfIt.frame,
            occurrence,
            flags: lost.flags,
            from: lost.from,
          })
        : msg("capture.notes.segmentLost", { copy: copy.frame, original: original.frame, occurrence, flags: lost.flags, from: lost.from }),
    );
  }

  function occurrenceOf(s: CaptureSegment): number {
    return segments.filter((x) => x.from === s.from && x.flags === s.flags && x.tMs <= s.tMs).length;
  }

  const last = segments[segments.length - 1];
  actions.sort((a, b) => a.at - b.at || order(a.endpoint, b.endpoint));
  return {
    scenario: {
      profile: options.profile ?? "linux",
      timing: { latencyMs },
      endpoints: { client: { isn: syn.seq }, server: { isn: synAck ? synAck.seq : 0 } },
      actions,
      network,
      // Long enough for the last segment and its answer, not for TIME_WAIT's minute.
      untilMs: at(last) + 2 * latencyMs + 1000,
    },
    latencyMs,
    vantage,
    inferredVantage,
    originMs,
    notes,
  };
}

function order(a: EndpointName, b: EndpointName): number {
  return a === b ? 0 : a === "server" ? -1 : 1;
}
