// The retransmission timeout from measured round trips (RFC 6298 §2–§5; Linux tcp_rtt_estimator),
// checked against RFC 6298's formulas worked by hand and the kernel check's measurements.
import { describe, expect, it } from "vitest";
import { simulate, type ScenarioInput } from "@/lib/tcp";
import { RttState } from "@/lib/tcp/rtt";

const sends = (scenario: ScenarioInput, from: "client" | "server", flags: string) =>
  simulate(scenario).events.flatMap((e) => (e.type === "send" && e.segment.from === from && e.segment.flags === flags ? [e.t] : []));

/** The client closes at 500 ms with latency 50 ms (a 100 ms round trip); its FIN is lost `lost` times. */
const lostFin = (profile: "rfc9293" | "linux", lost: number, extra: Partial<ScenarioInput> = {}): ScenarioInput => ({
  profile,
  timing: { latencyMs: 50 },
  actions: [
    { at: 0, endpoint: "server", call: "listen" },
    { at: 0, endpoint: "client", call: "connect" },
    { at: 500, endpoint: "client", call: "close" },
  ],
  network: Array.from({ length: lost }, (_, i) => ({
    match: { from: "client" as const, flags: "FIN+ACK", occurrence: i + 1 },
    effect: "drop" as const,
  })),
  untilMs: 20_000,
  ...extra,
});

describe("RFC 6298 estimator (profile rfc9293)", () => {
  it("first sample R: SRTT = R, RTTVAR = R/2, RTO = SRTT + 4 RTTVAR, at least 1 s (§2.2, §2.4)", () => {
    expect(new RttState("rfc6298", 1000).sample(100, 0, 0)).toBe(1000);
    expect(new RttState("rfc6298", 1000).sample(800, 0, 0)).toBe(800 + 4 * 400);
  });

  it("later samples: RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R'|, SRTT = 7/8 SRTT + 1/8 R' (§2.3)", () => {
    const rtt = new RttState("rfc6298", 1000);
    rtt.sample(800, 0, 0);
    // RTTVAR = 300 + 100 = 400, SRTT = 700 + 50 = 750.
    expect(rtt.sample(400, 0, 0)).toBe(750 + 4 * 400);
  });

  it("a lost FIN with a 100 ms round trip is resent after the 1 s minimum, as before RTT estimation", () => {
    expect(sends(lostFin("rfc9293", 1), "client", "FIN+ACK")).toEqual([500, 1500]);
  });
});

describe("Linux estimator (profile linux)", () => {
  it("first sample R: srtt R, rttvar max(2R, tcp_rto_min): RTO 300 ms for 100 ms, 3R for 300 ms (tcp_rtt_estimator)", () => {
    expect(new RttState("linux", 200).sample(100, 0, 0)).toBe(300);
    expect(new RttState("linux", 200).sample(300, 0, 0)).toBe(900);
  });

  it("a steady 100 ms round trip keeps RTO at srtt + tcp_rto_min (mdev_max restarts at tcp_rto_min each round trip)", () => {
    const rtt = new RttState("linux", 200);
    rtt.sample(100, 1, 1);
    expect(rtt.sample(100, 2, 2)).toBe(300);
    expect(rtt.sample(100, 3, 3)).toBe(300);
  });

  it("a lost FIN with a 100 ms round trip is resent 300 ms later (kernel check lost-fin: 310 ms), then backs off", () => {
    expect(sends(lostFin("linux", 3), "client", "FIN+ACK")).toEqual([500, 800, 1400, 2600]);
  });

  it("tcp_rto_min_us raises the floor: 1 s gives RTO 1.1 s for a 100 ms round trip", () => {
    const scenario = lostFin("linux", 1, { endpoints: { client: { sysctl: { tcp_rto_min_us: 1_000_000 } } } });
    expect(sends(scenario, "client", "FIN+ACK")).toEqual([500, 1600]);
  });

  it("a lost last ACK: the server resends its FIN 300, 600, 1200 ms apart (kernel check lost-last-ack: ~325 ms first)", () => {
    const scenario: ScenarioInput = {
      profile: "linux",
      timing: { latencyMs: 50 },
      actions: [
        { at: 0, endpoint: "server", call: "listen" },
        { at: 0, endpoint: "client", call: "connect" },
        { at: 500, endpoint: "client", call: "close" },
        { at: 700, endpoint: "server", call: "close" },
      ],
      network: [2, 3, 4].map((occurrence) => ({ match: { from: "client" as const, flags: "ACK", occurrence }, effect: "drop" as const })),
      untilMs: 20_000,
    };
    expect(sends(scenario, "server", "FIN+ACK")).toEqual([700, 1000, 1600, 2800]);
  });
});

describe("Karn's rule and the handshake (RFC 6298 §3, §5.7)", () => {
  it("no sample from a retransmitted SYN: the RTO after the handshake is 3 s (RFC 6298 §5.7; Linux TCP_TIMEOUT_FALLBACK)", () => {
    for (const profile of ["rfc9293", "linux"] as const) {
      const scenario = lostFin(profile, 1);
      scenario.network = [...(scenario.network ?? []), { match: { from: "client", flags: "SYN", occurrence: 1 }, effect: "drop" }];
      scenario.actions = scenario.actions.map((a) => (a.call === "close" ? { ...a, at: 2000 } : a));
      expect(sends(scenario, "client", "FIN+ACK"), profile).toEqual([2000, 5000]);
    }
  });
});
