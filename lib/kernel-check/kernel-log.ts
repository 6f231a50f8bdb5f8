// What a kernel check records, turned into the common form: the relay's packet log
// (one line per packet: epoch ns, side A or B, dropped 0/1, the IP packet in hex) and
// the states each side's poller saw in /proc/net/tcp.
import { ACK, formatFlags } from "../tcp/flags";
import { engineFlagBits } from "../capture/connections";
import { decodeTcp } from "../capture/packet";
import type { State } from "../tcp";
import type { StateChange, WireSegment } from "./segments";

/** Raw IP, as the relay reads it from its TUN devices. */
const LINKTYPE_RAW = 101;

export interface ConnectionId {
  /** The client's port: the relay log holds other clients' connections too. */
  readonly clientPort: number;
  readonly serverPort: number;
}

/** The segments of one connection in a relay log, times relative to startNs, side A = client. */
export function parseRelayLog(text: string, startNs: bigint, id: ConnectionId): WireSegment[] {
  const out: WireSegment[] = [];
  let line = 0;
  for (const raw of text.split("\n")) {
    line++;
    if (raw.trim() === "") continue;
    const [ns, side, dropped, hex] = raw.split(" ");
    if (!hex || (side !== "A" && side !== "B")) throw new Error(`relay log line ${line} is malformed: ${raw.slice(0, 60)}`);
    const bytes = new Uint8Array(hex.length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
    const epochNs = BigInt(ns);
    const p = decodeTcp(LINKTYPE_RAW, bytes, line, epochNs);
    if (!p) continue;
    const clientPort = side === "A" ? p.srcPort : p.dstPort;
    const serverPort = side === "A" ? p.dstPort : p.srcPort;
    if (clientPort !== id.clientPort || serverPort !== id.serverPort) continue;
    const bits = engineFlagBits(p.tcpFlags);
    out.push({
      t: Number(epochNs - startNs) / 1e6,
      from: side === "A" ? "client" : "server",
      flags: formatFlags(bits),
      seq: p.seq,
      ack: bits & ACK ? p.ack : 0,
      len: p.len,
      dropped: dropped === "1",
    });
  }
  return out;
}

export interface PolledState {
  readonly t: number;
  /** "local-address:port remote-address:port" as in /proc/net/tcp. */
  readonly socket: string;
  readonly state: State;
}

/** The client's states: its one socket, CLOSED before it appears and after it goes. */
export function clientStates(polled: readonly PolledState[], socket: string): StateChange[] {
  return collapse([{ t: 0, state: "CLOSED" }, ...polled.filter((p) => p.socket === socket)]);
}

/**
 * The server's states as the engine models them, one endpoint: the listening socket's
 * LISTEN, then the states of the connection's own socket (the kernel's request socket
 * in SYN_RECEIVED, then the accepted socket), then CLOSED when that socket goes.
 */
export function serverStates(polled: readonly PolledState[], listener: string, socket: string): StateChange[] {
  const out: StateChange[] = [{ t: 0, state: "CLOSED" }];
  const firstListen = polled.find((p) => p.socket === listener && p.state === "LISTEN");
  if (firstListen) out.push({ t: firstListen.t, state: "LISTEN" });
  for (const p of polled) if (p.socket === socket) out.push({ t: p.t, state: p.state });
  return collapse(out);
}

function collapse(changes: readonly StateChange[]): StateChange[] {
  const out: StateChange[] = [];
  for (const c of changes) if (out.length === 0 || out[out.length - 1].state !== c.state) out.push({ t: c.t, state: c.state });
  return out;
}
