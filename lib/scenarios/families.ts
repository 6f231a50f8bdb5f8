// Scenario families: named generators that turn (parameters, seed) into a scenario and a
// plain-English description of its setup. Parameters are optional: what is not given,
// the seed picks. Nothing here reveals what the endpoints will do — that is the engine's.
import { z } from "zod";
import type { Profile, ScenarioInput } from "../tcp";
import { Rng } from "./prng";

export type Difficulty = 1 | 2 | 3 | 4;

export interface Built {
  scenario: ScenarioInput;
  /** The setup as sentences a student reads before answering. */
  setup: string[];
}

export interface Family<P extends z.ZodType = z.ZodType> {
  id: string;
  title: string;
  /** What the family teaches, in one or two sentences a student would understand. */
  concept: string;
  difficulty: Difficulty;
  profile: Profile;
  /** Counterfactual protocols answer "why does TCP do X?" by showing a TCP that does not. */
  counterfactual?: boolean;
  params: P;
  build(params: z.output<P>, rng: Rng): Built;
}

type Action = ScenarioInput["actions"][number];
/** A scenario being built: the optional lists are present, so families can push to them. */
type Draft = ScenarioInput & {
  timing: NonNullable<ScenarioInput["timing"]>;
  endpoints: Endpoints;
  network: NonNullable<ScenarioInput["network"]>;
  inject: NonNullable<ScenarioInput["inject"]>;
};
type Endpoints = {
  client: NonNullable<NonNullable<ScenarioInput["endpoints"]>["client"]>;
  server: NonNullable<NonNullable<ScenarioInput["endpoints"]>["server"]>;
};
type Endpoint = "client" | "server";
const other = (e: Endpoint): Endpoint => (e === "client" ? "server" : "client");
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const ordinal = (n: number) => ["first", "second", "third", "fourth", "fifth"][n - 1] ?? `${n}th`;

/** The opening every family shares: the server listens, the client connects. */
function opening(rng: Rng, profile: Profile = "rfc9293") {
  const latencyMs = rng.int(5, 120);
  const connectAt = rng.int(1, 40);
  const clientIsn = rng.isn();
  const serverIsn = rng.isn();
  const actions: Action[] = [
    { at: 0, endpoint: "server", call: "listen" },
    { at: connectAt, endpoint: "client", call: "connect" },
  ];
  const setup = [
    `Each segment takes ${latencyMs} ms to cross the network.`,
    `The client's initial sequence number is ${clientIsn}; the server's is ${serverIsn}.`,
    "At t = 0 ms the server calls listen().",
    `At t = ${connectAt} ms the client calls connect().`,
  ];
  const scenario: Draft = {
    profile,
    timing: { latencyMs },
    endpoints: { client: { isn: clientIsn }, server: { isn: serverIsn } },
    actions,
    network: [] as NonNullable<ScenarioInput["network"]>,
    inject: [] as NonNullable<ScenarioInput["inject"]>,
  } satisfies ScenarioInput;
  /** A time safely after the handshake has completed. */
  const settled = connectAt + 3 * latencyMs + rng.int(100, 400);
  return { latencyMs, connectAt, clientIsn, serverIsn, scenario, setup, settled };
}

/**
 * Which of the active closer's pure ACKs is its last one in a plain open-then-close:
 * the client's first pure ACK completes the handshake, so its last is #2; the server
 * sends no pure ACK while opening, so its last is #1.
 */
const lastAckOccurrence = (closer: Endpoint) => (closer === "client" ? 2 : 1);

/** Drops the first `count` segments of `from` with these flags; returns the sentence that says so. */
function loseFirst(scenario: Draft, from: Endpoint, flags: string, count: number): string {
  for (let i = 1; i <= count; i++) scenario.network.push({ match: { from, flags, occurrence: i }, effect: "drop" });
  const name = flags === "FIN+ACK" ? "FIN" : flags;
  return `The ${from}'s first ${plural(count, name)} ${count === 1 ? "is" : "are"} lost in the network.`;
}

const endpointParam = z.enum(["client", "server"]).optional();

function define<P extends z.ZodType>(family: Family<P>): Family<P> {
  return family;
}

export const families = [
  define({
    id: "handshake",
    title: "The three-way handshake",
    concept:
      "A connection opens with three segments: SYN, SYN+ACK, ACK. Each side sends its own initial sequence number and acknowledges the other's, so both know the numbering of both directions.",
    difficulty: 1,
    profile: "rfc9293",
    params: z.object({}).strict(),
    build(_p, rng) {
      const o = opening(rng);
      return { scenario: o.scenario, setup: o.setup };
    },
  }),

  define({
    id: "lost-syn",
    title: "A lost SYN",
    concept:
      "When the SYN is lost, nothing comes back, so the client's retransmission timer fires and it sends the SYN again — after 1 s, then 2 s more, then 4 s more: the timeout doubles each time.",
    difficulty: 2,
    profile: "rfc9293",
    params: z.object({ losses: z.number().int().min(1).max(4).optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      return { scenario: o.scenario, setup: [...o.setup, loseFirst(o.scenario, "client", "SYN", p.losses ?? rng.int(1, 3))] };
    },
  }),

  define({
    id: "lost-syn-ack",
    title: "A lost SYN+ACK",
    concept:
      "If the server's SYN+ACK is lost, both sides wait: the server in SYN_RECEIVED, the client in SYN_SENT. Both retransmission timers run, and whichever fires first repairs the handshake.",
    difficulty: 2,
    profile: "rfc9293",
    params: z.object({ losses: z.number().int().min(1).max(3).optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      return { scenario: o.scenario, setup: [...o.setup, loseFirst(o.scenario, "server", "SYN+ACK", p.losses ?? rng.int(1, 2))] };
    },
  }),

  define({
    id: "lost-final-ack",
    title: "A lost third segment",
    concept:
      "The client is ESTABLISHED as soon as it sends the third segment, but the server is not until that ACK arrives. If it is lost, the server retransmits its SYN+ACK, or the client's first data segment carries the missing acknowledgment.",
    difficulty: 2,
    profile: "rfc9293",
    params: z.object({ clientSends: z.boolean().optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      o.scenario.network.push({ match: { from: "client", flags: "ACK", occurrence: 1 }, effect: "drop" });
      const setup = [...o.setup, "The client's ACK that completes the handshake is lost."];
      if (p.clientSends ?? rng.chance(0.5)) {
        const at = o.connectAt + 2 * o.latencyMs + rng.int(5, Math.max(6, o.latencyMs));
        const bytes = rng.int(1, 1400);
        o.scenario.actions.push({ at, endpoint: "client", call: "send", bytes });
        setup.push(`At t = ${at} ms the client sends ${bytes} bytes.`);
      }
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "old-duplicate-syn",
    title: "An old duplicate SYN",
    concept:
      "A SYN from an earlier attempt, delayed in the network, reaches the server. The server cannot tell it is old, so it answers; only the client knows the SYN+ACK acknowledges the wrong number and resets it. This is why TCP needs a third segment.",
    difficulty: 3,
    profile: "rfc9293",
    params: z.object({ newSynDelayed: z.boolean().optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      const oldSeq = (o.clientIsn - rng.int(1000, 900_000) + 0x1_0000_0000) % 0x1_0000_0000;
      const at = rng.int(1, o.connectAt);
      o.scenario.inject.push({ at, to: "server", segment: { flags: "SYN", seq: oldSeq } });
      const setup = [
        ...o.setup,
        `At t = ${at} ms an old duplicate SYN with seq = ${oldSeq}, from an earlier connection attempt, reaches the server.`,
      ];
      if (p.newSynDelayed ?? rng.chance(0.5)) {
        const byMs = 2 * o.latencyMs + rng.int(20, 200);
        o.scenario.network.push({ match: { from: "client", flags: "SYN", occurrence: 1 }, effect: "delay", byMs });
        setup.push(`The client's new SYN is delayed in the network by an extra ${byMs} ms.`);
      }
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "simultaneous-open",
    title: "Simultaneous open",
    concept:
      "Two endpoints can both call connect() at about the same time. Their SYNs cross; each answers the other's SYN with a SYN+ACK and both pass through SYN_RECEIVED — four segments instead of three.",
    difficulty: 3,
    profile: "rfc9293",
    params: z.object({}).strict(),
    build(_p, rng) {
      const latencyMs = rng.int(20, 120);
      const t1 = rng.int(0, 30);
      const t2 = t1 + rng.int(0, latencyMs - 1);
      const [first, second]: Endpoint[] = rng.chance(0.5) ? ["client", "server"] : ["server", "client"];
      const clientIsn = rng.isn();
      const serverIsn = rng.isn();
      return {
        scenario: {
          timing: { latencyMs },
          endpoints: { client: { isn: clientIsn }, server: { isn: serverIsn } },
          actions: [
            { at: t1, endpoint: first, call: "connect" },
            { at: t2, endpoint: second, call: "connect" },
          ],
        },
        setup: [
          `Each segment takes ${latencyMs} ms to cross the network.`,
          `The client's initial sequence number is ${clientIsn}; the server's is ${serverIsn}.`,
          `Neither side listens. At t = ${t1} ms the ${first} calls connect(); at t = ${t2} ms the ${second} calls connect() too.`,
        ],
      };
    },
  }),

  define({
    id: "connection-refused",
    title: "Connection refused",
    concept:
      "A SYN that reaches a port where nobody listens is answered with a RST. The RST acknowledges the SYN, which is how the client knows it belongs to its own attempt: connect() fails at once.",
    difficulty: 1,
    profile: "rfc9293",
    params: z.object({ listensLater: z.boolean().optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      o.scenario.actions.shift(); // nobody listens at first
      const setup = o.setup.filter((s) => !s.includes("listen()"));
      setup.push("Nobody is listening on the server's port when the client connects.");
      if (p.listensLater ?? rng.chance(0.4)) {
        const at = o.connectAt + 2 * o.latencyMs + rng.int(100, 500);
        o.scenario.actions.push({ at, endpoint: "server", call: "listen" });
        setup.push(`At t = ${at} ms the server calls listen(); the client does not try again.`);
      }
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "active-close",
    title: "The active close",
    concept:
      "The side that closes first is the active closer: FIN_WAIT_1, FIN_WAIT_2, then TIME_WAIT. Each direction is closed separately, so a full close takes four segments.",
    difficulty: 2,
    profile: "rfc9293",
    params: z.object({ closer: endpointParam }).strict(),
    build(p, rng) {
      const o = opening(rng);
      const closer = p.closer ?? rng.pick(["client", "server"] as const);
      const gap = 3 * o.latencyMs + rng.int(50, 500);
      o.scenario.actions.push(
        { at: o.settled, endpoint: closer, call: "close" },
        { at: o.settled + gap, endpoint: other(closer), call: "close" },
      );
      return {
        scenario: o.scenario,
        setup: [
          ...o.setup,
          `At t = ${o.settled} ms the ${closer} calls close().`,
          `At t = ${o.settled + gap} ms the ${other(closer)} calls close().`,
        ],
      };
    },
  }),

  define({
    id: "passive-close",
    title: "The passive close",
    concept:
      "The side that receives the first FIN is the passive closer. It acknowledges the FIN at once and waits in CLOSE_WAIT until its own application closes; then it sends its FIN and waits in LAST_ACK for the final ACK.",
    difficulty: 2,
    profile: "rfc9293",
    params: z.object({ closer: endpointParam, sendsFirst: z.boolean().optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      const closer = p.closer ?? rng.pick(["client", "server"] as const);
      const passive = other(closer);
      const gap = 2 * o.latencyMs + rng.int(200, 3000);
      const setup = [...o.setup, `At t = ${o.settled} ms the ${closer} calls close().`];
      o.scenario.actions.push({ at: o.settled, endpoint: closer, call: "close" });
      if (p.sendsFirst ?? rng.chance(0.4)) {
        const bytes = rng.int(100, 2000);
        o.scenario.actions.push({ at: o.settled + gap - 1, endpoint: passive, call: "send", bytes });
        setup.push(`At t = ${o.settled + gap - 1} ms the ${passive} sends ${bytes} bytes.`);
      }
      o.scenario.actions.push({ at: o.settled + gap, endpoint: passive, call: "close" });
      setup.push(`At t = ${o.settled + gap} ms the ${passive} calls close().`);
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "combined-fin-ack",
    title: "A three-segment close",
    concept:
      "With delayed acknowledgments, the passive closer may not ACK a FIN at once. If its application closes quickly, its own FIN carries that ACK, and the close takes three segments instead of four.",
    difficulty: 3,
    profile: "rfc9293",
    params: z.object({ closer: endpointParam }).strict(),
    build(p, rng) {
      const o = opening(rng);
      const closer = p.closer ?? rng.pick(["client", "server"] as const);
      const delayedAckMs = rng.pick([100, 200, 300]);
      o.scenario.timing = { ...o.scenario.timing, delayedAckMs };
      const reply = o.settled + o.latencyMs + rng.int(1, delayedAckMs - 1);
      o.scenario.actions.push({ at: o.settled, endpoint: closer, call: "close" }, { at: reply, endpoint: other(closer), call: "close" });
      return {
        scenario: o.scenario,
        setup: [
          ...o.setup,
          `Both sides delay their acknowledgments by up to ${delayedAckMs} ms, hoping to send them with data.`,
          `At t = ${o.settled} ms the ${closer} calls close().`,
          `At t = ${reply} ms the ${other(closer)} calls close().`,
        ],
      };
    },
  }),

  define({
    id: "simultaneous-close",
    title: "Simultaneous close",
    concept:
      "If both sides close before either FIN arrives, each receives a FIN that does not acknowledge its own: both go from FIN_WAIT_1 to CLOSING, and both end in TIME_WAIT.",
    difficulty: 3,
    profile: "rfc9293",
    params: z.object({}).strict(),
    build(_p, rng) {
      const o = opening(rng);
      const second = o.settled + rng.int(0, o.latencyMs - 1);
      const [a, b]: Endpoint[] = rng.chance(0.5) ? ["client", "server"] : ["server", "client"];
      o.scenario.actions.push({ at: o.settled, endpoint: a, call: "close" }, { at: second, endpoint: b, call: "close" });
      return {
        scenario: o.scenario,
        setup: [...o.setup, `At t = ${o.settled} ms the ${a} calls close(), and at t = ${second} ms the ${b} calls close().`],
      };
    },
  }),

  define({
    id: "half-close",
    title: "Half-close: data after a FIN",
    concept:
      "A FIN closes only one direction. After the client closes, the server can keep sending data from CLOSE_WAIT, and the client, in FIN_WAIT_2, keeps receiving and acknowledging it.",
    difficulty: 3,
    profile: "rfc9293",
    params: z.object({ segments: z.number().int().min(1).max(4).optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      const bytes = (p.segments ?? rng.int(1, 3)) * 1460 - rng.int(0, 1000);
      const sendAt = o.settled + 2 * o.latencyMs + rng.int(10, 300);
      const closeAt = sendAt + 3 * o.latencyMs + rng.int(50, 500);
      o.scenario.actions.push(
        { at: o.settled, endpoint: "client", call: "close" },
        { at: sendAt, endpoint: "server", call: "send", bytes },
        { at: closeAt, endpoint: "server", call: "close" },
      );
      return {
        scenario: o.scenario,
        setup: [
          ...o.setup,
          `At t = ${o.settled} ms the client calls close(): it has nothing more to send.`,
          `At t = ${sendAt} ms the server sends ${bytes} bytes (at most 1460 bytes per segment).`,
          `At t = ${closeAt} ms the server calls close().`,
        ],
      };
    },
  }),

  define({
    id: "lost-fin",
    title: "A lost FIN",
    concept:
      "A FIN occupies a sequence number, so it is acknowledged and retransmitted like data: if it is lost, the closer stays in FIN_WAIT_1 and sends it again when its timer fires.",
    difficulty: 2,
    profile: "rfc9293",
    params: z.object({ closer: endpointParam, losses: z.number().int().min(1).max(3).optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      const closer = p.closer ?? rng.pick(["client", "server"] as const);
      const lost = loseFirst(o.scenario, closer, "FIN+ACK", p.losses ?? rng.int(1, 2));
      const later = o.settled + rng.int(4000, 9000);
      o.scenario.actions.push({ at: o.settled, endpoint: closer, call: "close" }, { at: later, endpoint: other(closer), call: "close" });
      return {
        scenario: o.scenario,
        setup: [
          ...o.setup,
          `At t = ${o.settled} ms the ${closer} calls close().`,
          lost,
          `At t = ${later} ms the ${other(closer)} calls close().`,
        ],
      };
    },
  }),

  define({
    id: "time-wait-lost-ack",
    title: "TIME_WAIT and the lost last ACK",
    concept:
      "The active closer's last ACK may be lost. The other side then retransmits its FIN, and only an endpoint that still remembers the connection — in TIME_WAIT — can acknowledge it. TIME_WAIT restarts its 2*MSL wait when that happens.",
    difficulty: 3,
    profile: "rfc9293",
    params: z.object({ closer: endpointParam }).strict(),
    build(p, rng) {
      const o = opening(rng);
      const closer = p.closer ?? rng.pick(["client", "server"] as const);
      const mslMs = rng.pick([15_000, 30_000, 60_000, 120_000]);
      o.scenario.timing = { ...o.scenario.timing, mslMs };
      const gap = 3 * o.latencyMs + rng.int(50, 400);
      o.scenario.actions.push(
        { at: o.settled, endpoint: closer, call: "close" },
        { at: o.settled + gap, endpoint: other(closer), call: "close" },
      );
      o.scenario.network.push({ match: { from: closer, flags: "ACK", occurrence: lastAckOccurrence(closer) }, effect: "drop" });
      return {
        scenario: o.scenario,
        setup: [
          ...o.setup,
          `The maximum segment lifetime (MSL) is ${mslMs / 1000} s.`,
          `At t = ${o.settled} ms the ${closer} calls close(); at t = ${o.settled + gap} ms the ${other(closer)} calls close().`,
          `The ${closer}'s ACK of the ${other(closer)}'s FIN is lost.`,
        ],
      };
    },
  }),

  define({
    id: "time-wait-old-segment",
    title: "TIME_WAIT and an old segment",
    concept:
      "A segment can wander in the network and arrive long after it was sent. TIME_WAIT keeps the connection's memory for 2*MSL so that such an old segment is recognised and ignored, instead of being mistaken for part of a new connection.",
    difficulty: 4,
    profile: "rfc9293",
    params: z.object({}).strict(),
    build(_p, rng) {
      const o = opening(rng);
      const mslMs = rng.pick([15_000, 30_000, 60_000]);
      o.scenario.timing = { ...o.scenario.timing, mslMs };
      const bytes = rng.int(100, 1400);
      const closeAt = o.settled + 3 * o.latencyMs + rng.int(100, 500);
      const copyAfter = closeAt - o.settled + rng.int(2000, 10_000);
      o.scenario.actions.push(
        { at: o.settled, endpoint: "server", call: "send", bytes },
        { at: closeAt, endpoint: "client", call: "close" },
        { at: closeAt + 2 * o.latencyMs + 10, endpoint: "server", call: "close" },
      );
      o.scenario.network.push({ match: { from: "server", flags: "PSH+ACK", occurrence: 1 }, effect: "duplicate", afterMs: copyAfter });
      return {
        scenario: o.scenario,
        setup: [
          ...o.setup,
          `The maximum segment lifetime (MSL) is ${mslMs / 1000} s.`,
          `At t = ${o.settled} ms the server sends ${bytes} bytes. The network duplicates that segment: a second copy arrives ${copyAfter} ms after the first.`,
          `At t = ${closeAt} ms the client calls close(), and the server closes as soon as it has seen the client's FIN.`,
        ],
      };
    },
  }),

  define({
    id: "reset-established",
    title: "Resets: abort and half-open connections",
    concept:
      "A RST ends a connection at once, with no FIN exchange. It comes from abort(), or from a host that has lost the connection — after a crash — when the other side, still ESTABLISHED, sends to it: a half-open connection.",
    difficulty: 2,
    profile: "rfc9293",
    params: z.object({ variant: z.enum(["abort", "crash-then-send", "crash-then-reconnect"]).optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      const variant = p.variant ?? rng.pick(["abort", "crash-then-send", "crash-then-reconnect"] as const);
      const who = rng.pick(["client", "server"] as const);
      const setup = [...o.setup];
      if (variant === "abort") {
        o.scenario.actions.push({ at: o.settled, endpoint: who, call: "abort" });
        setup.push(`At t = ${o.settled} ms the ${who} calls abort().`);
      } else if (variant === "crash-then-send") {
        const later = o.settled + rng.int(1000, 5000);
        o.scenario.actions.push(
          { at: o.settled, endpoint: who, call: "crash" },
          { at: later, endpoint: other(who), call: "send", bytes: rng.int(10, 1000) },
        );
        setup.push(`At t = ${o.settled} ms the ${who}'s host crashes and restarts, forgetting every connection; nothing is sent.`);
        setup.push(`At t = ${later} ms the ${other(who)} sends data on the connection.`);
      } else {
        const later = o.settled + rng.int(1000, 5000);
        o.scenario.actions.push({ at: o.settled, endpoint: "client", call: "crash" }, { at: later, endpoint: "client", call: "connect" });
        setup.push(`At t = ${o.settled} ms the client's host crashes and restarts, forgetting every connection; nothing is sent.`);
        setup.push(`At t = ${later} ms the client connects again, from the same port.`);
      }
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "fin-wait-2-timeout",
    title: "FIN_WAIT_2 that never ends (Linux)",
    concept:
      "After its FIN is acknowledged, the active closer waits in FIN_WAIT_2 for the peer's FIN, which may never come. The RFC waits forever; Linux gives up on a closed socket after 60 s, and a FIN arriving later gets a RST.",
    difficulty: 3,
    profile: "linux",
    params: z.object({ serverClosesLate: z.boolean().optional() }).strict(),
    build(p, rng) {
      const o = opening(rng, "linux");
      o.scenario.actions.push({ at: o.settled, endpoint: "client", call: "close" });
      const setup = [...o.setup, "Both hosts run Linux.", `At t = ${o.settled} ms the client calls close().`];
      if (p.serverClosesLate ?? rng.chance(0.6)) {
        const at = o.settled + rng.int(61_000, 90_000);
        o.scenario.actions.push({ at, endpoint: "server", call: "close" });
        setup.push(`The server's application does not close until t = ${at} ms.`);
      } else setup.push("The server's application never closes.");
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "syn-queue-overflow",
    title: "A full SYN queue (Linux)",
    concept:
      "listen(backlog) limits how many half-open connections (SYN_RECEIVED) the server keeps. When that SYN queue is full — for example during a SYN flood — new SYNs are dropped without an answer, and the client can only retransmit and wait.",
    difficulty: 4,
    profile: "linux",
    params: z.object({ backlog: z.number().int().min(1).max(8).optional(), full: z.boolean().optional() }).strict(),
    build(p, rng) {
      const o = opening(rng, "linux");
      const backlog = p.backlog ?? rng.int(1, 4);
      const full = p.full ?? rng.chance(0.75);
      // Linux's SYN queue holds backlog + 1 half-open connections (inet_csk_reqsk_queue_is_full).
      const queued = full ? backlog + 1 : rng.int(0, backlog);
      o.scenario.endpoints = { ...o.scenario.endpoints, server: { ...o.scenario.endpoints.server, backlog, synQueue: queued } };
      return {
        scenario: o.scenario,
        setup: [
          ...o.setup,
          "Both hosts run Linux (SYN cookies are off).",
          `The server listens with backlog = ${backlog}. At t = 0 its SYN queue already holds ${plural(queued, "half-open connection")} from other clients that never answer (Linux's SYN queue holds backlog + 1); each is dropped 63 s after it arrived.`,
        ],
      };
    },
  }),

  define({
    id: "accept-queue-overflow",
    title: "A full accept queue (Linux)",
    concept:
      "Connections that finished the handshake wait in the accept queue until the application calls accept(). When that queue is full, Linux drops new SYNs, so clients retransmit until the application catches up.",
    difficulty: 4,
    profile: "linux",
    // backlog >= 1: with SYN cookies off, Linux drops every SYN on a backlog of 0.
    params: z.object({ backlog: z.number().int().min(1).max(8).optional() }).strict(),
    build(p, rng) {
      const o = opening(rng, "linux");
      const backlog = p.backlog ?? rng.int(1, 3);
      const waiting = backlog + 1; // Linux's accept queue holds backlog + 1
      const acceptAt = o.connectAt + rng.int(1500, 20_000);
      o.scenario.endpoints = { ...o.scenario.endpoints, server: { ...o.scenario.endpoints.server, backlog, acceptQueue: waiting } };
      o.scenario.actions.push({ at: acceptAt, endpoint: "server", call: "accept" });
      return {
        scenario: o.scenario,
        setup: [
          ...o.setup,
          "Both hosts run Linux.",
          `The server listens with backlog = ${backlog}, and ${plural(waiting, "connection")} from other clients ${waiting === 1 ? "is" : "are"} already waiting to be accepted (Linux's accept queue holds backlog + 1).`,
          `At t = ${acceptAt} ms the server's application calls accept() once.`,
        ],
      };
    },
  }),

  define({
    id: "syn-timeout",
    title: "Retransmission backoff until give-up (Linux)",
    concept:
      "A client whose SYNs get no answer at all retransmits them, first after 1 s each time, then with a doubling timeout: Linux 6.x sends its first four retransmissions on a linear schedule (tcp_syn_linear_timeouts = 4) on top of its six doubling ones (tcp_syn_retries = 6), at 1, 2, 3, 4, 5, 7, 11, 19, 35 and 67 s. It gives up 131 s after the first SYN and connect() fails with a timeout.",
    difficulty: 2,
    profile: "linux",
    params: z.object({}).strict(),
    build(_p, rng) {
      const o = opening(rng, "linux");
      o.scenario.network.push({ match: { from: "client", flags: "SYN" }, effect: "drop" });
      return {
        scenario: o.scenario,
        setup: [...o.setup, "Both hosts run Linux.", "Every SYN the client sends is lost: the server never hears from it."],
      };
    },
  }),

  define({
    id: "two-way-handshake",
    title: "What if TCP used a two-way handshake?",
    concept:
      "Imagine a TCP where the server is established as soon as it answers a SYN. An old duplicate SYN then opens a connection that nobody asked for, and the server holds it forever: nothing tells it the SYN was stale.",
    difficulty: 3,
    profile: "two-way-handshake",
    counterfactual: true,
    params: z.object({ clientConnects: z.boolean().optional() }).strict(),
    build(p, rng) {
      const latencyMs = rng.int(5, 120);
      const clientIsn = rng.isn();
      const serverIsn = rng.isn();
      const oldSeq = (clientIsn - rng.int(1000, 900_000) + 0x1_0000_0000) % 0x1_0000_0000;
      const at = rng.int(10, 100);
      const actions: Action[] = [{ at: 0, endpoint: "server", call: "listen" }];
      const setup = [
        "This is not real TCP: here a connection is established by two segments, SYN and SYN+ACK, and a host that receives a SYN+ACK it did not expect ignores it.",
        `Each segment takes ${latencyMs} ms to cross the network. The server's initial sequence number is ${serverIsn}.`,
        "At t = 0 ms the server calls listen().",
        `At t = ${at} ms an old duplicate SYN with seq = ${oldSeq}, from a connection attempt the client abandoned long ago, reaches the server.`,
      ];
      if (p.clientConnects ?? rng.chance(0.3)) {
        const connectAt = at + 2 * latencyMs + rng.int(500, 3000);
        actions.push({ at: connectAt, endpoint: "client", call: "connect" });
        setup.push(`At t = ${connectAt} ms the client calls connect() with initial sequence number ${clientIsn}.`);
      } else setup.push("The client does not try to connect.");
      return {
        scenario: {
          profile: "two-way-handshake",
          timing: { latencyMs },
          endpoints: { client: { isn: clientIsn }, server: { isn: serverIsn } },
          actions,
          inject: [{ at, to: "server", segment: { flags: "SYN", seq: oldSeq } }],
        },
        setup,
      };
    },
  }),

  define({
    id: "no-time-wait",
    title: "What if TCP had no TIME_WAIT?",
    concept:
      "Imagine the active closer forgetting the connection as soon as it sends its last ACK. If that ACK is lost, the peer's retransmitted FIN reaches an endpoint that no longer knows the connection, and gets a RST instead of an ACK.",
    difficulty: 3,
    profile: "no-time-wait",
    counterfactual: true,
    params: z.object({ closer: endpointParam }).strict(),
    build(p, rng) {
      const o = opening(rng, "no-time-wait");
      const closer = p.closer ?? rng.pick(["client", "server"] as const);
      const gap = 3 * o.latencyMs + rng.int(50, 400);
      o.scenario.actions.push(
        { at: o.settled, endpoint: closer, call: "close" },
        { at: o.settled + gap, endpoint: other(closer), call: "close" },
      );
      o.scenario.network.push({ match: { from: closer, flags: "ACK", occurrence: lastAckOccurrence(closer) }, effect: "drop" });
      return {
        scenario: o.scenario,
        setup: [
          "This is not real TCP: here the active closer skips TIME_WAIT and goes straight to CLOSED.",
          ...o.setup,
          `At t = ${o.settled} ms the ${closer} calls close(); at t = ${o.settled + gap} ms the ${other(closer)} calls close().`,
          `The ${closer}'s ACK of the ${other(closer)}'s FIN is lost.`,
        ],
      };
    },
  }),
] as const satisfies readonly Family[];

export type FamilyId = (typeof families)[number]["id"];
export { ordinal };
