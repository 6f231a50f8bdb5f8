// From a captured frame to its TCP header: the link layer (Ethernet, Linux cooked
// SLL and SLL2, raw IP), IPv4 or IPv6 (past its extension headers), then TCP.
import { CaptureError } from "./errors";

export const LINK_TYPES: Readonly<Record<number, string>> = {
  1: "Ethernet",
  101: "raw IP",
  113: "Linux cooked (SLL)",
  228: "raw IPv4",
  229: "raw IPv6",
  276: "Linux cooked v2 (SLL2)",
};

export interface TcpOptions {
  mss?: number;
  windowScale?: number;
  sackPermitted?: true;
  timestamp?: { value: number; echo: number };
  sack?: { left: number; right: number }[];
}

export interface TcpPacket {
  readonly frame: number;
  readonly epochNs: bigint;
  readonly ipVersion: 4 | 6;
  readonly src: string;
  readonly dst: string;
  readonly srcPort: number;
  readonly dstPort: number;
  /** The flags byte with NS as bit 8: FIN 1, SYN 2, RST 4, PSH 8, ACK 16, URG 32, ECE 64, CWR 128. */
  readonly tcpFlags: number;
  readonly seq: number;
  readonly ack: number;
  /** Bytes of data, from the IP length (so a snap length that cut the data does not change it). */
  readonly len: number;
  readonly window: number;
  readonly options: TcpOptions;
}

const ETHERTYPE_IPV4 = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const ETHERTYPE_VLAN = [0x8100, 0x88a8, 0x9100];

/** The IP packet inside a frame, or null when the frame carries no IP (ARP, say). */
function ipPayload(linkType: number, data: Uint8Array, frame: number): Uint8Array | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const need = (n: number) => {
    if (data.length < n) throw headersCut(frame, data.length, "link-layer");
  };
  switch (linkType) {
    case 1: {
      need(14);
      let at = 12;
      let type = view.getUint16(at);
      while (ETHERTYPE_VLAN.includes(type)) {
        need(at + 6);
        at += 4;
        type = view.getUint16(at);
      }
      return ipByEthertype(type, data.subarray(at + 2));
    }
    case 113:
      need(16);
      return ipByEthertype(view.getUint16(14), data.subarray(16));
    case 276:
      need(20);
      return ipByEthertype(view.getUint16(0), data.subarray(20));
    case 101:
    case 228:
    case 229:
      return data;
    default:
      throw new CaptureError(
        "unsupported-link-type",
        `packet ${frame} has link type ${linkType}, which this reader does not decode (it reads ${Object.entries(LINK_TYPES)
          .map(([n, name]) => `${name} (${n})`)
          .join(", ")})`,
      );
  }
}

function ipByEthertype(type: number, rest: Uint8Array): Uint8Array | null {
  return type === ETHERTYPE_IPV4 || type === ETHERTYPE_IPV6 ? rest : null;
}

function headersCut(frame: number, captured: number, what: string): CaptureError {
  return new CaptureError(
    "headers-cut",
    `packet ${frame} was captured with only ${captured} bytes, which cuts off its ${what} header; capture again with a larger snap length (tcpdump -s 0)`,
  );
}

/** Decodes one frame; null when it is not a TCP segment (or is a later IP fragment). */
export function decodeTcp(linkType: number, data: Uint8Array, frame: number, epochNs: bigint): TcpPacket | null {
  const ip = ipPayload(linkType, data, frame);
  if (ip === null || ip.length < 1) return null;
  const view = new DataView(ip.buffer, ip.byteOffset, ip.byteLength);
  const version = ip[0] >> 4;
  let src: string;
  let dst: string;
  let tcpAt: number;
  let tcpEnd: number;
  if (version === 4) {
    if (ip.length < 20) throw headersCut(frame, data.length, "IPv4");
    const headerLen = (ip[0] & 15) * 4;
    if (ip.length < headerLen) throw headersCut(frame, data.length, "IPv4");
    if (ip[9] !== 6) return null;
    if ((view.getUint16(6) & 0x1fff) !== 0) return null;
    src = `${ip[12]}.${ip[13]}.${ip[14]}.${ip[15]}`;
    dst = `${ip[16]}.${ip[17]}.${ip[18]}.${ip[19]}`;
    tcpAt = headerLen;
    tcpEnd = view.getUint16(2);
  } else if (version === 6) {
    if (ip.length < 40) throw headersCut(frame, data.length, "IPv6");
    src = formatIpv6(ip.subarray(8, 24));
    dst = formatIpv6(ip.subarray(24, 40));
    tcpEnd = 40 + view.getUint16(4);
    let next = ip[6];
    let at = 40;
    // Hop-by-hop, routing, fragment, destination options and authentication headers.
    while (next === 0 || next === 43 || next === 44 || next === 60 || next === 51) {
      if (ip.length < at + 8) throw headersCut(frame, data.length, "IPv6 extension");
      if (next === 44 && (view.getUint16(at + 2) & 0xfff8) !== 0) return null;
      const len = next === 44 ? 8 : next === 51 ? (ip[at + 1] + 2) * 4 : (ip[at + 1] + 1) * 8;
      next = ip[at];
      at += len;
    }
    if (next !== 6) return null;
    tcpAt = at;
  } else {
    return null;
  }
  if (ip.length < tcpAt + 20) throw headersCut(frame, data.length, "TCP");
  const offset = (ip[tcpAt + 12] >> 4) * 4;
  if (ip.length < tcpAt + offset) throw headersCut(frame, data.length, "TCP");
  return {
    frame,
    epochNs,
    ipVersion: version,
    src,
    dst,
    srcPort: view.getUint16(tcpAt),
    dstPort: view.getUint16(tcpAt + 2),
    seq: view.getUint32(tcpAt + 4),
    ack: view.getUint32(tcpAt + 8),
    tcpFlags: ip[tcpAt + 13] | ((ip[tcpAt + 12] & 1) << 8),
    window: view.getUint16(tcpAt + 14),
    len: Math.max(0, tcpEnd - tcpAt - offset),
    options: readOptions(view, tcpAt + 20, tcpAt + offset),
  };
}

function readOptions(view: DataView, start: number, end: number): TcpOptions {
  const options: TcpOptions = {};
  let at = start;
  while (at < end) {
    const kind = view.getUint8(at);
    if (kind === 0) break;
    if (kind === 1) {
      at++;
      continue;
    }
    if (at + 1 >= end) break;
    const len = view.getUint8(at + 1);
    if (len < 2 || at + len > end) break;
    if (kind === 2 && len === 4) options.mss = view.getUint16(at + 2);
    else if (kind === 3 && len === 3) options.windowScale = view.getUint8(at + 2);
    else if (kind === 4 && len === 2) options.sackPermitted = true;
    else if (kind === 8 && len === 10) options.timestamp = { value: view.getUint32(at + 2), echo: view.getUint32(at + 6) };
    else if (kind === 5 && (len - 2) % 8 === 0) {
      options.sack = [];
      for (let b = at + 2; b < at + len; b += 8) options.sack.push({ left: view.getUint32(b), right: view.getUint32(b + 4) });
    }
    at += len;
  }
  return options;
}

/** RFC 5952 text form: lowercase, no leading zeros, the longest run of two or more zero groups as "::". */
export function formatIpv6(bytes: Uint8Array): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push((bytes[i] << 8) | bytes[i + 1]);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}
