// Full traces of the engine's test corpus (tests/unit/tcp/trace-corpus.ts), and the grading of
// every starter template's own answer cases at 20 seeds, to prove that a change made for speed
// changed no behaviour: wording included, which the unit test's hash leaves out. In the
// checkout before the change:
//   npx tsx tests/bench/trace-corpus.ts --write /tmp/traces-before.jsonl
// and in the one after it:
//   npx tsx tests/bench/trace-corpus.ts --check /tmp/traces-before.jsonl
// --check exits non-zero at the first trace that differs, and names it.
import { readFileSync, writeFileSync } from "node:fs";
import { grade } from "../../lib/grading";
import { instantiate, kindOf, starterLibrary, type Cases } from "../../lib/questions";
import { corpus, corpusHash, traceJson } from "../unit/tcp/trace-corpus";

function gradings(): string[] {
  const lines: string[] = [];
  for (const template of starterLibrary) {
    for (let i = 0; i < 20; i++) {
      const seed = i * 7919 + 3;
      const q = instantiate(template, seed);
      const cases: Cases = kindOf(q.template.ask.kind).cases(q as never);
      for (const which of ["correct", "incorrect", "invalid"] as const) {
        cases[which].forEach((answer, k) => {
          lines.push(`${JSON.stringify(`grade ${template.id}#${seed} ${which}[${k}]`)}\t${JSON.stringify(grade(template, seed, answer))}`);
        });
      }
    }
  }
  return lines;
}

const [mode, file] = process.argv.slice(2);
const cases = corpus();
const lines = [...cases.map((c) => `${JSON.stringify(c.name)}\t${traceJson(c)}`), ...gradings()];
if (mode === "--write" && file) {
  writeFileSync(file, lines.join("\n") + "\n");
  console.log(`${lines.length} traces and gradings written to ${file}; corpus hash ${corpusHash(cases)}`);
} else if (mode === "--check" && file) {
  const before = readFileSync(file, "utf8").trimEnd().split("\n");
  if (before.length !== lines.length) {
    console.error(`${file} holds ${before.length} lines, this checkout gives ${lines.length}`);
    process.exit(1);
  }
  const differing = lines.filter((line, i) => line !== before[i]);
  if (differing.length > 0) {
    console.error(`${differing.length} of ${lines.length} traces and gradings differ, the first: ${differing[0].split("\t")[0]}`);
    process.exit(1);
  }
  console.log(`all ${lines.length} traces and gradings identical to ${file}; corpus hash ${corpusHash(cases)}`);
} else {
  console.error("usage: tsx tests/bench/trace-corpus.ts --write FILE | --check FILE");
  process.exit(2);
}
