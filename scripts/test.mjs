// `npm test`: everything a change must pass, in the order that fails fastest.
// lint -> type-check -> unit -> build -> integration (SQLite + PostgreSQL) -> end-to-end (Chromium).
// The PostgreSQL server is chosen once, first (tests/support/postgres.ts): TEST_POSTGRES_URL, the
// machine's own on 127.0.0.1:5432, or an embedded one started for the run and stopped at its end.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { tsImport } from "tsx/esm/api";

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

const { providePostgres } = await tsImport("../tests/support/postgres.ts", import.meta.url);
let postgres;
try {
  postgres = await providePostgres(env);
} catch (error) {
  console.error(`npm test: no PostgreSQL server for the integration and end-to-end tests: ${error.message}`);
  console.log("tests: 0 passed, 1 failed");
  process.exit(1);
}
console.log(postgres.description);

/** The step running now, to pass a stop signal on to. */
let current = null;
/** The exit code a stop signal asked for. */
let interrupted = null;
let finishing = null;
/** Stops the embedded PostgreSQL (if the run started one), then exits. */
function finish(code) {
  finishing ??= postgres.stop().finally(() => process.exit(code));
  return finishing;
}
for (const [signal, number] of [
  ["SIGINT", 2],
  ["SIGTERM", 15],
  ["SIGHUP", 1],
]) {
  process.on(signal, () => {
    if (interrupted !== null) return;
    interrupted = 128 + number;
    // Ctrl-C reaches the step as well; passing the signal on covers one sent to this process
    // alone (Playwright takes two SIGINTs a moment apart as one). The loop below ends on its exit.
    if (current && current.exitCode === null && current.signalCode === null) current.kill(signal);
    else void finish(interrupted);
  });
}

const timings = [];
for (const [name, args] of steps) {
  console.log(`\n=== ${name} ===`);
  const start = Date.now();
  current = spawn(process.execPath, args, { stdio: "inherit", env });
  const status = await new Promise((resolve) => current.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
  timings.push(`${name}: ${((Date.now() - start) / 1000).toFixed(1)} s`);
  if (interrupted !== null) await finish(interrupted);
  if (status !== 0) {
    const { passed, failed } = counts();
    console.error(`\nnpm test: ${name} failed.`);
    console.log(`tests: ${passed} passed, ${Math.max(failed, 1)} failed`);
    await finish(status);
  }
}
const { passed, failed } = counts();
console.log(`\nnpm test: all steps passed.\n${timings.map((t) => `  ${t}`).join("\n")}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
await finish(0);
