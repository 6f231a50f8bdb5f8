// The simulator: two endpoints, a network between them, and a clock that only
// moves when an event happens. Pure: the same scenario gives the same trace.
//
// Ordering rule (docs/engine.md, "Order of events at the same time"): events run in
// time order, one per step; at the same millisecond, segment arrivals come first
// (injected segments, in scenario order, before any segment sent during the run; sent
// segments in the order they were sent), then timers (the client's, then the server's;
// per endpoint TIME_WAIT, FIN_WAIT_2, user timeout, retransmission, SYN queue, delayed
// ACK, as dueTimer() picks them), then application calls (in scenario order).
import { Endpoint, type DiscardReason, type Host, type Wire } from "./endpoint";
import { EventQueue, type Queued } from "./event-queue";
import { ACK, formatFlags, parseFlags } from "./flags";
import { rulesFor } from "./profiles";
import { ScenarioError, parseScenario, type EndpointName, type Scenario, type Timing } from "./scenario";
import type { SegmentView, SignalId, State, TimerName, Trace, TraceEvent } from "./trace";
import type { Rule, RuleId } from "./transitions";

/** A run stops with a ScenarioError once its trace would exceed this many events. */
export const MAX_EVENTS = 100_000;

const ARRIVAL = 0;
const CALL = 1;

interface Pending extends Queued {
  kind: typeof ARRIVAL | typeof CALL;
  to: EndpointName;
  wire: Wire | null;
  action: number;
}

interface FaultRule {
  from: EndpointName;
  bits: number;
  occurrence: number | undefined;
  seen: number;
  effect: Scenario["network"][number];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Runs a scenario (unknown JSON, validated here) and returns its trace. Throws ScenarioError. */
export function simulate(input: unknown): Trace {
  return new Simulation(parseScenario(input)).run();
}

/** Runs an already validated scenario (skips validation; for callers that validated it). */
export function simulateParsed(scenario: Scenario): Trace {
  return new Simulation(scenario).run();
}

class Simulation implements Host {
  now = 0;
  readonly timing: Timing;
  private readonly events: TraceEvent[] = [];
  private readonly queue = new EventQueue<Pending>();
  private readonly client: Endpoint;
  private readonly server: Endpoint;
  private readonly faults: FaultRule[];
  private order = 0;
  private nextSegmentId = 1;
  /** Index of the first trace event of the step being processed. */
  private stepStart = 0;

  constructor(private readonly scenario: Scenario) {
    this.timing = scenario.timing;
    const { client, server } = scenario.endpoints;
    // Both configs are written out as one literal shape, not as `{ ...client, rules }`: an
    // optimized spread followed by a property gives every object a map of its own (V8 in
    // Node 20), so each run made new shapes and the Endpoint constructor's loads went
    // megamorphic (docs/performance.md §5).
    this.client = new Endpoint(
      "client",
      "server",
      {
        isn: client.isn,
        autoRead: client.autoRead,
        rules: rulesFor(scenario.profile, scenario.timing, client.sysctl),
        backlog: undefined,
        synQueue: undefined,
        acceptQueue: undefined,
      },
      this,
    );
    this.server = new Endpoint(
      "server",
      "client",
      {
        isn: server.isn,
        autoRead: server.autoRead,
        rules: rulesFor(scenario.profile, scenario.timing, server.sysctl),
        backlog: server.backlog,
        synQueue: server.synQueue,
        acceptQueue: server.acceptQueue,
      },
      this,
    );
    this.faults = scenario.network.map((effect) => ({
      from: effect.match.from,
      bits: flagBits(effect.match.flags),
      occurrence: effect.match.occurrence,
      seen: 0,
      effect,
    }));
  }

  run(): Trace {
    const { actions, inject, untilMs } = this.scenario;
    for (let i = 0; i < actions.length; i++) {
      this.queue.push({
        t: actions[i].at,
        priority: CALL,
        order: this.order++,
        kind: CALL,
        to: actions[i].endpoint,
        wire: null,
        action: i,
      });
    }
    for (const stray of inject) {
      const from: EndpointName = stray.to === "client" ? "server" : "client";
      const bits = flagBits(stray.segment.flags);
      const ack = bits & ACK ? stray.segment.ack : 0;
      const view: SegmentView = {
        id: this.nextSegmentId++,
        from,
        to: stray.to,
        flags: formatFlags(bits),
        seq: stray.segment.seq,
        ack,
        len: stray.segment.len,
        injected: true,
      };
      const wire: Wire = { bits, seq: view.seq, ack, len: view.len, view };
      this.queue.push({ t: stray.at, priority: ARRIVAL, order: this.order++, kind: ARRIVAL, to: stray.to, wire, action: -1 });
    }

    for (;;) {
      const top = this.queue.peek();
      const tq = top ? top.t : Infinity;
      const tc = this.client.nextTimer();
      const ts = this.server.nextTimer();
      const t = Math.min(tq, tc, ts);
      if (t === Infinity || t > untilMs) break;
      this.now = t;
      this.stepStart = this.events.length;
      if (top && tq === t && top.kind === ARRIVAL) {
        this.queue.pop();
        this.deliver(top);
      } else if (tc === t) {
        this.fire(this.client);
      } else if (ts === t) {
        this.fire(this.server);
      } else if (top) {
        this.queue.pop();
        this.userCall(top);
      }
      this.markTransient();
      if (this.events.length > MAX_EVENTS) {
        throw new ScenarioError([
          `the simulation passed ${MAX_EVENTS} events by t = ${t} ms without settling; shorten untilMs or remove the fault that repeats`,
        ]);
      }
    }
    const last = this.events[this.events.length - 1];
    return {
      events: this.events,
      final: { client: this.client.state, server: this.server.state },
      endMs: last ? last.t : 0,
    };
  }

  private endpoint(name: EndpointName): Endpoint {
    return name === "client" ? this.client : this.server;
  }

  private deliver(item: Pending): void {
    const wire = item.wire as Wire;
    const ep = this.endpoint(item.to);
    this.events.push({ t: this.now, endpoint: item.to, type: "receive", segment: wire.view });
    ep.receive(wire);
    ep.output();
  }

  private fire(ep: Endpoint): void {
    const timer = ep.dueTimer(this.now);
    if (timer === null) return;
    this.syntheticTimer(ep, timer);
    ep.fireTimer(timer);
    ep.output();
  }

  private userCall(item: Pending): void {
    const action = this.scenario.actions[item.action];
    const ep = this.endpoint(action.endpoint);
    const event: Mutable<Extract<TraceEvent, { type: "call" }>> = {
      t: this.now,
      endpoint: action.endpoint,
      type: "call",
      call: action.call,
    };
    if (action.bytes !== undefined) event.bytes = action.bytes;
    this.events.push(event);
    const error = ep.call(action.call, action.bytes ?? 0);
    if (error !== null) event.error = error;
    ep.output();
  }

  /** When one step changes an endpoint's state more than once, all but the last change are transient. */
  private markTransient(): void {
    const events = this.events;
    // Most steps add one or two events: too few for two state changes.
    if (events.length - this.stepStart < 2) return;
    for (let i = events.length - 1, seenClient = false, seenServer = false; i >= this.stepStart; i--) {
      const e = events[i];
      if (e.type !== "state") continue;
      if (e.endpoint === "client") {
        if (seenClient) (e as Mutable<typeof e>).transient = true;
        seenClient = true;
      } else {
        if (seenServer) (e as Mutable<typeof e>).transient = true;
        seenServer = true;
      }
    }
  }

  // ------------------------------------------------------------------ Host

  transmit(from: Endpoint, bits: number, seq: number, ack: number, len: number, retransmission: boolean): void {
    const view: Mutable<SegmentView> = {
      id: this.nextSegmentId++,
      from: from.name,
      to: from.peerName,
      flags: formatFlags(bits),
      seq,
      ack,
      len,
    };
    if (retransmission) view.retransmission = true;
    const wire: Wire = { bits, seq, ack, len, view };
    this.events.push({ t: this.now, endpoint: from.name, type: "send", segment: view });

    // Every rule counts every segment it matches, whatever the other rules do to it, so
    // "occurrence: 2" always means the second such segment sent. A drop wins over delays
    // and duplicates; delays add up; a duplicate arrives afterMs after the (delayed) original.
    let dropped = false;
    let extra = 0;
    let copies: number[] | null = null;
    for (const rule of this.faults) {
      if (rule.from !== from.name || rule.bits !== bits) continue;
      rule.seen++;
      if (rule.occurrence !== undefined && rule.occurrence !== rule.seen) continue;
      const effect = rule.effect;
      if (effect.effect === "drop") dropped = true;
      else if (effect.effect === "delay") extra += effect.byMs;
      else (copies ??= []).push(effect.afterMs);
    }
    if (dropped) {
      this.events.push({ t: this.now, endpoint: from.name, type: "drop", segment: view, reason: "network" });
      return;
    }
    if (extra > 0) this.events.push({ t: this.now, endpoint: from.name, type: "delay", segment: view, byMs: extra });
    this.schedule(wire, from.peerName, this.timing.latencyMs + extra);
    if (copies) {
      for (const afterMs of copies) {
        this.events.push({ t: this.now, endpoint: from.name, type: "duplicate", segment: view, afterMs });
        this.schedule(wire, from.peerName, this.timing.latencyMs + extra + afterMs);
      }
    }
  }

  private schedule(wire: Wire, to: EndpointName, afterMs: number): void {
    this.queue.push({ t: this.now + afterMs, priority: ARRIVAL, order: this.order++, kind: ARRIVAL, to, wire, action: -1 });
  }

  stateChanged(endpoint: Endpoint, from: State, to: State, rule: Rule): void {
    this.events.push({
      t: this.now,
      endpoint: endpoint.name,
      type: "state",
      from,
      to,
      transient: false,
      ruleId: rule.id as RuleId,
      rule: rule.cites,
      cause: this.stepStart,
    });
  }

  signal(endpoint: Endpoint, signal: SignalId): void {
    this.events.push({ t: this.now, endpoint: endpoint.name, type: "signal", signal });
  }

  discarded(endpoint: Endpoint, segment: Wire, reason: DiscardReason): void {
    this.events.push({ t: this.now, endpoint: endpoint.name, type: "drop", segment: segment.view, reason });
  }

  syntheticTimer(endpoint: Endpoint, timer: TimerName): void {
    this.events.push({ t: this.now, endpoint: endpoint.name, type: "timer", timer });
  }
}

function flagBits(text: string): number {
  const parsed = parseFlags(text);
  // The schema has already rejected invalid sets; this is a programming error.
  if ("error" in parsed) throw new ScenarioError([parsed.error]);
  return parsed.bits;
}
