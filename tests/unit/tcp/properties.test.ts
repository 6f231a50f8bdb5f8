// Properties of the engine over random valid scenarios: what must hold for every run,
// whatever the calls, faults and stray segments.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { segmentLength, parseFlags } from "@/lib/tcp/flags";
import { seqGe } from "@/lib/tcp/seq";
import { STATES, simulate, stateSequence, type State, type Trace } from "@/lib/tcp";
import { RULES, TRANSITIONS } from "@/lib/tcp/transitions";
import { scenarioArb } from "./arbitraries";

const RUNS = { numRuns: 400 };

function bits(flags: string): number {
  const parsed = parseFlags(flags);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.bits;
}

// The (from, to, citation, rule id) of every state event the engine may record, from the table.
const ALLOWED = new Set(TRANSITIONS.map((t) => `${t.from}>${t.to} ${RULES[t.rule].cites}: ${t.rule}`));

describe("engine properties (fast-check)", () => {
  it("never throws on a valid scenario, and the run ends within untilMs", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const trace = simulate(s);
        expect(trace.endMs).toBeLessThanOrEqual(86_400_000);
        expect(trace.final.client).toBe(stateSequence(trace, "client").at(-1));
      }),
      RUNS,
    );
  });

  it("is deterministic: the same scenario gives the same trace, byte for byte", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        expect(JSON.stringify(simulate(s))).toBe(JSON.stringify(simulate(structuredClone(s))));
      }),
      RUNS,
    );
  });

  it("every state event has a cause event before it, of the same endpoint", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const { events } = simulate(s);
        events.forEach((e, i) => {
          if (e.type !== "state") return;
          expect(e.cause).toBeLessThan(i);
          const cause = events[e.cause];
          expect(["receive", "timer", "call"]).toContain(cause.type);
          expect(cause.endpoint).toBe(e.endpoint);
          expect(cause.t).toBe(e.t);
          expect(e.rule).not.toBe("");
        });
      }),
      RUNS,
    );
  });

  it("every transition is in lib/tcp/transitions.ts (RFC 9293 Figure 5 or a documented extension), with its citation and rule id", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        for (const e of simulate(s).events) {
          if (e.type === "state") expect(ALLOWED).toContain(`${e.from}>${e.to} ${e.rule}: ${e.ruleId}`);
        }
      }),
      RUNS,
    );
  });

  it("sequence numbers of new segments never go backwards within a connection", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const last: Record<string, number | null> = { client: null, server: null };
        for (const e of simulate(s).events) {
          if (e.type === "state" && (e.to === "CLOSED" || e.to === "LISTEN" || e.from === "CLOSED" || e.from === "LISTEN")) {
            last[e.endpoint] = null;
          }
          if (e.type !== "send" || e.segment.retransmission || e.segment.flags.includes("RST")) continue;
          const prev = last[e.endpoint];
          if (prev !== null) expect(seqGe(e.segment.seq, prev), `${e.endpoint} sent seq ${e.segment.seq} after ${prev}`).toBe(true);
          last[e.endpoint] = e.segment.seq;
        }
      }),
      RUNS,
    );
  });

  it("an ACK never acknowledges bytes the peer has not sent", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const ends: Record<string, Set<number>> = { client: new Set(), server: new Set() };
        for (const e of simulate(s).events) {
          if (e.type === "receive") {
            const b = bits(e.segment.flags);
            ends[e.endpoint].add((e.segment.seq + segmentLength(b, e.segment.len)) >>> 0);
            if (b & 1) ends[e.endpoint].add((e.segment.seq + 1) >>> 0); // data on a SYN is not taken
          }
          if (e.type === "send" && e.segment.flags.includes("ACK")) {
            expect(ends[e.endpoint].has(e.segment.ack), `${e.endpoint} acked ${e.segment.ack}`).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it("a transient state is followed by another change of the same endpoint, from the same cause", () => {
    fc.assert(
      fc.property(scenarioArb, (s) => {
        const trace: Trace = simulate(s);
        const events = trace.events;
        events.forEach((e, i) => {
          if (e.type !== "state" || !e.transient) return;
          const next = events.slice(i + 1).find((n) => n.type === "state" && n.endpoint === e.endpoint);
          expect(next && next.type === "state" && next.cause).toBe(e.cause);
          expect(next && next.type === "state" && next.from).toBe(e.to);
        });
        const all = stateSequence(trace, "server", { includeTransient: true });
        const shown = stateSequence(trace, "server");
        const transient = events.filter((e) => e.type === "state" && e.endpoint === "server" && e.transient).length;
        expect(all.length - shown.length).toBe(transient);
      }),
      RUNS,
    );
  });

  it("the generator reaches every state (so the properties above are exercised)", () => {
    const reached = new Set<State>();
    for (const s of fc.sample(scenarioArb, { numRuns: 400, seed: 42 })) {
      for (const e of simulate(s).events) if (e.type === "state") reached.add(e.to);
    }
    expect([...reached].sort()).toEqual([...STATES].sort());
  });
});
