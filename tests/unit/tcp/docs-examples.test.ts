// The scenario examples in docs/scenario-format.md really run: each file in docs/examples/ has a
// section there showing the same JSON, and the engine gives exactly the states written under it.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { simulate, stateSequence, type EndpointName } from "@/lib/tcp";

const DOC = "docs/scenario-format.md";
const DIR = "docs/examples";

type Claim = { endpoint: EndpointName; includeTransient: boolean; states: string[] };
type Section = { file: string; shown: unknown; claims: Claim[] };

/** Each example section: a link to the file, a json block, then a text block of state lines. */
function sections(markdown: string): Section[] {
  const pattern = /\(examples\/([a-z0-9-]+\.json)\)\n\n```json\n([\s\S]*?)\n```\n\n```text\n([\s\S]*?)\n```/g;
  return [...markdown.matchAll(pattern)].map(([, file, json, text]) => ({
    file,
    shown: JSON.parse(json),
    claims: text.split("\n").map((line) => {
      const m = /^(client|server)( \(with transient states\))?: (.+)$/.exec(line);
      if (!m) throw new Error(`${file}: cannot read the state line "${line}"`);
      return { endpoint: m[1] as EndpointName, includeTransient: Boolean(m[2]), states: m[3].split(" → ") };
    }),
  }));
}

const doc = sections(readFileSync(DOC, "utf8"));
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort();

it("every example file has exactly one section in the scenario format doc, and every section a file", () => {
  expect(files.length).toBeGreaterThanOrEqual(10);
  expect(doc.map((s) => s.file).sort()).toEqual(files);
});

describe.each(doc.map((s) => [s.file, s] as const))("docs/examples/%s", (file, section) => {
  const scenario: unknown = JSON.parse(readFileSync(`${DIR}/${file}`, "utf8"));

  it("is shown in the doc exactly as the file holds it", () => {
    expect(section.shown).toEqual(scenario);
  });

  it("runs, and each endpoint passes through the states the doc claims", () => {
    const trace = simulate(scenario);
    const endpoints = new Set(section.claims.map((c) => c.endpoint));
    expect([...endpoints].sort()).toEqual(["client", "server"]);
    for (const claim of section.claims) {
      expect(stateSequence(trace, claim.endpoint, { includeTransient: claim.includeTransient }), `${claim.endpoint}`).toEqual(claim.states);
    }
  });
});
