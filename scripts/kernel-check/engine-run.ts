// The same case in the engine: profile linux, the relay's latency, the relay's losses
// of our connection as network faults, our connection's calls at the times the
// kernel's programs actually made them (so the programs' own lateness is not counted
// as a difference), and the kernel run's length.
import { LinuxSysctlSchema, simulate, type Action, type ScenarioInput } from "../../lib/tcp";
import { engineSegments, engineStates, relativeSegments, type RelativeSegment, type StateChange } from "../../lib/kernel-check/segments";
import { LATENCY_MS, type KernelCase, type Step } from "./cases";

export interface EngineRun {
  scenario: ScenarioInput;
  segments: RelativeSegment[];
  client: StateChange[];
  server: StateChange[];
}

/** Socket calls the engine has; read it has not. */
const ENGINE_CALLS: Partial<Record<Step["call"], Action["call"]>> = {
  listen: "listen",
  connect: "connect",
  accept: "accept",
  send: "send",
  shutdown: "shutdown",
  close: "close",
  abort: "abort",
};

/** Other clients' sockets ("o1", "o2", ...) are the engine's synQueue and acceptQueue, not calls. */
const isOtherClient = (step: Step) => step.call === "connect" && step.sock !== "s";

/** Times of the calls as made on the kernel; null marks a call that failed there, which the engine then does not make. */
export type CallTimes = { client: (number | null)[]; server: (number | null)[] };

export function engineActions(c: KernelCase, times?: CallTimes): Action[] {
  const actions: Action[] = [];
  for (const endpoint of ["client", "server"] as const) {
    c[endpoint].forEach((step, i) => {
      const call = ENGINE_CALLS[step.call];
      if (!call || isOtherClient(step)) return;
      const made = times ? times[endpoint][i] : step.at;
      if (made === null || made === undefined) return;
      const at = Math.max(0, Math.round(made));
      actions.push({ at, endpoint, call, ...(call === "send" ? { bytes: step.bytes as number } : {}) });
    });
  }
  return actions.sort((x, y) => x.at - y.at);
}

/**
 * The sysctls a case sets on one side, as that endpoint's sysctl: "net.ipv4.tcp_fin_timeout"
 * is tcp_fin_timeout. Only the ones the engine reads; the rest (timestamps, SACK, ...) are
 * the features every case turns off, which the engine lacks anyway.
 */
export function engineSysctls(set: Record<string, string | number> | undefined): Record<string, number> | undefined {
  if (!set) return undefined;
  const known = new Set(Object.keys(LinuxSysctlSchema.shape));
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(set)) {
    const name = key.replace(/^net\.(ipv4|core)\./, "");
    if (known.has(name)) out[name] = Number(value);
  }
  return Object.keys(out).length ? out : undefined;
}

export function engineScenario(c: KernelCase, times?: CallTimes): ScenarioInput | null {
  if ("notModelled" in c.engine) return null;
  const endpoints = { client: { ...c.engine.endpoints?.client }, server: { ...c.engine.endpoints?.server } };
  for (const side of ["client", "server"] as const) {
    const sysctl = engineSysctls(c.sysctls?.[side]);
    if (sysctl) endpoints[side] = { ...endpoints[side], sysctl };
  }
  return {
    profile: "linux",
    endpoints,
    timing: { latencyMs: LATENCY_MS },
    actions: engineActions(c, times),
    network: (c.drops ?? [])
      .filter((d) => d.of !== "others")
      .map((d) => ({
        match: { from: d.from, flags: d.flags, ...(d.occurrence ? { occurrence: d.occurrence } : {}) },
        effect: "drop" as const,
      })),
    untilMs: c.untilMs,
  };
}

export function runOnEngine(c: KernelCase, times?: CallTimes): EngineRun | null {
  const scenario = engineScenario(c, times);
  if (!scenario) return null;
  const trace = simulate(scenario);
  return {
    scenario,
    segments: relativeSegments(engineSegments(trace)),
    client: engineStates(trace, "client"),
    server: engineStates(trace, "server"),
  };
}
