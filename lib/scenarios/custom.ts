// Scenario templates: a scenario an author wrote (docs/scenario-format.md) in which a few
// numbers may be left to the seed — the latency, the time of each call, a fault's delay or
// copy interval, an injected segment's arrival (`{ "between": [lo, hi] }`, whole numbers,
// inclusive) and either endpoint's ISN (`"random"`). resolveScenario(template, seed) picks
// them with the seeded Rng, in one fixed order, so a (template, seed) pair always gives the
// same scenario, and a template that varies nothing resolves to the scenario it is. The
// template schema is the engine's own ScenarioSchema with those fields widened, so every
// other rule (bounds, strictness, send needs bytes, sysctl only on linux) is the engine's.
// The setup is a generic description a student reads: it says what is given, never what
// the endpoints will do.
import { z } from "zod";
import type { Messages } from "../../messages";
import { fieldMessage } from "../i18n/field-messages";
import { issueText, textIn } from "../i18n/translate";
import { msg, type Msg, type MsgValue } from "../i18n/msg";
import {
  LinuxSysctlSchema,
  MAX_UNTIL_MS,
  ScenarioError,
  ScenarioSchema,
  describeSegment,
  endpointName,
  formatFlags,
  parseFlags,
  type LinuxSysctls,
  type Profile,
  type Scenario,
} from "../tcp";
import { formatPath } from "../tcp/scenario";
import type { Difficulty } from "./families";
import { Rng } from "./prng";

type NumberSchema = z.ZodNumber;

/**
 * Either a fixed whole number (checked by `fixed`, the engine's own field), or a range of them.
 * The range's ends are checked by `fixed` in a refinement rather than in the tuple: zod stops
 * a union branch at a non-integer, and the error would lose its path (`between.0`).
 */
function varied(fixed: NumberSchema) {
  const range = z
    .object({ between: z.tuple([z.number(), z.number()]) })
    .strict()
    .superRefine(({ between }, ctx) => {
      between.forEach((end, i) => {
        for (const issue of fixed.safeParse(end).error?.issues ?? [])
          ctx.addIssue({ code: "custom", path: ["between", i], message: issue.message });
      });
      const [lo, hi] = between;
      if (lo > hi)
        ctx.addIssue({ code: "custom", path: ["between"], message: fieldMessage("scenarioTemplate.rangeOrder"), params: { lo, hi } });
    })
    .meta({ description: "The seed picks a whole number from lo to hi, both included; each end is bounded as the field is." });
  return z.union([fixed, range], {
    // A number that is no valid time keeps the engine's own words ("latencyMs cannot exceed …");
    // anything else is told the two forms a varied time takes.
    error: (issue) => {
      if (issue.code !== "invalid_union" || typeof issue.input !== "number") return fieldMessage("scenarioTemplate.msOrRange");
      return issue.errors[0]?.[0]?.message ?? fieldMessage("scenarioTemplate.msOrRange");
    },
  });
}

/** The number inside a field that has a default (`ms(...).default(50)`). */
const inner = (field: z.ZodDefault<NumberSchema>): NumberSchema => field.unwrap();

// The engine's schemas, taken apart only to widen the varied fields; everything else stays theirs.
const shape = ScenarioSchema.shape;
const TimingSchema = shape.timing.unwrap();
const endpointsShape = shape.endpoints.unwrap().shape;
const clientSchema = endpointsShape.client.unwrap();
const serverSchema = endpointsShape.server.unwrap();
const actionSchema = shape.actions.element;
const [dropSchema, delaySchema, duplicateSchema] = shape.network.unwrap().element.options;
const injectSchema = shape.inject.unwrap().element;

const randomIsn = (fixed: NumberSchema) =>
  z
    .union([fixed, z.literal("random")], {
      error: (issue) =>
        issue.code === "invalid_union" && typeof issue.input === "number"
          ? (issue.errors[0]?.[0]?.message ?? fieldMessage("scenarioTemplate.isnOrRandom"))
          : fieldMessage("scenarioTemplate.isnOrRandom"),
    })
    .meta({ description: 'An initial sequence number, or "random": the seed picks one (near the wrap-around one time in five).' });

/**
 * The engine's cross-field rules of `source` (a send needs bytes; sysctl only on profile
 * linux), run on the widened `target`: they read no varied field, so they hold unchanged.
 */
function withRulesOf<T extends z.ZodObject>(target: T, source: z.ZodObject): T {
  const checks = (source._zod.def.checks ?? []) as z.core.$ZodCheck<z.output<T>>[];
  return checks.length ? target.check(...checks) : target;
}

const TimingTemplateSchema = TimingSchema.extend({
  latencyMs: varied(inner(TimingSchema.shape.latencyMs)).default(50),
});
const ClientTemplateSchema = clientSchema.extend({ isn: randomIsn(inner(clientSchema.shape.isn)).default(1000) });
const ServerTemplateSchema = serverSchema.extend({ isn: randomIsn(inner(serverSchema.shape.isn)).default(5000) });

/**
 * A scenario whose listed numbers may be varied by the seed (docs/scenario-format.md,
 * "Scenario templates"). A plain scenario is a valid template. JSON-Schema-representable: no
 * transforms, so the API documents it from this one definition.
 */
export const ScenarioTemplateSchema = withRulesOf(
  z
    .object({
      ...shape,
      timing: TimingTemplateSchema.prefault({}),
      endpoints: z
        .object({ client: ClientTemplateSchema.prefault({}), server: ServerTemplateSchema.prefault({}) })
        .strict()
        .prefault({}),
      actions: z
        .array(withRulesOf(z.object({ ...actionSchema.shape, at: varied(actionSchema.shape.at) }).strict(), actionSchema))
        .max(1000),
      network: z
        .array(
          z.discriminatedUnion(
            "effect",
            [
              dropSchema,
              delaySchema.extend({ byMs: varied(delaySchema.shape.byMs) }),
              duplicateSchema.extend({ afterMs: varied(duplicateSchema.shape.afterMs) }),
            ],
            { error: () => "expected one of drop, delay, duplicate" },
          ),
        )
        .max(100)
        .default([]),
      inject: z
        .array(injectSchema.extend({ at: varied(injectSchema.shape.at) }))
        .max(100)
        .default([]),
    })
    .strict(),
  ScenarioSchema,
).meta({
  description:
    'A scenario (docs/scenario-format.md) in which timing.latencyMs, actions[].at, network[].byMs, network[].afterMs and inject[].at may be { "between": [lo, hi] } and endpoints.client.isn / endpoints.server.isn may be "random": the seed picks them.',
});

/** A template as written: what an author types, defaults optional. */
export type ScenarioTemplateInput = z.input<typeof ScenarioTemplateSchema>;
/** A validated template, every default filled in. */
export type ScenarioTemplate = z.output<typeof ScenarioTemplateSchema>;
/** A range the seed picks a whole number from, both ends included: `{ "between": [lo, hi] }`. */
export type Between = Exclude<ScenarioTemplate["timing"]["latencyMs"], number>;

/** The pseudo-family of questions that bring their own scenario. Not one of `families`. */
export interface CustomFamily {
  id: "custom";
  title: Msg;
  concept: Msg;
  difficulty: Difficulty;
  profile: Profile;
  counterfactual: boolean;
}

export const CUSTOM_FAMILY: CustomFamily = {
  id: "custom",
  title: msg("families.custom.title"),
  concept: msg("families.custom.concept"),
  difficulty: 3,
  profile: "rfc9293",
  counterfactual: false,
};

const COUNTERFACTUAL: ReadonlySet<Profile> = new Set<Profile>(["two-way-handshake", "no-time-wait"]);

/** The custom pseudo-family for a scenario of this profile: an imaginary TCP is said to be one. */
export function customFamilyFor(profile: Profile): CustomFamily {
  return profile === CUSTOM_FAMILY.profile ? CUSTOM_FAMILY : { ...CUSTOM_FAMILY, profile, counterfactual: COUNTERFACTUAL.has(profile) };
}

export const isBetween = (value: unknown): value is Between =>
  typeof value === "object" && value !== null && Array.isArray((value as Between).between);

/** Whether the seed decides anything in this template (false: every seed gives the same scenario). */
export function templateVaries(template: ScenarioTemplate): boolean {
  return (
    isBetween(template.timing.latencyMs) ||
    template.endpoints.client.isn === "random" ||
    template.endpoints.server.isn === "random" ||
    template.actions.some((a) => isBetween(a.at)) ||
    template.network.some((f) => (f.effect === "delay" && isBetween(f.byMs)) || (f.effect === "duplicate" && isBetween(f.afterMs))) ||
    template.inject.some((i) => isBetween(i.at))
  );
}

/**
 * Validates unknown JSON into a template, or throws a ScenarioError listing every problem with
 * its path, in English like the engine's own (`timing.latencyMs.between: A range runs …`).
 */
export function parseScenarioTemplate(input: unknown): ScenarioTemplate {
  const result = ScenarioTemplateSchema.safeParse(input);
  if (result.success) return result.data;
  const english = textIn("en");
  throw new ScenarioError(
    result.error.issues.map((issue) => {
      const path = formatPath(issue.path);
      const text = english(issueText(issue));
      return path ? `${path}: ${text}` : text;
    }),
  );
}

/**
 * The scenario and its setup for one seed. Draws in a fixed order — latency, the client's
 * ISN, the server's, each action's time, each fault's delay or copy interval, each injected
 * segment's time — one draw per varied number and none for a fixed one, so the same template
 * and seed give the same scenario.
 */
export function resolveScenario(template: ScenarioTemplate, seed: number): { scenario: Scenario; setup: Msg[] } {
  const rng = new Rng(seed);
  const pick = (value: number | Between): number => (isBetween(value) ? rng.int(value.between[0], value.between[1]) : value);
  const isn = (value: number | "random"): number => (value === "random" ? rng.isn() : value);

  const latencyMs = pick(template.timing.latencyMs);
  const clientIsn = isn(template.endpoints.client.isn);
  const serverIsn = isn(template.endpoints.server.isn);
  // Valid as it stands: the template passed the engine's own rules, and every varied number
  // was picked inside bounds the engine's field checked (a property test parses it again).
  // Not parsing it twice halves the cost of a custom question's instance.
  const scenario: Scenario = {
    ...template,
    timing: { ...template.timing, latencyMs },
    endpoints: {
      client: { ...template.endpoints.client, isn: clientIsn },
      server: { ...template.endpoints.server, isn: serverIsn },
    },
    actions: template.actions.map((a) => ({ ...a, at: pick(a.at) })),
    network: template.network.map((f) =>
      f.effect === "delay" ? { ...f, byMs: pick(f.byMs) } : f.effect === "duplicate" ? { ...f, afterMs: pick(f.afterMs) } : f,
    ),
    inject: template.inject.map((i) => ({ ...i, at: pick(i.at) })),
  };
  return { scenario, setup: describeScenario(scenario) };
}

// ---- The setup: what the scenario gives, in sentences (catalog `setup.custom*`). ----

/** A setup sentence: the catalogs' `setup.<key>`. */
const say =
  (key: keyof Messages["setup"]) =>
  (values?: Record<string, MsgValue>): Msg =>
    msg(`setup.${key}`, values);

const TIMING_DEFAULTS = TimingSchema.parse({});
const SERVER_DEFAULTS = serverSchema.parse({});
const SYSCTL_DEFAULTS = LinuxSysctlSchema.parse({});

const PROFILE_SENTENCE: Record<Profile, Msg | null> = {
  rfc9293: null,
  linux: say("linux")(),
  "two-way-handshake": say("notTcpTwoWay")(),
  "no-time-wait": say("notTcpNoTimeWait")(),
};

/** The flags in the engine's order (SYN, FIN, RST, PSH, ACK), however the author wrote them. */
const flagsWord = (flags: string): string => {
  const parsed = parseFlags(flags);
  return "error" in parsed ? flags : formatFlags(parsed.bits);
};

function describeScenario(s: Scenario): Msg[] {
  const who = endpointName;
  const setup: Msg[] = [];
  const profile = PROFILE_SENTENCE[s.profile];
  if (profile) setup.push(profile);

  setup.push(say("latency")({ latencyMs: s.timing.latencyMs }));
  setup.push(say("isns")({ clientIsn: s.endpoints.client.isn, serverIsn: s.endpoints.server.isn }));
  const t = s.timing;
  if (t.rtoMs !== TIMING_DEFAULTS.rtoMs) setup.push(say("customRto")({ ms: t.rtoMs }));
  if (t.mslMs !== TIMING_DEFAULTS.mslMs) setup.push(say("customMsl")({ ms: t.mslMs }));
  if (t.delayedAckMs !== TIMING_DEFAULTS.delayedAckMs) setup.push(say("delayedAcks")({ ms: t.delayedAckMs }));
  if (t.userTimeoutMs !== TIMING_DEFAULTS.userTimeoutMs) setup.push(say("customUserTimeout")({ ms: t.userTimeoutMs }));

  const server = s.endpoints.server;
  if (server.backlog !== SERVER_DEFAULTS.backlog) setup.push(say("customBacklog")({ backlog: server.backlog }));
  if (server.synQueue > 0) setup.push(say("customSynQueue")({ count: server.synQueue }));
  if (server.acceptQueue > 0) setup.push(say("customAcceptQueue")({ count: server.acceptQueue }));
  for (const name of ["client", "server"] as const) {
    const e = s.endpoints[name];
    if (!e.autoRead) setup.push(say("customNoAutoRead")({ endpoint: who(name) }));
    for (const [sysctl, value] of Object.entries(e.sysctl ?? {}) as [keyof LinuxSysctls, number][])
      if (value !== SYSCTL_DEFAULTS[sysctl]) setup.push(say("customSysctl")({ endpoint: who(name), name: sysctl, value }));
  }

  for (const a of s.actions) {
    if (a.call === "send") setup.push(say("sends")({ t: a.at, endpoint: who(a.endpoint), bytes: a.bytes ?? 0 }));
    else if (a.call === "crash") setup.push(say("crash")({ t: a.at, endpoint: who(a.endpoint) }));
    else setup.push(say("call")({ t: a.at, endpoint: who(a.endpoint), call: a.call }));
  }

  for (const f of s.network) {
    const values = { endpoint: who(f.match.from), flags: flagsWord(f.match.flags), n: f.match.occurrence ?? 0 };
    const every = f.match.occurrence === undefined;
    if (f.effect === "drop") setup.push(say(every ? "customDropEvery" : "customDrop")(values));
    else if (f.effect === "delay") setup.push(say(every ? "customDelayEvery" : "customDelay")({ ...values, ms: f.byMs }));
    else setup.push(say(every ? "customDuplicateEvery" : "customDuplicate")({ ...values, ms: f.afterMs }));
  }
  if (s.network.some((f) => f.match.occurrence !== undefined)) setup.push(say("customCounting")());

  for (const i of s.inject) {
    setup.push(say("customInjected")({ t: i.at, endpoint: who(i.to), segment: describeSegment(i.segment) }));
  }
  if (s.untilMs !== MAX_UNTIL_MS) setup.push(say("customUntil")({ t: s.untilMs }));
  return setup;
}
