// The misconception behind a wrong answer, as data: a language-free normalized key of the
// first mistake (which endpoint role, what the student said, what happens) and the scenario
// features of the variant (which faults fired, who opened and who closed first, the profile).
// Two students who make the same mistake on different seeds, or in different languages, get
// the same key, so the class's wrong answers can be counted by misconception
// (lib/analytics/misconceptions.ts). Pure: computed from the trace and the parsed answer.
import { z } from "zod";
import { PROFILES, STATES, type EndpointName, type State, type Trace } from "../tcp";
import type { QuestionInstance } from "./instance";
import { CHOICE_TOPICS } from "./kinds/choice-topics";

/**
 * The part an endpoint plays in the phase of the connection a mistake is in, read from the
 * trace: it sent the first SYN (active opener) or answered one (passive opener), both sent a
 * SYN (simultaneous open); it sent the first FIN (active closer) or received it first
 * (passive closer), both sent a FIN before receiving the other's (simultaneous close, RFC 9293
 * §3.6, Figure 13); "none": the trace shows no such phase for it.
 */
export const ROLES = [
  "active-opener",
  "passive-opener",
  "simultaneous-opener",
  "active-closer",
  "passive-closer",
  "simultaneous-closer",
  "none",
] as const;
export type EndpointRole = (typeof ROLES)[number];

const role = z.enum(ROLES);
const state = z.enum(STATES);
/** A state the student named, or none at all. */
const saidState = z.union([state, z.literal("none")]);
/** Flags of a segment ("SYN+ACK"), or "none" where there is no segment. */
const flags = z.string().max(40);
const segmentField = z.enum(["from", "flags", "seq", "ack", "state"]);

/** The key of a first mistake, one shape per answer kind. Every value is a fixed id, a state or flags: no words. */
export const MistakeKeySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("states"),
    role,
    /** The last state both agree on (null: the student's first state is wrong). */
    after: state.nullable(),
    /** "none": the student's list stops here; "more": it goes on after the real end. */
    said: z.union([state, z.literal("none")]),
    actual: z.union([state, z.literal("end")]),
  }),
  z.object({
    kind: z.literal("segments"),
    role,
    /** The segment the student got wrong (or "none": the student sent one too many). */
    actual: flags,
    said: flags,
    /** The fields that differ, or ["missing"] / ["extra"]. */
    fields: z.array(z.union([segmentField, z.literal("missing"), z.literal("extra")])).max(5),
    /** The true segment is a retransmission (the timer resent it after a loss). */
    retransmission: z.boolean(),
  }),
  z.object({
    kind: z.literal("next"),
    role,
    actual: flags,
    said: flags,
    actualState: state,
    saidState,
    fields: z.array(segmentField).max(5),
    retransmission: z.boolean(),
  }),
  z.object({
    kind: z.literal("time"),
    role,
    state,
    measure: z.enum(["leave", "duration"]),
    /** The student's time against the true one: too early, too late, "never" for a state that is left, a time for one never left, or none. */
    error: z.enum(["early", "late", "said-never", "said-time", "none"]),
  }),
  z.object({ kind: z.literal("final-state"), role, said: saidState, actual: state }),
  z.object({
    kind: z.literal("choice"),
    topic: z.enum(CHOICE_TOPICS),
    said: z.union([z.string().max(60), z.literal("none")]),
    actual: z.string().max(60),
  }),
]);
export type MistakeKey = z.output<typeof MistakeKeySchema>;

/** Who did something first: one endpoint, both at once (simultaneous), or nobody. */
const who = z.enum(["client", "server", "both", "none"]);

/** What the variant was: the faults that fired, who opened and who closed first, the profile. */
export const ScenarioFeaturesSchema = z.object({
  profile: z.enum(PROFILES),
  openedBy: who,
  closedFirst: who,
  /** Each fault that fired, as "<effect>:<sender>:<flags>", e.g. "drop:client:FIN+ACK"; sorted, each once. */
  faults: z.array(z.string().max(80)).max(100),
});
export type ScenarioFeatures = z.output<typeof ScenarioFeaturesSchema>;

const OTHER: Record<EndpointName, EndpointName> = { client: "server", server: "client" };
const has = (flagText: string, flag: string) => flagText.split("+").includes(flag);

interface FirstSends {
  /** Trace index of the endpoint's first SYN without ACK, FIN, and of its first received FIN. */
  syn: number | null;
  fin: number | null;
  finReceived: number | null;
}

function firstSends(trace: Trace, endpoint: EndpointName): FirstSends {
  const out: FirstSends = { syn: null, fin: null, finReceived: null };
  trace.events.forEach((e, i) => {
    if (e.endpoint !== endpoint) return;
    if (e.type === "send" && !e.segment.injected) {
      if (out.syn === null && has(e.segment.flags, "SYN") && !has(e.segment.flags, "ACK")) out.syn = i;
      if (out.fin === null && has(e.segment.flags, "FIN")) out.fin = i;
    }
    if (e.type === "receive" && out.finReceived === null && has(e.segment.flags, "FIN") && !e.segment.injected) out.finReceived = i;
  });
  return out;
}

/** Who sent the first SYN: one endpoint, or both (each sent a SYN without ACK), or nobody. */
export function openedBy(trace: Trace): "client" | "server" | "both" | "none" {
  const c = firstSends(trace, "client").syn;
  const s = firstSends(trace, "server").syn;
  if (c !== null && s !== null) return "both";
  return c !== null ? "client" : s !== null ? "server" : "none";
}

/** Who sent the first FIN: one endpoint, both (each before receiving the other's), or nobody. */
export function closedFirst(trace: Trace): "client" | "server" | "both" | "none" {
  const c = firstSends(trace, "client");
  const s = firstSends(trace, "server");
  const early = (x: FirstSends) => x.fin !== null && (x.finReceived === null || x.fin < x.finReceived);
  if (early(c) && early(s)) return "both";
  if (c.fin === null && s.fin === null) return "none";
  if (c.fin === null) return "server";
  if (s.fin === null) return "client";
  return c.fin < s.fin ? "client" : "server";
}

const CLOSING: ReadonlySet<State> = new Set(["FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT", "CLOSING", "LAST_ACK", "TIME_WAIT"]);

/** The endpoint's role in the opening ("open") or the closing ("close") of the connection. */
export function roleOf(trace: Trace, endpoint: EndpointName, phase: "open" | "close"): EndpointRole {
  if (phase === "close") {
    const first = closedFirst(trace);
    if (first === "both") return "simultaneous-closer";
    if (first !== "none") return first === endpoint ? "active-closer" : "passive-closer";
  }
  const opener = openedBy(trace);
  if (opener === "both") return "simultaneous-opener";
  if (opener === "none") return "none";
  return opener === endpoint ? "active-opener" : "passive-opener";
}

/** The phase a mistake about these states is in: closing once any of them is a closing state. */
export function phaseOf(states: readonly (State | null | undefined)[]): "open" | "close" {
  return states.some((s) => s && CLOSING.has(s)) ? "close" : "open";
}

/** The phase of the trace at event `index`: closing once either endpoint has sent a FIN. */
export function phaseAt(trace: Trace, index: number): "open" | "close" {
  for (let i = 0; i < index && i < trace.events.length; i++) {
    const e = trace.events[i];
    if (e.type === "send" && has(e.segment.flags, "FIN")) return "close";
  }
  const e = trace.events[index];
  return e && e.type === "send" && has(e.segment.flags, "FIN") ? "close" : "open";
}

/** The faults that fired in the trace, each once, sorted: "drop:client:FIN+ACK", "delay:server:SYN+ACK", "duplicate:…". */
export function firedFaults(trace: Trace): string[] {
  const out = new Set<string>();
  for (const e of trace.events) {
    if (e.type === "drop" && e.reason === "network") out.add(`drop:${e.segment.from}:${e.segment.flags}`);
    else if (e.type === "drop") out.add(`${e.reason}:${e.segment.from}:${e.segment.flags}`);
    else if (e.type === "delay") out.add(`delay:${e.segment.from}:${e.segment.flags}`);
    else if (e.type === "duplicate") out.add(`duplicate:${e.segment.from}:${e.segment.flags}`);
    else if (e.type === "receive" && e.segment.injected) out.add(`inject:${OTHER[e.endpoint]}:${e.segment.flags}`);
  }
  return [...out].sort();
}

export function scenarioFeatures(q: Pick<QuestionInstance, "scenario" | "trace">): ScenarioFeatures {
  return { profile: q.scenario.profile, openedBy: openedBy(q.trace), closedFirst: closedFirst(q.trace), faults: firedFaults(q.trace) };
}

/** One text per key: the same misconception gives the same id, whatever the order its object was built in. */
export function mistakeKeyId(key: MistakeKey): string {
  const sorted = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(sorted)
      : value && typeof value === "object"
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((k) => [k, sorted((value as Record<string, unknown>)[k])]),
          )
        : value;
  return JSON.stringify(sorted(key));
}
