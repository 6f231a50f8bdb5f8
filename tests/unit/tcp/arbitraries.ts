// fast-check generators of valid scenarios, shared by the engine's property tests.
import fc from "fast-check";
import { PROFILES, type ScenarioInput } from "@/lib/tcp";

const endpoint = fc.constantFrom("client" as const, "server" as const);
const flags = fc.constantFrom("SYN", "SYN+ACK", "ACK", "FIN+ACK", "PSH+ACK", "RST", "RST+ACK");
const uint32 = fc.integer({ min: 0, max: 0xffff_ffff });

const extraAction = fc
  .record({
    at: fc.integer({ min: 0, max: 6000 }),
    endpoint,
    call: fc.constantFrom("listen", "connect", "accept", "send", "send", "read", "shutdown", "close", "close", "abort", "crash"),
    bytes: fc.integer({ min: 1, max: 6000 }),
  })
  .map(({ bytes, ...a }) => (a.call === "send" ? { ...a, bytes } : a));

const fault = fc.oneof(
  fc.record({
    match: fc.record({ from: endpoint, flags, occurrence: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }),
    effect: fc.constant("drop" as const),
  }),
  fc.record({
    match: fc.record({ from: endpoint, flags, occurrence: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }) }),
    effect: fc.constant("delay" as const),
    byMs: fc.integer({ min: 0, max: 5000 }),
  }),
  fc.record({
    match: fc.record({ from: endpoint, flags, occurrence: fc.integer({ min: 1, max: 3 }) }),
    effect: fc.constant("duplicate" as const),
    afterMs: fc.integer({ min: 0, max: 2000 }),
  }),
);

const injection = fc.record({
  at: fc.integer({ min: 0, max: 6000 }),
  to: endpoint,
  segment: fc.record({ flags, seq: uint32, ack: uint32, len: fc.integer({ min: 0, max: 200 }) }),
});

/** Valid scenarios: mostly a normal open plus random calls, faults and stray segments. */
export const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    profile: fc.constantFrom(...PROFILES),
    timing: fc.record({
      latencyMs: fc.integer({ min: 0, max: 400 }),
      rtoMs: fc.integer({ min: 200, max: 3000 }),
      mslMs: fc.integer({ min: 1000, max: 120_000 }),
      delayedAckMs: fc.constantFrom(0, 0, 40, 200),
    }),
    client: uint32,
    server: fc.record({
      isn: uint32,
      backlog: fc.integer({ min: 0, max: 3 }),
      synQueue: fc.integer({ min: 0, max: 3 }),
      acceptQueue: fc.integer({ min: 0, max: 3 }),
      autoRead: fc.boolean(),
    }),
    opens: fc.boolean(),
    closes: fc.record({
      who: fc.constantFrom("none", "client", "server", "client-first", "server-first", "both-at-once"),
      at: fc.integer({ min: 100, max: 4000 }),
      gap: fc.integer({ min: 0, max: 3000 }),
    }),
    extra: fc.array(extraAction, { maxLength: 8 }),
    network: fc.array(fault, { maxLength: 4 }),
    inject: fc.array(injection, { maxLength: 2 }),
  })
  .map(({ profile, timing, client, server, opens, closes, extra, network, inject }) => ({
    profile,
    timing,
    endpoints: { client: { isn: client }, server },
    actions: [
      ...(opens
        ? [
            { at: 0, endpoint: "server" as const, call: "listen" as const },
            { at: 10, endpoint: "client" as const, call: "connect" as const },
          ]
        : []),
      ...closeActions(closes.who, closes.at, closes.gap),
      ...extra,
    ] as ScenarioInput["actions"],
    network,
    inject,
  }));

function closeActions(who: string, at: number, gap: number): ScenarioInput["actions"] {
  const close = (endpoint: "client" | "server", t: number) => ({ at: t, endpoint, call: "close" as const });
  switch (who) {
    case "client":
      return [close("client", at)];
    case "server":
      return [close("server", at)];
    case "client-first":
      return [close("client", at), close("server", at + gap)];
    case "server-first":
      return [close("server", at), close("client", at + gap)];
    case "both-at-once":
      return [close("client", at), close("server", at)];
    default:
      return [];
  }
}
