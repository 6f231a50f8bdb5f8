// The variety report of a question template: run it on a run of seeds and say how much the
// seed changes — how many different scenarios and expected answers, which faults of the
// network actually fired (a rule that never matches teaches nothing), and the seeds that
// cannot be simulated or presented, each with its seed so the author can open it. An author
// reads it before publishing: a question whose every seed has the same answer can be learnt
// by heart. Pure: same template, same seeds, same report.
import { expectedFor, instantiate, presentFor, QuestionTemplateSchema, TemplateError } from "../questions";
import { ScenarioError, type Trace } from "../tcp";

export const DEFAULT_SAMPLES = 50;
export const MAX_SAMPLES = 100;

/** How many of the sampled seeds saw each kind of fault in their trace. */
export interface FaultCounts {
  /** A segment lost in flight (a `drop` rule matched). */
  dropped: number;
  /** A segment held back (a `delay` rule matched). */
  delayed: number;
  /** A segment sent twice (a `duplicate` rule matched). */
  duplicated: number;
  /** A segment the receiver discarded for a full SYN or accept queue. */
  queueDrops: number;
}

export interface SeedFailure {
  seed: number;
  /** The engine's or the template's own words (for the author, in English). */
  reason: string;
}

export type VarietyWarning =
  | { kind: "same-answer"; seeds: number }
  | { kind: "same-scenario"; seeds: number }
  | { kind: "faults-never-fire"; rules: number }
  | { kind: "failures"; count: number; firstSeed: number };

export interface VarietyReport {
  firstSeed: number;
  samples: number;
  /** Seeds that presented and have an expected answer. */
  usable: number;
  distinctScenarios: number;
  distinctAnswers: number;
  /** The most seeds that share one expected answer. */
  largestAnswerShare: number;
  faults: FaultCounts;
  /** Seeds whose scenario declares network rules (so "never fired" can be told). */
  seedsWithRules: number;
  failures: SeedFailure[];
  warnings: VarietyWarning[];
}

/** The seeds sampled: `firstSeed`, `firstSeed + 1`, … kept within 32 bits. */
export function sampleSeeds(firstSeed: number, samples: number): number[] {
  return Array.from({ length: samples }, (_, i) => (firstSeed + i) % 2 ** 32);
}

function faultsIn(trace: Trace) {
  let dropped = false;
  let delayed = false;
  let duplicated = false;
  let queueDrops = false;
  for (const e of trace.events) {
    if (e.type === "drop") {
      if (e.reason === "network") dropped = true;
      else queueDrops = true;
    } else if (e.type === "delay") delayed = true;
    else if (e.type === "duplicate") duplicated = true;
  }
  return { dropped, delayed, duplicated, queueDrops };
}

function reasonOf(error: unknown): string {
  if (error instanceof TemplateError || error instanceof ScenarioError) return error.message;
  if (error instanceof Error) return error.message;
  return String(error);
}

/**
 * Samples the template on `samples` seeds from `firstSeed`. The template must be valid
 * (QuestionTemplateSchema); an invalid one throws TemplateError before any seed runs.
 */
export function varietyReport(template: unknown, { samples = DEFAULT_SAMPLES, firstSeed = 1 } = {}): VarietyReport {
  if (!Number.isInteger(samples) || samples < 1 || samples > MAX_SAMPLES)
    throw new RangeError(`samples is a whole number from 1 to ${MAX_SAMPLES}, not ${samples}`);
  // Validate once, so a bad template is one error, not one per seed.
  const parsed = QuestionTemplateSchema.safeParse(template);
  if (!parsed.success) throw new TemplateError(`invalid question template: ${parsed.error.issues.map((i) => i.path.join(".")).join(", ")}`);
  const scenarios = new Set<string>();
  const answers = new Map<string, number>();
  const faults: FaultCounts = { dropped: 0, delayed: 0, duplicated: 0, queueDrops: 0 };
  const failures: SeedFailure[] = [];
  let seedsWithRules = 0;
  let networkFaultSeeds = 0;
  for (const seed of sampleSeeds(firstSeed, samples)) {
    try {
      const q = instantiate(parsed.data, seed);
      presentFor(q);
      const answer = JSON.stringify(expectedFor(q));
      scenarios.add(JSON.stringify(q.scenario));
      answers.set(answer, (answers.get(answer) ?? 0) + 1);
      const fired = faultsIn(q.trace);
      if (fired.dropped) faults.dropped++;
      if (fired.delayed) faults.delayed++;
      if (fired.duplicated) faults.duplicated++;
      if (fired.queueDrops) faults.queueDrops++;
      if (q.scenario.network.length > 0) {
        seedsWithRules++;
        if (fired.dropped || fired.delayed || fired.duplicated) networkFaultSeeds++;
      }
    } catch (error) {
      failures.push({ seed, reason: reasonOf(error) });
    }
  }
  const usable = samples - failures.length;
  const largestAnswerShare = Math.max(0, ...answers.values());
  const warnings: VarietyWarning[] = [];
  if (usable > 1 && answers.size === 1) warnings.push({ kind: "same-answer", seeds: usable });
  if (usable > 1 && scenarios.size === 1) warnings.push({ kind: "same-scenario", seeds: usable });
  if (seedsWithRules > 0 && networkFaultSeeds === 0) warnings.push({ kind: "faults-never-fire", rules: seedsWithRules });
  if (failures.length > 0) warnings.push({ kind: "failures", count: failures.length, firstSeed: failures[0].seed });
  return {
    firstSeed,
    samples,
    usable,
    distinctScenarios: scenarios.size,
    distinctAnswers: answers.size,
    largestAnswerShare,
    faults,
    seedsWithRules,
    failures,
    warnings,
  };
}
