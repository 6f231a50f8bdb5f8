// Scenario JSON v1 (docs/scenario-format.md): the one definition of what a scenario is. Types
// are inferred from the schema, so the validator and the engine cannot drift apart.
import { z } from "zod";
import { parseFlags } from "./flags";

export const ENDPOINTS = ["client", "server"] as const;
export type EndpointName = (typeof ENDPOINTS)[number];

export const PROFILES = ["rfc9293", "linux", "two-way-handshake", "no-time-wait"] as const;
export type Profile = (typeof PROFILES)[number];

export const CALLS = ["listen", "connect", "accept", "send", "read", "shutdown", "close", "abort", "crash"] as const;
export type CallName = (typeof CALLS)[number];

/** Longest simulated run: 24 hours. */
export const MAX_UNTIL_MS = 86_400_000;
/** Largest single send, so one action cannot create millions of segments. */
export const MAX_SEND_BYTES = 10_000_000;
const MAX_DELAY_MS = 3_600_000;
const UINT32_MAX = 0xffff_ffff;

const oneOf = (values: readonly string[]) => () => `expected one of ${values.join(", ")}`;
const endpoint = z.enum(ENDPOINTS, { error: oneOf(ENDPOINTS) });
const ms = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number of milliseconds` })
    .int(`${what} must be a whole number of milliseconds`)
    .min(0, `${what} cannot be negative`)
    .max(max, `${what} cannot exceed ${max} ms`);
const seqNumber = z
  .number({ error: "expected a sequence number" })
  .int("a sequence number is a whole number")
  .min(0, "a sequence number cannot be negative")
  .max(UINT32_MAX, "a sequence number is at most 2^32-1 (4294967295)");
const flagSet = z.string({ error: 'expected a flag set such as "SYN+ACK"' }).superRefine((text, ctx) => {
  const parsed = parseFlags(text);
  if ("error" in parsed) ctx.addIssue({ code: "custom", message: parsed.error });
});

export const TimingSchema = z
  .object({
    /** One-way latency of every segment. */
    latencyMs: ms("latencyMs", 60_000).default(50),
    /** Initial retransmission timeout (RFC 6298 §2.1: 1 s). */
    rtoMs: ms("rtoMs", 60_000).min(1, "rtoMs must be at least 1 ms").default(1000),
    /** Maximum segment lifetime; TIME_WAIT lasts 2*MSL in profile rfc9293. */
    mslMs: ms("mslMs", 3_600_000).min(1, "mslMs must be at least 1 ms").default(120_000),
    /**
     * Delayed ACK (RFC 9293 §3.8.6.3, RFC 1122 §4.2.3.2: under 0.5 s): 0 sends every ACK at
     * once. Otherwise the ACK of data, or of a FIN in ESTABLISHED, waits this long for a
     * segment to ride on, and every second segment is acknowledged at once.
     */
    delayedAckMs: ms("delayedAckMs", 499).default(0),
    /** RFC 9293 §3.10.8 user timeout: give up when data stays unacknowledged this long. */
    userTimeoutMs: ms("userTimeoutMs", MAX_UNTIL_MS).min(1, "userTimeoutMs must be at least 1 ms").default(300_000),
  })
  .strict();

const sysctl = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a number` })
    .int(`${name} must be a whole number`)
    .min(min, `${name} is at least ${min}`)
    .max(max, `${name} is at most ${max}`);

/**
 * The host's Linux sysctls that profile linux reads, in the sysctl's own units, with the
 * defaults of Linux 6.18. Each endpoint is its own host: a scenario lowers them per endpoint.
 */
export const LinuxSysctlSchema = z
  .object({
    /** net.ipv4.tcp_syn_retries: SYN retransmissions before connect() gives up (MAX_TCP_SYNCNT 127). */
    tcp_syn_retries: sysctl("tcp_syn_retries", 1, 127).default(6),
    /** net.ipv4.tcp_syn_linear_timeouts: the first SYN retransmissions wait the initial RTO, not doubled. */
    tcp_syn_linear_timeouts: sysctl("tcp_syn_linear_timeouts", 0, 127).default(4),
    /** net.ipv4.tcp_synack_retries: SYN-ACK retransmissions before a half-open connection is dropped. */
    tcp_synack_retries: sysctl("tcp_synack_retries", 1, 255).default(5),
    /** net.ipv4.tcp_fin_timeout, in seconds: how long an orphaned FIN_WAIT_2 waits for the peer's FIN. */
    tcp_fin_timeout: sysctl("tcp_fin_timeout", 1, 3600).default(60),
    /**
     * net.ipv4.tcp_max_syn_backlog: with syncookies off, a SYN is dropped once the SYN queue
     * holds more than three quarters of it. The kernel sizes it from memory at boot; 2048 is
     * its value on the kernel check's machine.
     */
    tcp_max_syn_backlog: sysctl("tcp_max_syn_backlog", 1, 1_048_576).default(2048),
    /** net.ipv4.tcp_rto_min_us: the least retransmission timeout once a round trip was measured. */
    tcp_rto_min_us: sysctl("tcp_rto_min_us", 1000, 120_000_000).default(200_000),
    /** net.core.somaxconn: listen() caps its backlog at this. */
    somaxconn: sysctl("somaxconn", 0, 1_048_576).default(4096),
  })
  .strict();
export type LinuxSysctls = z.output<typeof LinuxSysctlSchema>;

/**
 * The application reads what arrives at once (true), or only at its `read` calls (false), so
 * received data can be left unread when it closes.
 */
const autoRead = z.boolean({ error: "autoRead is true or false" }).default(true);

const ClientSchema = z.object({ isn: seqNumber.default(1000), autoRead, sysctl: LinuxSysctlSchema.optional() }).strict();
const ServerSchema = z
  .object({
    isn: seqNumber.default(5000),
    autoRead,
    /** Profile linux only: this host's sysctls (defaults: Linux 6.18). */
    sysctl: LinuxSysctlSchema.optional(),
    /** listen(backlog): bounds the SYN queue and the accept queue (profile linux). */
    backlog: z.number().int().min(0).max(65535).default(128),
    /** Half-open connections of other clients already in the SYN queue at t = 0 (a SYN flood). */
    synQueue: z.number().int().min(0).max(65535).default(0),
    /** Established connections of other clients waiting for accept() at t = 0. */
    acceptQueue: z.number().int().min(0).max(65535).default(0),
  })
  .strict();

const ActionSchema = z
  .object({
    at: ms("at", MAX_UNTIL_MS),
    endpoint,
    call: z.enum(CALLS, { error: oneOf(CALLS) }),
    bytes: z.number().int("bytes must be a whole number").min(1, "bytes must be at least 1").max(MAX_SEND_BYTES).optional(),
  })
  .strict()
  .superRefine((action, ctx) => {
    if (action.call === "send" && action.bytes === undefined) {
      ctx.addIssue({ code: "custom", path: ["bytes"], message: "a send needs a byte count (bytes: 1 or more)" });
    }
    if (action.call !== "send" && action.bytes !== undefined) {
      ctx.addIssue({ code: "custom", path: ["bytes"], message: `bytes belongs only to a send, not to ${action.call}` });
    }
  });

const MatchSchema = z
  .object({
    from: endpoint,
    flags: flagSet,
    /** Counts the segments matching from and flags, from 1; absent: every one. */
    occurrence: z.number().int().min(1, "occurrence counts from 1").optional(),
  })
  .strict();

const FaultSchema = z.discriminatedUnion(
  "effect",
  [
    z.object({ match: MatchSchema, effect: z.literal("drop") }).strict(),
    z.object({ match: MatchSchema, effect: z.literal("delay"), byMs: ms("byMs", MAX_DELAY_MS) }).strict(),
    z.object({ match: MatchSchema, effect: z.literal("duplicate"), afterMs: ms("afterMs", MAX_DELAY_MS) }).strict(),
  ],
  { error: oneOf(["drop", "delay", "duplicate"]) },
);

const InjectSchema = z
  .object({
    at: ms("at", MAX_UNTIL_MS),
    to: endpoint,
    segment: z
      .object({
        flags: flagSet,
        seq: seqNumber,
        ack: seqNumber.default(0),
        len: z.number().int().min(0).max(65535).default(0),
      })
      .strict(),
  })
  .strict();

// Parsed once: a scenario that leaves them out gets fresh copies, not three parses of {} per run.
const TIMING_DEFAULTS = TimingSchema.parse({});
const CLIENT_DEFAULTS = ClientSchema.parse({});
const SERVER_DEFAULTS = ServerSchema.parse({});
/**
 * A shallow copy made as zod makes its output, keys added to {} in order, so it shares the
 * shape of a parsed one and the engine's loads from it stay monomorphic.
 */
const copy = <T extends object>(value: T): T => Object.assign({}, value);

export const ScenarioSchema = z
  .object({
    profile: z.enum(PROFILES, { error: oneOf(PROFILES) }).default("rfc9293"),
    timing: TimingSchema.default(() => copy(TIMING_DEFAULTS)),
    endpoints: z
      .object({
        client: ClientSchema.default(() => copy(CLIENT_DEFAULTS)),
        server: ServerSchema.default(() => copy(SERVER_DEFAULTS)),
      })
      .strict()
      .default(() => copy({ client: copy(CLIENT_DEFAULTS), server: copy(SERVER_DEFAULTS) })),
    actions: z.array(ActionSchema).max(1000),
    network: z.array(FaultSchema).max(100).default([]),
    inject: z.array(InjectSchema).max(100).default([]),
    untilMs: ms("untilMs", MAX_UNTIL_MS).default(MAX_UNTIL_MS),
  })
  .strict()
  .superRefine((scenario, ctx) => {
    for (const name of ENDPOINTS) {
      if (scenario.profile !== "linux" && scenario.endpoints[name].sysctl !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["endpoints", name, "sysctl"],
          message: `sysctl belongs to profile linux, not ${scenario.profile}`,
        });
      }
    }
  });

/** A scenario as written (defaults optional). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof ScenarioSchema>;
export type Action = Scenario["actions"][number];
export type Fault = Scenario["network"][number];
export type Injection = Scenario["inject"][number];
export type Timing = Scenario["timing"];

/** Thrown by simulate() for a scenario that is not valid, or that would run away. */
export class ScenarioError extends Error {
  readonly problems: readonly string[];
  constructor(problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n${problems.join("\n")}`);
    this.name = "ScenarioError";
    this.problems = problems;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** Validates unknown JSON into a Scenario, or throws a ScenarioError listing every problem with its path. */
export function parseScenario(input: unknown): Scenario {
  const result = ScenarioSchema.safeParse(input);
  if (result.success) return result.data;
  throw new ScenarioError(
    result.error.issues.map((issue) => {
      const path = formatPath(issue.path);
      return path ? `${path}: ${issue.message}` : issue.message;
    }),
  );
}
