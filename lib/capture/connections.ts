// A capture as TCP connections: packets grouped by 4-tuple, the client being the
// sender of the first SYN, and one connection's segments in the engine's terms.
import { ACK, FIN, PSH, RST, SYN, formatFlags } from "../tcp/flags";
import { readContainer } from "./container";
import { CaptureError } from "./errors";
import { decodeTcp, type TcpPacket } from "./packet";

export interface Capture {
  readonly format: "pcap" | "pcapng";
  /** Frames in the file, TCP or not. */
  readonly frameCount: number;
  readonly packets: readonly TcpPacket[];
}

export interface Peer {
  readonly address: string;
  readonly port: number;
}

export interface Connection {
  /** 1-based, in the order the connections' first packets appear. */
  readonly id: number;
  readonly ipVersion: 4 | 6;
  readonly client: Peer;
  readonly server: Peer;
  /** A SYN without ACK was seen, so client and server are known rather than guessed. */
  readonly sawSyn: boolean;
  readonly packets: number;
  readonly firstNs: bigint;
  readonly lastNs: bigint;
}

export interface CaptureSegment {
  readonly frame: number;
  readonly epochNs: bigint;
  /** Milliseconds since the connection's first packet (to the microsecond). */
  readonly tMs: number;
  readonly from: "client" | "server";
  /** The engine's flags (SYN, FIN, RST, PSH, ACK) in the engine's order, e.g. "SYN+ACK". */
  readonly flags: string;
  /** The whole flags byte, URG, ECE, CWR and NS included. */
  readonly tcpFlags: number;
  readonly seq: number;
  /** 0 when the ACK flag is off, as in the engine's trace. */
  readonly ack: number;
  readonly len: number;
  readonly window: number;
}

/** Reads a pcap or pcapng file into its TCP packets. Throws CaptureError. */
export function readCapture(bytes: Uint8Array): Capture {
  const container = readContainer(bytes);
  const packets: TcpPacket[] = [];
  for (const frame of container.frames) {
    const packet = decodeTcp(frame.linkType, frame.data, frame.number, frame.epochNs);
    if (packet) packets.push(packet);
  }
  if (packets.length === 0) {
    throw new CaptureError(
      "no-tcp",
      container.frames.length === 0
        ? "the capture holds no packets"
        : `none of the capture's ${container.frames.length} packets is a TCP segment`,
    );
  }
  return { format: container.format, frameCount: container.frames.length, packets };
}

const isSyn = (p: TcpPacket) => (p.tcpFlags & 0x12) === 0x02;
const endKey = (address: string, port: number) => `${address}|${port}`;
function tupleKey(p: TcpPacket): string {
  const a = endKey(p.src, p.srcPort);
  const b = endKey(p.dst, p.dstPort);
  return a < b ? `${a}~${b}` : `${b}~${a}`;
}

interface Group {
  packets: TcpPacket[];
  client: Peer;
  server: Peer;
  sawSyn: boolean;
}

function groups(capture: Capture): Group[] {
  const byKey = new Map<string, Group>();
  for (const p of capture.packets) {
    const key = tupleKey(p);
    let group = byKey.get(key);
    if (!group) {
      // Until a SYN says otherwise, the first sender is taken for the client.
      group = { packets: [], client: { address: p.src, port: p.srcPort }, server: { address: p.dst, port: p.dstPort }, sawSyn: false };
      byKey.set(key, group);
    }
    if (!group.sawSyn && isSyn(p)) {
      group.sawSyn = true;
      group.client = { address: p.src, port: p.srcPort };
      group.server = { address: p.dst, port: p.dstPort };
    }
    group.packets.push(p);
  }
  return [...byKey.values()];
}

/** The TCP connections in a capture, by 4-tuple, in order of their first packet. */
export function listConnections(capture: Capture): Connection[] {
  return groups(capture).map((g, i) => ({
    id: i + 1,
    ipVersion: g.packets[0].ipVersion,
    client: g.client,
    server: g.server,
    sawSyn: g.sawSyn,
    packets: g.packets.length,
    firstNs: g.packets[0].epochNs,
    lastNs: g.packets[g.packets.length - 1].epochNs,
  }));
}

/** Maps the wire's flag bits (FIN 1, SYN 2, RST 4, PSH 8, ACK 16) onto the engine's. */
export function engineFlagBits(tcpFlags: number): number {
  return (
    (tcpFlags & 2 ? SYN : 0) | (tcpFlags & 1 ? FIN : 0) | (tcpFlags & 4 ? RST : 0) | (tcpFlags & 8 ? PSH : 0) | (tcpFlags & 16 ? ACK : 0)
  );
}

/** One connection's segments, in capture order. Throws CaptureError for an unknown id. */
export function connectionSegments(capture: Capture, id: number): CaptureSegment[] {
  const all = groups(capture);
  const group = all[id - 1];
  if (!group) {
    throw new CaptureError(
      "no-such-connection",
      `the capture has ${all.length} TCP connection${all.length === 1 ? "" : "s"}; there is no connection ${id}`,
    );
  }
  const start = group.packets[0].epochNs;
  return group.packets.map((p) => {
    const bits = engineFlagBits(p.tcpFlags);
    return {
      frame: p.frame,
      epochNs: p.epochNs,
      tMs: Number((p.epochNs - start) / 1000n) / 1000,
      from: p.src === group.client.address && p.srcPort === group.client.port ? "client" : "server",
      flags: formatFlags(bits),
      tcpFlags: p.tcpFlags,
      seq: p.seq,
      ack: bits & ACK ? p.ack : 0,
      len: p.len,
      window: p.window,
    };
  });
}
