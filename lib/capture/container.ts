// The two capture file formats: classic pcap (either byte order, micro- or nanosecond
// timestamps) and pcapng (sections, interfaces with their own link type and timestamp
// resolution, enhanced and simple packet blocks). Both give the same list of frames.
import { CaptureError, MAX_CAPTURE_BYTES, MAX_INTERFACES, MAX_PACKETS } from "./errors";

export interface Frame {
  /** 1-based position in the file, as tcpdump and Wireshark number packets. */
  readonly number: number;
  /** Nanoseconds since the Unix epoch. */
  readonly epochNs: bigint;
  readonly linkType: number;
  /** The captured bytes (at most the snap length). */
  readonly data: Uint8Array;
  /** The length of the packet on the wire. */
  readonly origLen: number;
}

export interface Container {
  readonly format: "pcap" | "pcapng";
  readonly frames: readonly Frame[];
}

const PCAP_MICRO = 0xa1b2c3d4;
const PCAP_NANO = 0xa1b23c4d;
const PCAPNG_SHB = 0x0a0d0d0a;
const PCAPNG_BYTE_ORDER = 0x1a2b3c4d;

export function readContainer(bytes: Uint8Array): Container {
  if (bytes.length > MAX_CAPTURE_BYTES) {
    throw new CaptureError(
      "too-large",
      `the file is ${bytes.length} bytes; at most ${MAX_CAPTURE_BYTES} bytes (16 MiB) are accepted — cut the capture to the connection you want (tcpdump -r in.pcap -w out.pcap 'port N')`,
    );
  }
  if (bytes.length < 4) throw notACapture();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magicBE = view.getUint32(0, false);
  const magicLE = view.getUint32(0, true);
  if (magicBE === PCAPNG_SHB) return { format: "pcapng", frames: readPcapng(bytes, view) };
  for (const [magic, little] of [
    [magicBE, false],
    [magicLE, true],
  ] as const) {
    if (magic === PCAP_MICRO || magic === PCAP_NANO) {
      return { format: "pcap", frames: readPcap(bytes, view, little, magic === PCAP_NANO ? 1_000_000_000n : 1_000_000n) };
    }
  }
  throw notACapture();
}

function notACapture(): CaptureError {
  return new CaptureError(
    "not-a-capture",
    "this is not a packet capture: expected a pcap or pcapng file (as written by tcpdump -w or Wireshark)",
  );
}

function truncated(what: string, offset: number): CaptureError {
  return new CaptureError(
    "truncated",
    `the capture ends in the middle of ${what} (at byte ${offset}); the file was probably cut short while it was being written or copied`,
  );
}

function tooManyPackets(): CaptureError {
  return new CaptureError("too-large", `the capture holds more than ${MAX_PACKETS} packets; cut it to the connection you want`);
}

function readPcap(bytes: Uint8Array, view: DataView, little: boolean, unitsPerSecond: bigint): Frame[] {
  if (bytes.length < 24) throw truncated("the file header", bytes.length);
  // The link type is the low 16 bits; the upper bits may carry FCS information.
  const linkType = view.getUint32(20, little) & 0xffff;
  const frames: Frame[] = [];
  let offset = 24;
  while (offset < bytes.length) {
    if (offset + 16 > bytes.length) throw truncated(`the header of packet ${frames.length + 1}`, offset);
    const seconds = BigInt(view.getUint32(offset, little));
    const fraction = BigInt(view.getUint32(offset + 4, little));
    const captured = view.getUint32(offset + 8, little);
    const origLen = view.getUint32(offset + 12, little);
    if (offset + 16 + captured > bytes.length) throw truncated(`packet ${frames.length + 1}`, offset);
    if (frames.length >= MAX_PACKETS) throw tooManyPackets();
    frames.push({
      number: frames.length + 1,
      epochNs: seconds * 1_000_000_000n + (fraction * 1_000_000_000n) / unitsPerSecond,
      linkType,
      data: bytes.subarray(offset + 16, offset + 16 + captured),
      origLen,
    });
    offset += 16 + captured;
  }
  return frames;
}

interface Interface {
  linkType: number;
  snapLen: number;
  /** Timestamp units per second (if_tsresol). */
  unitsPerSecond: bigint;
  /** Seconds added to every timestamp (if_tsoffset). */
  offsetSeconds: bigint;
}

function readPcapng(bytes: Uint8Array, view: DataView): Frame[] {
  const frames: Frame[] = [];
  let interfaces: Interface[] = [];
  let little = true;
  let offset = 0;
  let lastNs = 0n;
  while (offset < bytes.length) {
    if (offset + 12 > bytes.length) throw truncated("a block header", offset);
    let type = view.getUint32(offset, little);
    if (view.getUint32(offset, false) === PCAPNG_SHB) {
      // A section header sets the byte order of everything up to the next one.
      type = PCAPNG_SHB;
      const order = view.getUint32(offset + 8, true);
      if (order === PCAPNG_BYTE_ORDER) little = true;
      else if (view.getUint32(offset + 8, false) === PCAPNG_BYTE_ORDER) little = false;
      else throw notACapture();
      interfaces = [];
    }
    const length = view.getUint32(offset + 4, little);
    if (length < 12 || length % 4 !== 0) {
      if (offset === 0) throw notACapture();
      throw new CaptureError(
        "not-a-capture",
        `the pcapng block at byte ${offset} has an impossible length (${length}); the file is damaged`,
      );
    }
    if (offset + length > bytes.length) throw truncated(`a block (${length} bytes)`, offset);
    const body = offset + 8;
    const end = offset + length - 4;
    if (type === 1) {
      if (end - body < 8) throw truncated("an interface description", offset);
      if (interfaces.length >= MAX_INTERFACES) {
        throw new CaptureError("too-large", `a capture section describes more than ${MAX_INTERFACES} interfaces`);
      }
      interfaces.push(readInterface(view, body, end, little));
    } else if (type === 6 || type === 3) {
      if (frames.length >= MAX_PACKETS) throw tooManyPackets();
      if (type === 6) {
        if (end - body < 20) throw truncated(`packet ${frames.length + 1}`, offset);
        const id = view.getUint32(body, little);
        const iface = interfaces[id];
        if (!iface) {
          throw new CaptureError(
            "not-a-capture",
            `packet ${frames.length + 1} names interface ${id}, which the file never describes; the file is damaged`,
          );
        }
        const stamp = (BigInt(view.getUint32(body + 4, little)) << 32n) | BigInt(view.getUint32(body + 8, little));
        const captured = view.getUint32(body + 12, little);
        const origLen = view.getUint32(body + 16, little);
        if (body + 20 + captured > end) throw truncated(`packet ${frames.length + 1}`, offset);
        lastNs = iface.offsetSeconds * 1_000_000_000n + (stamp * 1_000_000_000n) / iface.unitsPerSecond;
        frames.push({
          number: frames.length + 1,
          epochNs: lastNs,
          linkType: iface.linkType,
          data: bytes.subarray(body + 20, body + 20 + captured),
          origLen,
        });
      } else {
        // A simple packet block belongs to interface 0 and has no timestamp: it takes the
        // time of the packet before it.
        const iface = interfaces[0];
        if (!iface)
          throw new CaptureError("not-a-capture", "a simple packet block comes before any interface description; the file is damaged");
        const origLen = view.getUint32(body, little);
        const room = end - body - 4;
        const captured = Math.min(origLen, iface.snapLen || origLen, room);
        frames.push({
          number: frames.length + 1,
          epochNs: lastNs,
          linkType: iface.linkType,
          data: bytes.subarray(body + 4, body + 4 + captured),
          origLen,
        });
      }
    }
    offset += length;
  }
  return frames;
}

function readInterface(view: DataView, body: number, end: number, little: boolean): Interface {
  const iface: Interface = {
    linkType: view.getUint16(body, little),
    snapLen: view.getUint32(body + 4, little),
    unitsPerSecond: 1_000_000n,
    offsetSeconds: 0n,
  };
  let at = body + 8;
  while (at + 4 <= end) {
    const code = view.getUint16(at, little);
    const len = view.getUint16(at + 2, little);
    if (code === 0) break;
    if (at + 4 + len > end) break;
    if (code === 9 && len >= 1) {
      // if_tsresol: the high bit chooses a power of 2, otherwise a power of 10.
      const v = view.getUint8(at + 4);
      iface.unitsPerSecond = v & 0x80 ? 1n << BigInt(v & 0x7f) : 10n ** BigInt(v);
    } else if (code === 14 && len >= 8) {
      iface.offsetSeconds = view.getBigInt64(at + 4, little);
    }
    at += 4 + Math.ceil(len / 4) * 4;
  }
  return iface;
}
