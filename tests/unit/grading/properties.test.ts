// Grader properties over the starter library and many seeds: full marks for the truth, less for
// any real edit, determinism, no throw on any JSON, and no answer leaked by present().
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grade } from "@/lib/grading";
import { expectedAnswer, instantiate, present, starterLibrary, type QuestionTemplate } from "@/lib/questions";
import { STATES, stateSequence, type State } from "@/lib/tcp";

const template = fc.constantFrom(...starterLibrary);
const seed = fc.integer({ min: 0, max: 0xffff_ffff });
const RUNS = { numRuns: 300 };
const statesTemplates = starterLibrary.filter((t) => t.ask.kind === "states");

/** The answer as a student would send it (no "kind" field). */
function asSubmitted(answer: ReturnType<typeof expectedAnswer>): unknown {
  const { kind: _kind, ...rest } = answer;
  return rest;
}

describe("grader properties (fast-check)", () => {
  it("the expected answer always scores full marks", () => {
    fc.assert(
      fc.property(template, seed, (t, s) => {
        const result = grade(t, s, asSubmitted(expectedAnswer(t, s)));
        expect(result.valid).toBe(true);
        expect(result.score).toBe(result.maxScore);
        expect(result.feedback.correct).toBe(true);
      }),
      RUNS,
    );
  });

  it("any single insertion, deletion or substitution in a state sequence scores less, unless it only adds or drops a transient state", () => {
    const edit = fc.record({
      template: fc.constantFrom(...statesTemplates),
      seed,
      op: fc.constantFrom("insert", "delete", "substitute"),
      position: fc.nat(),
      state: fc.constantFrom(...STATES),
    });
    fc.assert(
      fc.property(edit, ({ template: t, seed: s, op, position, state }) => {
        const q = instantiate(t, s);
        const endpoint = t.ask.kind === "states" ? t.ask.endpoints[0] : "client";
        const truth = stateSequence(q.trace, endpoint);
        const changed = [...truth];
        const k = position % (op === "insert" ? truth.length + 1 : truth.length);
        if (op === "insert") changed.splice(k, 0, state);
        else if (op === "delete") changed.splice(k, 1);
        else changed[k] = state;
        const answer = {
          states: { ...(asSubmitted(expectedAnswer(t, s)) as { states: Record<string, State[]> }).states, [endpoint]: changed },
        };
        const result = grade(t, s, answer);
        if (acceptableSequences(q.trace, endpoint).has(JSON.stringify(changed))) expect(result.score).toBe(result.maxScore);
        else expect(result.score).toBeLessThan(result.maxScore);
      }),
      { numRuns: 600 },
    );
  });

  it("grading is deterministic", () => {
    fc.assert(
      fc.property(template, seed, fc.jsonValue(), (t, s, answer) => {
        expect(JSON.stringify(grade(t, s, answer))).toBe(JSON.stringify(grade(t, s, structuredClone(answer))));
      }),
      RUNS,
    );
  });

  it("never throws on arbitrary JSON, and an unreadable answer scores 0 with a message", () => {
    fc.assert(
      fc.property(template, seed, fc.anything(), (t, s, answer) => {
        const result = grade(t, s, answer);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(result.maxScore);
        if (!result.valid) {
          expect(result.score).toBe(0);
          expect(result.feedback.messages.length).toBeGreaterThan(0);
        }
      }),
      RUNS,
    );
  });

  it("present() never contains the expected answer", () => {
    fc.assert(
      fc.property(template, seed, (t, s) => {
        const shown = JSON.stringify(present(t, s));
        const expected = expectedAnswer(t, s);
        if (expected.kind === "states") {
          for (const states of Object.values(expected.states)) expect(shown).not.toContain(JSON.stringify(states));
        }
        if (expected.kind === "segments" || expected.kind === "next") {
          const presentation = present(t, s);
          // The setup (ISNs) and the given segments are shown on purpose; nothing else may carry a hidden number.
          expect(presentation.given).toHaveLength(t.ask.kind === "segments" || t.ask.kind === "next" ? t.ask.given : 0);
          const rest = JSON.stringify({ ...presentation, setup: [], given: [] });
          const hidden = expected.kind === "segments" ? expected.segments : [expected.segment];
          const leaked = hidden.flatMap((seg) => [seg.seq, seg.ack]).filter((n) => n !== null && n >= 1000 && rest.includes(String(n)));
          expect(leaked).toEqual([]);
        }
        if (expected.kind === "next") expect(shown).not.toContain(`"${expected.state}"`);
      }),
      RUNS,
    );
  });
});

/** Every full-marks sequence: the truth with any subset of its transient states included. */
function acceptableSequences(trace: ReturnType<typeof instantiate>["trace"], endpoint: "client" | "server"): Set<string> {
  const steps: { state: State; transient: boolean }[] = [{ state: "CLOSED", transient: false }];
  for (const e of trace.events) if (e.type === "state" && e.endpoint === endpoint) steps.push({ state: e.to, transient: e.transient });
  const optional = steps.map((st, i) => (st.transient ? i : -1)).filter((i) => i >= 0);
  const out = new Set<string>();
  for (let mask = 0; mask < 1 << optional.length; mask++) {
    const kept = steps.filter((st, i) => !st.transient || mask & (1 << optional.indexOf(i)));
    out.add(JSON.stringify(kept.map((st) => st.state)));
  }
  return out;
}

export type { QuestionTemplate };
