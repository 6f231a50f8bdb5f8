// `npm run tcp -- scenario.json [--json]`: runs a scenario and prints its ladder diagram
// (or the raw trace with --json). For instructors writing scenarios, and for debugging.
// The diagram speaks Chinese when LANG (or LC_ALL) asks for it, English otherwise.
import { readFileSync } from "node:fs";
import type { Locale } from "../lib/i18n/locales";
import { ScenarioError, renderLadder, simulate } from "../lib/tcp";

const locale: Locale = /^zh/i.test(process.env.LC_ALL || process.env.LANG || "") ? "zh-CN" : "en";

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith("--"));
if (!file) {
  console.error("usage: npm run tcp -- scenario.json [--json]   (use - to read standard input)");
  process.exit(2);
}
let input: unknown;
try {
  input = JSON.parse(readFileSync(file === "-" ? 0 : file, "utf8"));
} catch (error) {
  console.error(`cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}
try {
  const trace = simulate(input);
  console.log(args.includes("--json") ? JSON.stringify(trace, null, 2) : renderLadder(trace, locale));
} catch (error) {
  if (error instanceof ScenarioError) {
    console.error(`invalid scenario: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
