// Each profile's departures from rfc9293, one test per difference (lib/tcp/profiles.ts).
import { describe, expect, it } from "vitest";
import { simulate } from "@/lib/tcp";
import {
  LOCAL_ISS as L,
  REMOTE_ISS as R,
  call,
  established,
  expectNothing,
  expectSent,
  finWait1,
  finWait2,
  fireNextTimer,
  listening,
  recv,
  synReceived,
  synSent,
  timeWait,
} from "./harness";

describe("profile linux", () => {
  const linux = { profile: "linux" as const };

  it("time_wait lasts 60 s whatever the MSL (TCP_TIMEWAIT_LEN)", () => {
    const h = timeWait({ ...linux, timing: { mslMs: 120_000 } });
    expect(fireNextTimer(h)).toBe("time-wait");
    expect(h.host.now).toBe(60_000);
    expect(h.ep.state).toBe("CLOSED");
  });

  it("an orphaned fin_wait_2 closes silently after 60 s (tcp_fin_timeout)", () => {
    const h = finWait2(linux);
    expect(fireNextTimer(h)).toBe("fin-wait-2");
    expect(h.host.now).toBe(60_000);
    expect(h.ep.state).toBe("CLOSED");
    expectNothing(h);
  });

  it("syn_sent retransmits after 1 s five times, then doubles, and gives up after 6 + 4 retries, at 131 s (tcp_syn_retries, tcp_syn_linear_timeouts)", () => {
    const h = synSent(linux);
    const retransmitted: number[] = [];
    while (h.ep.state === "SYN_SENT") {
      fireNextTimer(h);
      if (h.host.sent.length > 0) retransmitted.push(h.host.now);
    }
    // The kernel check measured SYNs at +1.0, 2.0, 3.1, 4.1, 5.1, 7.1, 11.4, 19.6, 35.7, 68.5 s
    // and the give-up at 134 s: the same waits, each up to one timer-wheel bucket late.
    expect(retransmitted).toEqual([1000, 2000, 3000, 4000, 5000, 7000, 11_000, 19_000, 35_000, 67_000]);
    expect(h.host.now).toBe(131_000);
    expect(h.ep.state).toBe("CLOSED");
    expect(h.host.signals).toEqual(["connection-timed-out"]);
  });

  it("with tcp_syn_linear_timeouts 0, syn_sent doubles from the first retry and gives up at 127 s (tcp_syn_retries 6)", () => {
    const h = synSent({ ...linux, sysctl: { tcp_syn_linear_timeouts: 0 } });
    const retransmitted: number[] = [];
    while (h.ep.state === "SYN_SENT") {
      fireNextTimer(h);
      if (h.host.sent.length > 0) retransmitted.push(h.host.now);
    }
    expect(retransmitted).toEqual([1000, 3000, 7000, 15_000, 31_000, 63_000]);
    expect(h.host.now).toBe(127_000);
  });

  it("tcp_syn_retries 2 and tcp_syn_linear_timeouts 0: SYNs at 0, 1, 3 s, gives up at 7 s (kernel check: syn-give-up-lowered)", () => {
    const h = synSent({ ...linux, sysctl: { tcp_syn_retries: 2, tcp_syn_linear_timeouts: 0 } });
    const retransmitted: number[] = [];
    while (h.ep.state === "SYN_SENT") {
      fireNextTimer(h);
      if (h.host.sent.length > 0) retransmitted.push(h.host.now);
    }
    expect(retransmitted).toEqual([1000, 3000]);
    expect(h.host.now).toBe(7000);
  });

  it("tcp_fin_timeout 5: an orphaned fin_wait_2 closes after 5 s (kernel check: fin-wait-2-timeout-lowered)", () => {
    const h = finWait2({ ...linux, sysctl: { tcp_fin_timeout: 5 } });
    expect(fireNextTimer(h)).toBe("fin-wait-2");
    expect(h.host.now).toBe(5000);
    expect(h.ep.state).toBe("CLOSED");
  });

  it("tcp_synack_retries 2: the half-open connection is dropped at 7 s", () => {
    const h = synReceived({ ...linux, sysctl: { tcp_synack_retries: 2 } });
    while (h.ep.state === "SYN_RECEIVED") fireNextTimer(h);
    expect(h.host.now).toBe(7000);
    expect(h.ep.state).toBe("LISTEN");
  });

  it("somaxconn caps listen()'s backlog (__sys_listen): backlog 128 with somaxconn 2 holds 3 half-open", () => {
    const full = listening({ ...linux, backlog: 128, synQueue: 3, sysctl: { somaxconn: 2 } });
    recv(full, { flags: "SYN", seq: R });
    expect(full.host.discards).toEqual(["syn-queue-full"]);
    const room = listening({ ...linux, backlog: 128, synQueue: 2, sysctl: { somaxconn: 2 } });
    recv(room, { flags: "SYN", seq: R });
    expect(room.ep.state).toBe("SYN_RECEIVED");
  });

  it("tcp_max_syn_backlog 8, syncookies off: a SYN is dropped once more than 8 - 8/4 = 6 are half-open (tcp_conn_request)", () => {
    const full = listening({ ...linux, synQueue: 7, sysctl: { tcp_max_syn_backlog: 8 } });
    recv(full, { flags: "SYN", seq: R });
    expect(full.host.discards).toEqual(["syn-queue-full"]);
    const room = listening({ ...linux, synQueue: 6, sysctl: { tcp_max_syn_backlog: 8 } });
    recv(room, { flags: "SYN", seq: R });
    expect(room.ep.state).toBe("SYN_RECEIVED");
  });

  it("syn_received drops the half-open connection after 5 SYN-ACK retries, at 63 s (tcp_synack_retries)", () => {
    const h = synReceived(linux);
    let retries = 0;
    while (h.ep.state === "SYN_RECEIVED") {
      fireNextTimer(h);
      retries += h.host.sent.length;
    }
    expect(retries).toBe(5);
    expect(h.host.now).toBe(63_000);
    expect(h.ep.state).toBe("LISTEN");
  });

  it("listen + syn with backlog half-open connections -> still answered (inet_csk_reqsk_queue_is_full: len > backlog)", () => {
    const h = listening({ ...linux, backlog: 2, synQueue: 2 });
    recv(h, { flags: "SYN", seq: R });
    expectSent(h, [{ flags: "SYN+ACK", seq: L, ack: R + 1 }]);
    expect(h.ep.state).toBe("SYN_RECEIVED");
  });

  it("listen + syn with the SYN queue full (backlog + 1 half-open) -> dropped without reply (tcp_conn_request)", () => {
    const h = listening({ ...linux, backlog: 2, synQueue: 3 });
    recv(h, { flags: "SYN", seq: R });
    expectNothing(h);
    expect(h.ep.state).toBe("LISTEN");
    expect(h.host.discards).toEqual(["syn-queue-full"]);
  });

  it("the SYN queue frees up when other clients' half-open entries expire (63 s)", () => {
    const h = listening({ ...linux, backlog: 1, synQueue: 2 });
    expect(fireNextTimer(h)).toBe("syn-queue");
    expect(h.host.now).toBe(63_000);
    recv(h, { flags: "SYN", seq: R });
    expect(h.ep.state).toBe("SYN_RECEIVED");
  });

  it("listen + syn with the accept queue full -> SYN dropped (tcp_conn_request, sk_acceptq_is_full)", () => {
    // The accept queue holds backlog + 1 connections: 2 waiting with backlog 1 is full.
    const h = listening({ ...linux, backlog: 1, acceptQueue: 2 });
    recv(h, { flags: "SYN", seq: R });
    expectNothing(h);
    expect(h.host.discards).toEqual(["accept-queue-full"]);
    expect(call(h, "accept")).toBeNull();
    recv(h, { flags: "SYN", seq: R });
    expect(h.ep.state).toBe("SYN_RECEIVED");
  });

  it("syn_received + final ACK with the accept queue full -> dropped until accept() makes room", () => {
    const h = listening({ ...linux, backlog: 1, acceptQueue: 1 });
    recv(h, { flags: "SYN", seq: R });
    expect(h.ep.state).toBe("SYN_RECEIVED");
    // Another client's handshake completes meanwhile (the scenario format cannot say
    // so; this is the listener's state after it): the queue holds 2 = backlog + 1.
    h.ep.acceptQueue = 2;
    recv(h, { flags: "ACK", seq: R + 1, ack: L + 1 });
    expect(h.ep.state).toBe("SYN_RECEIVED");
    expect(h.host.discards).toEqual(["accept-queue-full"]);
    expect(call(h, "accept")).toBeNull();
    recv(h, { flags: "ACK", seq: R + 1, ack: L + 1 });
    expect(h.ep.state).toBe("ESTABLISHED");
  });

  it("syn_received + retransmitted SYN -> the SYN-ACK is sent again (tcp_check_req)", () => {
    const h = synReceived(linux);
    recv(h, { flags: "SYN", seq: R });
    expectSent(h, [{ flags: "SYN+ACK", seq: L, ack: R + 1 }]);
  });

  it("syn_received + retransmitted SYN -> the SYN-ACK timer restarts from that moment (tcp_check_req, reqsk_timeout)", () => {
    const h = synReceived(linux);
    h.host.now = 600;
    recv(h, { flags: "SYN", seq: R });
    expect(h.ep.nextTimer()).toBe(1600);
    // After one expiry the timer is the initial 1 s doubled: a SYN then restarts it for 2 s.
    expect(fireNextTimer(h)).toBe("retransmit");
    h.host.now = 2000;
    recv(h, { flags: "SYN", seq: R });
    expect(h.ep.nextTimer()).toBe(4000);
  });

  it("a retransmitted SYN that meets its SYN-ACK's timer sends one SYN-ACK, not two (kernel check: lost-syn-ack)", () => {
    const trace = simulate({
      profile: "linux",
      actions: [
        { at: 0, endpoint: "server", call: "listen" },
        { at: 0, endpoint: "client", call: "connect" },
      ],
      network: [{ match: { from: "server", flags: "SYN+ACK", occurrence: 1 }, effect: "drop" }],
      untilMs: 3000,
    });
    const sent = trace.events.flatMap((e) => (e.type === "send" ? [`${e.t} ${e.segment.from} ${e.segment.flags}`] : []));
    expect(sent).toEqual(["0 client SYN", "50 server SYN+ACK", "1000 client SYN", "1050 server SYN+ACK", "1100 client ACK"]);
  });

  it("fin_wait_1 after close + new data -> RST <SEQ=SEG.ACK>, closed (RFC 1122 §4.2.2.13)", () => {
    const h = finWait1(linux);
    recv(h, { flags: "PSH+ACK", seq: R + 1, ack: L + 1, len: 10 });
    expectSent(h, [{ flags: "RST", seq: L + 1 }]);
    expect(h.ep.state).toBe("CLOSED");
  });

  describe("shutdown(SHUT_WR) versus close() (Linux tcp_shutdown, tcp_close)", () => {
    const shutDown = () => {
      const h = established(linux);
      expect(call(h, "shutdown")).toBeNull();
      expectSent(h, [{ flags: "FIN+ACK", seq: L + 1, ack: R + 1 }]);
      expect(h.ep.state).toBe("FIN_WAIT_1");
      recv(h, { flags: "ACK", seq: R + 1, ack: L + 2 });
      expect(h.ep.state).toBe("FIN_WAIT_2");
      return h;
    };

    it("fin_wait_2 after shutdown + data -> the data is acknowledged, not reset (the socket still reads)", () => {
      const h = shutDown();
      recv(h, { flags: "PSH+ACK", seq: R + 1, ack: L + 2, len: 100 });
      expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 101 }]);
      expect(h.ep.state).toBe("FIN_WAIT_2");
      recv(h, { flags: "FIN+ACK", seq: R + 101, ack: L + 2 });
      expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 102 }]);
      expect(h.ep.state).toBe("TIME_WAIT");
    });

    it("fin_wait_2 after shutdown has no tcp_fin_timeout: only an orphaned socket times out", () => {
      const h = shutDown();
      expect(h.ep.nextTimer()).toBe(Infinity);
      h.host.now = 1000;
      expect(call(h, "close")).toBeNull();
      expect(h.ep.nextTimer()).toBe(61_000);
    });

    it("close_wait + shutdown -> last_ack, FIN sent", () => {
      const h = established(linux);
      recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 1 });
      expect(call(h, "shutdown")).toBeNull();
      expect(h.ep.state).toBe("LAST_ACK");
      expectSent(h, [{ flags: "FIN+ACK", seq: L + 1, ack: R + 2 }]);
    });

    it("a second shutdown is refused: the sending side is already shut", () => {
      const h = shutDown();
      expect(call(h, "shutdown")).toBe("connection closing");
    });

    it("the kernel check's half-close-shutdown story, segment by segment", () => {
      const trace = simulate({
        profile: "linux",
        actions: [
          { at: 0, endpoint: "server", call: "listen" },
          { at: 10, endpoint: "client", call: "connect" },
          { at: 500, endpoint: "client", call: "shutdown" },
          { at: 700, endpoint: "server", call: "send", bytes: 100 },
          { at: 1000, endpoint: "server", call: "close" },
          { at: 1100, endpoint: "client", call: "close" },
        ],
        untilMs: 3000,
      });
      const sent = trace.events.flatMap((e) => (e.type === "send" ? [`${e.t} ${e.segment.from} ${e.segment.flags} ${e.segment.len}`] : []));
      // The kernel sent the same nine segments (docs/kernel-check.md, half-close-shutdown).
      expect(sent).toEqual([
        "10 client SYN 0",
        "60 server SYN+ACK 0",
        "110 client ACK 0",
        "500 client FIN+ACK 0",
        "550 server ACK 0",
        "700 server PSH+ACK 100",
        "750 client ACK 0",
        "1000 server FIN+ACK 0",
        "1050 client ACK 0",
      ]);
    });
  });

  describe("close() with unread data (Linux tcp_close; RFC 2525 §2.17, RFC 1122 §4.2.2.13)", () => {
    const story = (clientCalls: { at: number; call: "read" | "close" }[], autoRead = false) =>
      simulate({
        profile: "linux",
        endpoints: { client: { autoRead } },
        actions: [
          { at: 0, endpoint: "server", call: "listen" },
          { at: 10, endpoint: "client", call: "connect" },
          { at: 500, endpoint: "server", call: "send", bytes: 100 },
          ...clientCalls.map((c) => ({ ...c, endpoint: "client" as const })),
        ],
        untilMs: 3000,
      });
    const sent = (trace: ReturnType<typeof simulate>) =>
      trace.events.flatMap((e) =>
        e.type === "send" ? [`${e.t} ${e.segment.from} ${e.segment.flags} ${e.segment.seq} ${e.segment.ack}`] : [],
      );

    it("a close with 100 bytes unread sends RST+ACK <SEQ=SND.NXT><ACK=RCV.NXT>, not FIN; both sides are closed (kernel check: close-with-unread-data)", () => {
      const trace = story([{ at: 1000, call: "close" }]);
      expect(sent(trace).slice(3)).toEqual(["500 server PSH+ACK 5001 1001", "550 client ACK 1001 5101", "1000 client RST+ACK 1001 5101"]);
      expect(trace.final).toEqual({ client: "CLOSED", server: "CLOSED" });
    });

    it("read before close: the close sends FIN as usual", () => {
      const trace = story([
        { at: 900, call: "read" },
        { at: 1000, call: "close" },
      ]);
      expect(sent(trace)[5]).toBe("1000 client FIN+ACK 1001 5101");
      expect(trace.final.client).toBe("FIN_WAIT_2");
    });

    it("autoRead (the default) reads at once: the close sends FIN, as every earlier scenario did", () => {
      const trace = story([{ at: 1000, call: "close" }], true);
      expect(sent(trace)[5]).toBe("1000 client FIN+ACK 1001 5101");
    });
  });

  it("accept with nothing waiting is refused", () => {
    const h = listening(linux);
    expect(call(h, "accept")).toMatch(/no connection is waiting/);
  });
});

describe("profile rfc9293 (contrast)", () => {
  it("listen ignores backlog: the SYN is accepted with a 'full' queue", () => {
    const h = listening({ backlog: 0, synQueue: 3 });
    recv(h, { flags: "SYN", seq: R });
    expect(h.ep.state).toBe("SYN_RECEIVED");
  });
});

describe("profile two-way-handshake (counterfactual)", () => {
  const twoWay = { profile: "two-way-handshake" as const };

  it("listen + syn -> established at once, SYN+ACK sent, nothing to wait for", () => {
    const h = listening(twoWay);
    recv(h, { flags: "SYN", seq: R });
    expect(h.ep.state).toBe("ESTABLISHED");
    expectSent(h, [{ flags: "SYN+ACK", seq: L, ack: R + 1 }]);
    expect(h.ep.nextTimer()).toBe(Infinity);
  });

  it("syn_sent + syn+ack -> established without a third segment", () => {
    const h = synSent(twoWay);
    recv(h, { flags: "SYN+ACK", seq: R, ack: L + 1 });
    expect(h.ep.state).toBe("ESTABLISHED");
    expectNothing(h);
  });

  it("closed + stray syn+ack -> ignored: no RST tells the server its connection is bogus", () => {
    const h = listening(twoWay);
    call(h, "close");
    recv(h, { flags: "SYN+ACK", seq: R, ack: 999 });
    expectNothing(h);
  });

  it("established (from a SYN) + the same SYN again -> SYN+ACK repeated", () => {
    const h = listening(twoWay);
    recv(h, { flags: "SYN", seq: R });
    recv(h, { flags: "SYN", seq: R });
    expectSent(h, [{ flags: "SYN+ACK", seq: L, ack: R + 1 }]);
  });
});

describe("profile no-time-wait (counterfactual)", () => {
  it("fin_wait_2 + fin -> closed at once instead of TIME_WAIT", () => {
    const h = finWait2({ profile: "no-time-wait" });
    recv(h, { flags: "FIN+ACK", seq: R + 1, ack: L + 2 });
    expect(h.ep.state).toBe("CLOSED");
    expectSent(h, [{ flags: "ACK", seq: L + 2, ack: R + 2 }]);
  });
});
