// This app's bank file: lossless (a property over the starter library, with titles and prompts
// that carry commas, quotes, accents, CJK and formula-like text), and a malformed file answered
// with each problem, its JSON path and line, and nothing to import.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { exportJson, importJson } from "@/lib/interchange/json";
import { QuestionTemplateSchema, starterLibrary, type QuestionTemplate } from "@/lib/questions";
import { say } from "../attempts/say";

const bytes = (text: string) => new TextEncoder().encode(text);
const roundTrip = (title: string, templates: readonly QuestionTemplate[]) => {
  const file = exportJson(title, templates);
  return importJson(bytes(file.body as string));
};

const words = fc.constantFrom(
  'Smith, "Ada"',
  "Zoë Ångström",
  "三次握手",
  '=HYPERLINK("http://evil.example","x")',
  "+1 -1 @sum",
  "tab\there",
  "line\nbreak",
  "plain words",
);
const text = fc.array(words, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(" "));

describe("JSON bank files", () => {
  it("give back equal templates after an export and an import, for any selection of the starter library", () => {
    fc.assert(
      fc.property(
        fc.subarray([...starterLibrary], { minLength: 1 }),
        fc.array(fc.record({ title: text, prompt: text, zh: text }), { minLength: 1, maxLength: 4 }),
        text,
        (picked, changes, bankTitle) => {
          const templates = picked.map((t, i) => {
            const c = changes[i % changes.length];
            return QuestionTemplateSchema.parse({
              ...structuredClone(t),
              title: { en: c.title.slice(0, 120).padEnd(3, "."), "zh-CN": c.zh.slice(0, 120).padEnd(3, ".") },
              prompt: `${c.prompt} — ${typeof t.prompt === "string" ? t.prompt : (t.prompt.en ?? "")}`.slice(0, 2000),
            });
          });
          const report = roundTrip(bankTitle, templates);
          expect(report.problems).toEqual([]);
          expect(report.skipped).toEqual([]);
          expect(report.questions.map((q) => QuestionTemplateSchema.parse(q.template))).toEqual(templates);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("names the line of each question", () => {
    const report = roundTrip("Week 1", starterLibrary.slice(0, 3));
    const file = exportJson("Week 1", starterLibrary.slice(0, 3)).body as string;
    const lines = file.split("\n");
    for (const q of report.questions) expect(lines[(q.line ?? 0) - 1].trim()).toBe("{");
    expect(new Set(report.questions.map((q) => q.line)).size).toBe(3);
  });

  it("reads a file with a byte-order mark", () => {
    const file = exportJson("Week 1", starterLibrary.slice(0, 1)).body as string;
    expect(importJson(bytes(`\uFEFF${file}`)).questions).toHaveLength(1);
  });

  it("a file that is not JSON: the line where it stops being JSON", () => {
    const report = importJson(bytes('{\n  "format": "synack-bank",\n  "version": 1,\n  "questions": [,]\n}'));
    expect(report.questions).toEqual([]);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0].line).toBe(4);
    expect(say(report.problems[0].message)).toBe("The file is not valid JSON.");
  });

  it("text that is not UTF-8 is a problem, not mojibake", () => {
    const report = importJson(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    expect(say(report.problems[0].message)).toMatch(/not UTF-8/);
  });

  it("a JSON file of something else: what is wrong and where", () => {
    const report = importJson(bytes(JSON.stringify({ format: "moodle", version: 2, questions: {} })));
    expect(report.problems.map((p) => say(p.message).split(":")[0])).toEqual(["format", "version", "questions"]);
  });

  it("a question that is not a template: its path, its line, and nothing imported, the good ones neither", () => {
    const good = starterLibrary[0];
    const bad = { ...structuredClone(starterLibrary[1]), ask: { kind: "states" }, points: 500 };
    const file = JSON.stringify({ format: "synack-bank", version: 1, title: "x", questions: [good, bad] }, null, 2);
    const report = importJson(bytes(file));
    const said = report.problems.map((p) => say(p.message));
    expect(said.some((s) => s.startsWith("questions[1].ask.endpoints:"))).toBe(true);
    expect(said.some((s) => s.startsWith("questions[1].points:"))).toBe(true);
    // Questions open at four spaces' indent: the second one's line is the problems' line.
    const opening = file.split("\n").flatMap((l, i) => (l === "    {" ? [i + 1] : []));
    expect(opening).toHaveLength(2);
    expect(new Set(report.problems.map((p) => p.line))).toEqual(new Set([opening[1]]));
    // The report still lists the good question, and the service imports nothing when there is any problem.
    expect(report.questions.map((q) => q.name)).toHaveLength(1);
  });
});
