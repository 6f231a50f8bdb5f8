// Grading benchmark: answers graded per second, simulation included (a fresh variant each
// time, as the server does). Budget (docs/performance.md §2): 20 000 or more per second on one core.
import { grade } from "../../lib/grading";
import { expectedAnswer, starterLibrary } from "../../lib/questions";
import { measure, type BenchResult } from "./measure";

function template(id: string) {
  const t = starterLibrary.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
}

export function benchGrading(): BenchResult[] {
  const results: BenchResult[] = [];
  for (const [name, id] of [
    ["grade: state question (handshake, both endpoints)", "handshake-states"],
    ["grade: state question (passive close)", "passive-close-states"],
    ["grade: segment question (handshake, 3 segments)", "handshake-segments"],
  ] as const) {
    const t = template(id);
    const seeds = Array.from({ length: 64 }, (_, i) => i * 7919 + 3);
    const answers = seeds.map((seed) => {
      const { kind: _kind, ...answer } = expectedAnswer(t, seed);
      return answer;
    });
    let i = 0;
    results.push(
      measure(name, () => {
        const k = i++ & 63;
        return grade(t, seeds[k], answers[k]);
      }),
    );
  }
  return results;
}
