// pcapng features the tools above do not write: simple packet blocks, a power-of-two
// if_tsresol, if_tsoffset, big-endian sections, and several sections in one file. The
// files are assembled here, block by block after the pcapng specification
// (draft-ietf-opsawg-pcapng), around the IP packets of a real capture.
import { describe, expect, it } from "vitest";
import { CaptureError, connectionSegments, listConnections, readCapture } from "@/lib/capture";
import { fixture } from "./fixtures";

/** The raw IP packets of relayed-close-nano.pcap (link type 101, 24-byte file header, 16-byte record headers). */
function rawPackets(): Uint8Array[] {
  const bytes = fixture("relayed-close-nano.pcap");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Uint8Array[] = [];
  for (let at = 24; at < bytes.length;) {
    const len = view.getUint32(at + 8, true);
    out.push(bytes.slice(at + 16, at + 16 + len));
    at += 16 + len;
  }
  return out;
}

class Writer {
  private parts: number[] = [];
  constructor(private readonly little: boolean) {}
  u16(v: number) {
    this.parts.push(...(this.little ? [v & 255, v >> 8] : [v >> 8, v & 255]));
  }
  u32(v: number) {
    const b = [(v >>> 24) & 255, (v >>> 16) & 255, (v >>> 8) & 255, v & 255];
    this.parts.push(...(this.little ? b.reverse() : b));
  }
  bytes(b: ArrayLike<number>) {
    this.parts.push(...Array.from(b));
    while (this.parts.length % 4) this.parts.push(0);
  }
  block(type: number, body: (w: Writer) => void) {
    const inner = new Writer(this.little);
    body(inner);
    const len = inner.parts.length + 12;
    this.u32(type);
    this.u32(len);
    this.parts.push(...inner.parts);
    this.u32(len);
  }
  shb() {
    this.block(0x0a0d0d0a, (w) => {
      w.u32(0x1a2b3c4d);
      w.u16(1);
      w.u16(0);
      w.u32(0xffffffff);
      w.u32(0xffffffff);
    });
  }
  idb(linkType: number, options: [code: number, value: number[]][] = [], snapLen = 0) {
    this.block(1, (w) => {
      w.u16(linkType);
      w.u16(0);
      w.u32(snapLen);
      for (const [code, value] of options) {
        w.u16(code);
        w.u16(value.length);
        w.bytes(value);
      }
      if (options.length) w.u32(0);
    });
  }
  epb(iface: number, stamp: bigint, data: Uint8Array) {
    this.block(6, (w) => {
      w.u32(iface);
      w.u32(Number(stamp >> 32n));
      w.u32(Number(stamp & 0xffffffffn));
      w.u32(data.length);
      w.u32(data.length);
      w.bytes(data);
    });
  }
  spb(data: Uint8Array) {
    this.block(3, (w) => {
      w.u32(data.length);
      w.bytes(data);
    });
  }
  done(): Uint8Array {
    return new Uint8Array(this.parts);
  }
}

describe("pcapng blocks", () => {
  const packets = rawPackets();

  it("if_tsresol 0x8A (2^-10 s) and if_tsoffset: a stamp of 1536 units is 1.5 s after the offset", () => {
    const w = new Writer(true);
    w.shb();
    // if_tsresol (code 9) = 0x8A; if_tsoffset (code 14) = 1 000 000 000 s, 8 bytes little-endian.
    w.idb(101, [
      [9, [0x8a]],
      [14, [0x00, 0xca, 0x9a, 0x3b, 0, 0, 0, 0]],
    ]);
    packets.forEach((p, i) => w.epb(0, 1536n + BigInt(i) * 512n, p));
    const segments = connectionSegments(readCapture(w.done()), 1);
    expect(segments[0].epochNs).toBe(1_000_000_001_500_000_000n);
    // 512 units of 1/1024 s = 500 ms apart.
    expect(segments.map((s) => s.tMs)).toEqual(packets.map((_, i) => i * 500));
  });

  it("simple packet blocks belong to interface 0 and take the previous packet's time", () => {
    const w = new Writer(true);
    w.shb();
    w.idb(101, [[9, [6]]]);
    w.epb(0, 5_000_000n, packets[0]);
    for (const p of packets.slice(1)) w.spb(p);
    const capture = readCapture(w.done());
    const segments = connectionSegments(capture, 1);
    expect(segments.map((s) => s.flags)).toEqual(["SYN", "SYN+ACK", "ACK", "PSH+ACK", "ACK", "FIN+ACK", "ACK", "FIN+ACK", "ACK"]);
    expect(new Set(segments.map((s) => s.epochNs))).toEqual(new Set([5_000_000_000n]));
  });

  it("a big-endian section after a little-endian one: interfaces restart with each section", () => {
    const little = new Writer(true);
    little.shb();
    little.idb(101);
    packets.slice(0, 3).forEach((p, i) => little.epb(0, BigInt(i), p));
    const big = new Writer(false);
    big.shb();
    // Ethernet first, so interface 1 is raw IP: ids count within the section.
    big.idb(1);
    big.idb(101, [[9, [9]]]);
    packets.slice(3).forEach((p, i) => big.epb(1, 2_000_000_000n + BigInt(i), p));
    const bytes = new Uint8Array([...little.done(), ...big.done()]);
    const capture = readCapture(bytes);
    expect(listConnections(capture)).toHaveLength(1);
    const segments = connectionSegments(capture, 1);
    expect(segments).toHaveLength(9);
    expect(segments[3].epochNs).toBe(2_000_000_000n);
    expect(segments[2].epochNs).toBe(2000n);
  });

  it("a packet naming an interface the section never described is an error", () => {
    const w = new Writer(true);
    w.shb();
    w.idb(101);
    w.epb(3, 0n, packets[0]);
    try {
      readCapture(w.done());
      throw new Error("expected a CaptureError");
    } catch (error) {
      expect(error).toBeInstanceOf(CaptureError);
      expect((error as CaptureError).message).toMatch(/names interface 3, which the file never describes/);
    }
  });
});
