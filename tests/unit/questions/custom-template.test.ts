// Questions that bring their own scenario (family "custom"): the template schema says where a
// wrong combination is, and such a question presents, has an expected answer and grades it
// with full marks for every seed, like a family's — the examples in docs/examples/questions too.
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { grade } from "@/lib/grading";
import { issueText } from "@/lib/i18n/translate";
import { expectedAnswer, instantiate, present, QuestionTemplateSchema, type QuestionTemplateInput } from "@/lib/questions";
import { stateSequence } from "@/lib/tcp";
import { textIn } from "../i18n/render-in";

const en = textIn("en");
const zh = textIn("zh-CN");
const seedArb = fc.integer({ min: 0, max: 0xffff_ffff });
const DIR = "docs/examples/questions";
const examples = readdirSync(DIR)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => ({ file, template: JSON.parse(readFileSync(`${DIR}/${file}`, "utf8")) as QuestionTemplateInput }));

/** The answer as a student sends it: without the kind. */
function asSubmitted(answer: ReturnType<typeof expectedAnswer>): unknown {
  const { kind: _kind, ...rest } = answer;
  return rest;
}

/** A question on the handshake, its latency and connect time left to the seed. */
const handshake: QuestionTemplateInput = {
  id: "custom-handshake-states",
  title: "Handshake states",
  family: "custom",
  params: {},
  scenario: {
    timing: { latencyMs: { between: [20, 90] } },
    endpoints: { client: { isn: "random" }, server: { isn: "random" } },
    actions: [
      { at: 0, endpoint: "server", call: "listen" },
      { at: { between: [1, 40] }, endpoint: "client", call: "connect" },
      { at: { between: [500, 900] }, endpoint: "client", call: "close" },
    ],
  },
  prompt: "List the states each endpoint passes through.",
  ask: { kind: "states", endpoints: ["client", "server"] },
  points: 2,
};

describe("the template schema for a question with its own scenario", () => {
  const problems = (template: unknown) =>
    QuestionTemplateSchema.safeParse(template).error?.issues.map((i) => ({
      path: i.path.join("."),
      en: en(issueText(i)),
      zh: zh(issueText(i)),
    }));

  it("accepts the family custom with a scenario and no parameters", () => {
    expect(problems(handshake)).toBeUndefined();
    expect(problems({ ...handshake, params: undefined })).toBeUndefined();
  });

  it("says at family that a scenario needs the family custom", () => {
    expect(problems({ ...handshake, family: "handshake" })).toEqual([
      {
        path: "family",
        en: 'A question with a scenario of its own has the family "custom".',
        zh: "自带场景的题目，其题型族必须是“custom”。",
      },
    ]);
  });

  it("says at scenario that the family custom needs one", () => {
    const { scenario: _scenario, ...without } = handshake;
    expect(problems(without)).toEqual([
      {
        path: "scenario",
        en: 'A question of the family "custom" needs a scenario of its own.',
        zh: "题型族为“custom”的题目需要给出自己的场景。",
      },
    ]);
  });

  it("says at params that a custom question takes none", () => {
    expect(problems({ ...handshake, params: { losses: 2 } })).toEqual([
      {
        path: "params",
        en: "A question with a scenario of its own takes no family parameters: leave them empty.",
        zh: "自带场景的题目不接受场景族参数：请留空。",
      },
    ]);
  });

  it("points into the scenario for a bad range", () => {
    const bad = { ...handshake, scenario: { ...handshake.scenario!, timing: { latencyMs: { between: [90, 20] } } } };
    expect(problems(bad)).toEqual([
      {
        path: "scenario.timing.latencyMs.between",
        en: "A range runs from the lowest to the highest: 90 is more than 20.",
        zh: "范围须从小到大书写：90 大于 20。",
      },
    ]);
  });

  it("leaves a family's template as it was: no scenario, parameters allowed", () => {
    expect(problems({ ...handshake, family: "lost-syn", params: { losses: 2 }, scenario: undefined })).toBeUndefined();
  });
});

describe("a custom question", () => {
  it("presents its own scenario under the custom pseudo-family, the same for the same seed", () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const presentation = present(handshake, seed);
        expect(presentation.family.id).toBe("custom");
        expect(en(presentation.family.title)).toBe("A custom scenario");
        expect(presentation.family.counterfactual).toBe(false);
        expect(present(handshake, seed)).toEqual(presentation);
        const q = instantiate(handshake, seed);
        const latency = q.scenario.timing.latencyMs;
        expect(latency >= 20 && latency <= 90).toBe(true);
        expect(presentation.setup.map(en)).toContain(`Each segment takes ${latency} ms to cross the network.`);
      }),
      { numRuns: 100 },
    );
  });

  it("grades its own expected answer with full marks, for every seed", () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const result = grade(handshake, seed, asSubmitted(expectedAnswer(handshake, seed)));
        expect(result.valid).toBe(true);
        expect(result.score).toBe(2);
        expect(result.feedback.correct).toBe(true);
        expect(en(result.feedback.concept)).toMatch(/^The question's author wrote this scenario/);
      }),
      { numRuns: 100 },
    );
  });

  it("gives less than full marks for a wrong answer, and names the first mistake", () => {
    const answer = { states: { client: ["CLOSED", "SYN_SENT", "CLOSED"], server: ["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED"] } };
    const result = grade(handshake, 3, answer);
    expect(result.valid).toBe(true);
    expect(result.score).toBeLessThan(2);
    expect(result.feedback.firstMistake).toBeDefined();
  });

  it("is an imaginary TCP on a counterfactual profile", () => {
    const twoWay = { ...handshake, scenario: { ...handshake.scenario!, profile: "two-way-handshake" as const } };
    const presentation = present(twoWay, 5);
    expect(presentation.family.counterfactual).toBe(true);
    expect(presentation.setup.map(en)[0]).toMatch(/^This is not real TCP/);
  });
});

describe.each(examples.map((e) => [e.file, e.template] as const))("docs/examples/questions/%s", (_file, template) => {
  it("is a valid custom template whose words are in both languages", () => {
    const parsed = QuestionTemplateSchema.parse(template);
    expect(parsed.family).toBe("custom");
    for (const words of [parsed.title, parsed.prompt, parsed.explanation]) {
      expect(words).toMatchObject({ en: expect.any(String), "zh-CN": expect.stringMatching(/[\u4e00-\u9fff]/) });
    }
  });

  it("presents, and grades its expected answer with full marks, for any seed", () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        const presentation = present(template, seed);
        expect(presentation.family.id).toBe("custom");
        for (const sentence of presentation.setup) expect(zh(sentence)).toMatch(/[\u4e00-\u9fff]/);
        const result = grade(template, seed, asSubmitted(expectedAnswer(template, seed)));
        expect(result.valid && result.feedback.correct).toBe(true);
        expect(result.score).toBe(result.maxScore);
      }),
      { numRuns: 60 },
    );
  });

  it("varies: different seeds give different expected answers", () => {
    const answers = new Set(Array.from({ length: 30 }, (_, seed) => JSON.stringify(expectedAnswer(template, seed))));
    expect(answers.size).toBeGreaterThan(10);
  });
});

describe("the examples teach what their explanations say", () => {
  it("a stray SYN+ACK in SYN_SENT is answered with a RST carrying its ack as seq, and the handshake completes", () => {
    const template = examples.find((e) => e.file === "stray-syn-ack-segments.json")!.template;
    for (const seed of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const answer = expectedAnswer(template, seed);
      const q = instantiate(template, seed);
      expect(answer).toMatchObject({
        kind: "segments",
        segments: [
          { from: "client", flags: "RST", seq: 900001 },
          { from: "server", flags: "SYN+ACK" },
          { from: "client", flags: "ACK" },
        ],
      });
      expect(stateSequence(q.trace, "client")).toEqual(["CLOSED", "SYN_SENT", "ESTABLISHED"]);
      expect(stateSequence(q.trace, "server")).toEqual(["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED"]);
    }
  });

  it("after a half-close and a lost FIN the server stays in LAST_ACK one RTO and one round trip", () => {
    const template = examples.find((e) => e.file === "shutdown-lost-fin-time.json")!.template;
    for (const seed of [0, 1, 2, 3, 4, 5, 6, 7]) {
      const latency = instantiate(template, seed).scenario.timing.latencyMs;
      expect(expectedAnswer(template, seed)).toEqual({ kind: "time", ms: 1000 + 2 * latency });
    }
  });
});
