import { describe, expect, it } from "vitest";
import { CaptureError, MAX_CAPTURE_BYTES, connectionSegments, listConnections, readCapture } from "@/lib/capture";
import { formatIpv6 } from "@/lib/capture/packet";
import { TSHARK, epochNs, fixture, tshark } from "./fixtures";

function captureError(run: () => unknown): CaptureError {
  try {
    run();
  } catch (error) {
    if (error instanceof CaptureError) return error;
    throw error;
  }
  throw new Error("expected a CaptureError");
}

describe("the capture reader on real captures, checked against tshark", () => {
  const cases: [keyof typeof TSHARK, "pcap" | "pcapng", 4 | 6][] = [
    ["loopback-v4.pcap", "pcap", 4],
    ["loopback-v6-nano.pcap", "pcap", 6],
    ["any-sll.pcap", "pcap", 4],
    ["any-sll2.pcapng", "pcapng", 4],
    ["relayed-close-nano.pcap", "pcap", 4],
    ["relayed-lost-fin.pcapng", "pcapng", 4],
  ];
  for (const [file, format, ipVersion] of cases) {
    it(`${file}: one connection, every segment as tshark prints it`, () => {
      const expected = tshark(TSHARK[file]);
      const capture = readCapture(fixture(file));
      expect(capture.format).toBe(format);
      const connections = listConnections(capture);
      expect(connections).toHaveLength(1);
      const [c] = connections;
      // The first SYN's sender is the client.
      expect(c).toMatchObject({
        id: 1,
        ipVersion,
        sawSyn: true,
        packets: expected.length,
        client: { address: expected[0].src, port: expected[0].srcPort },
        server: { address: expected[1].src, port: expected[1].srcPort },
      });
      const segments = connectionSegments(capture, 1);
      expect(
        segments.map((s) => ({
          frame: s.frame,
          epochNs: s.epochNs,
          from: s.from,
          tcpFlags: s.tcpFlags,
          seq: s.seq,
          ack: s.ack,
          len: s.len,
          window: s.window,
        })),
      ).toEqual(
        expected.map((e) => ({
          frame: e.frame,
          epochNs: epochNs(e.epoch),
          from: e.srcPort === expected[0].srcPort ? "client" : "server",
          tcpFlags: e.tcpFlags,
          seq: e.seq,
          ack: e.ack,
          len: e.len,
          window: e.window,
        })),
      );
    });
  }

  it("gives flags in the engine's names and times from the connection's first packet", () => {
    const segments = connectionSegments(readCapture(fixture("relayed-close-nano.pcap")), 1);
    expect(segments.map((s) => s.flags)).toEqual(["SYN", "SYN+ACK", "ACK", "PSH+ACK", "ACK", "FIN+ACK", "ACK", "FIN+ACK", "ACK"]);
    // tshark: 1796114557.648244222 → .750348335 is 102.104113 ms, kept to the microsecond.
    expect(segments[1].tMs).toBe(102.104);
    expect(segments[0].tMs).toBe(0);
  });

  it("reads the MSS option of the SYNs (tshark: tcp.options.mss_val 65495 on loopback, 1460 through the relay)", () => {
    expect(
      readCapture(fixture("loopback-v4.pcap"))
        .packets.slice(0, 3)
        .map((p) => p.options.mss),
    ).toEqual([65495, 65495, undefined]);
    expect(readCapture(fixture("relayed-close-nano.pcap")).packets[0].options.mss).toBe(1460);
  });

  it("a pcapng with two interfaces: Ethernet at microseconds and raw IP at nanoseconds (if_tsresol 9)", () => {
    const capture = readCapture(fixture("two-interfaces.pcapng"));
    expect(capture.format).toBe("pcapng");
    const connections = listConnections(capture);
    expect(connections.map((c) => [c.client.address, c.client.port, c.server.port])).toEqual([
      ["127.0.0.1", 57858, 5000],
      ["10.77.0.1", 40972, 5000],
    ]);
    // tshark numbers the merged frames 1-18; the second interface's keep their nanoseconds.
    const second = connectionSegments(capture, 2);
    expect(second.map((s) => s.frame)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18]);
    expect(second[0].epochNs).toBe(1796114557648244222n);
    expect(connectionSegments(capture, 1)[0].epochNs).toBe(1796114538043957000n);
  });

  it("a snap length that cuts only the data still gives the data's length (from the IP header)", () => {
    // tshark on snap60-data-cut.pcap: frame 4 has tcp.len 18 although 6 of its bytes were kept.
    const segments = connectionSegments(readCapture(fixture("snap60-data-cut.pcap")), 1);
    expect(segments[3]).toMatchObject({ frame: 4, flags: "PSH+ACK", len: 18 });
  });

  it("reads a big-endian pcap the same as the little-endian one", () => {
    const little = fixture("loopback-v4.pcap");
    const big = swapPcap(little);
    expect(big[0]).toBe(0xa1);
    expect(connectionSegments(readCapture(big), 1)).toEqual(connectionSegments(readCapture(little), 1));
  });

  it("reports connection ids that do not exist", () => {
    const error = captureError(() => connectionSegments(readCapture(fixture("loopback-v4.pcap")), 2));
    expect(error.code).toBe("no-such-connection");
    expect(error.message).toBe("the capture has 1 TCP connection; there is no connection 2");
  });
});

describe("captures the reader refuses, with a code and a sentence", () => {
  it("not a capture", () => {
    const error = captureError(() => readCapture(new TextEncoder().encode("GET / HTTP/1.1\r\nHost: example\r\n\r\n")));
    expect(error.code).toBe("not-a-capture");
    expect(error.message).toMatch(/not a packet capture: expected a pcap or pcapng file/);
  });

  it("an empty file", () => {
    expect(captureError(() => readCapture(new Uint8Array(0))).code).toBe("not-a-capture");
  });

  it("a pcap cut short in the middle of a packet", () => {
    const bytes = fixture("loopback-v4.pcap");
    const error = captureError(() => readCapture(bytes.subarray(0, bytes.length - 10)));
    expect(error.code).toBe("truncated");
    expect(error.message).toMatch(/ends in the middle of packet 9/);
  });

  it("a pcap cut short in a packet header, and in the file header", () => {
    const bytes = fixture("loopback-v4.pcap");
    expect(captureError(() => readCapture(bytes.subarray(0, 24 + 8))).message).toMatch(/header of packet 1/);
    expect(captureError(() => readCapture(bytes.subarray(0, 12))).message).toMatch(/the file header/);
  });

  it("a pcapng cut short", () => {
    const bytes = fixture("any-sll2.pcapng");
    const error = captureError(() => readCapture(bytes.subarray(0, bytes.length - 30)));
    expect(error.code).toBe("truncated");
  });

  it("a capture without TCP (UDP datagrams and the ICMP errors they caused)", () => {
    const error = captureError(() => readCapture(fixture("no-tcp-udp.pcap")));
    expect(error.code).toBe("no-tcp");
    expect(error.message).toBe("none of the capture's 4 packets is a TCP segment");
  });

  it("a snap length (40 bytes) that cut the TCP header", () => {
    const error = captureError(() => readCapture(fixture("snap40-headers-cut.pcap")));
    expect(error.code).toBe("headers-cut");
    expect(error.message).toBe(
      "packet 1 was captured with only 40 bytes, which cuts off its TCP header; capture again with a larger snap length (tcpdump -s 0)",
    );
  });

  it("a file over the size limit", () => {
    const error = captureError(() => readCapture(new Uint8Array(MAX_CAPTURE_BYTES + 1)));
    expect(error.code).toBe("too-large");
  });

  it("an unsupported link type", () => {
    const bytes = fixture("loopback-v4.pcap").slice();
    new DataView(bytes.buffer).setUint32(20, 147, true); // LINKTYPE_USER0
    const error = captureError(() => readCapture(bytes));
    expect(error.code).toBe("unsupported-link-type");
    expect(error.message).toMatch(/^packet 1 has link type 147/);
  });
});

describe("IPv6 text form (RFC 5952 §4)", () => {
  const bytes = (hex: string) => new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
  it("compresses the longest run of zero groups, lowercase, without leading zeros", () => {
    expect(formatIpv6(bytes("00000000000000000000000000000001"))).toBe("::1");
    expect(formatIpv6(bytes("20010db8000000000000000000000001"))).toBe("2001:db8::1");
    // §4.2.3: the first of two equally long runs is compressed.
    expect(formatIpv6(bytes("20010db8000000000001000000000001"))).toBe("2001:db8::1:0:0:1");
    // §4.2.2: a single zero group is not compressed.
    expect(formatIpv6(bytes("20010db8000000010001000100010001"))).toBe("2001:db8:0:1:1:1:1:1");
  });
});

/** The same pcap in big-endian byte order: the file header and every record header swapped. */
function swapPcap(little: Uint8Array): Uint8Array {
  const out = little.slice();
  const inView = new DataView(little.buffer, little.byteOffset, little.byteLength);
  const outView = new DataView(out.buffer);
  const u32 = (at: number) => outView.setUint32(at, inView.getUint32(at, true), false);
  const u16 = (at: number) => outView.setUint16(at, inView.getUint16(at, true), false);
  u32(0);
  u16(4);
  u16(6);
  for (const at of [8, 12, 16, 20]) u32(at);
  for (let at = 24; at < little.length;) {
    const captured = inView.getUint32(at + 8, true);
    for (const field of [0, 4, 8, 12]) u32(at + field);
    at += 16 + captured;
  }
  return out;
}
