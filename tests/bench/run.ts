// `npm run bench`: every benchmark, with its figures and budgets. Not part of `npm test`.
import { benchEngine } from "./engine";
import { report } from "./measure";

console.log(`node ${process.version}, one core\n`);
report(benchEngine(), { "simulate: handshake + close": 20 });
