// RFC 9293's connection figures (§3.5–3.6) reproduced end to end through simulate(),
// with the RFC's own sequence numbers: one side's ISS 100, the other's 300.
import { describe, expect, it } from "vitest";
import { simulate, stateSequence, type ScenarioInput, type Trace } from "@/lib/tcp";

const base = (over: Partial<ScenarioInput>): ScenarioInput => ({
  endpoints: { client: { isn: 100 }, server: { isn: 300 } },
  actions: [],
  ...over,
});
const open: ScenarioInput["actions"] = [
  { at: 0, endpoint: "server", call: "listen" },
  { at: 10, endpoint: "client", call: "connect" },
];
const sent = (trace: Trace, who: "client" | "server") =>
  trace.events.flatMap((e) => (e.type === "send" && e.endpoint === who ? [`${e.segment.flags} ${e.segment.seq}/${e.segment.ack}`] : []));

describe("RFC 9293 figures", () => {
  it("Figure 6, basic three-way handshake (§3.5)", () => {
    const trace = simulate(base({ actions: open }));
    expect(stateSequence(trace, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED"]);
    expect(stateSequence(trace, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED"]);
    expect(sent(trace, "client")).toEqual(["SYN 100/0", "ACK 101/301"]);
    expect(sent(trace, "server")).toEqual(["SYN+ACK 300/101"]);
  });

  it("Figure 7, simultaneous connection synchronization (§3.5)", () => {
    const trace = simulate(
      base({
        actions: [
          { at: 0, endpoint: "client", call: "connect" },
          { at: 0, endpoint: "server", call: "connect" },
        ],
      }),
    );
    for (const who of ["client", "server"] as const) {
      expect(stateSequence(trace, who)).toEqual(["CLOSED", "SYN_SENT", "SYN_RECEIVED", "ESTABLISHED"]);
    }
    expect(sent(trace, "client")).toEqual(["SYN 100/0", "SYN+ACK 100/301"]);
    expect(sent(trace, "server")).toEqual(["SYN 300/0", "SYN+ACK 300/101"]);
  });

  it("Figure 8, recovery from an old duplicate SYN (§3.5)", () => {
    const trace = simulate(
      base({
        actions: open,
        inject: [{ at: 5, to: "server", segment: { flags: "SYN", seq: 90 } }],
        // The new SYN is slow, so the old duplicate is dealt with first, as in the figure.
        network: [{ match: { from: "client", flags: "SYN", occurrence: 1 }, effect: "delay", byMs: 100 }],
      }),
    );
    expect(sent(trace, "server")[0]).toBe("SYN+ACK 300/91");
    expect(sent(trace, "client")).toContain("RST 91/0");
    expect(stateSequence(trace, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED"]);
    expect(stateSequence(trace, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED"]);
  });

  it("Figure 10, half-open connection discovery after a crash (§3.5.2)", () => {
    const trace = simulate(
      base({ actions: [...open, { at: 1000, endpoint: "client", call: "crash" }, { at: 2000, endpoint: "client", call: "connect" }] }),
    );
    // The server answers the new SYN with an ACK of the old connection; the client resets it.
    expect(sent(trace, "server")).toContain("ACK 301/101");
    expect(sent(trace, "client")).toContain("RST 101/0");
    expect(stateSequence(trace, "server").slice(-2)).toEqual(["ESTABLISHED", "CLOSED"]);
    expect(trace.events.some((e) => e.type === "signal" && e.endpoint === "server" && e.signal === "connection-reset")).toBe(true);
  });

  it("Figure 11, the active side causes half-open connection discovery (§3.5.2)", () => {
    const trace = simulate(
      base({
        actions: [...open, { at: 1000, endpoint: "client", call: "crash" }, { at: 2000, endpoint: "server", call: "send", bytes: 10 }],
      }),
    );
    expect(sent(trace, "client")).toEqual(["SYN 100/0", "ACK 101/301", "RST 101/0"]);
    expect(trace.final.server).toBe("CLOSED");
  });

  it("Figure 12, normal close sequence (§3.6)", () => {
    const trace = simulate(
      base({ actions: [...open, { at: 1000, endpoint: "client", call: "close" }, { at: 1200, endpoint: "server", call: "close" }] }),
    );
    expect(stateSequence(trace, "client").slice(2)).toEqual(["ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSED"]);
    expect(stateSequence(trace, "server").slice(3)).toEqual(["ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"]);
    const tw = trace.events.filter(
      (e) => e.type === "state" && e.endpoint === "client" && (e.to === "TIME_WAIT" || e.from === "TIME_WAIT"),
    );
    expect(tw[1].t - tw[0].t).toBe(2 * 120_000);
  });

  it("Figure 13, simultaneous close sequence (§3.6)", () => {
    const trace = simulate(
      base({ actions: [...open, { at: 1000, endpoint: "client", call: "close" }, { at: 1000, endpoint: "server", call: "close" }] }),
    );
    for (const who of ["client", "server"] as const) {
      expect(stateSequence(trace, who).slice(-5)).toEqual(["ESTABLISHED", "FIN_WAIT_1", "CLOSING", "TIME_WAIT", "CLOSED"]);
    }
  });

  it("three-segment close: with delayed ACKs the passive closer's FIN carries the ACK (§3.6, RFC 1122 §4.2.3.2)", () => {
    const trace = simulate(
      base({
        timing: { delayedAckMs: 200 },
        actions: [...open, { at: 1000, endpoint: "client", call: "close" }, { at: 1100, endpoint: "server", call: "close" }],
      }),
    );
    expect(sent(trace, "server")).toEqual(["SYN+ACK 300/101", "FIN+ACK 301/102"]);
    expect(sent(trace, "client").slice(-2)).toEqual(["FIN+ACK 101/301", "ACK 102/302"]);
    // One segment acknowledges the client's FIN and carries the server's: FIN_WAIT_2 is transient.
    expect(stateSequence(trace, "client").slice(-3)).toEqual(["FIN_WAIT_1", "TIME_WAIT", "CLOSED"]);
    expect(stateSequence(trace, "client", { includeTransient: true }).slice(-4)).toEqual([
      "FIN_WAIT_1",
      "FIN_WAIT_2",
      "TIME_WAIT",
      "CLOSED",
    ]);
  });

  it("TIME_WAIT absorbs a retransmitted FIN after the last ACK is lost, and restarts (§3.10.7.4)", () => {
    const trace = simulate(
      base({
        actions: [...open, { at: 1000, endpoint: "client", call: "close" }, { at: 1200, endpoint: "server", call: "close" }],
        // The client's pure ACKs: #1 completes the handshake, #2 is the last ACK of the close.
        network: [{ match: { from: "client", flags: "ACK", occurrence: 2 }, effect: "drop" }],
      }),
    );
    expect(stateSequence(trace, "server").slice(-2)).toEqual(["LAST_ACK", "CLOSED"]);
    const retransmitted = trace.events.find((e) => e.type === "send" && e.endpoint === "server" && e.segment.retransmission);
    expect(retransmitted && retransmitted.type === "send" && retransmitted.segment.flags).toBe("FIN+ACK");
    const left = trace.events.find((e) => e.type === "state" && e.endpoint === "client" && e.from === "TIME_WAIT");
    // TIME_WAIT restarts when the retransmitted FIN arrives, and lasts 2*MSL from then.
    const finArrival = trace.events.filter((e) => e.type === "receive" && e.endpoint === "client" && e.segment.flags === "FIN+ACK")[1];
    expect(left?.t).toBe(finArrival.t + 240_000);
  });

  it("fault rules each count every matching segment: SYNs #1, #2 and #3 are all lost", () => {
    const trace = simulate(
      base({
        actions: open,
        network: [1, 2, 3].map((occurrence) => ({ match: { from: "client" as const, flags: "SYN", occurrence }, effect: "drop" as const })),
      }),
    );
    const syns = trace.events.filter((e) => e.type === "send" && e.endpoint === "client" && e.segment.flags === "SYN");
    expect(syns.map((e) => e.t)).toEqual([10, 1010, 3010, 7010]);
    expect(trace.events.filter((e) => e.type === "drop").length).toBe(3);
    expect(trace.final.client).toBe("ESTABLISHED");
  });

  it("without TIME_WAIT the retransmitted FIN meets a RST (profile no-time-wait)", () => {
    const trace = simulate(
      base({
        profile: "no-time-wait",
        actions: [...open, { at: 1000, endpoint: "client", call: "close" }, { at: 1200, endpoint: "server", call: "close" }],
        // The client's pure ACKs: #1 completes the handshake, #2 is the last ACK of the close.
        network: [{ match: { from: "client", flags: "ACK", occurrence: 2 }, effect: "drop" }],
      }),
    );
    expect(sent(trace, "client").at(-1)).toMatch(/^RST /);
    expect(stateSequence(trace, "client").slice(-2)).toEqual(["FIN_WAIT_2", "CLOSED"]);
  });
});
