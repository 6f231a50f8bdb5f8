// Templates as fixed LMS variants: every answer kind mapped to its nearest LMS type with the
// engine's own answer for that seed, the words in the chosen language, the prompt's Markdown
// sanitized, the given part as a ladder that shows no more than is given, seeds that make the
// same file twice, and templates a seed cannot run reported rather than silently dropped.
import { describe, expect, it } from "vitest";
import { exportBank, MAX_SEEDS, variantFor } from "@/lib/interchange/variants";
import { expectedAnswer, present, QuestionTemplateSchema, starterLibrary, type QuestionTemplate } from "@/lib/questions";
import { STATES, describeSegment } from "@/lib/tcp";
import { say } from "../attempts/say";

const SEED = 7;
const starter = (id: string) => starterLibrary.find((t) => t.id === id)!;
const firstOfKind = (kind: string, test: (t: QuestionTemplate) => boolean = () => true) =>
  starterLibrary.find((t) => t.ask.kind === kind && test(t))!;
const edited = (base: QuestionTemplate, changes: Record<string, unknown>) =>
  QuestionTemplateSchema.parse({ ...structuredClone(base), ...changes });

describe("variantFor: each answer kind in its nearest LMS shape", () => {
  it("a state sequence of one endpoint is an ordering of its states, a state met again told apart", () => {
    const template = firstOfKind("states", (t) => t.ask.kind === "states" && t.ask.endpoints.length === 1);
    const truth = expectedAnswer(template, SEED);
    const v = variantFor(template, SEED, "en");
    expect(v.answer.type).toBe("ordering");
    if (v.answer.type !== "ordering" || truth.kind !== "states") throw new Error("shape");
    const endpoint = Object.keys(truth.states)[0] as "client" | "server";
    expect(v.answer.items.map((i) => i.replace(/ \(\d+\)$/, ""))).toEqual(truth.states[endpoint]);
    expect(new Set(v.answer.items).size).toBe(v.answer.items.length);
  });

  it("both endpoints' sequences: each item names its endpoint", () => {
    const template = firstOfKind("states", (t) => t.ask.kind === "states" && t.ask.endpoints.length === 2);
    const v = variantFor(template, SEED, "en");
    if (v.answer.type !== "ordering") throw new Error("shape");
    expect(v.answer.items[0]).toBe("client: CLOSED");
    expect(v.answer.items.some((i) => i.startsWith("server: "))).toBe(true);
    const zh = variantFor(template, SEED, "zh-CN");
    if (zh.answer.type !== "ordering") throw new Error("shape");
    expect(zh.answer.items[0]).toBe("客户端：CLOSED");
  });

  it("a time is a number with the template's tolerance", () => {
    const template = edited(firstOfKind("time"), {});
    const tolerant = QuestionTemplateSchema.parse({ ...template, ask: { ...template.ask, toleranceMs: 50 } });
    const truth = expectedAnswer(tolerant, SEED);
    const v = variantFor(tolerant, SEED, "en");
    if (truth.kind !== "time" || typeof truth.ms !== "number") throw new Error("expected a time");
    expect(v.answer).toEqual({ type: "numerical", value: truth.ms, tolerance: 50, unit: "ms" });
  });

  it("a choice is a multiple choice with the scenario's options and exactly the engine's right one", () => {
    for (const template of starterLibrary.filter((t) => t.ask.kind === "choice")) {
      const truth = expectedAnswer(template, SEED);
      const shown = present(template, SEED).answer;
      const v = variantFor(template, SEED, "en");
      if (v.answer.type !== "multichoice" || truth.kind !== "choice" || shown.kind !== "choice") throw new Error("shape");
      expect(v.answer.options.map((o) => o.text)).toEqual(shown.options.map((o) => say(o.label)));
      expect(v.answer.options.filter((o) => o.correct).map((o) => o.text)).toEqual([
        say(shown.options.find((o) => o.id === truth.choice)!.label),
      ]);
    }
  });

  it("one final state is a multiple choice among the eleven states; two are a blank each", () => {
    const two = firstOfKind("final-state", (t) => t.ask.kind === "final-state" && t.ask.endpoints.length === 2);
    const one = edited(two, { ask: { ...two.ask, endpoints: ["server"] } });
    const truth = expectedAnswer(one, SEED);
    const v = variantFor(one, SEED, "en");
    if (v.answer.type !== "multichoice" || truth.kind !== "final-state") throw new Error("shape");
    expect(v.answer.options.map((o) => o.text)).toEqual([...STATES]);
    expect(v.answer.options.filter((o) => o.correct).map((o) => o.text)).toEqual([truth.states.server]);
    const both = variantFor(two, SEED, "en");
    const truthBoth = expectedAnswer(two, SEED);
    if (both.answer.type !== "shortanswer" || truthBoth.kind !== "final-state") throw new Error("shape");
    expect(both.answer.blanks.map((b) => b.label)).toEqual(["State of the client", "State of the server"]);
    expect(both.answer.blanks[1].answers).toContain(truthBoth.states.server);
  });

  it("segments are blanks per field: sender, flags (either order), seq, and ack only when ACK is set", () => {
    const template = firstOfKind("segments");
    const truth = expectedAnswer(template, SEED);
    const v = variantFor(template, SEED, "en");
    if (v.answer.type !== "shortanswer" || truth.kind !== "segments") throw new Error("shape");
    const expectedCount = truth.segments.reduce((n, s) => n + (s.flags.includes("ACK") ? 4 : 3), 0);
    expect(v.answer.blanks).toHaveLength(expectedCount);
    const first = truth.segments[0];
    expect(v.answer.blanks[0].answers).toContain(first.from);
    expect(v.answer.blanks[1].answers).toContain(first.flags);
    expect(v.answer.blanks[2].answers).toEqual([String(first.seq)]);
    const synAck = v.answer.blanks.find((b) => b.answers.includes("SYN+ACK"));
    if (synAck) expect(synAck.answers).toContain("ACK+SYN");
  });

  it("the next segment adds the sender's state after sending it, in both spellings", () => {
    const template = firstOfKind("next");
    const truth = expectedAnswer(template, SEED);
    const v = variantFor(template, SEED, "en");
    if (v.answer.type !== "shortanswer" || truth.kind !== "next") throw new Error("shape");
    const last = v.answer.blanks.at(-1)!;
    expect(last.label).toMatch(/after sending it/);
    expect(last.answers).toEqual([...new Set([truth.state, String(truth.state).replace(/_/g, "-")])]);
  });
});

describe("variantFor: the words", () => {
  it("shows only the given segments in the ladder, never the one asked for", () => {
    const template = firstOfKind("next");
    const shown = present(template, SEED);
    const truth = expectedAnswer(template, SEED);
    const v = variantFor(template, SEED, "en");
    const lines = v.given.split("\n");
    expect(lines).toHaveLength(shown.given.length);
    shown.given.forEach((s, i) => expect(lines[i]).toContain(describeSegment(s)));
    if (truth.kind !== "next") throw new Error("shape");
    expect(v.given).not.toContain(`seq=${truth.segment.seq} ack=${truth.segment.ack}`);
  });

  it("renders the setup and labels in the chosen language", () => {
    const template = firstOfKind("next");
    const en = variantFor(template, SEED, "en");
    const zh = variantFor(template, SEED, "zh-CN");
    expect(en.setup.length).toBeGreaterThan(0);
    expect(zh.setup.join("")).toMatch(/[\u4e00-\u9fff]/);
    expect(zh.given).toMatch(/毫秒/);
    expect(zh.name).toMatch(/种子/);
  });

  it("sanitizes the prompt's Markdown as the app does: emphasis kept, script and raw HTML gone, setup escaped", () => {
    const base = firstOfKind("states");
    const template = edited(base, {
      prompt:
        'Name the **states** <script>alert("x")</script> of =HYPERLINK("http://evil") and [a link](javascript:alert(1)), 中文, "quotes"',
    });
    const v = variantFor(template, SEED, "en");
    expect(v.html).toContain("<strong>states</strong>");
    expect(v.html).not.toMatch(/<script|javascript:/i);
    expect(v.html).toContain("=HYPERLINK(");
    expect(v.html).toContain("中文");
    expect(v.prompt).toBe(template.prompt);
    for (const line of v.setup) expect(v.html).toContain(line.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
  });

  it("carries the explanation as feedback and the points", () => {
    const template = starterLibrary.find((t) => t.explanation)!;
    const v = variantFor(template, SEED, "en");
    expect(v.feedback.length).toBeGreaterThan(0);
    expect(v.points).toBe(template.points);
  });
});

describe("exportBank", () => {
  it("writes the asked number of variants, with seeds of each template's own that are the same every time", () => {
    const templates = starterLibrary.slice(0, 5);
    const a = exportBank("Week 1", templates, { seeds: 3, locale: "en" });
    const b = exportBank("Week 1", templates, { seeds: 3, locale: "en" });
    expect(a.unexported).toEqual([]);
    expect(a.bank.questions.map((q) => q.variants.length)).toEqual([3, 3, 3, 3, 3]);
    expect(a).toEqual(b);
    const seeds = a.bank.questions.flatMap((q) => q.variants.map((v) => v.seed));
    expect(new Set(seeds).size).toBe(seeds.length);
    // A template's seeds depend on its id alone, not on the bank around it.
    const alone = exportBank("Other", [templates[2]], { seeds: 3, locale: "en" });
    expect(alone.bank.questions[0].variants.map((v) => v.seed)).toEqual(a.bank.questions[2].variants.map((v) => v.seed));
  });

  it("keeps the number of seeds within 1–20", () => {
    const [template] = starterLibrary;
    expect(exportBank("x", [template], { seeds: 0, locale: "en" }).bank.questions[0].variants).toHaveLength(1);
    expect(exportBank("x", [template], { seeds: 99, locale: "en" }).bank.questions[0].variants).toHaveLength(MAX_SEEDS);
  });

  it("reports a template no seed can run, and leaves it out rather than writing it short in silence", () => {
    const base = starter("handshake-segments");
    const impossible = edited(base, { id: "too-many-given", ask: { kind: "segments", given: 40, count: 8 } });
    const result = exportBank("x", [base, impossible], { seeds: 2, locale: "en" });
    expect(result.bank.questions.map((q) => q.template.id)).toEqual([base.id]);
    expect(result.unexported).toEqual([
      { templateId: "too-many-given", title: localizedTitle(impossible), exported: 0, reason: expect.stringMatching(/segments/) },
    ]);
  });
});

function localizedTitle(t: QuestionTemplate): string {
  return typeof t.title === "string" ? t.title : (t.title.en ?? "");
}
