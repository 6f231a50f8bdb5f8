// Every state change the engine can make, in one place: RFC 9293 Figure 5, the arcs the
// RFC's text adds (ABORT, RST, timeouts, SYN-RECEIVED back to LISTEN), Linux's limits,
// a host crash, and the counterfactual profiles' shortcuts. endpoint.ts implements the
// rules in the RFC's step order; this table is what it is allowed to do. Each rule has an
// id (what the code names), the source it cites and the sentence a student reads in the
// trace and the grader's feedback. docs/engine.md shows the same table.
import { STATES, type State } from "./trace";

export interface Rule {
  /** The rule's key in RULES: what the trace records, and the catalogs' message id for its reason. */
  readonly id: string;
  /** The states this rule can leave. */
  readonly from: readonly State[];
  readonly to: State;
  /** RFC 9293 section, Linux behaviour or profile: recorded as the trace's `rule`. */
  readonly cites: string;
  /** The transition in one plain sentence: recorded as the trace's `reason`. */
  readonly reason: string;
}

const TABLE = {
  // ------------------------------------------------------------------ opening
  listen: {
    from: ["CLOSED"],
    to: "LISTEN",
    cites: "RFC 9293 §3.10.1",
    reason: "A passive OPEN (listen) makes the endpoint wait for a SYN.",
  },
  connect: {
    from: ["CLOSED", "LISTEN"],
    to: "SYN_SENT",
    cites: "RFC 9293 §3.10.1",
    reason: "An active OPEN (connect) sends a SYN and waits for the peer's SYN.",
  },
  "listen/syn": {
    from: ["LISTEN"],
    to: "SYN_RECEIVED",
    cites: "RFC 9293 §3.10.7.2",
    reason: "A SYN arrived for the listener: answer SYN+ACK and wait for the ACK.",
  },
  "syn-sent/syn-ack": {
    from: ["SYN_SENT"],
    to: "ESTABLISHED",
    cites: "RFC 9293 §3.10.7.3",
    reason: "The SYN+ACK acknowledges our SYN: the connection is open.",
  },
  "syn-sent/syn": {
    from: ["SYN_SENT"],
    to: "SYN_RECEIVED",
    cites: "RFC 9293 §3.10.7.3",
    reason: "A SYN crossed ours (simultaneous open): answer SYN+ACK.",
  },
  "syn-sent/rst": {
    from: ["SYN_SENT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.7.3",
    reason: "A RST that acknowledges our SYN means the peer refused the connection.",
  },
  "syn-received/ack": {
    from: ["SYN_RECEIVED"],
    to: "ESTABLISHED",
    cites: "RFC 9293 §3.10.7.4",
    reason: "The ACK of our SYN+ACK completes the three-way handshake.",
  },
  "syn-received/syn": {
    from: ["SYN_RECEIVED"],
    to: "LISTEN",
    cites: "RFC 9293 §3.10.7.4",
    reason: "A new SYN in SYN_RECEIVED: the half-open connection returns to LISTEN.",
  },
  "syn-received/rst-passive": {
    from: ["SYN_RECEIVED"],
    to: "LISTEN",
    cites: "RFC 9293 §3.10.7.4",
    reason: "A RST in SYN_RECEIVED returns a passively opened connection to LISTEN.",
  },
  "syn-received/rst-active": {
    from: ["SYN_RECEIVED"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.7.4",
    reason: "A RST in SYN_RECEIVED after an active OPEN: the connection was refused.",
  },

  // ------------------------------------------------------------------ closing
  "close/unopened": {
    from: ["LISTEN", "SYN_SENT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.4",
    reason: "Closing before the connection exists just deletes it.",
  },
  "close/syn-received": {
    from: ["SYN_RECEIVED"],
    to: "FIN_WAIT_1",
    cites: "RFC 9293 §3.10.4",
    reason: "Closing in SYN_RECEIVED sends a FIN at once.",
  },
  "close/queued-in-handshake": {
    from: ["ESTABLISHED"],
    to: "FIN_WAIT_1",
    cites: "RFC 9293 §3.10.4",
    reason: "The CLOSE queued during the handshake takes effect: send FIN after the data.",
  },
  "close/established": {
    from: ["ESTABLISHED"],
    to: "FIN_WAIT_1",
    cites: "RFC 9293 §3.10.4",
    reason: "The application closed: send FIN after any queued data.",
  },
  "close/close-wait": {
    from: ["CLOSE_WAIT"],
    to: "LAST_ACK",
    cites: "RFC 9293 §3.10.4",
    reason: "The peer already sent FIN; our FIN is the last, so wait for its ACK.",
  },
  "shutdown/established": {
    from: ["ESTABLISHED"],
    to: "FIN_WAIT_1",
    cites: "RFC 9293 §3.10.4",
    reason: "The application shut down its sending side: send FIN after any queued data, and keep receiving.",
  },
  "shutdown/close-wait": {
    from: ["CLOSE_WAIT"],
    to: "LAST_ACK",
    cites: "RFC 9293 §3.10.4",
    reason: "The application shut down its sending side after the peer's FIN: our FIN is the last, so wait for its ACK.",
  },
  "established/fin": {
    from: ["ESTABLISHED"],
    to: "CLOSE_WAIT",
    cites: "RFC 9293 §3.10.7.4",
    reason: "The peer's FIN means it has no more to send: wait for our application to close.",
  },
  "fin-wait-1/ack": {
    from: ["FIN_WAIT_1"],
    to: "FIN_WAIT_2",
    cites: "RFC 9293 §3.10.7.4",
    reason: "The peer acknowledged our FIN; its own FIN has not come yet.",
  },
  "fin-wait-1/fin": {
    from: ["FIN_WAIT_1"],
    to: "CLOSING",
    cites: "RFC 9293 §3.10.7.4",
    reason: "In FIN_WAIT_1, a FIN that does not acknowledge our own FIN (simultaneous close) moves the connection to CLOSING.",
  },
  "fin-wait-1/fin-ack": {
    from: ["FIN_WAIT_1"],
    to: "TIME_WAIT",
    cites: "RFC 9293 §3.10.7.4",
    reason: "A FIN that also acknowledges our FIN: both sides are done, enter TIME_WAIT.",
  },
  "fin-wait-2/fin": {
    from: ["FIN_WAIT_2"],
    to: "TIME_WAIT",
    cites: "RFC 9293 §3.10.7.4",
    reason: "In FIN_WAIT_2, the peer's FIN moves the connection to TIME_WAIT.",
  },
  "closing/ack": {
    from: ["CLOSING"],
    to: "TIME_WAIT",
    cites: "RFC 9293 §3.10.7.4",
    reason: "In CLOSING, the ACK of our FIN moves the connection to TIME_WAIT.",
  },
  "last-ack/ack": {
    from: ["LAST_ACK"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.7.4",
    reason: "In LAST_ACK, the ACK of our FIN ends the connection.",
  },
  "time-wait/timeout": {
    from: ["TIME_WAIT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.8",
    reason: "TIME_WAIT has lasted long enough for old segments to die out: the connection is deleted.",
  },

  // ------------------------------------------------------- aborts and resets
  "abort/with-rst": {
    from: ["SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.5",
    reason: "ABORT sends RST and deletes the connection at once.",
  },
  "abort/without-rst": {
    from: ["LISTEN", "SYN_SENT", "CLOSING", "LAST_ACK", "TIME_WAIT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.5",
    reason: "ABORT deletes the connection; in this state no RST is sent.",
  },
  // §3.10.7.4 second step groups the synchronized states in two: those still moving
  // data, and those where both FINs have been sent.
  "connected/rst": {
    from: ["ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.7.4",
    reason: "A RST at exactly RCV.NXT resets the connection.",
  },
  "both-fins/rst": {
    from: ["CLOSING", "LAST_ACK", "TIME_WAIT"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.7.4",
    reason: "A RST while closing ends the connection at once.",
  },
  // Only states that have a segment waiting for its ACK run the user timeout.
  "user-timeout": {
    from: ["SYN_SENT", "SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "CLOSE_WAIT", "CLOSING", "LAST_ACK"],
    to: "CLOSED",
    cites: "RFC 9293 §3.10.8",
    reason: "Nothing was acknowledged for the whole user timeout: the connection is aborted.",
  },
  // Not a TCP event: the host reboots and forgets its connections without a word,
  // which is how half-open connections arise (Figure 10).
  crash: {
    from: STATES.filter((state) => state !== "CLOSED"),
    to: "CLOSED",
    cites: "RFC 9293 §3.5.2",
    reason: "The host crashed and lost all memory of the connection.",
  },

  // ------------------------------------------------------------ profile linux
  "linux/syn-retries": {
    from: ["SYN_SENT"],
    to: "CLOSED",
    cites: "linux (tcp_syn_retries)",
    reason: "The retransmission limit was reached: the connection gives up.",
  },
  "linux/synack-retries": {
    from: ["SYN_RECEIVED"],
    to: "LISTEN",
    cites: "linux (tcp_synack_retries)",
    reason: "No ACK came after the last SYN-ACK retry: Linux drops the half-open connection.",
  },
  // Every other state with a segment waiting for its ACK; an actively opened
  // SYN_RECEIVED (simultaneous open) has no listener to return to.
  "linux/retries2": {
    from: ["SYN_RECEIVED", "ESTABLISHED", "FIN_WAIT_1", "CLOSE_WAIT", "CLOSING", "LAST_ACK"],
    to: "CLOSED",
    cites: "linux (tcp_retries2)",
    reason: "The retransmission limit was reached: the connection gives up.",
  },
  "linux/fin-timeout": {
    from: ["FIN_WAIT_2"],
    to: "CLOSED",
    cites: "linux (tcp_fin_timeout)",
    reason: "Linux gives up on a peer that never sends its FIN after 60 s in FIN_WAIT_2.",
  },
  // Linux's TIME_WAIT is a fixed 60 s, whatever the MSL; when that equals 2·MSL the
  // RFC's own rule is cited instead.
  "linux/time-wait-timeout": {
    from: ["TIME_WAIT"],
    to: "CLOSED",
    cites: "linux (TCP_TIMEWAIT_LEN)",
    reason: "TIME_WAIT has lasted long enough for old segments to die out: the connection is deleted.",
  },
  "linux/close-with-unread-data": {
    from: ["ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSE_WAIT"],
    to: "CLOSED",
    cites: "linux (RFC 2525 §2.17)",
    reason: "The application closed with received data it never read: Linux resets the connection to say the data was lost.",
  },
  "linux/data-after-close": {
    from: ["FIN_WAIT_1", "FIN_WAIT_2"],
    to: "CLOSED",
    cites: "linux (RFC 1122 §4.2.2.13)",
    reason: "Data arrived after the application closed: Linux resets the connection.",
  },

  // ------------------------------------------------- counterfactual profiles
  "two-way-handshake/syn": {
    from: ["LISTEN"],
    to: "ESTABLISHED",
    cites: "profile two-way-handshake",
    reason: "In a two-way handshake the server is established as soon as it answers a SYN.",
  },
  // Wherever the RFC would enter TIME_WAIT.
  "no-time-wait/skip": {
    from: ["FIN_WAIT_1", "FIN_WAIT_2", "CLOSING"],
    to: "CLOSED",
    cites: "profile no-time-wait",
    reason: "Without TIME_WAIT, the active closer forgets the connection at once.",
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
