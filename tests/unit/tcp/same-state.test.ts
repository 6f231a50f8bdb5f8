// Two different paths into one state give the same endpoint, as smoltcp's `sanity!` checks
// (test_time_wait_from_fin_wait_2_ack): the state name alone could hide a timer left
// running or a sequence variable left behind on one of the paths. Our ISS is 300 and
// the peer's 100, so the paths below agree on every sequence number.
import { describe, expect, it } from "vitest";
import {
  LOCAL_ISS as L,
  REMOTE_ISS as R,
  closing,
  established,
  expectSameEndpoint,
  fireTimersUntil,
  finWait1,
  observe,
  recv,
  synReceived,
  synReceivedActive,
  synSent,
  timeWait,
} from "./harness";

describe("TIME_WAIT", () => {
  it.each(["rfc9293", "linux"] as const)(
    "from fin_wait_2 + fin == from closing + ack of our fin, profile %s (§3.10.7.4 eighth and fifth steps, Figures 12 and 13)",
    (profile) => {
      const viaFinWait2 = timeWait({ profile });
      const viaClosing = closing({ profile });
      recv(viaClosing, { flags: "ACK", seq: R + 2, ack: L + 2 });
      expect(viaClosing.ep.state).toBe("TIME_WAIT");
      expectSameEndpoint(viaFinWait2, viaClosing);
    },
  );

  it("from fin_wait_1 + fin that acks our fin (through a transient fin_wait_2) == from fin_wait_2 + fin (§3.10.7.4 fifth then eighth step)", () => {
    const viaFinWait2 = timeWait();
    const inOneSegment = finWait1();
    recv(inOneSegment, { flags: "FIN+ACK", seq: R + 1, ack: L + 2 });
    expect(inOneSegment.host.states.map((s) => s.to)).toEqual(["FIN_WAIT_2", "TIME_WAIT"]);
    expectSameEndpoint(viaFinWait2, inOneSegment);
  });
});

describe("ESTABLISHED", () => {
  it("by active open == by simultaneous open (§3.10.7.3, Figure 7)", () => {
    const active = synSent();
    recv(active, { flags: "SYN+ACK", seq: R, ack: L + 1 });
    const simultaneous = synReceivedActive();
    recv(simultaneous, { flags: "ACK", seq: R + 1, ack: L + 1 });
    expect(simultaneous.ep.state).toBe("ESTABLISHED");
    expectSameEndpoint(active, simultaneous);
  });

  it("by passive open == by active open, except that it remembers the passive OPEN and waits for accept() (§3.10.7.3, §3.10.7.4 fifth step)", () => {
    const active = synSent();
    recv(active, { flags: "SYN+ACK", seq: R, ack: L + 1 });
    const passive = established();
    expectSameEndpoint(active, passive, ["passive", "inAcceptQueue"]);
    expect([observe(active).passive, observe(passive).passive]).toEqual([false, true]);
    expect([observe(active).inAcceptQueue, observe(passive).inAcceptQueue]).toEqual([false, true]);
  });
});

describe("CLOSED", () => {
  it("after a RST in time_wait == after the 2·MSL timeout (§3.10.7.4 second step, §3.10.8)", () => {
    const reset = timeWait();
    recv(reset, { flags: "RST", seq: R + 2 });
    const timedOut = timeWait();
    expect(fireTimersUntil(timedOut, "CLOSED")).toEqual(["time-wait"]);
    expect(reset.ep.state).toBe("CLOSED");
    expectSameEndpoint(reset, timedOut);
  });

  it("after a RST refusing our SYN == after the last SYN retry, profile linux (§3.10.7.3 second step; linux tcp_syn_retries)", () => {
    const refused = synSent({ profile: "linux" });
    recv(refused, { flags: "RST+ACK", seq: 0, ack: L + 1 });
    const gaveUp = synSent({ profile: "linux" });
    // 6 tcp_syn_retries + 4 tcp_syn_linear_timeouts retransmissions, then the give-up.
    expect(fireTimersUntil(gaveUp, "CLOSED")).toHaveLength(11);
    expect(refused.ep.state).toBe("CLOSED");
    expectSameEndpoint(refused, gaveUp);
  });
});

describe("LISTEN", () => {
  it("after a RST in syn_received == after a new SYN in syn_received (§3.10.7.4 second and fourth steps)", () => {
    const reset = synReceived();
    recv(reset, { flags: "RST", seq: R + 1 });
    const newSyn = synReceived();
    recv(newSyn, { flags: "SYN", seq: R + 50 });
    expect([reset.ep.state, newSyn.ep.state]).toEqual(["LISTEN", "LISTEN"]);
    expectSameEndpoint(reset, newSyn);
  });

  it("after a RST in syn_received == after the last SYN-ACK retry, profile linux (§3.10.7.4 second step; linux tcp_synack_retries)", () => {
    const reset = synReceived({ profile: "linux" });
    recv(reset, { flags: "RST", seq: R + 1 });
    const gaveUp = synReceived({ profile: "linux" });
    expect(fireTimersUntil(gaveUp, "LISTEN")).toHaveLength(6);
    expectSameEndpoint(reset, gaveUp);
  });
});
