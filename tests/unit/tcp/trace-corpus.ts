// A fixed corpus of runs that covers what the engine does: every scenario family at 50 seeds
// (each through generateVariant and simulateParsed, as a question instance runs it), 600 random
// scenarios from the property tests' generator (through simulate, validation included), the
// same in profile linux with lowered sysctls, and the benchmark's scenarios. Performance work
// must leave every trace of it unchanged: trace-corpus.test.ts holds a hash of the corpus, and
// tests/bench/trace-corpus.ts compares the full traces of two checkouts.
import { createHash } from "node:crypto";
import fc from "fast-check";
import { families, generateVariant } from "@/lib/scenarios";
import { ScenarioError, simulate, simulateParsed, type ScenarioInput, type Trace, type TraceEvent } from "@/lib/tcp";
import { engineScenarios } from "../../bench/engine";
import { scenarioArb } from "./arbitraries";

export const FAMILY_SEEDS = 50;
export const RANDOM_SCENARIOS = 600;

export interface CorpusCase {
  name: string;
  run: () => Trace;
}

// Lowered sysctls, so the limits they set are reached within the random scenarios' few seconds.
const SYSCTLS = [
  { tcp_syn_retries: 1, tcp_syn_linear_timeouts: 0, tcp_synack_retries: 1, tcp_fin_timeout: 1 },
  { tcp_syn_retries: 2, tcp_syn_linear_timeouts: 1, tcp_max_syn_backlog: 4, somaxconn: 1, tcp_rto_min_us: 5000 },
] as const;

export function corpus(): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const family of families) {
    for (let i = 0; i < FAMILY_SEEDS; i++) {
      const seed = i * 7919 + 3;
      cases.push({ name: `${family.id}#${seed}`, run: () => simulateParsed(generateVariant(family.id, {}, seed).scenario) });
    }
  }
  const random = fc.sample(scenarioArb, { seed: 20261201, numRuns: RANDOM_SCENARIOS });
  random.forEach((input, i) => cases.push({ name: `random#${i}`, run: () => simulate(input) }));
  random.forEach((input, i) => {
    const sysctl = SYSCTLS[i % SYSCTLS.length];
    const endpoints = input.endpoints ?? {};
    const linux: ScenarioInput = {
      ...input,
      profile: "linux",
      endpoints: { client: { ...endpoints.client, sysctl }, server: { ...endpoints.server, sysctl } },
    };
    cases.push({ name: `linux-sysctl#${i}`, run: () => simulate(linux) });
  });
  // The benchmark's own scenarios. Their case names leave out the parenthesised detail, because the
  // pinned hash was computed when the corpus held the short names.
  for (const [name, input] of Object.entries(engineScenarios))
    cases.push({ name: `bench: ${name.replace(/ \(.*\)$/, "")}`, run: () => simulate(input) });
  return cases;
}

/** The trace, or the ScenarioError a run ends with, as JSON; `wording: false` leaves the words out. */
export function traceJson(c: CorpusCase, wording = true): string {
  try {
    const trace = c.run();
    return JSON.stringify(wording ? trace : { ...trace, events: trace.events.map(withoutWording) });
  } catch (error) {
    if (error instanceof ScenarioError) return JSON.stringify(wording ? { error: error.problems } : { error: true });
    throw error;
  }
}

/**
 * Every event without its wording, which is free to change: a state event's citation and reason
 * (its rule id stays), a signal's message and a refused call's error (that there was one stays).
 */
export function withoutWording(e: TraceEvent): unknown {
  switch (e.type) {
    case "state": {
      const { t, endpoint, type, from, to, transient, ruleId, cause } = e;
      return { t, endpoint, type, from, to, transient, ruleId, cause };
    }
    case "signal":
      return { t: e.t, endpoint: e.endpoint, type: e.type };
    case "call":
      return e.error === undefined ? e : { ...e, error: true };
    default:
      return e;
  }
}

/** SHA-256 over the corpus's traces, without their wording. */
export function corpusHash(cases: CorpusCase[] = corpus()): string {
  const hash = createHash("sha256");
  for (const c of cases) hash.update(`${c.name}\n${traceJson(c, false)}\n`);
  return hash.digest("hex");
}
