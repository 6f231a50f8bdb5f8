// Bad input: simulate() throws a ScenarioError that names every problem with its path.
import { describe, expect, it } from "vitest";
import { MAX_EVENTS, ScenarioError, parseScenario, simulate } from "@/lib/tcp";

function problems(input: unknown): string[] {
  try {
    simulate(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return [...(error as ScenarioError).problems];
  }
  throw new Error("expected a ScenarioError");
}

describe("scenario validation", () => {
  it("an unknown call names its path and the allowed calls", () => {
    const p = problems({
      actions: [
        { at: 0, endpoint: "server", call: "listen" },
        { at: 1, endpoint: "client", call: "connect" },
        { at: 2, endpoint: "client", call: "shout" },
      ],
    });
    expect(p).toEqual(["actions[2].call: expected one of listen, connect, accept, send, read, shutdown, close, abort, crash"]);
  });

  it("lists every problem, not just the first", () => {
    const p = problems({
      timing: { latencyMs: -5 },
      actions: [{ at: -1, endpoint: "router", call: "listen" }],
      untilMs: 90_000_000,
    });
    expect(p).toEqual(
      expect.arrayContaining([
        "timing.latencyMs: latencyMs cannot be negative",
        "actions[0].at: at cannot be negative",
        "actions[0].endpoint: expected one of client, server",
        "untilMs: untilMs cannot exceed 86400000 ms",
      ]),
    );
  });

  it("rejects flag sets that are not sets", () => {
    const p = problems({
      actions: [],
      network: [
        { match: { from: "client", flags: "SYN+SYN" }, effect: "drop" },
        { match: { from: "client", flags: "SYNACK" }, effect: "drop" },
      ],
    });
    expect(p).toEqual([
      'network[0].match.flags: "SYN" appears twice in "SYN+SYN"',
      'network[1].match.flags: "SYNACK" is not a TCP flag (expected SYN, FIN, RST, PSH, ACK)',
    ]);
  });

  it("a send needs bytes; a negative byte count is refused", () => {
    expect(problems({ actions: [{ at: 0, endpoint: "client", call: "send" }] })).toEqual([
      "actions[0].bytes: a send needs a byte count (bytes: 1 or more)",
    ]);
    expect(problems({ actions: [{ at: 0, endpoint: "client", call: "send", bytes: -3 }] })).toEqual([
      "actions[0].bytes: bytes must be at least 1",
    ]);
  });

  it("rejects an unknown effect and unknown keys", () => {
    const p = problems({ actions: [], network: [{ match: { from: "client", flags: "SYN" }, effect: "corrupt" }], extra: 1 });
    expect(p).toContain("network[0].effect: expected one of drop, delay, duplicate");
    expect(p.some((m) => m.includes("extra"))).toBe(true);
  });

  it("sysctl belongs to profile linux, takes Linux 6.18's defaults, and names a value out of range", () => {
    const actions = [{ at: 0, endpoint: "client", call: "connect" }];
    expect(() => parseScenario({ endpoints: { client: { sysctl: { tcp_syn_retries: 2 } } }, actions })).toThrow(
      "endpoints.client.sysctl: sysctl belongs to profile linux, not rfc9293",
    );
    const parsed = parseScenario({ profile: "linux", endpoints: { server: { sysctl: { tcp_fin_timeout: 5 } } }, actions });
    expect(parsed.endpoints.server.sysctl).toEqual({
      tcp_syn_retries: 6,
      tcp_syn_linear_timeouts: 4,
      tcp_synack_retries: 5,
      tcp_fin_timeout: 5,
      tcp_max_syn_backlog: 2048,
      tcp_rto_min_us: 200_000,
      somaxconn: 4096,
    });
    expect(() => parseScenario({ profile: "linux", endpoints: { client: { sysctl: { tcp_syn_retries: 0 } } }, actions })).toThrow(
      "endpoints.client.sysctl.tcp_syn_retries: tcp_syn_retries is at least 1",
    );
  });

  it("a message of one problem reads as that problem", () => {
    expect(() => simulate({ actions: "none" })).toThrow(/^actions: /);
  });

  it("a scenario that would run away stops at the event cap with a clear error", () => {
    // 50 MB in 1460-byte segments: over 34 000 data segments, each sent, received and acknowledged.
    const runaway = {
      actions: [
        { at: 0, endpoint: "server", call: "listen" },
        { at: 1, endpoint: "client", call: "connect" },
        ...Array.from({ length: 5 }, (_, i) => ({ at: 1000 + i, endpoint: "client", call: "send", bytes: 10_000_000 })),
      ],
    };
    expect(() => simulate(runaway)).toThrow(new RegExp(`passed ${MAX_EVENTS} events by t = \\d+ ms`));
  });
});
