// The sandbox's run: a scenario template (docs/scenario-format.md, with the parts a seed may
// vary) in, the resolved scenario with every default filled in, its trace and both endpoints'
// state sequences out. A template that does not validate is never run: every problem comes
// back with the path of the field it names and a message in the reader's language, so the
// builder can show each one beside its field. Pure: the seed is an argument.
import type { z } from "zod";
import { msg, type Msg, type Text } from "../i18n/msg";
import { isMessageKey, issueText } from "../i18n/translate";
import { resolveScenario, ScenarioTemplateSchema, templateVaries as templateVariesParsed } from "../scenarios";
import { MAX_EVENTS, ScenarioError, simulateParsed, stateSequence, type Scenario, type State, type Trace } from "../tcp";

export type SandboxIssue = { path: (string | number)[]; message: Text };

export type SandboxRun = {
  /** The scenario the seed resolved the template to, every default filled in. */
  scenario: Scenario;
  trace: Trace;
  /** stateSequence of each endpoint (transient states left out, docs/scenario-format.md). */
  states: { client: State[]; server: State[] };
};

export type SandboxResult = { ok: true; run: SandboxRun } | { ok: false; issues: SandboxIssue[] };

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
    case "invalid_union": {
      // A fixed-or-varied value (a number, or { between }) that is neither: what the number form wanted.
      const first = issue.errors[0]?.[0];
      // The union had the value (it is not missing), so a nested type error is a wrong type, not a missing field.
      if (first && issue.errors[0].length === 1) return issueMessage({ input: null, ...first, path: issue.path } as z.core.$ZodIssue);
      return "options" in issue && Array.isArray(issue.options)
        ? msg("sandbox.issue.oneOf", { options: issue.options.map(String).join(", ") })
        : msg("sandbox.issue.invalid");
    }
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

// ------------------------------------------------------------------ the template

/**
 * Every problem of a template, at its path: the varied parts' own messages (catalog ids in
 * ScenarioTemplateSchema) as they are, the engine's rules (English in lib/tcp/scenario.ts) in
 * the `sandbox` catalog's words.
 */
function templateIssues(error: z.ZodError): SandboxIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "number" ? p : String(p))),
    message: isMessageKey(issue.message) ? issueText(issue) : issueMessage(issue),
  }));
}

/** The scenario a template resolves to for `seed` (lib/scenarios' resolveScenario), or every problem with its path. */
export function resolveSandboxTemplate(
  template: unknown,
  seed: number,
): { ok: true; scenario: Scenario } | { ok: false; issues: SandboxIssue[] } {
  if (!isObject(template)) return { ok: false, issues: [{ path: [], message: msg("sandbox.issue.notObject") }] };
  const parsed = ScenarioTemplateSchema.safeParse(template);
  if (!parsed.success) return { ok: false, issues: templateIssues(parsed.error) };
  return { ok: true, scenario: resolveScenario(parsed.data, seed).scenario };
}

/** Whether the seed changes anything: a range or a "random" ISN somewhere. */
export function templateVaries(template: unknown): boolean {
  const parsed = ScenarioTemplateSchema.safeParse(template);
  return parsed.success && templateVariesParsed(parsed.data);
}

/** Resolves and runs a template: the sandbox's Run and POST /api/v1/sandbox/simulate. */
export function runSandbox(template: unknown, seed: number): SandboxResult {
  const resolved = resolveSandboxTemplate(template, seed);
  if (!resolved.ok) return resolved;
  const { scenario } = resolved;
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
