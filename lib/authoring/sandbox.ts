// The sandbox's run: a scenario template (docs/scenario-format.md, with the parts a seed may
// vary) in, the resolved scenario with every default filled in, its trace and both endpoints'
// state sequences out. A template that does not validate is never run: every problem comes
// back with the path of the field it names and a message in the reader's language, so the
// builder can show each one beside its field. Pure: the seed is an argument.
import type { z } from "zod";
import { msg, type Msg, type Text } from "../i18n/msg";
import { Rng } from "../scenarios";
import {
  MAX_EVENTS,
  ScenarioError,
  ScenarioSchema,
  simulateParsed,
  stateSequence,
  type Scenario,
  type ScenarioInput,
  type State,
  type Trace,
} from "../tcp";

export type SandboxIssue = { path: (string | number)[]; message: Text };

export type SandboxRun = {
  /** The scenario the seed resolved the template to, every default filled in. */
  scenario: Scenario;
  trace: Trace;
  /** stateSequence of each endpoint (transient states left out, docs/scenario-format.md). */
  states: { client: State[]; server: State[] };
};

export type SandboxResult = { ok: true; run: SandboxRun } | { ok: false; issues: SandboxIssue[] };

type Path = (string | number)[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** A zod issue of ScenarioSchema in words of the `sandbox` catalog (the schema's own are English). */
export function issueMessage(issue: z.core.$ZodIssue): Text {
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return msg("sandbox.issue.required");
      return issue.expected === "int" ? msg("sandbox.issue.whole") : msg("sandbox.issue.type", { expected: issue.expected });
    case "too_small":
      return issue.origin === "array"
        ? msg("sandbox.issue.tooFew", { minimum: Number(issue.minimum) })
        : msg("sandbox.issue.tooSmall", { minimum: Number(issue.minimum) });
    case "too_big":
      return issue.origin === "array"
        ? msg("sandbox.issue.tooMany", { maximum: Number(issue.maximum) })
        : msg("sandbox.issue.tooLarge", { maximum: Number(issue.maximum) });
    case "invalid_value":
      return msg("sandbox.issue.oneOf", { options: issue.values.map(String).join(", ") });
    case "invalid_union":
      return "options" in issue && Array.isArray(issue.options)
        ? msg("sandbox.issue.oneOf", { options: issue.options.map(String).join(", ") })
        : msg("sandbox.issue.invalid");
    case "unrecognized_keys":
      return msg("sandbox.issue.unknownKeys", { keys: issue.keys.join(", ") });
    case "custom":
      // The engine's own refinements (lib/tcp/scenario.ts): flag sets, send byte counts, sysctl.
      if (last === "flags") return msg("sandbox.issue.flags");
      if (last === "bytes")
        return issue.message.startsWith("a send needs") ? msg("sandbox.issue.bytesRequired") : msg("sandbox.issue.bytesOnlySend");
      if (last === "sysctl") return msg("sandbox.issue.sysctlLinux", { sysctl: "sysctl", profile: "linux" });
      return issue.message;
    default:
      return issue.message;
  }
}

// ------------------------------------------------------------------ the varied parts

/** A number the seed picks: `{ "between": [lo, hi] }`, whole numbers, lo ≤ hi, inclusive. */
type Range = { lo: number; hi: number };
type Varied = { path: Path; range: Range } | { path: Path; random: true };

/** Where a template may vary a value (contract of lib/scenarios' scenario templates). */
function variedSlots(template: Record<string, unknown>): { path: Path; kind: "range" | "isn" }[] {
  const slots: { path: Path; kind: "range" | "isn" }[] = [{ path: ["timing", "latencyMs"], kind: "range" }];
  slots.push({ path: ["endpoints", "client", "isn"], kind: "isn" }, { path: ["endpoints", "server", "isn"], kind: "isn" });
  const list = (name: string) => (Array.isArray(template[name]) ? (template[name] as unknown[]) : []);
  list("actions").forEach((_, i) => slots.push({ path: ["actions", i, "at"], kind: "range" }));
  list("network").forEach((fault, i) => {
    if (!isObject(fault)) return;
    if (fault.effect === "delay") slots.push({ path: ["network", i, "byMs"], kind: "range" });
    if (fault.effect === "duplicate") slots.push({ path: ["network", i, "afterMs"], kind: "range" });
  });
  list("inject").forEach((_, i) => slots.push({ path: ["inject", i, "at"], kind: "range" }));
  return slots;
}

function get(value: unknown, path: Path): unknown {
  let at = value;
  for (const key of path) {
    if (at === null || typeof at !== "object") return undefined;
    at = (at as Record<string | number, unknown>)[key];
  }
  return at;
}

/** A deep copy of plain JSON with the value at `path` replaced (the path exists). */
function withValue(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [key, ...rest] = path;
  if (Array.isArray(root)) return root.map((item, i) => (i === key ? withValue(item, rest, value) : item));
  const object = root as Record<string, unknown>;
  return { ...object, [key]: withValue(object[key], rest, value) };
}

/** The varied parts of a template, or the problems of the ones written wrongly. */
function variedParts(template: Record<string, unknown>): { varied: Varied[]; issues: SandboxIssue[] } {
  const varied: Varied[] = [];
  const issues: SandboxIssue[] = [];
  for (const slot of variedSlots(template)) {
    const value = get(template, slot.path);
    if (slot.kind === "isn") {
      if (value === "random") varied.push({ path: slot.path, random: true });
      else if (typeof value === "string") issues.push({ path: slot.path, message: msg("sandbox.issue.isn", { random: '"random"' }) });
      continue;
    }
    if (!isObject(value)) continue;
    const keys = Object.keys(value);
    const between = value.between;
    if (keys.length !== 1 || !Array.isArray(between) || between.length !== 2) {
      issues.push({ path: slot.path, message: msg("sandbox.issue.between", { syntax: '{ "between": [lo, hi] }' }) });
      continue;
    }
    const [lo, hi] = between as unknown[];
    const whole = (n: unknown): n is number => typeof n === "number" && Number.isSafeInteger(n);
    if (!whole(lo) || !whole(hi)) {
      issues.push({ path: [...slot.path, "between"], message: msg("sandbox.issue.betweenWhole") });
      continue;
    }
    if (lo > hi) {
      issues.push({ path: [...slot.path, "between"], message: msg("sandbox.issue.betweenOrder", { lo, hi }) });
      continue;
    }
    varied.push({ path: slot.path, range: { lo, hi } });
  }
  return { varied, issues };
}

/** The template with each varied part set: `end` picks each range's low or high end, or the seed does. */
function substitute(template: unknown, varied: readonly Varied[], pick: "lo" | "hi" | Rng): unknown {
  let out = template;
  for (const part of varied) {
    let value: number;
    if ("random" in part) value = pick instanceof Rng ? pick.isn() : 0;
    else if (pick === "lo") value = part.range.lo;
    else if (pick === "hi") value = part.range.hi;
    else value = pick.int(part.range.lo, part.range.hi);
    out = withValue(out, part.path, value);
  }
  return out;
}

function schemaIssues(input: unknown): SandboxIssue[] {
  const parsed = ScenarioSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "number" ? p : String(p))),
    message: issueMessage(issue),
  }));
}

const key = (issue: SandboxIssue) => JSON.stringify([issue.path, issue.message]);

/**
 * The one place a template becomes a scenario: validation of the varied parts and of the
 * scenario around them, then the seed's choices. It follows exactly the template syntax of
 * lib/scenarios' scenario templates (ranges `{ "between": [lo, hi] }` for timing.latencyMs,
 * actions[].at, network[].byMs and network[].afterMs, inject[].at; `"random"` ISNs), drawing
 * in document order: latency, the client's ISN, the server's, then the lists in order.
 */
export function resolveSandboxTemplate(
  template: unknown,
  seed: number,
): { ok: true; scenario: ScenarioInput } | { ok: false; issues: SandboxIssue[] } {
  if (!isObject(template)) return { ok: false, issues: [{ path: [], message: msg("sandbox.issue.notObject") }] };
  const { varied, issues } = variedParts(template);
  // Bounds of the engine's fields are intervals, so a range whose two ends validate is valid
  // everywhere between them: both ends are checked, each problem reported once.
  const seen = new Set(issues.map(key));
  // A varied part written wrongly is reported once, in the template's words, not again by the engine.
  const reported = issues.map((issue) => issue.path.slice(0, issue.path[issue.path.length - 1] === "between" ? -1 : undefined));
  const within = (path: Path) => reported.some((at) => at.length <= path.length && at.every((k, i) => k === path[i]));
  for (const end of ["lo", "hi"] as const) {
    for (const issue of schemaIssues(substitute(template, varied, end))) {
      if (seen.has(key(issue)) || within(issue.path)) continue;
      seen.add(key(issue));
      issues.push(issue);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, scenario: substitute(template, varied, new Rng(seed)) as ScenarioInput };
}

/** Whether the seed changes anything: a range or a "random" ISN somewhere. */
export function templateVaries(template: unknown): boolean {
  return isObject(template) && variedParts(template).varied.length > 0;
}

/** Resolves and runs a template: the sandbox's Run and POST /api/v1/sandbox/simulate. */
export function runSandbox(template: unknown, seed: number): SandboxResult {
  const resolved = resolveSandboxTemplate(template, seed);
  if (!resolved.ok) return resolved;
  const scenario = ScenarioSchema.parse(resolved.scenario);
  let trace: Trace;
  try {
    trace = simulateParsed(scenario);
  } catch (error) {
    // A valid scenario that runs away (a fault repeating forever): the engine stops it.
    if (error instanceof ScenarioError) return { ok: false, issues: [{ path: [], message: runawayMessage() }] };
    throw error;
  }
  return { ok: true, run: { scenario, trace, states: { client: stateSequence(trace, "client"), server: stateSequence(trace, "server") } } };
}

function runawayMessage(): Msg {
  return msg("sandbox.issue.runaway", { max: MAX_EVENTS });
}
