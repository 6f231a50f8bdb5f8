// RFC 9293 conformance, one test per (state, event), in the style of smoltcp's
// socket tests. Our ISS is 300 and the peer's 100, as in the RFC's figures; every
// expected segment is worked out from the RFC's text quoted or cited in the test.
import { describe, expect, it } from "vitest";
import { MSS, acceptable } from "@/lib/tcp/endpoint";
import {
  LOCAL_ISS as L,
  REMOTE_ISS as R,
  call,
  closeWait,
  closed,
  closing,
  established,
  expectNothing,
  expectSent,
  finWait1,
  finWait2,
  fireNextTimer,
  lastAck,
  listening,
  recv,
  synReceived,
  synReceivedActive,
  synSent,
  timeWait,
} from "./harness";

// =============================================================== CLOSED
describe("CLOSED (RFC 9293 §3.10.7.1)", () => {
  it("closed + syn -> RST+ACK <SEQ=0><ACK=SEG.SEQ+SEG.LEN> (§3.10.7.1)", () => {
    const h = closed();
    recv(h, { flags: "SYN", seq: R });
    expectSent(h, [{ flags: "RST+ACK", seq: 0, ack: R + 1 }]);
    expect(h.ep.state).toBe("CLOSED");
  });

  it("closed + data without ACK -> RST+ACK acknowledging every byte (§3.10.7.1)", () => {
    const h = closed();
    recv(h, { flags: "PSH", seq: 700, len: 40 });
    expectSent(h, [{ flags: "RST+ACK", seq: 0, ack: 740 }]);
  });

  it("closed + ack -> RST <SEQ=SEG.ACK> (§3.10.7.1)", () => {
    const h = closed();
    recv(h, { flags: "ACK", seq: R + 1, ack: 4242 });
    expectSent(h, [{ flags: "RST", seq: 4242, ack: 0 }]);
  });

  it("closed + fin+ack (a FIN to a crashed host, Figure 11) -> RST <SEQ=SEG.ACK> (§3.10.7.1)", () => {
    const h = closed();
    recv(h, { flags: "FIN+ACK", seq: 900, ack: 77 });
    expectSent(h, [{ flags: "RST", seq: 77 }]);
  });

  it("closed + rst -> discarded, nothing sent (§3.10.7.1)", () => {
    const h = closed();
    recv(h, { flags: "RST", seq: 5 });
    expectNothing(h);
  });

  it("closed + close / send / abort -> refused 'connection does not exist' (§3.10.2, §3.10.4, §3.10.5)", () => {
    const h = closed();
    expect(call(h, "close")).toBe("connection does not exist");
    expect(call(h, "send", 10)).toBe("connection does not exist");
    expect(call(h, "abort")).toBe("connection does not exist");
    expect(h.host.states).toEqual([]);
    expectNothing(h);
  });

  it("closed + listen -> listen (§3.10.1)", () => {
    const h = closed();
    expect(call(h, "listen")).toBeNull();
    expect(h.ep.state).toBe("LISTEN");
    expectNothing(h);
  });
});

// =============================================================== LISTEN
describe("LISTEN (RFC 9293 §3.10.7.2)", () => {
  it("listen + syn -> syn_received, sends <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> (§3.10.7.2 third)", () => {
    const h = listening();
    recv(h, { flags: "SYN", seq: R });
    expectSent(h, [{ flags: "SYN+ACK", seq: L, ack: R + 1 }]);
    expect(h.ep.state).toBe("SYN_RECEIVED");
    expect(h.ep.rcvNxt).toBe(R + 1);
    expect(h.ep.sndNxt).toBe(L + 1);
    expect(h.ep.sndUna).toBe(L);
  });

  it("listen + rst -> ignored (§3.10.7.2 first)", () => {
    const h = listening();
    recv(h, { flags: "RST", seq: R });
    expectNothing(h);
    expect(h.ep.state).toBe("LISTEN");
  });

  it("listen + ack -> RST <SEQ=SEG.ACK>, stays in listen (§3.10.7.2 second)", () => {
    const h = listening();
    recv(h, { flags: "ACK", seq: R, ack: 555 });
    expectSent(h, [{ flags: "RST", seq: 555 }]);
    expect(h.ep.state).toBe("LISTEN");
  });

  it("listen + syn+ack -> RST (the ACK check comes before the SYN) (§3.10.7.2 second)", () => {
    const h = listening();
    recv(h, { flags: "SYN+ACK", seq: R, ack: 901 });
    expectSent(h, [{ flags: "RST", seq: 901 }]);
    expect(h.ep.state).toBe("LISTEN");
  });

  it("listen + fin (no SYN, no ACK) -> dropped (§3.10.7.2 fourth)", () => {
    const h = listening();
    recv(h, { flags: "FIN", seq: R });
    expectNothing(h);
    expect(h.ep.state).toBe("LISTEN");
  });

  it("listen + send -> refused 'foreign socket unspecified' (§3.10.2)", () => {
    const h = listening();
    expect(call(h, "send", 10)).toBe("foreign socket unspecified");
    expectNothing(h);
  });

  it("listen + close -> closed, nothing sent (§3.10.4)", () => {
    const h = listening();
    expect(call(h, "close")).toBeNull();
    expect(h.ep.state).toBe("CLOSED");
    expectNothing(h);
  });

  it("listen + connect -> syn_sent: passive becomes active (§3.10.1)", () => {
    const h = listening();
    expect(call(h, "connect")).toBeNull();
    expect(h.ep.state).toBe("SYN_SENT");
    expectSent(h, [{ flags: "SYN", seq: L }]);
  });

  it("listen + listen -> refused 'connection already exists' (§3.10.1)", () => {
    const h = listening();
    expect(call(h, "listen")).toBe("connection already exists");
  });
});

// =============================================================== SYN-SENT
describe("SYN-SENT (RFC 9293 §3.10.7.3)", () => {
  it("connect -> syn_sent, sends <SEQ=ISS><CTL=SYN> (§3.10.1)", () => {
    const h = closed();
    call(h, "connect");
    expectSent(h, [{ flags: "SYN", seq: L, ack: 0, len: 0 }]);
    expect(h.ep.state).toBe("SYN_SENT");
  });

  it("syn_sent + syn+ack acking our SYN -> established, sends <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> (§3.10.7.3 fourth)", () => {
    const h = synSent();
    recv(h, { flags: "SYN+ACK", seq: R, ack: L + 1 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 1 }]);
    expect(h.ep.state).toBe("ESTABLISHED");
    expect(h.ep.rtxq).toHaveLength(0);
  });

  it("syn_sent + syn (simultaneous open) -> syn_received, sends <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK> (§3.10.7.3 fourth, Figure 7)", () => {
    const h = synSent();
    recv(h, { flags: "SYN", seq: R });
    expectSent(h, [{ flags: "SYN+ACK", seq: L, ack: R + 1 }]);
    expect(h.ep.state).toBe("SYN_RECEIVED");
  });

  it("syn_sent + ack =< ISS -> RST <SEQ=SEG.ACK>, stays (§3.10.7.3 first)", () => {
    const h = synSent();
    recv(h, { flags: "SYN+ACK", seq: R, ack: L });
    expectSent(h, [{ flags: "RST", seq: L }]);
    expect(h.ep.state).toBe("SYN_SENT");
  });

  it("syn_sent + ack > SND.NXT (an old duplicate's SYN-ACK, Figure 8) -> RST <SEQ=SEG.ACK> (§3.10.7.3 first)", () => {
    const h = synSent();
    recv(h, { flags: "SYN+ACK", seq: R, ack: L + 50 });
    expectSent(h, [{ flags: "RST", seq: L + 50 }]);
    expect(h.ep.state).toBe("SYN_SENT");
  });

  it("syn_sent + rst+ack with an acceptable ACK -> closed, 'connection reset' (§3.10.7.3 second)", () => {
    const h = synSent();
    recv(h, { flags: "RST+ACK", seq: 0, ack: L + 1 });
    expectNothing(h);
    expect(h.ep.state).toBe("CLOSED");
    expect(h.host.signals).toEqual(["connection-reset-refused"]);
  });

  it("syn_sent + rst without ACK -> dropped (§3.10.7.3 second, RFC 5961 §3.2)", () => {
    const h = synSent();
    recv(h, { flags: "RST", seq: R });
    expectNothing(h);
    expect(h.ep.state).toBe("SYN_SENT");
  });

  it("syn_sent + rst+ack with an unacceptable ACK -> dropped, no RST for a RST (§3.10.7.3 first)", () => {
    const h = synSent();
    recv(h, { flags: "RST+ACK", seq: 0, ack: L + 9 });
    expectNothing(h);
    expect(h.ep.state).toBe("SYN_SENT");
  });

  it("syn_sent + bare acceptable ack (no SYN) -> dropped (§3.10.7.3 fifth)", () => {
    const h = synSent();
    recv(h, { flags: "ACK", seq: R + 1, ack: L + 1 });
    expectNothing(h);
    expect(h.ep.state).toBe("SYN_SENT");
  });

  it("syn_sent + close -> closed, nothing sent (§3.10.4)", () => {
    const h = synSent();
    expect(call(h, "close")).toBeNull();
    expect(h.ep.state).toBe("CLOSED");
    expectNothing(h);
  });

  it("syn_sent + abort -> closed, no RST (§3.10.5)", () => {
    const h = synSent();
    expect(call(h, "abort")).toBeNull();
    expect(h.ep.state).toBe("CLOSED");
    expectNothing(h);
  });

  it("syn_sent + send -> data queued, sent once established (§3.10.2)", () => {
    const h = synSent();
    expect(call(h, "send", 100)).toBeNull();
    expectNothing(h);
    recv(h, { flags: "SYN+ACK", seq: R, ack: L + 1 });
    expectSent(h, [{ flags: "PSH+ACK", seq: L + 1, ack: R + 1, len: 100 }]);
  });

  it("syn_sent + syn+ack carrying FIN -> established (transient) then close_wait (§3.10.7.3 fourth, §3.10.7.4 eighth)", () => {
    const h = synSent();
    recv(h, { flags: "SYN+FIN+ACK", seq: R, ack: L + 1 });
    expect(h.host.states.map((s) => s.to)).toEqual(["ESTABLISHED", "CLOSE_WAIT"]);
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 2 }]);
  });
});

// =============================================================== SYN-RECEIVED
describe("SYN-RECEIVED (RFC 9293 §3.10.7.4)", () => {
  it("syn_received + ack of our SYN -> established (§3.10.7.4 fifth)", () => {
    const h = synReceived();
    recv(h, { flags: "ACK", seq: R + 1, ack: L + 1 });
    expect(h.ep.state).toBe("ESTABLISHED");
    expectNothing(h);
  });

  it("syn_received + unacceptable ack -> RST <SEQ=SEG.ACK> (§3.10.7.4 fifth)", () => {
    const h = synReceived();
    recv(h, { flags: "ACK", seq: R + 1, ack: L + 7 });
    expectSent(h, [{ flags: "RST", seq: L + 7 }]);
    expect(h.ep.state).toBe("SYN_RECEIVED");
  });

  it("syn_received (passive) + rst at RCV.NXT -> listen (§3.10.7.4 second, Figure 8)", () => {
    const h = synReceived();
    recv(h, { flags: "RST", seq: R + 1 });
    expect(h.ep.state).toBe("LISTEN");
    expectNothing(h);
    expect(h.ep.rtxq).toHaveLength(0);
  });

  it("syn_received (active) + rst at RCV.NXT -> closed, 'connection refused' (§3.10.7.4 second)", () => {
    const h = synReceivedActive();
    recv(h, { flags: "RST", seq: R + 1 });
    expect(h.ep.state).toBe("CLOSED");
    expect(h.host.signals).toEqual(["connection-refused"]);
  });

  it("syn_received (passive) + new syn in window -> listen (§3.10.7.4 fourth)", () => {
    const h = synReceived();
    recv(h, { flags: "SYN", seq: R + 500 });
    expect(h.ep.state).toBe("LISTEN");
  });

  it("syn_received + retransmitted syn -> unacceptable, answered by ACK (§3.10.7.4 first)", () => {
    const h = synReceived();
    recv(h, { flags: "SYN", seq: R });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 1 }]);
    expect(h.ep.state).toBe("SYN_RECEIVED");
  });

  it("syn_received (simultaneous open) + syn+ack -> established (Figure 7, §3.10.7.4 idealized segment)", () => {
    const h = synReceivedActive();
    recv(h, { flags: "SYN+ACK", seq: R, ack: L + 1 });
    expect(h.ep.state).toBe("ESTABLISHED");
    expectNothing(h);
  });

  it("syn_received + fin+ack -> established (transient) then close_wait (§3.10.7.4 fifth and eighth)", () => {
    const h = synReceived();
    recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 1 });
    expect(h.host.states.map((s) => s.to)).toEqual(["ESTABLISHED", "CLOSE_WAIT"]);
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 2 }]);
  });

  it("syn_received + close with no data -> fin_wait_1, sends FIN (§3.10.4)", () => {
    const h = synReceived();
    expect(call(h, "close")).toBeNull();
    expect(h.ep.state).toBe("FIN_WAIT_1");
    expectSent(h, [{ flags: "FIN+ACK", seq: L + 1, ack: R + 1 }]);
  });

  it("syn_received + abort -> closed, sends <SEQ=SND.NXT><CTL=RST> (§3.10.5)", () => {
    const h = synReceived();
    call(h, "abort");
    expectSent(h, [{ flags: "RST", seq: L + 1, ack: 0 }]);
    expect(h.ep.state).toBe("CLOSED");
  });
});

// =============================================================== ESTABLISHED
describe("ESTABLISHED (RFC 9293 §3.10.7.4)", () => {
  it("established + in-order data -> RCV.NXT advances, ACK sent (§3.10.7.4 seventh)", () => {
    const h = established();
    recv(h, { flags: "PSH+ACK", seq: R + 1, ack: L + 1, len: 200 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 201 }]);
  });

  it("established + fin -> close_wait, ACK of the FIN, 'connection closing' (§3.10.7.4 eighth)", () => {
    const h = established();
    recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 1 });
    expect(h.ep.state).toBe("CLOSE_WAIT");
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 2 }]);
    expect(h.host.signals).toEqual(["connection-closing"]);
  });

  it("established + close -> fin_wait_1, sends FIN+ACK at SND.NXT (§3.10.4)", () => {
    const h = established();
    call(h, "close");
    expect(h.ep.state).toBe("FIN_WAIT_1");
    expectSent(h, [{ flags: "FIN+ACK", seq: L + 1, ack: R + 1 }]);
  });

  it("established + send -> PSH+ACK segments split at the MSS (§3.10.2)", () => {
    const h = established();
    call(h, "send", 3000);
    expectSent(h, [
      { flags: "PSH+ACK", seq: L + 1, len: MSS },
      { flags: "PSH+ACK", seq: L + 1 + MSS, len: MSS },
      { flags: "PSH+ACK", seq: L + 1 + 2 * MSS, len: 3000 - 2 * MSS },
    ]);
  });

  it("established + send then close -> FIN follows the data (§3.10.4)", () => {
    const h = established();
    call(h, "send", 10);
    call(h, "close");
    expectSent(h, [{ flags: "FIN+ACK", seq: L + 11, ack: R + 1 }]);
  });

  it("established + rst at exactly RCV.NXT -> closed, 'connection reset' (§3.10.7.4 second, RFC 5961 §3.2)", () => {
    const h = established();
    recv(h, { flags: "RST", seq: R + 1 });
    expect(h.ep.state).toBe("CLOSED");
    expect(h.host.signals).toEqual(["connection-reset"]);
    expectNothing(h);
  });

  it("established + in-window rst not at RCV.NXT -> challenge ACK, stays (RFC 5961 §3.2)", () => {
    const h = established();
    recv(h, { flags: "RST", seq: R + 1000 });
    expect(h.ep.state).toBe("ESTABLISHED");
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 1 }]);
  });

  it("established + out-of-window rst -> dropped silently (§3.10.7.4 first)", () => {
    const h = established();
    recv(h, { flags: "RST", seq: R - 50 });
    expectNothing(h);
    expect(h.ep.state).toBe("ESTABLISHED");
  });

  it("established + syn -> challenge ACK, stays (§3.10.7.4 fourth, RFC 5961 §4.2)", () => {
    const h = established();
    recv(h, { flags: "SYN", seq: R + 3000 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 1 }]);
    expect(h.ep.state).toBe("ESTABLISHED");
  });

  it("established + old duplicate data -> unacceptable, ACK sent (§3.10.7.4 first)", () => {
    const h = established();
    recv(h, { flags: "PSH+ACK", seq: R - 99, ack: L + 1, len: 50 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 1 }]);
  });

  it("established + unacceptable segments in a burst -> one ACK per 500 ms (RFC 5961 §7 ACK throttling)", () => {
    const h = established();
    recv(h, { flags: "ACK", seq: R - 99, ack: L + 1 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 1 }]);
    h.host.now = 499;
    recv(h, { flags: "ACK", seq: R - 99, ack: L + 1 });
    expectNothing(h);
    h.host.now = 500;
    recv(h, { flags: "ACK", seq: R - 99, ack: L + 1 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 1 }]);
  });

  it("established + ack of data never sent -> ACK, segment dropped (§3.10.7.4 fifth)", () => {
    const h = established();
    recv(h, { flags: "PSH+ACK", seq: R + 1, ack: L + 500, len: 10 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 1 }]);
  });

  it("established + out-of-order data -> held with a duplicate ACK, then delivered when the gap fills (§3.10.7.4)", () => {
    const h = established();
    recv(h, { flags: "PSH+ACK", seq: R + 101, ack: L + 1, len: 100 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 1 }]);
    recv(h, { flags: "PSH+ACK", seq: R + 1, ack: L + 1, len: 100 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 201 }]);
  });

  it("established + data overlapping what we have -> only the new part is taken (§3.10.7.4)", () => {
    const h = established();
    recv(h, { flags: "PSH+ACK", seq: R + 1, ack: L + 1, len: 100 });
    recv(h, { flags: "PSH+ACK", seq: R + 51, ack: L + 1, len: 100 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 151 }]);
  });

  it("established + ack of our data -> retransmission queue empties and the timer stops (§3.10.7.4 fifth, RFC 6298 §5.2)", () => {
    const h = established();
    call(h, "send", 100);
    expect(h.ep.nextTimer()).toBeLessThan(Infinity);
    recv(h, { flags: "ACK", seq: R + 1, ack: L + 101 });
    expect(h.ep.rtxq).toHaveLength(0);
    expect(h.ep.nextTimer()).toBe(Infinity);
  });

  it("established + abort -> closed, sends <SEQ=SND.NXT><CTL=RST> (§3.10.5)", () => {
    const h = established();
    call(h, "abort");
    expectSent(h, [{ flags: "RST", seq: L + 1, ack: 0 }]);
    expect(h.ep.state).toBe("CLOSED");
  });

  it("established + connect or listen -> refused 'connection already exists' (§3.10.1)", () => {
    const h = established();
    expect(call(h, "connect")).toBe("connection already exists");
    expect(call(h, "listen")).toBe("connection already exists");
    expect(h.ep.state).toBe("ESTABLISHED");
  });

  it("established near sequence wrap-around -> data crosses 2^32 and is acknowledged modulo 2^32 (§3.4)", () => {
    const iss = 0xffff_ff00;
    const h = established({ iss });
    call(h, "send", 1000);
    expectSent(h, [{ flags: "PSH+ACK", seq: iss + 1, len: 1000 }]);
    recv(h, { flags: "ACK", seq: R + 1, ack: (iss + 1001) >>> 0 });
    expect(h.ep.sndUna).toBe((iss + 1001) >>> 0);
    expect(h.ep.rtxq).toHaveLength(0);
  });
});

// =============================================================== FIN-WAIT-1
describe("FIN-WAIT-1 (RFC 9293 §3.10.7.4)", () => {
  it("fin_wait_1 + ack of our fin -> fin_wait_2 (§3.10.7.4 fifth)", () => {
    const h = finWait1();
    recv(h, { flags: "ACK", seq: R + 1, ack: L + 2 });
    expect(h.ep.state).toBe("FIN_WAIT_2");
    expectNothing(h);
  });

  it("fin_wait_1 + fin (not acking our fin) -> closing, ACK (§3.10.7.4 eighth, Figure 13)", () => {
    const h = finWait1();
    recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 1 });
    expect(h.ep.state).toBe("CLOSING");
    expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 2 }]);
  });

  it("fin_wait_1 + fin+ack acking our fin -> fin_wait_2 (transient) then time_wait (§3.10.7.4 fifth and eighth)", () => {
    const h = finWait1();
    recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 2 });
    expect(h.host.states.map((s) => s.to)).toEqual(["FIN_WAIT_2", "TIME_WAIT"]);
    expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 2 }]);
  });

  it("fin_wait_1 + data -> still received and acknowledged: the close is one-way (§3.10.7.4 seventh)", () => {
    const h = finWait1();
    recv(h, { flags: "PSH+ACK", seq: R + 1, ack: L + 1, len: 30 });
    expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 31 }]);
    expect(h.ep.state).toBe("FIN_WAIT_1");
  });

  it("fin_wait_1 + send or close -> refused 'connection closing' (§3.10.2, §3.10.4)", () => {
    const h = finWait1();
    expect(call(h, "send", 5)).toBe("connection closing");
    expect(call(h, "close")).toBe("connection closing");
    expectNothing(h);
  });

  it("fin_wait_1 + rst at RCV.NXT -> closed, 'connection reset' (§3.10.7.4 second)", () => {
    const h = finWait1();
    recv(h, { flags: "RST", seq: R + 1 });
    expect(h.ep.state).toBe("CLOSED");
    expect(h.host.signals).toEqual(["connection-reset"]);
  });
});

// =============================================================== FIN-WAIT-2
describe("FIN-WAIT-2 (RFC 9293 §3.10.7.4)", () => {
  it("fin_wait_2 + fin -> time_wait, ACK (§3.10.7.4 eighth)", () => {
    const h = finWait2();
    recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 2 });
    expect(h.ep.state).toBe("TIME_WAIT");
    expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 2 }]);
  });

  it("fin_wait_2 + data -> acknowledged, stays: the peer may still send (half-close) (§3.10.7.4 seventh)", () => {
    const h = finWait2();
    recv(h, { flags: "PSH+ACK", seq: R + 1, ack: L + 2, len: 500 });
    expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 501 }]);
    expect(h.ep.state).toBe("FIN_WAIT_2");
  });

  it("fin_wait_2 waits forever for the FIN: no timer in profile rfc9293 (§3.10.7.4)", () => {
    const h = finWait2();
    expect(h.ep.nextTimer()).toBe(Infinity);
  });

  it("fin_wait_2 + rst at RCV.NXT -> closed (§3.10.7.4 second)", () => {
    const h = finWait2();
    recv(h, { flags: "RST", seq: R + 1 });
    expect(h.ep.state).toBe("CLOSED");
  });
});

// =============================================================== CLOSE-WAIT
describe("CLOSE-WAIT (RFC 9293 §3.10.7.4)", () => {
  it("close_wait + close -> last_ack, sends FIN (§3.10.4; RFC 9293 corrects RFC 793's CLOSING)", () => {
    const h = closeWait();
    call(h, "close");
    expect(h.ep.state).toBe("LAST_ACK");
    expectSent(h, [{ flags: "FIN+ACK", seq: L + 1, ack: R + 2 }]);
  });

  it("close_wait + send -> data still flows to the peer that half-closed (§3.10.2)", () => {
    const h = closeWait();
    expect(call(h, "send", 40)).toBeNull();
    expectSent(h, [{ flags: "PSH+ACK", seq: L + 1, ack: R + 2, len: 40 }]);
  });

  it("close_wait + retransmitted fin -> unacceptable, ACK again (§3.10.7.4 first)", () => {
    const h = closeWait();
    recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 1 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 2 }]);
    expect(h.ep.state).toBe("CLOSE_WAIT");
  });

  it("close_wait + rst at RCV.NXT -> closed, 'connection reset' (§3.10.7.4 second)", () => {
    const h = closeWait();
    recv(h, { flags: "RST", seq: R + 2 });
    expect(h.ep.state).toBe("CLOSED");
    expect(h.host.signals).toEqual(["connection-reset"]);
  });
});

// =============================================================== CLOSING
describe("CLOSING (RFC 9293 §3.10.7.4)", () => {
  it("closing + ack of our fin -> time_wait (§3.10.7.4 fifth)", () => {
    const h = closing();
    recv(h, { flags: "ACK", seq: R + 2, ack: L + 2 });
    expect(h.ep.state).toBe("TIME_WAIT");
  });

  it("closing + ack that does not cover our fin -> ignored, stays (§3.10.7.4 fifth)", () => {
    const h = closing();
    recv(h, { flags: "ACK", seq: R + 2, ack: L + 1 });
    expect(h.ep.state).toBe("CLOSING");
    expectNothing(h);
  });

  it("closing + rst at RCV.NXT -> closed (§3.10.7.4 second)", () => {
    const h = closing();
    recv(h, { flags: "RST", seq: R + 2 });
    expect(h.ep.state).toBe("CLOSED");
  });
});

// =============================================================== LAST-ACK
describe("LAST-ACK (RFC 9293 §3.10.7.4)", () => {
  it("last_ack + ack of our fin -> closed (§3.10.7.4 fifth)", () => {
    const h = lastAck();
    recv(h, { flags: "ACK", seq: R + 2, ack: L + 2 });
    expect(h.ep.state).toBe("CLOSED");
    expectNothing(h);
  });

  it("last_ack + retransmitted fin from the peer -> ACK, stays (§3.10.7.4 first)", () => {
    const h = lastAck();
    recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 1 });
    expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 2 }]);
    expect(h.ep.state).toBe("LAST_ACK");
  });

  it("last_ack + rst at RCV.NXT -> closed (§3.10.7.4 second)", () => {
    const h = lastAck();
    recv(h, { flags: "RST", seq: R + 2 });
    expect(h.ep.state).toBe("CLOSED");
  });

  it("last_ack, FIN unacknowledged -> retransmitted after the RTO (§3.10.8, RFC 6298 §5.4)", () => {
    const h = lastAck();
    expect(fireNextTimer(h)).toBe("retransmit");
    expect(h.host.now).toBe(1000);
    expectSent(h, [{ flags: "FIN+ACK", seq: L + 1, ack: R + 2, retransmission: true }]);
  });
});

// =============================================================== TIME-WAIT
describe("TIME-WAIT (RFC 9293 §3.10.7.4, §3.10.8)", () => {
  it("time_wait + retransmitted fin -> ACK and the 2*MSL timer restarts (§3.10.7.4 fifth)", () => {
    const h = timeWait();
    const before = h.ep.nextTimer();
    h.host.now = 5000;
    recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 2 });
    expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 2 }]);
    expect(h.ep.state).toBe("TIME_WAIT");
    expect(h.ep.nextTimer()).toBe(before + 5000);
  });

  it("time_wait lasts 2*MSL, then closed (§3.10.8)", () => {
    const h = timeWait({ timing: { mslMs: 30_000 } });
    expect(fireNextTimer(h)).toBe("time-wait");
    expect(h.host.now).toBe(60_000);
    expect(h.ep.state).toBe("CLOSED");
  });

  it("time_wait + rst at RCV.NXT -> closed (§3.10.7.4 second)", () => {
    const h = timeWait();
    recv(h, { flags: "RST", seq: R + 2 });
    expect(h.ep.state).toBe("CLOSED");
  });

  it("time_wait + close -> refused 'connection closing'; abort -> closed without RST (§3.10.4, §3.10.5)", () => {
    const h = timeWait();
    expect(call(h, "close")).toBe("connection closing");
    expect(call(h, "abort")).toBeNull();
    expect(h.ep.state).toBe("CLOSED");
    expectNothing(h);
  });

  it("time_wait + in-window data or ACK -> ignored, no reply (§3.10.7.4 fifth and seventh)", () => {
    const h = timeWait();
    recv(h, { flags: "PSH+ACK", seq: R + 2, ack: L + 2, len: 10 });
    expectNothing(h);
    recv(h, { flags: "ACK", seq: R + 2, ack: L + 2 });
    expectNothing(h);
    expect(h.ep.state).toBe("TIME_WAIT");
  });

  it("time_wait + old segment from before the window -> ACK, stays (§3.10.7.4 first)", () => {
    const h = timeWait();
    recv(h, { flags: "PSH+ACK", seq: R - 500, ack: L + 1, len: 10 });
    expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 2 }]);
    expect(h.ep.state).toBe("TIME_WAIT");
  });
});

// =============================================================== timers
describe("timers (RFC 9293 §3.10.8, RFC 6298)", () => {
  it("syn_sent, no answer -> SYN retransmitted at 1 s, 3 s, 7 s (RTO doubling) (RFC 6298 §5.4–5.6)", () => {
    const h = synSent();
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      fireNextTimer(h);
      times.push(h.host.now);
      expectSent(h, [{ flags: "SYN", seq: L, retransmission: true }]);
    }
    expect(times).toEqual([1000, 3000, 7000]);
  });

  it("syn_received, no ACK -> SYN+ACK retransmitted after the RTO (§3.10.8)", () => {
    const h = synReceived();
    fireNextTimer(h);
    expect(h.host.now).toBe(1000);
    expectSent(h, [{ flags: "SYN+ACK", seq: L, ack: R + 1, retransmission: true }]);
  });

  it("established, data unacknowledged -> the earliest segment is retransmitted (RFC 6298 §5.4)", () => {
    const h = established();
    call(h, "send", 2000);
    fireNextTimer(h);
    expectSent(h, [{ flags: "PSH+ACK", seq: L + 1, len: MSS, retransmission: true }]);
  });

  it("a new ACK of a retransmitted segment keeps the backed-off RTO (RFC 6298 §5.3 'the current value of RTO', §3 Karn)", () => {
    const h = established();
    call(h, "send", 2000);
    fireNextTimer(h); // RTO backs off to 2 s
    recv(h, { flags: "ACK", seq: R + 1, ack: L + 1 + MSS });
    expect(h.ep.nextTimer()).toBe(h.host.now + 2000);
  });

  it("a new ACK with a round-trip sample collapses the backoff (RFC 6298 §5, §2.3)", () => {
    const h = established();
    call(h, "send", 100);
    h.host.now = 100;
    call(h, "send", 100);
    fireNextTimer(h); // at 1000 ms: the first segment again, RTO 2 s
    h.host.now = 1400;
    // Covers both: one was retransmitted, so no sample; the backoff stays.
    recv(h, { flags: "ACK", seq: R + 1, ack: L + 1 + 200 });
    call(h, "send", 100);
    expect(h.ep.nextTimer()).toBe(1400 + 2000);
    // The handshake's sample was 0 ms (SRTT 0, RTTVAR 0). A fresh segment acknowledged 1600 ms
    // later: RTTVAR = 3/4 * 0 + 1/4 * 1600 = 400, SRTT = 7/8 * 0 + 1/8 * 1600 = 200, RTO = 200 + 4 * 400.
    h.host.now = 3000;
    recv(h, { flags: "ACK", seq: R + 1, ack: L + 1 + 300 });
    call(h, "send", 100);
    expect(h.ep.nextTimer()).toBe(3000 + 1800);
  });

  it("fin_wait_1, FIN lost -> FIN retransmitted (§3.10.8)", () => {
    const h = finWait1();
    fireNextTimer(h);
    expectSent(h, [{ flags: "FIN+ACK", seq: L + 1, ack: R + 1, retransmission: true }]);
  });

  it("user timeout -> closed, 'connection aborted due to user timeout' (§3.10.8)", () => {
    const h = synSent({ timing: { userTimeoutMs: 10_000 } });
    let timer = null;
    while ((timer = fireNextTimer(h)) === "retransmit");
    expect(timer).toBe("user-timeout");
    expect(h.host.now).toBe(10_000);
    expect(h.ep.state).toBe("CLOSED");
    expect(h.host.signals).toEqual(["connection-aborted-user-timeout"]);
  });

  it("the backed-off RTO is capped at 60 s (RFC 6298 §2.5)", () => {
    const h = synSent();
    const gaps: number[] = [];
    let last = 0;
    for (let i = 0; i < 9; i++) {
      fireNextTimer(h);
      gaps.push(h.host.now - last);
      last = h.host.now;
    }
    expect(gaps).toEqual([1000, 2000, 4000, 8000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });
});

// =============================================================== delayed ACK
describe("delayed ACK (RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2), timing.delayedAckMs", () => {
  const delayed = { timing: { delayedAckMs: 200 } };

  it("established + data -> no ACK at once; the delayed-ack timer sends it after delayedAckMs", () => {
    const h = established(delayed);
    recv(h, { flags: "PSH+ACK", seq: R + 1, ack: L + 1, len: 100 });
    expectNothing(h);
    expect(fireNextTimer(h)).toBe("delayed-ack");
    expect(h.host.now).toBe(200);
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 101 }]);
  });

  it("established + two data segments -> the second is acknowledged at once ('every second segment')", () => {
    const h = established(delayed);
    recv(h, { flags: "PSH+ACK", seq: R + 1, ack: L + 1, len: 100 });
    recv(h, { flags: "PSH+ACK", seq: R + 101, ack: L + 1, len: 100 });
    expectSent(h, [{ flags: "ACK", seq: L + 1, ack: R + 201 }]);
    expect(h.ep.nextTimer()).toBe(Infinity);
  });

  it("established + fin, then close within the delay -> one FIN+ACK carries both (a three-segment close)", () => {
    const h = established(delayed);
    recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 1 });
    expectNothing(h);
    expect(h.ep.state).toBe("CLOSE_WAIT");
    call(h, "close");
    expectSent(h, [{ flags: "FIN+ACK", seq: L + 1, ack: R + 2 }]);
    expect(h.ep.nextTimer()).toBe(1000); // only the FIN's retransmission timer is left
  });

  it("fin_wait_2 + fin -> acknowledged at once even with delayed ACKs (Linux tcp_fin)", () => {
    const h = finWait2(delayed);
    recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 2 });
    expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 2 }]);
  });
});

// =============================================================== acceptability
describe("segment acceptability (RFC 9293 §3.10.7.4 first, the four cases)", () => {
  it("SEG.LEN = 0, RCV.WND = 0: acceptable only at exactly RCV.NXT", () => {
    expect(acceptable(100, 0, 100, 0)).toBe(true);
    expect(acceptable(101, 0, 100, 0)).toBe(false);
  });
  it("SEG.LEN = 0, RCV.WND > 0: RCV.NXT =< SEG.SEQ < RCV.NXT+RCV.WND", () => {
    expect(acceptable(100, 0, 100, 10)).toBe(true);
    expect(acceptable(109, 0, 100, 10)).toBe(true);
    expect(acceptable(110, 0, 100, 10)).toBe(false);
    expect(acceptable(99, 0, 100, 10)).toBe(false);
  });
  it("SEG.LEN > 0, RCV.WND = 0: never acceptable", () => {
    expect(acceptable(100, 5, 100, 0)).toBe(false);
  });
  it("SEG.LEN > 0, RCV.WND > 0: the first or the last byte is in the window", () => {
    expect(acceptable(95, 10, 100, 10)).toBe(true); // last byte 104 inside
    expect(acceptable(105, 10, 100, 10)).toBe(true); // first byte inside
    expect(acceptable(90, 10, 100, 10)).toBe(false); // 90..99 all old
    expect(acceptable(110, 5, 100, 10)).toBe(false); // beyond the window
  });
  it("works across the 2^32 wrap", () => {
    expect(acceptable(0xffff_fff0, 0x30, 0x10, 100)).toBe(true); // bytes ..0x1f straddle 2^32 into the window
    expect(acceptable(0xffff_fff0, 0x20, 0x10, 100)).toBe(false); // bytes ..0x0f end just before RCV.NXT
    expect(acceptable(5, 0, 0xffff_fffe, 100)).toBe(true);
  });
});
