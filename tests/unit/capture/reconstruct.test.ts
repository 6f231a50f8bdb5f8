import { describe, expect, it } from "vitest";
import { CaptureError, compareCapture, connectionSegments, readCapture, reconstructScenario, type CaptureSegment } from "@/lib/capture";
import { textIn } from "@/lib/i18n/translate";
import { parseScenario, simulate, stateSequence } from "@/lib/tcp";
import { fixture } from "./fixtures";

const segmentsOf = (file: string) => connectionSegments(readCapture(fixture(file)), 1);

describe("reconstructScenario on a plain capture (relayed-close-nano.pcap, taken at the client)", () => {
  const segments = segmentsOf("relayed-close-nano.pcap");
  const r = reconstructScenario(segments);

  it("takes the ISNs from the SYNs and the latency from the handshake", () => {
    // tshark: SYN seq 1550007270 at .648244222, SYN-ACK seq 1445492270 at .750348335,
    // ACK at .750392658: 102.148 ms from SYN to ACK, so 51 ms each way, seen from the client.
    expect(r.scenario.endpoints).toEqual({ client: { isn: 1550007270 }, server: { isn: 1445492270 } });
    expect(r.latencyMs).toBe(51);
    expect(r.vantage).toBe("client");
  });

  it("implies listen, connect, the send, and both closes at the times seen, the server's shifted by the latency", () => {
    // Data at +305.973 ms, the client's FIN at +506.448 ms, the server's FIN seen at +725.897 ms
    // (sent 51 ms earlier); connect is put at 10 ms.
    expect(r.scenario.actions).toEqual([
      { at: 0, endpoint: "server", call: "listen" },
      { at: 10, endpoint: "client", call: "connect" },
      { at: 316, endpoint: "client", call: "send", bytes: 18 },
      { at: 516, endpoint: "client", call: "close" },
      { at: 685, endpoint: "server", call: "close" },
    ]);
    expect(r.scenario.network).toEqual([]);
  });

  it("parses with the engine's schema, and the engine's segments agree with the capture's one by one", () => {
    const scenario = parseScenario(r.scenario);
    const trace = simulate(scenario);
    const rows = compareCapture(segments, trace, r);
    expect(rows.map((row) => row.reasons)).toEqual(Array(9).fill([]));
    expect(rows.every((row) => row.agree)).toBe(true);
    expect(stateSequence(trace, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT"]);
  });
});

describe("reconstructScenario on a capture with a lost FIN (relayed-lost-fin.pcapng)", () => {
  const segments = segmentsOf("relayed-lost-fin.pcapng");
  const r = reconstructScenario(segments);

  it("drops the first copy of the retransmitted FIN (frames 6 and 9, same seq)", () => {
    expect(r.scenario.network).toEqual([{ match: { from: "client", flags: "FIN+ACK", occurrence: 1 }, effect: "drop" }]);
    const en = textIn("en");
    expect(r.notes.map(en)).toContain("Frame 9 retransmits frame 6: frame 6 was lost (drop the 1st FIN+ACK from the client).");
    expect(r.notes.map(textIn("zh-CN"))).toContain("帧 9 重传了帧 6：帧 6 丢失了（丢弃客户端发送的第 1 个 FIN+ACK）。");
  });

  it("simulates, and every frame agrees: the engine's RTO after the handshake is the kernel's (RTT-based, tcp_rto_min 200 ms)", () => {
    const trace = simulate(r.scenario);
    const rows = compareCapture(segments, trace, r);
    expect(rows.filter((row) => !row.agree)).toEqual([]);
    const resent = rows.find((row) => row.capture?.frame === 9);
    expect(resent?.engine?.t).toBeGreaterThan(800);
    expect(resent?.engine?.t).toBeLessThan(900);
  });
});

describe("reconstructScenario", () => {
  it("a lost acknowledgment: a FIN retransmitted although the peer had acknowledged it drops the ACK instead", () => {
    const seg = (frame: number, tMs: number, from: "client" | "server", flags: string, seq: number, ack: number): CaptureSegment => ({
      frame,
      epochNs: BigInt(frame),
      tMs,
      from,
      flags,
      tcpFlags: 0,
      seq,
      ack,
      len: 0,
      window: 65535,
    });
    // Captured at the server: its FIN (frame 6) is acknowledged by the client (frame 7), but
    // that ACK never arrived, so the server's FIN comes again (frame 8).
    const segments = [
      seg(1, 0, "client", "SYN", 100, 0),
      seg(2, 0.1, "server", "SYN+ACK", 300, 101),
      seg(3, 100, "client", "ACK", 101, 301),
      seg(4, 500, "client", "FIN+ACK", 101, 301),
      seg(5, 500.1, "server", "ACK", 301, 102),
      seg(6, 700, "server", "FIN+ACK", 301, 102),
      seg(7, 800, "client", "ACK", 102, 302),
      seg(8, 1700, "server", "FIN+ACK", 301, 102),
    ];
    const r = reconstructScenario(segments);
    expect(r.vantage).toBe("server");
    expect(r.scenario.network).toEqual([{ match: { from: "client", flags: "ACK", occurrence: 2 }, effect: "drop" }]);
    expect(r.notes.map(textIn("en"))).toContain(
      "Frame 8 retransmits frame 6: the acknowledgment in frame 7 was lost (drop the 2nd ACK from the client).",
    );
    expect(() => parseScenario(r.scenario)).not.toThrow();
  });

  it("refuses a connection whose SYN is not in the capture", () => {
    const segments = segmentsOf("loopback-v4.pcap").slice(3);
    expect(() => reconstructScenario(segments)).toThrow(CaptureError);
    try {
      reconstructScenario(segments);
    } catch (error) {
      expect((error as CaptureError).code).toBe("no-handshake");
    }
  });

  it("every fixture's connection reconstructs to a valid scenario that simulates", () => {
    for (const file of ["loopback-v4.pcap", "loopback-v6-nano.pcap", "any-sll.pcap", "any-sll2.pcapng"]) {
      const r = reconstructScenario(segmentsOf(file));
      expect(r.latencyMs).toBe(0);
      expect(simulate(r.scenario).final.client).toBe("TIME_WAIT");
    }
  });
});
