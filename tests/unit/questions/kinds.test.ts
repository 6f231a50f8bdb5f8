// Every answer kind grades its own cases: for each template of the kind in the starter
// library and a spread of seeds, the kind's correct answers earn full marks, its incorrect
// ones less, and its invalid ones are not graded.
import { describe, expect, it } from "vitest";
import { gradeInstance } from "@/lib/grading";
import { AskSchema, instantiate, kindOf, kinds, starterLibrary, type AskKind } from "@/lib/questions";

const SEEDS = Array.from({ length: 12 }, (_, i) => (i * 2_654_435_761) % 0x1_0000_0000);
const KINDS = Object.keys(kinds) as AskKind[];

describe("the kinds registry", () => {
  it("holds exactly the kinds a template can ask for", () => {
    expect([...KINDS].sort()).toEqual(AskSchema.options.map((o) => o.shape.kind.value).sort());
  });
});

describe.each(KINDS)("answer kind %s", (kind) => {
  const templates = starterLibrary.filter((t) => t.ask.kind === kind);

  it("has templates in the starter library", () => {
    expect(templates.length).toBeGreaterThan(0);
  });

  it("its correct cases earn full marks, incorrect ones less, invalid ones are not graded", () => {
    const failures: string[] = [];
    for (const t of templates) {
      for (const seed of SEEDS) {
        const q = instantiate(t, seed);
        const cases = kindOf(kind).cases(q);
        expect(cases.correct.length, t.id).toBeGreaterThan(0);
        expect(cases.incorrect.length, t.id).toBeGreaterThan(0);
        expect(cases.invalid.length, t.id).toBeGreaterThan(0);
        const where = (what: string, answer: unknown) => `${t.id} seed ${seed} ${what} ${JSON.stringify(answer)}`;
        for (const answer of cases.correct) {
          const r = gradeInstance(q, answer);
          if (!r.valid || r.score !== r.maxScore || !r.feedback.correct)
            failures.push(`${where("correct", answer)}: ${r.score}/${r.maxScore} ${r.feedback.messages.join(" ")}`);
        }
        for (const answer of cases.incorrect) {
          const r = gradeInstance(q, answer);
          if (!r.valid || r.score >= r.maxScore || r.feedback.correct)
            failures.push(`${where("incorrect", answer)}: ${r.score}/${r.maxScore}`);
        }
        for (const answer of cases.invalid) {
          const r = gradeInstance(q, answer);
          if (r.valid || r.score !== 0 || r.feedback.messages.length === 0) failures.push(`${where("invalid", answer)}: graded ${r.score}`);
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it("its format, expected answer and cases are the same for the same seed", () => {
    const t = templates[0];
    const [a, b] = [instantiate(t, 7), instantiate(structuredClone(t), 7)];
    const k = kindOf(kind);
    expect(JSON.stringify([k.format(b), k.expected(b), k.cases(b)])).toBe(JSON.stringify([k.format(a), k.expected(a), k.cases(a)]));
  });
});
