// Bring your own capture, server side: the real captures of tests/fixtures/captures through
// importCapture as POST /api/v1/captures answers them, and every way a file is refused, in
// words. Expected numbers come from tshark's reading of the files (tests/unit/capture/fixtures.ts).
import { describe, expect, it } from "vitest";
import { importCaptureOp } from "@/lib/api/operations/captures";
import { openApiDocument } from "@/lib/api/openapi";
import { CaptureImportSchema, checkCaptureMediaType, importCapture, type CaptureImport } from "@/lib/authoring/capture-import";
import { textIn } from "@/lib/i18n/translate";
import { AppError } from "@/lib/server/errors";
import { fixture } from "../capture/fixtures";

const en = textIn("en");
const zh = textIn("zh-CN");

function refusal(run: () => unknown): { code: string; en: string; zh: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, en: en(error.text), zh: zh(error.text) };
    throw error;
  }
  throw new Error("expected an AppError");
}

/** A classic pcap without its first `n` packets (24-byte file header, 16-byte record headers). */
function withoutFirstPackets(bytes: Uint8Array, n: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 24;
  for (let i = 0; i < n; i++) at += 16 + view.getUint32(at + 8, true);
  const out = new Uint8Array(24 + bytes.length - at);
  out.set(bytes.subarray(0, 24));
  out.set(bytes.subarray(at), 24);
  return out;
}

describe("importCapture", () => {
  it("lists both connections of a capture of two, and compares none until one is chosen", () => {
    const result = importCapture(fixture("two-interfaces.pcapng"), {}, en);
    expect(result.format).toBe("pcapng");
    expect(result.frameCount).toBe(18);
    expect(result.connections).toEqual([
      // loopback-v4.pcap: 1796114538.043957 → .544450
      {
        id: 1,
        ipVersion: 4,
        client: { address: "127.0.0.1", port: 57858 },
        server: { address: "127.0.0.1", port: 5000 },
        sawSyn: true,
        packets: 9,
        durationMs: 500.493,
      },
      // relayed-close-nano.pcap: 1796114557.648244222 → 1796114558.374168076
      {
        id: 2,
        ipVersion: 4,
        client: { address: "10.77.0.1", port: 40972 },
        server: { address: "10.77.0.2", port: 5000 },
        sawSyn: true,
        packets: 9,
        durationMs: 725.923,
      },
    ]);
    expect(result.analysis).toBeNull();
  });

  it("compares the chosen connection: every segment agrees, the scenario and the notes in the reader's language", () => {
    const result = importCapture(fixture("two-interfaces.pcapng"), { connection: 2 }, zh);
    const analysis = result.analysis!;
    expect(analysis).toMatchObject({ connection: 2, vantage: "client", inferredVantage: "client", latencyMs: 51, agreeing: 9 });
    expect(analysis.rows).toHaveLength(9);
    expect(analysis.rows.every((row) => row.agree && row.reasons.length === 0)).toBe(true);
    // The second connection's frames are the merged file's 10 to 18.
    expect(analysis.rows[1]).toMatchObject({
      capture: { frame: 11, from: "server", flags: "SYN+ACK", seq: 1445492270, ack: 1550007271, len: 0 },
      engine: { from: "server", flags: "SYN+ACK", seq: 1445492270, ack: 1550007271, len: 0, lost: false },
    });
    expect(analysis.scenario).toMatchObject({ endpoints: { client: { isn: 1550007270 }, server: { isn: 1445492270 } } });
    expect(analysis.notes[0]).toBe("单向时延 51 ms：从 SYN 到握手的 ACK 共 102.148 ms，取其一半。");
    expect(analysis.trace.final).toEqual({ client: "TIME_WAIT", server: "CLOSED" });
    // What is answered is what the OpenAPI document says it is.
    expect(CaptureImportSchema.safeParse(result).success).toBe(true);
  });

  it("compares a capture of one connection at once, its lost FIN a drop in the scenario", () => {
    const analysis = importCapture(fixture("relayed-lost-fin.pcapng"), {}, en).analysis as NonNullable<CaptureImport["analysis"]>;
    expect(analysis.connection).toBe(1);
    expect(analysis.scenario.network).toEqual([{ match: { from: "client", flags: "FIN+ACK", occurrence: 1 }, effect: "drop" }]);
    expect(analysis.notes).toContain("Frame 9 retransmits frame 6: frame 6 was lost (drop the 1st FIN+ACK from the client).");
    expect(analysis.agreeing).toBe(10);
  });

  it("a chosen vantage that is not the handshake's: the rows say what differs", () => {
    const analysis = importCapture(fixture("relayed-close-nano.pcap"), { vantage: "server" }, en).analysis!;
    expect(analysis.vantage).toBe("server");
    expect(analysis.inferredVantage).toBe("client");
    const synAck = analysis.rows[1];
    expect(synAck.agree).toBe(false);
    expect(synAck.reasons).toEqual(["seen at 102.1 ms in the capture, 0.0 ms in the engine (more than 50 ms apart)"]);
  });

  it("a capture without the connection's SYN lists it, and refuses to compare it when asked", () => {
    const bytes = withoutFirstPackets(fixture("loopback-v4.pcap"), 3);
    const listed = importCapture(bytes, {}, en);
    expect(listed.connections).toHaveLength(1);
    expect(listed.connections[0]).toMatchObject({ sawSyn: false, packets: 6 });
    expect(listed.analysis).toBeNull();
    expect(refusal(() => importCapture(bytes, { connection: 1 }, en))).toEqual({
      code: "UNPROCESSABLE",
      en: "The connection's opening SYN is not in the capture, so its ISNs and timing cannot be known. Capture from before the connection opens.",
      zh: "抓包中没有这个连接开头的 SYN，因此无法得知它的初始序号 ISN 和时间。请在连接建立之前开始抓包。",
    });
  });
});

describe("importCapture refuses a file it cannot read, saying why and what to do", () => {
  it("not a capture", () => {
    expect(refusal(() => importCapture(new TextEncoder().encode("GET / HTTP/1.1\r\n\r\n"), {}, en))).toEqual({
      code: "UNPROCESSABLE",
      en: "This is not a packet capture: upload a pcap or pcapng file (the kind tcpdump -w, Wireshark write).",
      zh: "这不是抓包文件：请上传 PCAP 或 PCAPNG 文件，即 tcpdump -w, Wireshark 写出的那种文件。",
    });
  });

  it("cut short", () => {
    const bytes = fixture("loopback-v4.pcap");
    expect(refusal(() => importCapture(bytes.subarray(0, bytes.length - 5), {}, en)).en).toBe(
      "The capture ends in the middle of a packet: the file was probably cut short while it was written or copied. Copy or capture it again.",
    );
  });

  it("headers cut by the snap length, naming the option that fixes it", () => {
    const refused = refusal(() => importCapture(fixture("snap40-headers-cut.pcap"), {}, en));
    expect(refused.en).toBe(
      "The snap length cut off an IP or TCP header, so the segments cannot be read. Capture again with a larger snap length (tcpdump -s 0).",
    );
    expect(refused.zh).toBe("截取长度截掉了 IP 或 TCP 首部，报文段无法读取。请用更大的截取长度重新抓包（tcpdump -s 0）。");
  });

  it("no TCP at all", () => {
    expect(refusal(() => importCapture(fixture("no-tcp-udp.pcap"), {}, en))).toMatchObject({
      code: "UNPROCESSABLE",
      en: "The capture holds no TCP segment.",
      zh: "抓包中没有 TCP 报文段。",
    });
  });

  it("a connection that is not there", () => {
    expect(refusal(() => importCapture(fixture("two-interfaces.pcapng"), { connection: 3 }, en)).en).toBe(
      "The capture has no such connection: pick one from the list.",
    );
  });

  it("a link type the reader does not decode lists the ones it does", () => {
    const bytes = fixture("loopback-v4.pcap").slice();
    new DataView(bytes.buffer).setUint32(20, 147, true); // DLT_USER0
    expect(refusal(() => importCapture(bytes, {}, en)).en).toBe(
      "The capture's link type is not one this reader decodes (it reads Ethernet, raw IP, Linux cooked (SLL), raw IPv4, raw IPv6, Linux cooked v2 (SLL2)). Capture again, for example with tcpdump -i any.",
    );
  });
});

describe("checkCaptureMediaType", () => {
  it("takes a capture's bytes as octet-stream, pcap, pcapng or undeclared", () => {
    for (const type of [
      null,
      "",
      "application/octet-stream",
      "Application/Octet-Stream; x=1",
      "application/vnd.tcpdump.pcap",
      "application/x-pcapng",
    ]) {
      expect(() => checkCaptureMediaType(type)).not.toThrow();
    }
  });

  it("refuses JSON and form bodies with 415, naming the type to send", () => {
    for (const type of ["application/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const refused = refusal(() => checkCaptureMediaType(type));
      expect(refused.code).toBe("UNSUPPORTED_MEDIA_TYPE");
      expect(refused.en).toBe("Send the capture's bytes as the body, declared application/octet-stream.");
    }
  });
});

describe("the operation in the OpenAPI document", () => {
  it("documents POST /captures with its query and a binary body, and its answer's schema", () => {
    const doc = openApiDocument([importCaptureOp], { version: "test", serverUrl: "http://localhost:3000" }) as {
      paths: Record<
        string,
        Record<
          string,
          {
            parameters: { name: string; in: string; required: boolean }[];
            description: string;
            responses: Record<string, { content?: Record<string, { schema: { properties: Record<string, unknown> } }> }>;
          }
        >
      >;
    };
    const op = doc.paths["/captures"].post;
    expect(op.parameters.map((p) => [p.name, p.in, p.required])).toEqual([
      ["connection", "query", false],
      ["vantage", "query", false],
    ]);
    expect(op.description).toContain("application/octet-stream");
    expect(op.description).toContain(String(16 * 1024 * 1024));
    expect(Object.keys(op.responses["200"].content!["application/json"].schema.properties)).toEqual([
      "format",
      "frameCount",
      "connections",
      "analysis",
    ]);
  });
});
