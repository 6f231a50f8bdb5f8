// `npm test`: everything a change must pass, in the order that fails fastest.
// lint -> type-check -> unit -> build -> integration (SQLite + PostgreSQL) -> end-to-end (Chromium).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

const steps = [
  ["lint", ["node_modules/eslint/bin/eslint.js", "--max-warnings=0", "."]],
  ["format check", ["node_modules/prettier/bin/prettier.cjs", "--check", "."]],
  ["type-check", ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]],
  [
    "unit tests",
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--project",
      "unit",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-reports/unit.json",
    ],
  ],
  ["build", ["node_modules/next/dist/bin/next", "build"]],
  [
    "integration tests (SQLite and PostgreSQL)",
    [
      "node_modules/vitest/vitest.mjs",
      "run",
      "--project",
      "integration",
      "--reporter=default",
      "--reporter=json",
      "--outputFile.json=test-reports/integration.json",
    ],
  ],
  ["end-to-end tests (Chromium)", ["node_modules/@playwright/test/cli.js", "test", "--reporter=list,json"]],
];

mkdirSync("test-reports", { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", PLAYWRIGHT_JSON_OUTPUT_NAME: "test-reports/e2e.json" };

/** Passed and failed counts from the runners' JSON reports. */
function counts() {
  let passed = 0;
  let failed = 0;
  for (const file of ["test-reports/unit.json", "test-reports/integration.json"]) {
    if (!existsSync(file)) continue;
    const report = JSON.parse(readFileSync(file, "utf8"));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  if (existsSync("test-reports/e2e.json")) {
    const stats = JSON.parse(readFileSync("test-reports/e2e.json", "utf8")).stats;
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
  }
  return { passed, failed };
}
const timings = [];
for (const [name, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const start = Date.now();
  const run = spawnSync(process.execPath, args, { stdio: "inherit", env });
  timings.push(`${name}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  if (run.status !== 0) {
    const { passed, failed } = counts();
    console.error(`\nnpm test: ${name} failed.`);
    console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    process.exit(run.status ?? 1);
  }
}
const { passed, failed } = counts();
console.log(`\nnpm test: all steps passed.\n${timings.map((t) => `  ${t}`).join("\n")}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
