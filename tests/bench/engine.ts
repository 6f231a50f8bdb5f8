// Engine benchmark: time per simulation and events per second for three scenarios.
// Budget (docs/performance.md §2): handshake + close at 20 µs or less per simulation on one core.
import { parseScenario, simulate, simulateParsed, type ScenarioInput } from "../../lib/tcp";
import { measure, report, type BenchResult } from "./measure";

const open: ScenarioInput["actions"] = [
  { at: 0, endpoint: "server", call: "listen" },
  { at: 10, endpoint: "client", call: "connect" },
];

export const engineScenarios: Record<string, ScenarioInput> = {
  "handshake + close": {
    actions: [...open, { at: 1000, endpoint: "client", call: "close" }, { at: 1200, endpoint: "server", call: "close" }],
  },
  "lossy close (FIN lost twice, last ACK lost)": {
    actions: [...open, { at: 1000, endpoint: "client", call: "close" }, { at: 1200, endpoint: "server", call: "close" }],
    network: [
      { match: { from: "client", flags: "FIN+ACK", occurrence: 1 }, effect: "drop" },
      { match: { from: "client", flags: "FIN+ACK", occurrence: 2 }, effect: "drop" },
      { match: { from: "client", flags: "ACK", occurrence: 2 }, effect: "drop" },
    ],
  },
  "100-segment transfer": {
    actions: [
      ...open,
      { at: 500, endpoint: "client", call: "send", bytes: 100 * 1460 },
      { at: 5000, endpoint: "client", call: "close" },
      { at: 5100, endpoint: "server", call: "close" },
    ],
  },
};

export function benchEngine(): BenchResult[] {
  const results: BenchResult[] = [];
  for (const [name, scenario] of Object.entries(engineScenarios)) {
    const events = simulate(scenario).events.length;
    results.push({ ...measure(`simulate: ${name}`, () => simulate(scenario)), events });
    const parsed = parseScenario(scenario);
    results.push({ ...measure(`simulateParsed (no validation): ${name}`, () => simulateParsed(parsed)), events });
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) report(benchEngine(), { "simulate: handshake + close": 20 });
