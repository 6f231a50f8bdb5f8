// A small timing loop: warm up, then run for a fixed wall time and report the median
// of several batches, so one GC pause does not decide the figure.
export interface BenchResult {
  name: string;
  perOpUs: number;
  opsPerSec: number;
  events?: number;
}

export function measure(name: string, fn: () => unknown, batchMs = 200, batches = 7): BenchResult {
  for (let i = 0; i < 2000; i++) fn();
  const perOp: number[] = [];
  for (let b = 0; b < batches; b++) {
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < batchMs * 1e6) {
      for (let i = 0; i < 100; i++) fn();
      n += 100;
      elapsed = Number(process.hrtime.bigint() - start);
    }
    perOp.push(elapsed / n / 1000);
  }
  perOp.sort((a, b) => a - b);
  const perOpUs = perOp[Math.floor(perOp.length / 2)];
  return { name, perOpUs, opsPerSec: 1e6 / perOpUs };
}

/** Prints the figures; budgets are µs per operation, and a miss sets a non-zero exit code. */
export function report(results: BenchResult[], budgetsUs: Record<string, number> = {}): void {
  for (const r of results) {
    const events = r.events ? `  ${r.events} events, ${((r.events * r.opsPerSec) / 1e6).toFixed(2)} M events/s` : "";
    const budget = budgetsUs[r.name];
    const verdict = budget === undefined ? "" : r.perOpUs <= budget ? `  (budget ${budget} µs: ok)` : `  (budget ${budget} µs: OVER)`;
    if (budget !== undefined && r.perOpUs > budget) process.exitCode = 1;
    console.log(
      `${r.name.padEnd(64)} ${r.perOpUs.toFixed(2).padStart(9)} µs/op ${Math.round(r.opsPerSec).toString().padStart(9)} ops/s${events}${verdict}`,
    );
  }
}
