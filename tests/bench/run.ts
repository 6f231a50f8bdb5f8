// `npm run bench`: every benchmark, with its figures and budgets. Not part of `npm test`.
// `npm run bench -- --quick` skips the load test (which needs a build and takes about a minute).
import { benchEditor } from "./editor";
import { benchEngine } from "./engine";
import { benchGradebook, reportGradebook } from "./gradebook";
import { benchGrading } from "./grading";
import { reportLoad, runLoad } from "./load";
import { report } from "./measure";
import { benchRegrade, reportRegrade, REGRADE_BUDGET_MS } from "./regrade";

console.log(`node ${process.version}\n`);
console.log("TCP engine, one core (budget: handshake + close at 20 µs or less)");
report(benchEngine(), { "simulate: handshake + close": 20 });
console.log("\nGrading, simulation included, one core (budget: 20 000 or more per second, i.e. 50 µs or less)");
report(benchGrading(), {
  "grade: state question (handshake, both endpoints)": 50,
  "grade: state question (passive close)": 50,
  "grade: segment question (handshake, 3 segments)": 50,
});
console.log("\nQuestion editor: a preview for a new seed and the variety report over 50 seeds, one core");
report(benchEditor());
console.log("\nGradebook page: 500 students × 20 quizzes, its data and render, CPU time (budget: 300 ms)");
reportGradebook(await benchGradebook());
console.log(`\nRegrade: 10 000 stored responses on SQLite, read, graded, planned and applied (budget: under ${REGRADE_BUDGET_MS} ms)`);
if (!reportRegrade(await benchRegrade())) process.exitCode = 1;
if (!process.argv.includes("--quick")) {
  console.log("\nLoad: students saving and submitting against `npm start` on SQLite");
  if (!reportLoad(await runLoad())) process.exitCode = 1;
}
