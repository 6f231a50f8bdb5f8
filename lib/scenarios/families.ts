// Scenario families: named generators that turn (parameters, seed) into a scenario and a
// description of its setup, as catalog messages (namespace `setup`) a student reads in their
// own language. Parameters are optional: what is not given, the seed picks. Nothing here
// reveals what the endpoints will do — that is the engine's.
import { z } from "zod";
import type { Messages } from "../../messages";
import { msg, type MessageKey, type Msg, type MsgValue, type Text } from "../i18n/msg";
import { MSS, endpointName, type CallName, type Profile, type ScenarioInput } from "../tcp";
import { CUSTOM_FAMILY } from "./custom";
import { Rng } from "./prng";

export type Difficulty = 1 | 2 | 3 | 4;

export interface Built {
  scenario: ScenarioInput;
  /** The setup as sentences a student reads before answering. */
  setup: Msg[];
}

/** A family as written below; its title and concept are the catalogs' `families.<id>.title` / `.concept`. */
interface FamilySpec<P extends z.ZodType = z.ZodType> {
  id: string;
  difficulty: Difficulty;
  profile: Profile;
  /** Counterfactual protocols answer "why does TCP do X?" by showing a TCP that does not. */
  counterfactual?: boolean;
  params: P;
  build(params: z.output<P>, rng: Rng): Built;
}

export interface Family<P extends z.ZodType = z.ZodType> extends FamilySpec<P> {
  title: Msg;
  /** What the family teaches, in one or two sentences a student would understand. */
  concept: Msg;
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
/**
 * Linux forgets another client's half-open entry when its SYN-ACK retries run out: with the
 * default 1 s RTO and 5 retries, 1 + 2 + ... + 32 = 63 s after it arrived (endpoint.ts).
 */
const SYN_QUEUE_EXPIRY_S = 63;
const other = (e: Endpoint): Endpoint => (e === "client" ? "server" : "client");
const who = endpointName;
/** A setup sentence: the catalogs' `setup.<key>`. */
const say = (key: keyof Messages["setup"], values?: Record<string, MsgValue>): Msg => msg(`setup.${key}`, values);
/** "At t = 120 ms the client calls close()." */
const calls = (t: number, endpoint: Endpoint, call: CallName): Msg => say("call", { t, endpoint: who(endpoint), call });

/** The opening every family shares: the server listens, the client connects. */
function opening(rng: Rng, profile: Profile = "rfc9293", listens = true) {
  const latencyMs = rng.int(5, 120);
  const connectAt = rng.int(1, 40);
  const clientIsn = rng.isn();
  const serverIsn = rng.isn();
  const actions: Action[] = [
    ...(listens ? [{ at: 0, endpoint: "server", call: "listen" } as const] : []),
    { at: connectAt, endpoint: "client", call: "connect" },
  ];
  const setup = [
    say("latency", { latencyMs }),
    say("isns", { clientIsn, serverIsn }),
    ...(listens ? [calls(0, "server", "listen")] : []),
    calls(connectAt, "client", "connect"),
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
function loseFirst(scenario: Draft, from: Endpoint, flags: string, count: number): Msg {
  for (let i = 1; i <= count; i++) scenario.network.push({ match: { from, flags, occurrence: i }, effect: "drop" });
  return say("lost", { endpoint: who(from), count, flags: flags === "FIN+ACK" ? "FIN" : flags });
}

const endpointParam = z.enum(["client", "server"]).optional();

function define<const Id extends string, P extends z.ZodType>(spec: FamilySpec<P> & { id: Id }): Family<P> & { id: Id } {
  // _catalogued below proves the catalog has both messages for every id.
  return { ...spec, title: msg(`families.${spec.id}.title` as MessageKey), concept: msg(`families.${spec.id}.concept` as MessageKey) };
}

export const families = [
  define({
    id: "handshake",
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
    difficulty: 2,
    profile: "rfc9293",
    params: z.object({ clientSends: z.boolean().optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      o.scenario.network.push({ match: { from: "client", flags: "ACK", occurrence: 1 }, effect: "drop" });
      const setup = [...o.setup, say("finalAckLost")];
      if (p.clientSends ?? rng.chance(0.5)) {
        const at = o.connectAt + 2 * o.latencyMs + rng.int(5, Math.max(6, o.latencyMs));
        const bytes = rng.int(1, 1400);
        o.scenario.actions.push({ at, endpoint: "client", call: "send", bytes });
        setup.push(say("sends", { t: at, endpoint: who("client"), bytes }));
      }
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "old-duplicate-syn",
    difficulty: 3,
    profile: "rfc9293",
    params: z.object({ newSynDelayed: z.boolean().optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      const oldSeq = (o.clientIsn - rng.int(1000, 900_000) + 0x1_0000_0000) % 0x1_0000_0000;
      const at = rng.int(1, o.connectAt);
      o.scenario.inject.push({ at, to: "server", segment: { flags: "SYN", seq: oldSeq } });
      const setup = [...o.setup, say("oldSyn", { t: at, seq: oldSeq })];
      if (p.newSynDelayed ?? rng.chance(0.5)) {
        const byMs = 2 * o.latencyMs + rng.int(20, 200);
        o.scenario.network.push({ match: { from: "client", flags: "SYN", occurrence: 1 }, effect: "delay", byMs });
        setup.push(say("newSynDelayed", { ms: byMs }));
      }
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "simultaneous-open",
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
          say("latency", { latencyMs }),
          say("isns", { clientIsn, serverIsn }),
          say("bothConnect", { t1, first: who(first), t2, second: who(second) }),
        ],
      };
    },
  }),

  define({
    id: "connection-refused",
    difficulty: 1,
    profile: "rfc9293",
    params: z.object({ listensLater: z.boolean().optional() }).strict(),
    build(p, rng) {
      const o = opening(rng, "rfc9293", false); // nobody listens at first
      const setup = [...o.setup, say("nobodyListens")];
      if (p.listensLater ?? rng.chance(0.4)) {
        const at = o.connectAt + 2 * o.latencyMs + rng.int(100, 500);
        o.scenario.actions.push({ at, endpoint: "server", call: "listen" });
        setup.push(say("listensLater", { t: at }));
      }
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "active-close",
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
        setup: [...o.setup, calls(o.settled, closer, "close"), calls(o.settled + gap, other(closer), "close")],
      };
    },
  }),

  define({
    id: "passive-close",
    difficulty: 2,
    profile: "rfc9293",
    params: z.object({ closer: endpointParam, sendsFirst: z.boolean().optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      const closer = p.closer ?? rng.pick(["client", "server"] as const);
      const passive = other(closer);
      const gap = 2 * o.latencyMs + rng.int(200, 3000);
      const setup = [...o.setup, calls(o.settled, closer, "close")];
      o.scenario.actions.push({ at: o.settled, endpoint: closer, call: "close" });
      if (p.sendsFirst ?? rng.chance(0.4)) {
        const bytes = rng.int(100, 2000);
        o.scenario.actions.push({ at: o.settled + gap - 1, endpoint: passive, call: "send", bytes });
        setup.push(say("sends", { t: o.settled + gap - 1, endpoint: who(passive), bytes }));
      }
      o.scenario.actions.push({ at: o.settled + gap, endpoint: passive, call: "close" });
      setup.push(calls(o.settled + gap, passive, "close"));
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "combined-fin-ack",
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
          say("delayedAcks", { ms: delayedAckMs }),
          calls(o.settled, closer, "close"),
          calls(reply, other(closer), "close"),
        ],
      };
    },
  }),

  define({
    id: "simultaneous-close",
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
        setup: [...o.setup, say("bothClose", { t1: o.settled, first: who(a), t2: second, second: who(b) })],
      };
    },
  }),

  define({
    id: "half-close",
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
          say("clientDone", { t: o.settled }),
          say("sendsSegmented", { t: sendAt, bytes, mss: MSS }),
          calls(closeAt, "server", "close"),
        ],
      };
    },
  }),

  define({
    id: "lost-fin",
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
        setup: [...o.setup, calls(o.settled, closer, "close"), lost, calls(later, other(closer), "close")],
      };
    },
  }),

  define({
    id: "time-wait-lost-ack",
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
          say("msl", { seconds: mslMs / 1000 }),
          say("closeThenClose", { t1: o.settled, first: who(closer), t2: o.settled + gap, second: who(other(closer)) }),
          say("lastAckLost", { closer: who(closer), other: who(other(closer)) }),
        ],
      };
    },
  }),

  define({
    id: "time-wait-old-segment",
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
          say("msl", { seconds: mslMs / 1000 }),
          say("duplicated", { t: o.settled, bytes, ms: copyAfter }),
          say("clientClosesServerFollows", { t: closeAt }),
        ],
      };
    },
  }),

  define({
    id: "reset-established",
    difficulty: 2,
    profile: "rfc9293",
    params: z.object({ variant: z.enum(["abort", "crash-then-send", "crash-then-reconnect"]).optional() }).strict(),
    build(p, rng) {
      const o = opening(rng);
      const variant = p.variant ?? rng.pick(["abort", "crash-then-send", "crash-then-reconnect"] as const);
      const victim = rng.pick(["client", "server"] as const);
      const setup = [...o.setup];
      if (variant === "abort") {
        o.scenario.actions.push({ at: o.settled, endpoint: victim, call: "abort" });
        setup.push(calls(o.settled, victim, "abort"));
      } else if (variant === "crash-then-send") {
        const later = o.settled + rng.int(1000, 5000);
        o.scenario.actions.push(
          { at: o.settled, endpoint: victim, call: "crash" },
          { at: later, endpoint: other(victim), call: "send", bytes: rng.int(10, 1000) },
        );
        setup.push(say("crash", { t: o.settled, endpoint: who(victim) }), say("sendsData", { t: later, endpoint: who(other(victim)) }));
      } else {
        const later = o.settled + rng.int(1000, 5000);
        o.scenario.actions.push({ at: o.settled, endpoint: "client", call: "crash" }, { at: later, endpoint: "client", call: "connect" });
        setup.push(say("crash", { t: o.settled, endpoint: who("client") }), say("reconnects", { t: later }));
      }
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "fin-wait-2-timeout",
    difficulty: 3,
    profile: "linux",
    params: z.object({ serverClosesLate: z.boolean().optional() }).strict(),
    build(p, rng) {
      const o = opening(rng, "linux");
      o.scenario.actions.push({ at: o.settled, endpoint: "client", call: "close" });
      const setup = [...o.setup, say("linux"), calls(o.settled, "client", "close")];
      if (p.serverClosesLate ?? rng.chance(0.6)) {
        const at = o.settled + rng.int(61_000, 90_000);
        o.scenario.actions.push({ at, endpoint: "server", call: "close" });
        setup.push(say("serverClosesAt", { t: at }));
      } else setup.push(say("serverNeverCloses"));
      return { scenario: o.scenario, setup };
    },
  }),

  define({
    id: "syn-queue-overflow",
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
        setup: [...o.setup, say("linuxNoCookies"), say("synQueue", { backlog, queued, expiresS: SYN_QUEUE_EXPIRY_S })],
      };
    },
  }),

  define({
    id: "accept-queue-overflow",
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
        setup: [...o.setup, say("linux"), say("acceptQueue", { backlog, waiting }), say("acceptOnce", { t: acceptAt })],
      };
    },
  }),

  define({
    id: "syn-timeout",
    difficulty: 2,
    profile: "linux",
    params: z.object({}).strict(),
    build(_p, rng) {
      const o = opening(rng, "linux");
      o.scenario.network.push({ match: { from: "client", flags: "SYN" }, effect: "drop" });
      return {
        scenario: o.scenario,
        setup: [...o.setup, say("linux"), say("everySynLost")],
      };
    },
  }),

  define({
    id: "two-way-handshake",
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
        say("notTcpTwoWay"),
        say("latencyServerIsn", { latencyMs, serverIsn }),
        calls(0, "server", "listen"),
        say("oldSynAbandoned", { t: at, seq: oldSeq }),
      ];
      if (p.clientConnects ?? rng.chance(0.3)) {
        const connectAt = at + 2 * latencyMs + rng.int(500, 3000);
        actions.push({ at: connectAt, endpoint: "client", call: "connect" });
        setup.push(say("connectWithIsn", { t: connectAt, isn: clientIsn }));
      } else setup.push(say("clientNeverConnects"));
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
          say("notTcpNoTimeWait"),
          ...o.setup,
          say("closeThenClose", { t1: o.settled, first: who(closer), t2: o.settled + gap, second: who(other(closer)) }),
          say("lastAckLost", { closer: who(closer), other: who(other(closer)) }),
        ],
      };
    },
  }),
] as const satisfies readonly Family[];

export type FamilyId = (typeof families)[number]["id"];

// Every family's title and concept are in the English catalog, or this fails to compile.
const _catalogued: readonly MessageKey[] = [] as `families.${FamilyId}.${"title" | "concept"}`[];

const byId = new Map<string, Family>(families.map((f) => [f.id, f as Family]));
/** Titles and concepts by id: the families and the custom pseudo-family (lib/scenarios/custom.ts). */
const named = new Map<string, { title: Msg; concept: Msg }>([...byId, [CUSTOM_FAMILY.id, CUSTOM_FAMILY]]);

/** A family's title by its id ("The three-way handshake"); an id that is no family is shown as it is. */
export function familyTitle(id: string): Text {
  return named.get(id)?.title ?? id;
}

/** What a family teaches, by its id; an id that is no family is shown as it is. */
export function familyConcept(id: string): Text {
  return named.get(id)?.concept ?? id;
}
