// The kernel check's pure half on a recorded run (tests/fixtures/kernel-check, written
// by `npm run verify:kernel -- --only lost-fin,data-after-close --keep DIR`): the relay's
// packet log and the states each side's poller saw in /proc/net/tcp. Expected values
// were read off the hex by hand (IPv4 header, then TCP), not produced by the reader.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compareSegments, compareStates } from "@/lib/kernel-check/compare";
import { clientStates, parseRelayLog, serverStates, type PolledState } from "@/lib/kernel-check/kernel-log";
import { engineSegments, engineStates, relativeSegments } from "@/lib/kernel-check/segments";
import { simulate } from "@/lib/tcp";

interface Recording {
  startNs: string;
  relayLog: string;
  client: { calls: { t: number; call: string }[]; states: PolledState[] };
  server: { calls: { t: number; call: string }[]; states: PolledState[] };
}

const recording = (name: string): Recording =>
  JSON.parse(readFileSync(join(import.meta.dirname, "../../fixtures/kernel-check", `${name}.json`), "utf8"));

const CONNECTION = { clientPort: 40000, serverPort: 5000 };
const CLIENT_SOCKET = "10.77.0.1:40000 10.77.0.2:5000";
const SERVER_SOCKET = "10.77.0.2:5000 10.77.0.1:40000";
const LISTENER = "10.77.0.2:5000 0.0.0.0:0";

function kernelSide(name: string) {
  const r = recording(name);
  return {
    r,
    segments: relativeSegments(parseRelayLog(r.relayLog, BigInt(r.startNs), CONNECTION)),
    client: clientStates(r.client.states, CLIENT_SOCKET),
    server: serverStates(r.server.states, LISTENER, SERVER_SOCKET),
  };
}

describe("a recorded kernel run of a lost FIN", () => {
  const { segments, client, server } = kernelSide("lost-fin");

  it("the relay log gives the connection's segments with seq/ack relative to the ISNs (4180420164, 4225631552)", () => {
    expect(segments.map(({ from, flags, seq, ack, len, dropped }) => [from, flags, seq, ack, len, dropped])).toEqual([
      ["client", "SYN", 0, 0, 0, false],
      ["server", "SYN+ACK", 0, 1, 0, false],
      ["client", "ACK", 1, 1, 0, false],
      ["client", "FIN+ACK", 1, 1, 0, true],
      ["client", "FIN+ACK", 1, 1, 0, false],
      ["server", "ACK", 1, 2, 0, false],
      ["server", "FIN+ACK", 1, 2, 0, false],
      ["client", "ACK", 2, 2, 0, false],
    ]);
    // Times are the relay's, in ms from the programs' common start.
    expect(segments.map((s) => Math.round(s.t))).toEqual([13, 63, 113, 500, 818, 874, 3000, 3050]);
  });

  it("the polled states give each endpoint's sequence, the server's LISTEN from its listening socket", () => {
    expect(client.map((c) => c.state)).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT"]);
    expect(server.map((c) => c.state)).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"]);
    expect(server[1].t).toBe(6.829);
  });

  it("against the engine, the RTO after the handshake agrees: a 100 ms round trip gives RTO 300 ms (the kernel's wait: 318 ms)", () => {
    const trace = simulate({
      profile: "linux",
      timing: { latencyMs: 50 },
      actions: [
        { at: 0, endpoint: "server", call: "listen" },
        { at: 13, endpoint: "client", call: "connect" },
        { at: 500, endpoint: "client", call: "close" },
        { at: 3000, endpoint: "server", call: "close" },
      ],
      network: [{ match: { from: "client", flags: "FIN+ACK", occurrence: 1 }, effect: "drop" }],
      untilMs: 5000,
    });
    const engine = relativeSegments(engineSegments(trace));
    // Linux tcp_rtt_estimator on the SYN's 100 ms: SRTT 100, rttvar max(2 * 100, tcp_rto_min 200).
    expect(engine.filter((s) => s.from === "client" && s.flags === "FIN+ACK").map((s) => s.t)).toEqual([500, 800]);
    expect(compareSegments(segments, engine)).toEqual([]);
    expect(compareStates("client", client, engineStates(trace, "client"), 5000)).toEqual([]);
    expect(compareStates("server", server, engineStates(trace, "server"), 5000)).toEqual([]);
  });
});

describe("a recorded kernel run of data after close", () => {
  it("agrees with the engine's linux profile: the orphaned FIN_WAIT_2 answers data with RST", () => {
    const { r, segments, client, server } = kernelSide("data-after-close");
    const at = (side: Recording["client"], call: string) => Math.round(side.calls.find((c) => c.call === call)!.t);
    const trace = simulate({
      profile: "linux",
      timing: { latencyMs: 50 },
      actions: [
        { at: at(r.server, "listen"), endpoint: "server", call: "listen" },
        { at: at(r.client, "connect"), endpoint: "client", call: "connect" },
        { at: at(r.client, "close"), endpoint: "client", call: "close" },
        { at: at(r.server, "send"), endpoint: "server", call: "send", bytes: 100 },
      ],
      untilMs: 3000,
    });
    expect(segments.map((s) => `${s.from} ${s.flags} ${s.seq}/${s.ack} ${s.len}`)).toEqual([
      "client SYN 0/0 0",
      "server SYN+ACK 0/1 0",
      "client ACK 1/1 0",
      "client FIN+ACK 1/1 0",
      "server ACK 1/2 0",
      "server PSH+ACK 1/2 100",
      "client RST 2/0 0",
    ]);
    expect(compareSegments(segments, relativeSegments(engineSegments(trace)))).toEqual([]);
    expect(compareStates("client", client, engineStates(trace, "client"), 3000)).toEqual([]);
    expect(compareStates("server", server, engineStates(trace, "server"), 3000)).toEqual([]);
  });
});
