// compareCapture's verdicts and their reasons, read in both languages: the expected
// sentences are written out here from the capture's numbers (tshark's, in fixtures.ts),
// not taken from the code.
import { describe, expect, it } from "vitest";
import { compareCapture, connectionSegments, readCapture, reconstructScenario, type CaptureSegment } from "@/lib/capture";
import { textIn } from "@/lib/i18n/translate";
import { simulate } from "@/lib/tcp";
import { fixture } from "./fixtures";

const en = textIn("en");
const zh = textIn("zh-CN");
const segments = connectionSegments(readCapture(fixture("relayed-close-nano.pcap")), 1);
const reconstruction = reconstructScenario(segments);
const trace = simulate(reconstruction.scenario);

describe("compareCapture's reasons", () => {
  it("a segment whose length and ack differ names both, with the capture's and the engine's values", () => {
    // Frame 4 is the client's 18-byte PSH+ACK, seq 1550007271 ack 1445492271.
    const changed = segments.map((s): CaptureSegment => (s.frame === 4 ? { ...s, len: 20, ack: s.ack + 1 } : s));
    const row = compareCapture(changed, trace, reconstruction).find((r) => r.capture?.frame === 4);
    expect(row?.agree).toBe(false);
    expect(row?.reasons.map(en)).toEqual([
      "ack 1445492272 in the capture, 1445492271 in the engine",
      "length 20 in the capture, 18 in the engine",
    ]);
    expect(row?.reasons.map(zh)).toEqual(["ack 在抓包中是 1445492272，在引擎中是 1445492271", "长度在抓包中是 20，在引擎中是 18"]);
  });

  it("flags that differ are said with the engine's flag names", () => {
    const changed = segments.map((s): CaptureSegment => (s.frame === 6 ? { ...s, flags: "RST+ACK" } : s));
    const row = compareCapture(changed, trace, reconstruction).find((r) => r.capture?.frame === 6);
    expect(row?.reasons.map(en)).toEqual(["flags RST+ACK in the capture, FIN+ACK in the engine"]);
    expect(row?.reasons.map(zh)).toEqual(["标志位在抓包中是 RST+ACK，在引擎中是 FIN+ACK"]);
  });

  it("a segment seen more than 50 ms from the engine's time says both times", () => {
    // Frame 4 was captured 305.973 ms after the SYN; move it 100 ms later.
    const changed = segments.map((s): CaptureSegment => (s.frame === 4 ? { ...s, tMs: s.tMs + 100 } : s));
    const row = compareCapture(changed, trace, reconstruction).find((r) => r.capture?.frame === 4);
    expect(row?.reasons.map(en)).toEqual(["seen at 406.0 ms in the capture, 306.0 ms in the engine (more than 50 ms apart)"]);
    expect(row?.reasons.map(zh)).toEqual(["抓包中在 406.0 ms 看到，引擎中在 306.0 ms（相差超过 50 ms）"]);
  });

  it("a segment only the engine sends, and one only the capture has, are rows that differ", () => {
    // Without the client's last ACK (frame 9) the engine's is left over; with a second copy of it the capture has one more.
    const without = compareCapture(segments.slice(0, 8), trace, reconstruction);
    const extra = without[without.length - 1];
    expect(extra.capture).toBeNull();
    expect(extra.reasons.map(en)).toEqual(["only the engine's client sends ACK seq 1550007290"]);
    expect(extra.reasons.map(zh)).toEqual(["只有引擎的客户端发送了 ACK seq 1550007290"]);

    const again = compareCapture([...segments, { ...segments[8], frame: 10 }], trace, reconstruction);
    const last = again[again.length - 1];
    expect(last.engine).toBeNull();
    expect(last.reasons.map(en)).toEqual(["the engine's client sends nothing more"]);
    expect(last.reasons.map(zh)).toEqual(["引擎的客户端不再发送任何报文段"]);
  });

  it("rows that agree have no reason", () => {
    const rows = compareCapture(segments, trace, reconstruction);
    expect(rows.every((r) => r.agree && r.reasons.length === 0)).toBe(true);
  });
});

describe("reconstructScenario with a chosen vantage", () => {
  it("keeps the vantage the handshake points to as inferred, uses the chosen one, and says so", () => {
    const r = reconstructScenario(segments, { vantage: "server" });
    expect(r.inferredVantage).toBe("client");
    expect(r.vantage).toBe("server");
    expect(r.notes.map(en)).toContain("Taken as captured at the server, as chosen, rather than where the handshake's timing points.");
    expect(r.notes.map(zh)).toContain("按所选，视为在服务器抓包，而不是握手的时间所指的一端。");
    // Seen from the wrong side, the far side's segments are placed one latency off: the SYN+ACK no longer agrees.
    const rows = compareCapture(segments, simulate(r.scenario), r);
    expect(rows.find((row) => row.capture?.frame === 2)?.agree).toBe(false);
  });
});
