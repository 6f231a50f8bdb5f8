// Every state change the engine can make, in one place: RFC 9293 Figure 5, the arcs the
// RFC's text adds (ABORT, RST, timeouts, SYN-RECEIVED back to LISTEN), Linux's limits,
// a host crash, and the counterfactual profiles' shortcuts. endpoint.ts implements the
// rules in the RFC's step order; this table is what it is allowed to do. Each rule has an
// id (what the code names) and the source it cites; the sentence a student reads in the
// timeline and the grader's feedback is the catalogs' message `rules.<id>`
// (messages/<locale>/rules.json), in the reader's language. docs/engine.md shows the table.
import { STATES, type State } from "./trace";

export interface Rule {
  /** The rule's key in RULES: what the trace records, and the catalogs' message id for its reason. */
  readonly id: string;
  /** The states this rule can leave. */
  readonly from: readonly State[];
  readonly to: State;
  /** RFC 9293 section, Linux behaviour or profile: recorded as the trace's `rule`. */
  readonly cites: string;
}

const TABLE = {
  // ------------------------------------------------------------------ opening
  listen: {
    from: ["CLOSED"],
    to: "LISTEN",
    cites: "RFC 9293 §3.10.1",
  },
  connect: {
    from: ["CLOSED", "LISTEN"],
    to: "SYN_SENT",
    cites: "RFC 9293 §3.10.1",
  },
  "listen/syn": {
    from: ["LISTEN"],
    to: "SYN_RECEIVED",
    cites: "RFC 9293 §3.10.7.2",
  },
  "syn-sent/syn-ack": {
    from: ["SYN_SENT"],
    to: "ESTABLISHED",
    cites: "RFC 9293 §3.10.7.3",
  },
  "syn-sent/syn": {
    from: ["SYN_SENT"],
    to: "SYN_RECEIVED",
    cites: "RFC 9293 §3.10.7.3",
  },
  "syn-sent/rst": {
    from: ["SYN_SENT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.7.3",
  },
  "syn-received/ack": {
    from: ["SYN_RECEIVED"],
    to: "ESTABLISHED",
    cites: "RFC 9293 §3.10.7.4",
  },
  "syn-received/syn": {
    from: ["SYN_RECEIVED"],
    to: "LISTEN",
    cites: "RFC 9293 §3.10.7.4",
  },
  "syn-received/rst-passive": {
    from: ["SYN_RECEIVED"],
    to: "LISTEN",
    cites: "RFC 9293 §3.10.7.4",
  },
  "syn-received/rst-active": {
    from: ["SYN_RECEIVED"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.7.4",
  },

  // ------------------------------------------------------------------ closing
  "close/unopened": {
    from: ["LISTEN", "SYN_SENT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.4",
  },
  "close/syn-received": {
    from: ["SYN_RECEIVED"],
    to: "FIN_WAIT_1",
    cites: "RFC 9293 §3.10.4",
  },
  "close/queued-in-handshake": {
    from: ["ESTABLISHED"],
    to: "FIN_WAIT_1",
    cites: "RFC 9293 §3.10.4",
  },
  "close/established": {
    from: ["ESTABLISHED"],
    to: "FIN_WAIT_1",
    cites: "RFC 9293 §3.10.4",
  },
  "close/close-wait": {
    from: ["CLOSE_WAIT"],
    to: "LAST_ACK",
    cites: "RFC 9293 §3.10.4",
  },
  "shutdown/established": {
    from: ["ESTABLISHED"],
    to: "FIN_WAIT_1",
    cites: "RFC 9293 §3.10.4",
  },
  "shutdown/close-wait": {
    from: ["CLOSE_WAIT"],
    to: "LAST_ACK",
    cites: "RFC 9293 §3.10.4",
  },
  "established/fin": {
    from: ["ESTABLISHED"],
    to: "CLOSE_WAIT",
    cites: "RFC 9293 §3.10.7.4",
  },
  "fin-wait-1/ack": {
    from: ["FIN_WAIT_1"],
    to: "FIN_WAIT_2",
    cites: "RFC 9293 §3.10.7.4",
  },
  "fin-wait-1/fin": {
    from: ["FIN_WAIT_1"],
    to: "CLOSING",
    cites: "RFC 9293 §3.10.7.4",
  },
  "fin-wait-1/fin-ack": {
    from: ["FIN_WAIT_1"],
    to: "TIME_WAIT",
    cites: "RFC 9293 §3.10.7.4",
  },
  "fin-wait-2/fin": {
    from: ["FIN_WAIT_2"],
    to: "TIME_WAIT",
    cites: "RFC 9293 §3.10.7.4",
  },
  "closing/ack": {
    from: ["CLOSING"],
    to: "TIME_WAIT",
    cites: "RFC 9293 §3.10.7.4",
  },
  "last-ack/ack": {
    from: ["LAST_ACK"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.7.4",
  },
  "time-wait/timeout": {
    from: ["TIME_WAIT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.8",
  },

  // ------------------------------------------------------- aborts and resets
  "abort/with-rst": {
    from: ["SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.5",
  },
  "abort/without-rst": {
    from: ["LISTEN", "SYN_SENT", "CLOSING", "LAST_ACK", "TIME_WAIT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.5",
  },
  // §3.10.7.4 second step groups the synchronized states in two: those still moving
  // data, and those where both FINs have been sent.
  "connected/rst": {
    from: ["ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.7.4",
  },
  "both-fins/rst": {
    from: ["CLOSING", "LAST_ACK", "TIME_WAIT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.7.4",
  },
  // Only states that have a segment waiting for its ACK run the user timeout.
  "user-timeout": {
    from: ["SYN_SENT", "SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "CLOSE_WAIT", "CLOSING", "LAST_ACK"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.8",
  },
  // Not a TCP event: the host reboots and forgets its connections without a word,
  // which is how half-open connections arise (Figure 10).
  crash: {
    from: STATES.filter((state) => state !== "CLOSED"),
    to: "CLOSED",
    cites: "RFC 9293 §3.5.2",
  },

  // ------------------------------------------------------------ profile linux
  "linux/syn-retries": {
    from: ["SYN_SENT"],
    to: "CLOSED",
    cites: "linux (tcp_syn_retries)",
  },
  "linux/synack-retries": {
    from: ["SYN_RECEIVED"],
    to: "LISTEN",
    cites: "linux (tcp_synack_retries)",
  },
  // Every other state with a segment waiting for its ACK; an actively opened
  // SYN_RECEIVED (simultaneous open) has no listener to return to.
  "linux/retries2": {
    from: ["SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "CLOSE_WAIT", "CLOSING", "LAST_ACK"],
    to: "CLOSED",
    cites: "linux (tcp_retries2)",
  },
  "linux/fin-timeout": {
    from: ["FIN_WAIT_2"],
    to: "CLOSED",
    cites: "linux (tcp_fin_timeout)",
  },
  // Linux's TIME_WAIT is a fixed 60 s, whatever the MSL; when that equals 2·MSL the
  // RFC's own rule is cited instead.
  "linux/time-wait-timeout": {
    from: ["TIME_WAIT"],
    to: "CLOSED",
    cites: "linux (TCP_TIMEWAIT_LEN)",
  },
  "linux/close-with-unread-data": {
    from: ["ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT"],
    to: "CLOSED",
    cites: "linux (RFC 2525 §2.17)",
  },
  "linux/data-after-close": {
    from: ["FIN_WAIT_1", "FIN_WAIT_2"],
    to: "CLOSED",
    cites: "linux (RFC 1122 §4.2.2.13)",
  },

  // ------------------------------------------------- counterfactual profiles
  "two-way-handshake/syn": {
    from: ["LISTEN"],
    to: "ESTABLISHED",
    cites: "profile two-way-handshake",
  },
  // Wherever the RFC would enter TIME_WAIT.
  "no-time-wait/skip": {
    from: ["FIN_WAIT_1", "FIN_WAIT_2", "CLOSING"],
    to: "CLOSED",
    cites: "profile no-time-wait",
  },
} as const satisfies Record<string, Omit<Rule, "id">>;

export type RuleId = keyof typeof TABLE;

/**
 * Each rule carries its id, so the trace records it with a property load rather than a search.
 * Object.assign, not `{ ...rule, id }`: V8 gives objects made by a spread plus a property maps
 * of their own, and with one map per rule every load in setState() was megamorphic.
 */
export const RULES = Object.fromEntries(Object.entries(TABLE).map(([id, rule]) => [id, Object.assign({}, rule, { id })])) as {
  readonly [K in RuleId]: (typeof TABLE)[K] & { readonly id: K };
};
/** A rule that leads to state S: setState(to, RULES[id]) only compiles when they agree. */
export type RuleTo<S extends State> = Rule & { readonly to: S };

export interface Transition {
  readonly from: State;
  readonly to: State;
  readonly rule: RuleId;
}

const RULE_IDS = Object.keys(RULES) as RuleId[];

/** The table as one entry per (from, to, rule), in the order of RULES. */
export const TRANSITIONS: readonly Transition[] = RULE_IDS.flatMap((rule) =>
  RULES[rule].from.map((from) => ({ from, to: RULES[rule].to, rule })),
);

/** Throws unless `rule` may move an endpoint from `from` to `to`: a programming error. */
export function checkTransition(from: State, to: State, rule: Rule): void {
  // On every state change: most rules leave one state, so try the first before a search.
  if (rule.to === to && (rule.from[0] === from || rule.from.includes(from))) return;
  throw new Error(`transition ${from} -> ${to} by rule "${rule.id}" is not in lib/tcp/transitions.ts`);
}
