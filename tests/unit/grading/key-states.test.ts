// Key states (a template's keyStates): the states that carry what a question teaches weigh more
// when left out. The classic case with its figures, the feedback that names them, the schema's
// rules, and properties over random templates and answers: scores stay in [0, max], full marks
// exactly for a right answer, naming key states never raises a wrong answer's score, and a
// template that names none grades as the plain alignment did.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grade } from "@/lib/grading";
import { alignmentCredit, type TruthStep } from "@/lib/questions/compare/align";
import { checkKeyStates, weighKeyStates } from "@/lib/questions/compare/key-states";
import { expectedAnswer, instantiate, QuestionTemplateSchema, starterLibrary, type QuestionTemplate } from "@/lib/questions";
import { STATES, stateSequence, type State, type Trace } from "@/lib/tcp";
import { en, zh } from "./translate";

const SEED = 424242;
const byId = (id: string) => {
  const t = starterLibrary.find((x) => x.id === id);
  if (!t) throw new Error(`no template ${id}`);
  return t;
};
const withoutKeys = (t: QuestionTemplate): QuestionTemplate => ({ ...t, keyStates: undefined });

function truthSteps(trace: Trace, endpoint: "client" | "server"): TruthStep<State>[] {
  const steps: TruthStep<State>[] = [{ state: "CLOSED", transient: false }];
  for (const e of trace.events) if (e.type === "state" && e.endpoint === endpoint) steps.push({ state: e.to, transient: e.transient });
  return steps;
}

describe("the active closer confused with the passive one (CLOSE_WAIT in place of FIN_WAIT_2)", () => {
  const t = byId("active-close-states");
  const truth = stateSequence(instantiate(t, SEED).trace, "client");
  const said = truth.map((s) => (s === "FIN_WAIT_2" ? "CLOSE_WAIT" : s));

  it("the truth is the active closer's path", () => {
    expect(truth).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSED"]);
  });

  it("scored 1.71 of 2 with every state weighing the same; 1.29 now that FIN_WAIT_2 and TIME_WAIT carry half the credit", () => {
    expect(grade(withoutKeys(t), SEED, { states: { client: said } }).score).toBe(1.7143);
    expect(t.keyStates).toEqual({ states: ["FIN_WAIT_2", "TIME_WAIT"], weight: 0.5 });
    // 6/7 by alignment, then half the credit rests on two key states of which one is kept: × 3/4.
    expect(grade(t, SEED, { states: { client: said } }).score).toBe(1.2857);
  });

  it("the feedback says which part mattered, in English and in Chinese", () => {
    const r = grade(t, SEED, { states: { client: said } });
    expect(r.feedback.messages.map((m) => en(m))).toContain(
      "Your answer leaves out FIN_WAIT_2 for the client: that state carries this question's idea, so leaving it out costs up to 50% of this part's credit.",
    );
    const chinese = r.feedback.messages.map((m) => zh(m));
    expect(chinese).toContain(
      "你的答案漏掉了客户端的 FIN_WAIT_2（1个关键状态），而这正是本题的要点：漏掉关键状态最多会扣去这一部分50%的分数。",
    );
  });

  it("a slip elsewhere costs what it did: the key states are all there", () => {
    const slip = truth.map((s) => (s === "SYN_SENT" ? "SYN_RECEIVED" : s));
    const r = grade(t, SEED, { states: { client: slip } });
    expect(r.score).toBe(grade(withoutKeys(t), SEED, { states: { client: slip } }).score);
    expect(r.feedback.messages.map((m) => en(m)).join(" ")).not.toMatch(/leaves out/);
  });

  it("the passive closer's question weighs CLOSE_WAIT and LAST_ACK: TIME_WAIT in place of LAST_ACK costs more than before", () => {
    const p = byId("passive-close-states");
    const server = stateSequence(instantiate(p, SEED).trace, "server");
    const wrong = { states: { server: server.map((s) => (s === "LAST_ACK" ? "TIME_WAIT" : s)) } };
    expect(grade(p, SEED, wrong).score).toBeLessThan(grade(withoutKeys(p), SEED, wrong).score);
  });
});

describe("the keyStates field", () => {
  const base = { ...byId("active-close-states"), keyStates: undefined };
  const parse = (extra: object) => QuestionTemplateSchema.safeParse({ ...base, ...extra });

  it("takes states and a weight, the weight 0.5 when left out", () => {
    const r = parse({ keyStates: { states: ["TIME_WAIT"] } });
    expect(r.success && r.data.keyStates).toEqual({ states: ["TIME_WAIT"], weight: 0.5 });
  });

  it("refuses a state that does not exist, a repeated state, no states, a weight outside (0, 1], unknown fields", () => {
    for (const keyStates of [
      { states: ["TIME-WAIT"] },
      { states: ["TIME_WAIT", "TIME_WAIT"] },
      { states: [] },
      { states: ["TIME_WAIT"], weight: 0 },
      { states: ["TIME_WAIT"], weight: 1.5 },
      { states: ["TIME_WAIT"], why: "x" },
    ])
      expect(parse({ keyStates }).success, JSON.stringify(keyStates)).toBe(false);
  });

  it("belongs to a question that asks for states", () => {
    const time = byId("active-close-time-wait");
    const r = QuestionTemplateSchema.safeParse({ ...time, keyStates: { states: ["TIME_WAIT"] } });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toEqual(["keyStates"]);
  });

  it("every key state of the starter library is one its question's truth passes through, on every seed", () => {
    for (const t of starterLibrary.filter((x) => x.keyStates && x.ask.kind === "states"))
      for (let s = 0; s < 200; s++) {
        const q = instantiate(t, s * 7919);
        const seen = new Set(t.ask.kind === "states" ? t.ask.endpoints.flatMap((e) => stateSequence(q.trace, e)) : []);
        for (const k of t.keyStates!.states) expect(seen.has(k), `${t.id} seed ${s * 7919}: ${k}`).toBe(true);
      }
  });
});

describe("key-state properties (fast-check)", () => {
  const statesTemplates = starterLibrary.filter((t) => t.ask.kind === "states");
  const seed = fc.integer({ min: 0, max: 0xffff_ffff });
  const keys = fc.record({
    states: fc.uniqueArray(fc.constantFrom(...STATES), { minLength: 1, maxLength: 4 }),
    weight: fc.double({ min: 0.01, max: 1, noNaN: true }),
  });
  /** Random answers near the truth (an edit or two) and far from it (any states). */
  const answerFor = (t: QuestionTemplate, s: number) => {
    const q = instantiate(t, s);
    const endpoints = t.ask.kind === "states" ? t.ask.endpoints : [];
    const near = fc
      .array(fc.record({ at: fc.nat(), state: fc.constantFrom(...STATES), op: fc.constantFrom("insert", "delete", "substitute") }), {
        maxLength: 3,
      })
      .map((edits) =>
        Object.fromEntries(
          endpoints.map((e) => {
            const list: string[] = stateSequence(q.trace, e);
            for (const { at, state, op } of edits) {
              const k = at % (list.length + 1);
              if (op === "insert") list.splice(k, 0, state);
              else if (op === "delete") list.splice(k, 1);
              else list[Math.min(k, list.length - 1)] = state;
            }
            return [e, list];
          }),
        ),
      );
    const far = fc.record(Object.fromEntries(endpoints.map((e) => [e, fc.array(fc.constantFrom(...STATES), { maxLength: 10 })])));
    return fc.oneof(near, far).map((states) => ({ states }));
  };
  const cases = fc
    .record({ template: fc.constantFrom(...statesTemplates), seed, keys })
    .chain(({ template, seed: s, keys: k }) =>
      answerFor(template, s).map((answer) => ({ plain: withoutKeys(template), keyed: { ...template, keyStates: k }, seed: s, answer })),
    );

  it("the score is in [0, max], full marks exactly when the answer is right, and never above the unweighted score", () => {
    fc.assert(
      fc.property(cases, ({ plain, keyed, seed: s, answer }) => {
        const weighed = grade(keyed, s, answer);
        const unweighed = grade(plain, s, answer);
        expect(weighed.score).toBeGreaterThanOrEqual(0);
        expect(weighed.score).toBeLessThanOrEqual(weighed.maxScore);
        expect(weighed.score === weighed.maxScore).toBe(weighed.feedback.correct);
        expect(weighed.feedback.correct).toBe(unweighed.feedback.correct);
        expect(weighed.score).toBeLessThanOrEqual(unweighed.score);
      }),
      { numRuns: 500 },
    );
  });

  it("the right answer still scores full marks whatever states are marked", () => {
    fc.assert(
      fc.property(fc.constantFrom(...statesTemplates), seed, keys, (t, s, k) => {
        const { kind: _kind, ...answer } = expectedAnswer(t, s);
        expect(grade({ ...t, keyStates: k }, s, answer).score).toBe(t.points);
      }),
      { numRuns: 200 },
    );
  });

  it("an answer holding every key state scores as if none were marked", () => {
    fc.assert(
      fc.property(cases, ({ plain, keyed, seed: s, answer }) => {
        const q = instantiate(plain, s);
        const holdsAll = Object.entries(answer.states).every(
          ([e, list]) =>
            checkKeyStates(truthSteps(q.trace, e as "client" | "server"), list as State[], keyed.keyStates!.states).missed.length === 0,
        );
        if (holdsAll) expect(grade(keyed, s, answer).score).toBe(grade(plain, s, answer).score);
      }),
      { numRuns: 300 },
    );
  });

  it("a template without key states grades as the plain alignment: each endpoint's credit is 1 − edit distance / the longer length", () => {
    fc.assert(
      fc.property(
        fc
          .record({
            template: fc.constantFrom(...statesTemplates.filter((t) => !t.keyStates && (t.policy ?? "alignment") === "alignment")),
            seed,
          })
          .chain(({ template, seed: s }) => answerFor(template, s).map((answer) => ({ template, seed: s, answer }))),
        ({ template: t, seed: s, answer }) => {
          const q = instantiate(t, s);
          const r = grade(t, s, answer);
          const credits = Object.entries(answer.states).map(([e, list]) => {
            const truth = truthSteps(q.trace, e as "client" | "server");
            return alignmentCredit(truth, list as State[]);
          });
          // A right endpoint gets 1 without the distance; the alignment gives it 1 too.
          const expected = Math.round((credits.reduce((a, b) => a + b, 0) / credits.length) * t.points * 10_000) / 10_000;
          expect(r.score).toBe(r.feedback.correct ? t.points : expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("weighKeyStates: nothing kept costs the whole weight, everything kept costs nothing, never above the credit", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.nat(5),
        fc.nat(5),
        (credit, w, a, b) => {
          const total = Math.max(a, b);
          const kept = Math.min(a, b);
          const out = weighKeyStates(credit, { missed: [], kept, total }, w);
          expect(out).toBeLessThanOrEqual(credit);
          expect(out).toBeGreaterThanOrEqual(credit * (1 - w) - 1e-12);
          if (kept === total) expect(out).toBe(credit);
        },
      ),
    );
  });
});
