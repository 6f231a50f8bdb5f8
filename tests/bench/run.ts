// `npm run bench`: every benchmark, with its figures and budgets. Not part of `npm test`.
import { benchEngine } from "./engine";
import { benchGrading } from "./grading";
import { report } from "./measure";

console.log(`node ${process.version}, one core\n`);
console.log("TCP engine (budget: handshake + close at 20 µs or less)");
report(benchEngine(), { "simulate: handshake + close": 20 });
console.log("\nGrading, simulation included (budget: 20 000 or more per second, i.e. 50 µs or less)");
report(benchGrading(), {
  "grade: state question (handshake, both endpoints)": 50,
  "grade: state question (passive close)": 50,
  "grade: segment question (handshake, 3 segments)": 50,
});
