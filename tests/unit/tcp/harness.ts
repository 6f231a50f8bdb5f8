// Test harness for the conformance suite, after smoltcp's tests: one fixture per
// state (reached by driving the real endpoint, never by setting fields), segments
// written as a template plus the fields that differ, expectSent / expectNothing, and
// expectSameEndpoint (smoltcp's `sanity!`) for two paths that must reach the same endpoint.
import { expect } from "vitest";
import { Endpoint, type DiscardReason, type Host, type Wire } from "@/lib/tcp/endpoint";
import { formatFlags, parseFlags } from "@/lib/tcp/flags";
import { rulesFor, type ProfileRules } from "@/lib/tcp/profiles";
import { LinuxSysctlSchema, TimingSchema, type LinuxSysctls, type Profile, type Timing } from "@/lib/tcp/scenario";
import type { SignalId, State, TimerName } from "@/lib/tcp/trace";
import type { Rule } from "@/lib/tcp/transitions";

/** Our endpoint's ISS and the peer's, as in the RFC's figures (ours 300, theirs 100). */
export const LOCAL_ISS = 300;
export const REMOTE_ISS = 100;

export interface Sent {
  flags: string;
  seq: number;
  ack: number;
  len: number;
  retransmission?: boolean;
}

export class TestHost implements Host {
  now = 0;
  readonly rules: ProfileRules;
  readonly timing: Timing;
  sent: Sent[] = [];
  states: { from: State; to: State; rule: string }[] = [];
  signals: SignalId[] = [];
  discards: DiscardReason[] = [];
  timers: TimerName[] = [];

  constructor(profile: Profile = "rfc9293", timing: Partial<Timing> = {}, sysctl: Partial<LinuxSysctls> = {}) {
    this.timing = TimingSchema.parse(timing);
    this.rules = rulesFor(profile, this.timing, LinuxSysctlSchema.parse(sysctl));
  }
  transmit(_from: Endpoint, bits: number, seq: number, ack: number, len: number, retransmission: boolean): void {
    this.sent.push({ flags: formatFlags(bits), seq, ack, len, ...(retransmission ? { retransmission } : {}) });
  }
  stateChanged(_e: Endpoint, from: State, to: State, rule: Rule): void {
    this.states.push({ from, to, rule: rule.cites });
  }
  signal(_e: Endpoint, signal: SignalId): void {
    this.signals.push(signal);
  }
  discarded(_e: Endpoint, _s: Wire, reason: DiscardReason): void {
    this.discards.push(reason);
  }
  syntheticTimer(_e: Endpoint, timer: TimerName): void {
    this.timers.push(timer);
  }
  /** Forgets what has been recorded so far, so a test sees only its own step. */
  clear(): void {
    this.sent = [];
    this.states = [];
    this.signals = [];
    this.discards = [];
    this.timers = [];
  }
}

export interface Harness {
  ep: Endpoint;
  host: TestHost;
}

export interface SegmentSpec {
  flags: string;
  seq: number;
  ack?: number;
  len?: number;
}

let nextId = 1;
function wire(spec: SegmentSpec): Wire {
  const parsed = parseFlags(spec.flags);
  if ("error" in parsed) throw new Error(parsed.error);
  const view = {
    id: nextId++,
    from: "client" as const,
    to: "server" as const,
    flags: spec.flags,
    seq: spec.seq,
    ack: spec.ack ?? 0,
    len: spec.len ?? 0,
  };
  return { bits: parsed.bits, seq: spec.seq, ack: spec.ack ?? 0, len: spec.len ?? 0, view };
}

/** Delivers a segment (and lets the endpoint send what is due), after clearing the record. */
export function recv(h: Harness, spec: SegmentSpec): void {
  h.host.clear();
  h.ep.receive(wire(spec));
  h.ep.output();
}

/** Makes a user call; returns its error text or null. */
export function call(h: Harness, name: Parameters<Endpoint["call"]>[0], bytes = 0): string | null {
  h.host.clear();
  const error = h.ep.call(name, bytes);
  h.ep.output();
  return error;
}

/** Advances the clock to the endpoint's next timer and fires it. */
export function fireNextTimer(h: Harness): TimerName | null {
  h.host.clear();
  const at = h.ep.nextTimer();
  if (at === Infinity) return null;
  h.host.now = at;
  const timer = h.ep.dueTimer(at);
  if (timer) {
    h.host.syntheticTimer(h.ep, timer);
    h.ep.fireTimer(timer);
    h.ep.output();
  }
  return timer;
}

export function expectSent(h: Harness, segments: Partial<Sent>[]): void {
  expect(h.host.sent.map((s, i) => pick(s, segments[i] ?? {}))).toEqual(segments);
}

export function expectNothing(h: Harness): void {
  expect(h.host.sent).toEqual([]);
}

function pick(sent: Sent, like: Partial<Sent>): Partial<Sent> {
  const keys = Object.keys(like).length > 0 ? (Object.keys(like) as (keyof Sent)[]) : (["flags", "seq", "ack"] as const);
  return Object.fromEntries(keys.map((k) => [k, sent[k]]));
}

// ---------------------------------------------------------------- fixtures

export interface FixtureOptions {
  profile?: Profile;
  timing?: Partial<Timing>;
  /** Profile linux: the host's sysctls (the rest at Linux 6.18's defaults). */
  sysctl?: Partial<LinuxSysctls>;
  iss?: number;
  backlog?: number;
  synQueue?: number;
  acceptQueue?: number;
}

function fresh(options: FixtureOptions = {}): Harness {
  const host = new TestHost(options.profile, options.timing, options.sysctl);
  const ep = new Endpoint(
    "server",
    "client",
    {
      isn: options.iss ?? LOCAL_ISS,
      rules: host.rules,
      backlog: options.backlog,
      synQueue: options.synQueue,
      acceptQueue: options.acceptQueue,
    },
    host,
  );
  return { ep, host };
}

export const closed = (o?: FixtureOptions): Harness => fresh(o);

export function listening(o?: FixtureOptions): Harness {
  const h = fresh(o);
  call(h, "listen");
  return h;
}

/** Passive open: LISTEN + SYN(100) -> SYN_RECEIVED, our SYN-ACK at ISS. */
export function synReceived(o?: FixtureOptions): Harness {
  const h = listening(o);
  recv(h, { flags: "SYN", seq: REMOTE_ISS });
  return h;
}

/** Active open: connect -> SYN_SENT. */
export function synSent(o?: FixtureOptions): Harness {
  const h = fresh(o);
  call(h, "connect");
  return h;
}

/** Simultaneous open (Figure 7): SYN_SENT + SYN -> SYN_RECEIVED, active. */
export function synReceivedActive(o?: FixtureOptions): Harness {
  const h = synSent(o);
  recv(h, { flags: "SYN", seq: REMOTE_ISS });
  return h;
}

export function established(o?: FixtureOptions): Harness {
  const h = synReceived(o);
  const iss = o?.iss ?? LOCAL_ISS;
  recv(h, { flags: "ACK", seq: REMOTE_ISS + 1, ack: (iss + 1) >>> 0 });
  h.host.clear();
  return h;
}

export function finWait1(o?: FixtureOptions): Harness {
  const h = established(o);
  call(h, "close");
  h.host.clear();
  return h;
}

export function finWait2(o?: FixtureOptions): Harness {
  const h = finWait1(o);
  recv(h, { flags: "ACK", seq: REMOTE_ISS + 1, ack: LOCAL_ISS + 2 });
  h.host.clear();
  return h;
}

export function closeWait(o?: FixtureOptions): Harness {
  const h = established(o);
  recv(h, { flags: "FIN+ACK", seq: REMOTE_ISS + 1, ack: LOCAL_ISS + 1 });
  h.host.clear();
  return h;
}

export function lastAck(o?: FixtureOptions): Harness {
  const h = closeWait(o);
  call(h, "close");
  h.host.clear();
  return h;
}

export function closing(o?: FixtureOptions): Harness {
  const h = finWait1(o);
  recv(h, { flags: "FIN+ACK", seq: REMOTE_ISS + 1, ack: LOCAL_ISS + 1 });
  h.host.clear();
  return h;
}

export function timeWait(o?: FixtureOptions): Harness {
  const h = finWait2(o);
  recv(h, { flags: "FIN+ACK", seq: REMOTE_ISS + 1, ack: LOCAL_ISS + 2 });
  h.host.clear();
  return h;
}

// ------------------------------------------------------- same-state check

/**
 * What can be observed of an endpoint: its state, the RFC 9293 §3.3.1 send and receive
 * variables, what it still has to send, its queues, and its timers as time from now
 * (null: not running), so endpoints reached at different times compare equal.
 */
export function observe(h: Harness) {
  const ep = h.ep;
  const now = h.host.now;
  const timer = (at: number) => (at === Infinity ? null : at - now);
  return {
    state: ep.state,
    passive: ep.passive,
    ISS: ep.iss,
    "SND.UNA": ep.sndUna,
    "SND.NXT": ep.sndNxt,
    "SND.WND": ep.sndWnd,
    IRS: ep.irs,
    "RCV.NXT": ep.rcvNxt,
    "RCV.WND": ep.rcvWnd,
    unsent: ep.unsent,
    closeQueued: ep.closeQueued,
    closeAfterEstablished: ep.closeAfterEstablished,
    appClosed: ep.appClosed,
    finSent: ep.finSent,
    finSeq: ep.finSent ? ep.finSeq : null,
    ackNow: ep.ackNow,
    retransmissionQueue: ep.rtxq.map((s) => ({ flags: formatFlags(s.bits), seq: s.seq, len: s.len })),
    held: ep.held.map((s) => ({ ...s })),
    rto: ep.rto,
    retries: ep.retries,
    timers: {
      retransmit: timer(ep.rtxAt),
      "user-timeout": timer(ep.userTimeoutAt),
      "time-wait": timer(ep.timeWaitAt),
      "fin-wait-2": timer(ep.finWait2At),
      "delayed-ack": timer(ep.delackAt),
    },
    synQueue: ep.synQueue.map(timer),
    acceptQueue: ep.acceptQueue,
    inAcceptQueue: ep.inAcceptQueue,
  };
}
export type Observed = ReturnType<typeof observe>;

/**
 * smoltcp's `sanity!`: two endpoints reached by different paths are the same endpoint.
 * `except` names fields the paths are expected to leave different; the test says why.
 */
export function expectSameEndpoint(a: Harness, b: Harness, except: readonly (keyof Observed)[] = []): void {
  const view = (h: Harness) => {
    const o: Partial<Observed> = observe(h);
    for (const key of except) delete o[key];
    return o;
  };
  expect(view(b)).toEqual(view(a));
}

/** Fires timers until the endpoint is in `state` (or no timer is left); returns the timers fired. */
export function fireTimersUntil(h: Harness, state: State, limit = 50): TimerName[] {
  const fired: TimerName[] = [];
  while (h.ep.state !== state && fired.length < limit) {
    const timer = fireNextTimer(h);
    if (timer === null) break;
    fired.push(timer);
  }
  return fired;
}
