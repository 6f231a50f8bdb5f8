// Every family, over many seeds: it generates, it varies, and every variant shows the
// behaviour its concept promises (checked on the engine's trace, not on the generator).
import { describe, expect, it } from "vitest";
import { families, generate, generateVariant } from "@/lib/scenarios";
import { ScenarioError, simulate, stateSequence, type Trace, type TraceEvent } from "@/lib/tcp";
import { textIn } from "../i18n/render-in";

const en = textIn("en");

const SEEDS = Array.from({ length: 200 }, (_, i) => i * 7919 + 1);

const sends = (t: Trace, who: string, flags?: string) =>
  t.events.filter(
    (e): e is Extract<TraceEvent, { type: "send" }> => e.type === "send" && e.endpoint === who && (!flags || e.segment.flags === flags),
  );
const states = (t: Trace, who: "client" | "server") => stateSequence(t, who, { includeTransient: true });
/** The endpoint's application was told something whose id contains `part` ("refused", "reset"). */
const signalled = (t: Trace, who: string, part: string) =>
  t.events.some((e) => e.type === "signal" && e.endpoint === who && e.signal.includes(part));
const closerOf = (t: Trace) => (t.events.find((e) => e.type === "call" && e.call === "close")?.endpoint ?? "client") as "client" | "server";
const other = (e: "client" | "server") => (e === "client" ? "server" : "client");

/** What each family's concept promises, as a check on the trace. */
const SHOWS: Record<string, (t: Trace) => boolean> = {
  handshake: (t) =>
    t.final.client === "ESTABLISHED" && t.final.server === "ESTABLISHED" && t.events.filter((e) => e.type === "send").length === 3,
  "lost-syn": (t) => sends(t, "client", "SYN").some((e) => e.segment.retransmission) && t.final.client === "ESTABLISHED",
  "lost-syn-ack": (t) => sends(t, "server", "SYN+ACK").some((e) => e.segment.retransmission) && t.final.server === "ESTABLISHED",
  "lost-final-ack": (t) => t.events.some((e) => e.type === "drop" && e.segment.flags === "ACK") && t.final.server === "ESTABLISHED",
  "old-duplicate-syn": (t) => sends(t, "client", "RST").length >= 1 && t.final.client === "ESTABLISHED" && t.final.server === "ESTABLISHED",
  "simultaneous-open": (t) =>
    states(t, "client").includes("SYN_RECEIVED") && states(t, "server").includes("SYN_RECEIVED") && t.final.client === "ESTABLISHED",
  "connection-refused": (t) =>
    sends(t, "server", "RST+ACK").length === 1 && t.final.client === "CLOSED" && signalled(t, "client", "refused"),
  "active-close": (t) => states(t, closerOf(t)).join().includes("FIN_WAIT_1,FIN_WAIT_2,TIME_WAIT,CLOSED"),
  "passive-close": (t) =>
    states(t, other(closerOf(t)))
      .join()
      .includes("CLOSE_WAIT,LAST_ACK,CLOSED"),
  "combined-fin-ack": (t) => {
    const passive = other(closerOf(t));
    const afterFin = sends(t, passive).filter((e) => e.t > (t.events.find((x) => x.type === "call" && x.call === "close")?.t ?? 0));
    return afterFin.length === 1 && afterFin[0].segment.flags === "FIN+ACK";
  },
  "simultaneous-close": (t) => states(t, "client").includes("CLOSING") && states(t, "server").includes("CLOSING"),
  "half-close": (t) =>
    t.events.some((e) => e.type === "receive" && e.endpoint === "client" && e.segment.len > 0) &&
    states(t, "client").join().includes("FIN_WAIT_2,TIME_WAIT") &&
    states(t, "server").join().includes("CLOSE_WAIT,LAST_ACK"),
  "lost-fin": (t) =>
    sends(t, closerOf(t), "FIN+ACK").some((e) => e.segment.retransmission) && t.final.client === "CLOSED" && t.final.server === "CLOSED",
  "time-wait-lost-ack": (t) => {
    const closer = closerOf(t);
    const retransmitted = sends(t, other(closer), "FIN+ACK").find((e) => e.segment.retransmission);
    return Boolean(retransmitted) && !sends(t, closer, "RST").length && t.final[other(closer)] === "CLOSED";
  },
  "time-wait-old-segment": (t) => {
    const entered = t.events.find((e) => e.type === "state" && e.endpoint === "client" && e.to === "TIME_WAIT");
    return (
      Boolean(entered) && t.events.some((e) => e.type === "receive" && e.endpoint === "client" && e.segment.len > 0 && e.t > entered!.t)
    );
  },
  "reset-established": (t) =>
    (t.events.some((e) => e.type === "send" && e.segment.flags.startsWith("RST")) &&
      signalled(t, "client", "reset") !== signalled(t, "server", "reset")) ||
    t.final.server === "CLOSED",
  "fin-wait-2-timeout": (t) => t.events.some((e) => e.type === "timer" && e.timer === "fin-wait-2" && e.endpoint === "client"),
  "syn-queue-overflow": (t) => t.final.client === "ESTABLISHED",
  "accept-queue-overflow": (t) =>
    t.events.some((e) => e.type === "drop" && e.reason === "accept-queue-full") && t.final.client === "ESTABLISHED",
  // The first SYN and 6 + 4 retransmissions (tcp_syn_retries, tcp_syn_linear_timeouts).
  "syn-timeout": (t) => signalled(t, "client", "timed-out") && sends(t, "client", "SYN").length === 11,
  "two-way-handshake": (t) => states(t, "server").includes("ESTABLISHED") && t.final.server === "ESTABLISHED",
  "no-time-wait": (t) => sends(t, closerOf(t), "RST").length === 1 && !states(t, closerOf(t)).includes("TIME_WAIT"),
};

describe("scenario families", () => {
  it("cover the connection set-up and tear-down families the product teaches, each with a title, a concept and a difficulty", () => {
    const ids = families.map((f) => f.id);
    for (const id of [
      "handshake",
      "lost-syn",
      "lost-syn-ack",
      "lost-final-ack",
      "old-duplicate-syn",
      "simultaneous-open",
      "connection-refused",
      "active-close",
      "passive-close",
      "combined-fin-ack",
      "simultaneous-close",
      "half-close",
      "lost-fin",
      "time-wait-lost-ack",
      "time-wait-old-segment",
      "reset-established",
      "fin-wait-2-timeout",
      "syn-queue-overflow",
      "accept-queue-overflow",
      "two-way-handshake",
      "no-time-wait",
    ])
      expect(ids).toContain(id);
    for (const f of families) {
      expect(en(f.concept).length).toBeGreaterThan(60);
      expect(SHOWS[f.id], `no concept check for ${f.id}`).toBeTypeOf("function");
    }
  });

  describe.each(families.map((f) => [f.id] as const))("%s", (id) => {
    const runs = SEEDS.map((seed) => ({ seed, variant: generateVariant(id, {}, seed) }));

    it("generate(id, {}, seed) is deterministic and valid", () => {
      for (const { seed, variant } of runs.slice(0, 20)) expect(generate(id, {}, seed)).toEqual(variant.scenario);
    });

    it("varies with the seed: at least 100 distinct scenarios in 200 seeds", () => {
      expect(new Set(runs.map((r) => JSON.stringify(r.variant.scenario))).size).toBeGreaterThanOrEqual(100);
    });

    it("every variant shows what the family teaches", () => {
      const failing = runs.filter(({ variant }) => !SHOWS[id](simulate(variant.scenario))).map((r) => r.seed);
      expect(failing).toEqual([]);
    });

    it("describes its setup in sentences, with no state names given away", () => {
      for (const { variant } of runs.slice(0, 20)) {
        expect(variant.setup.length).toBeGreaterThan(1);
        // A counterfactual's premise ("here the active closer skips TIME_WAIT") is not a give-away.
        const told = variant.setup.map(en).filter((sentence) => !sentence.startsWith("This is not real TCP"));
        expect(told.join(" ")).not.toMatch(/ESTABLISHED|SYN_RECEIVED|FIN_WAIT|CLOSE_WAIT|TIME_WAIT|LAST_ACK|CLOSING/);
      }
    });
  });

  it("families whose structure varies give several distinct expected state sequences", () => {
    for (const id of [
      "active-close",
      "passive-close",
      "lost-fin",
      "time-wait-lost-ack",
      "reset-established",
      "connection-refused",
      "fin-wait-2-timeout",
      "no-time-wait",
    ]) {
      const sequences = new Set(
        SEEDS.map((seed) => {
          const trace = simulate(generate(id, {}, seed));
          return JSON.stringify([stateSequence(trace, "client"), stateSequence(trace, "server")]);
        }),
      );
      expect(sequences.size, id).toBeGreaterThanOrEqual(2);
    }
  });

  it("ISNs cover the full 32-bit range, including values near the wrap-around", () => {
    const isns = SEEDS.map((seed) => generate("handshake", {}, seed).endpoints.client.isn);
    expect(Math.max(...isns)).toBeGreaterThan(0xffff_0000);
    expect(Math.min(...isns)).toBeLessThan(0x1000_0000);
  });

  it("rejects unknown families and bad parameters with a clear message", () => {
    expect(() => generate("three-way-handshake", {}, 1)).toThrow(ScenarioError);
    expect(() => generate("three-way-handshake", {}, 1)).toThrow(/is not a scenario family/);
    expect(() => generate("lost-syn", { losses: 9 }, 1)).toThrow(/params\.losses/);
    expect(() => generate("lost-syn", { nonsense: 1 }, 1)).toThrow(/params/);
  });

  it("fixed parameters are honoured", () => {
    const trace = simulate(generate("lost-syn", { losses: 3 }, 5));
    expect(sends(trace, "client", "SYN")).toHaveLength(4);
    const serverCloses = simulate(generate("active-close", { closer: "server" }, 5));
    expect(states(serverCloses, "server")).toContain("TIME_WAIT");
  });
});
