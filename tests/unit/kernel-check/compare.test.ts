import { describe, expect, it } from "vitest";
import { compareSegments, compareStates, segmentAnchors, timerSlackMs } from "@/lib/kernel-check/compare";
import { relativeSegments, type RelativeSegment, type WireSegment } from "@/lib/kernel-check/segments";

const seg = (t: number, from: "client" | "server", flags: string, seq: number, ack: number, len = 0, dropped = false): WireSegment => ({
  t,
  from,
  flags,
  seq,
  ack,
  len,
  dropped,
});

describe("relative sequence numbers", () => {
  it("counts seq from the sender's SYN and ack from the receiver's, across the 2^32 wrap", () => {
    const out = relativeSegments([
      seg(0, "client", "SYN", 4294967290, 0),
      seg(50, "server", "SYN+ACK", 7000, 4294967291),
      seg(100, "client", "PSH+ACK", 4294967291, 7001, 10),
      seg(150, "server", "ACK", 7001, 5),
    ]);
    expect(out.map((s) => [s.seq, s.ack])).toEqual([
      [0, 0],
      [0, 1],
      [1, 1],
      [1, 11],
    ]);
  });

  it("keeps the raw numbers of a side that never sent a SYN (a refusing server's RST+ACK, seq 0)", () => {
    const out = relativeSegments([seg(0, "client", "SYN", 900, 0), seg(50, "server", "RST+ACK", 0, 901)]);
    expect(out[1]).toMatchObject({ seq: 0, seqRelative: false, ack: 1, ackRelative: true });
  });
});

describe("Linux timer wheel slack at HZ=250 (kernel/time/timer.c level table)", () => {
  it("is one bucket of the level the timer lands in", () => {
    expect(timerSlackMs(100)).toBe(4);
    expect(timerSlackMs(255)).toBe(4);
    expect(timerSlackMs(256)).toBe(32);
    expect(timerSlackMs(2047)).toBe(32);
    expect(timerSlackMs(2048)).toBe(256);
    // TIME_WAIT and tcp_fin_timeout: 60 s lands in level 3, ~2 s buckets.
    expect(timerSlackMs(60_000)).toBe(2048);
    expect(timerSlackMs(131_072)).toBe(16_384);
  });
});

describe("comparing segments", () => {
  const engine = relativeSegments([
    seg(10, "client", "SYN", 1000, 0),
    seg(60, "server", "SYN+ACK", 5000, 1001),
    seg(110, "client", "ACK", 1001, 5001),
  ]);
  const shifted = (dt: number): RelativeSegment[] => engine.map((s) => ({ ...s, t: s.t + dt }));

  it("agrees within the jitter allowance", () => {
    expect(compareSegments(shifted(40), engine)).toEqual([]);
    expect(compareSegments(shifted(-40), engine)).toEqual([]);
  });

  it("names a segment sent out of tolerance", () => {
    expect(compareSegments(shifted(200), engine)[0]).toBe("client segment 1 (SYN) sent at 210 ms by the kernel, 10 ms by the engine");
  });

  it("a timer may fire late by its wheel slack but never early", () => {
    const engineTw = relativeSegments([seg(0, "client", "SYN", 1, 0), seg(60_000, "client", "SYN", 1, 0)]);
    const late = engineTw.map((s, i) => ({ ...s, t: s.t + (i === 1 ? 2000 : 0) }));
    const early = engineTw.map((s, i) => ({ ...s, t: s.t - (i === 1 ? 2000 : 0) }));
    expect(compareSegments(late, engineTw)).toEqual([]);
    expect(compareSegments(early, engineTw)).toHaveLength(1);
  });

  it("names the first segment that differs and the ones only one side sent", () => {
    const kernel = relativeSegments([seg(10, "client", "SYN", 1000, 0), seg(60, "server", "RST+ACK", 0, 1001)]);
    expect(compareSegments(kernel, engine)).toEqual([
      "the engine's client sent 1 more: c›ACK 1/1 @110",
      "server segment 1: kernel s›RST+ACK 0/1 @60, engine s›SYN+ACK 0/1 @60",
    ]);
  });
});

describe("aligning state sequences", () => {
  const engine = [
    { t: 0, state: "CLOSED" as const },
    { t: 10, state: "SYN_SENT" as const },
    { t: 110, state: "ESTABLISHED" as const },
    { t: 500, state: "FIN_WAIT_1" as const },
    // Held 5 ms: shorter than the poll, so the kernel's list may lack it.
    { t: 600, state: "FIN_WAIT_2" as const },
    { t: 605, state: "TIME_WAIT" as const },
  ];

  it("allows a state shorter than the poll interval to be missing", () => {
    const kernel = engine.filter((c) => c.state !== "FIN_WAIT_2").map((c) => ({ ...c, t: c.t + 3 }));
    expect(compareStates("client", kernel, engine, 10_000)).toEqual([]);
  });

  it("reports a longer state missing, naming what the kernel did instead", () => {
    const kernel = engine.filter((c) => c.state !== "ESTABLISHED");
    expect(compareStates("client", kernel, engine, 10_000)).toEqual([
      "client: the engine enters ESTABLISHED at 110 ms; the kernel goes on FIN_WAIT_1 → FIN_WAIT_2 → TIME_WAIT",
    ]);
  });

  it("reports states the kernel went on to", () => {
    const kernel = [...engine, { t: 5000, state: "CLOSED" as const }];
    expect(compareStates("client", kernel, engine, 10_000)).toEqual(["client: the kernel goes on CLOSED at 5000 ms"]);
  });
});

describe("timer lateness along a chain of retransmissions", () => {
  // Linux's SYNs with tcp_syn_linear_timeouts 4: every second a little late in the kernel,
  // since each timer is armed when the SYN before it actually left.
  const times = [0, 1000, 2000, 3000, 4000, 5000, 7000];
  const engine = relativeSegments(times.map((t) => seg(t, "client", "SYN", 1, 0, 0, true)));
  const kernelWith = (lateEach: number[]) => {
    let late = 0;
    return engine.map((s, i) => ({ ...s, t: s.t + (late += lateEach[i] ?? 0) }));
  };

  it("a wait that is on time after a late segment is on time, though the lateness adds up past the allowance", () => {
    const kernel = kernelWith([0, 25, 25, 25, 25, 25, 25]);
    expect(kernel[6].t - engine[6].t).toBe(150);
    expect(compareSegments(kernel, engine)).toEqual([]);
  });

  it("one wait too long is still named", () => {
    const kernel = kernelWith([0, 25, 25, 400, 0, 0, 0]);
    expect(compareSegments(kernel, engine)).toEqual(["client segment 4 (SYN) sent at 3450 ms by the kernel, 3000 ms by the engine"]);
  });

  it("a state entered on time after the last agreeing segment is on time", () => {
    const kernel = kernelWith([0, 60, 60, 60, 60, 60, 60]);
    const anchors = segmentAnchors(kernel, engine);
    const engineStates = [
      { t: 0, state: "SYN_SENT" as const },
      { t: 7200, state: "CLOSED" as const },
    ];
    const kernelStates = [
      { t: 0, state: "SYN_SENT" as const },
      { t: 7000 + 360 + 200 + 10, state: "CLOSED" as const },
    ];
    expect(compareStates("client", kernelStates, engineStates, 20_000)).toHaveLength(1);
    expect(compareStates("client", kernelStates, engineStates, 20_000, undefined, anchors)).toEqual([]);
  });
});
