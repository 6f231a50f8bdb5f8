// Storing feedback as messages changed how it is stored, not what it says or what it scores.
// tests/fixtures/grading/grades-before-i18n.json holds 3,628 answers (every template of the
// starter library, four seeds, the kinds' own cases, near misses and random JSON) graded by
// the grader BEFORE the change, with its English feedback (written by the script of commit
// 4d04aa6, tests/fixtures/grading/generate.ts, run on that commit). Each is graded again here:
// the same score, validity and credit per part (so GRADER_VERSION stays), and the same English.
// Key states (a later field) are taken off the two templates that name them: the corpus then
// shows that a template without them grades exactly as before.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { gradeInstance } from "@/lib/grading";
import { msg, type MessageKey } from "@/lib/i18n/msg";
import { instantiate, starterLibrary, type QuestionInstance } from "@/lib/questions";
import { RULES } from "@/lib/tcp/transitions";
import { en } from "./translate";

interface Graded {
  template: string;
  seed: number;
  answer: unknown;
  score: number;
  maxScore: number;
  valid: boolean;
  correct: boolean;
  parts: { label: string; credit: number }[];
  summary: string;
  messages: string[];
  firstMistake: { said: string; actual: string; cause?: string; reason?: string; rule?: string; eventIndex?: number } | null;
}

const corpus = JSON.parse(readFileSync(new URL("../../fixtures/grading/grades-before-i18n.json", import.meta.url), "utf8")) as Graded[];

const instances = new Map<string, QuestionInstance>();
function instance(id: string, seed: number): QuestionInstance {
  const key = `${id}:${seed}`;
  let q = instances.get(key);
  if (!q)
    instances.set(
      key,
      // The corpus predates key states: a template that names them now is graded here without
      // them, which is what the grader was given then (and what a template without them gets).
      (q = instantiate({ ...starterLibrary.find((t) => t.id === id), keyStates: undefined }, seed)),
    );
  return q;
}

const CITES = [...new Set(Object.values(RULES).map((r) => r.cites))];
const list = new Intl.ListFormat("en", { style: "long", type: "conjunction" });

/**
 * The old English with the two deliberate changes of wording: a rule's reason is now a whole
 * sentence from the catalog, so its citation follows the sentence ("… the connection.
 * (RFC 9293 §3.10.7.4)") instead of ending it; and the fields to check read as a list
 * ("Check seq and ack.") as every list in the feedback does.
 */
function asNow(old: string): string {
  let text = old;
  for (const cite of CITES) text = text.split(` (${cite}).`).join(`. (${cite})`);
  return text.replace(/ Check ([a-z, ]+)\.$/, (_, fields: string) => ` Check ${list.format(fields.split(", "))}.`);
}

describe("grades and English feedback are what they were before feedback became messages", () => {
  it("the corpus covers every template, valid and invalid answers, full, partial and no credit", () => {
    expect(new Set(corpus.map((c) => c.template))).toEqual(new Set(starterLibrary.map((t) => t.id)));
    expect(corpus.filter((c) => !c.valid).length).toBeGreaterThan(500);
    expect(corpus.filter((c) => c.valid && c.score === c.maxScore).length).toBeGreaterThan(500);
    expect(corpus.filter((c) => c.score > 0 && c.score < c.maxScore).length).toBeGreaterThan(500);
    expect(corpus.filter((c) => c.valid && c.score === 0).length).toBeGreaterThan(100);
    // Every rule reason is a sentence, so "reason. (citation)" is what the old "reason (citation)." becomes.
    for (const rule of Object.values(RULES)) expect(en(msg(`rules.${rule.id}` as MessageKey))).toMatch(/\.$/);
  });

  it("every score, validity and credit per part is unchanged", () => {
    const changed: string[] = [];
    for (const c of corpus) {
      const r = gradeInstance(instance(c.template, c.seed), c.answer);
      const now = {
        score: r.score,
        maxScore: r.maxScore,
        valid: r.valid,
        correct: r.feedback.correct,
        credit: r.feedback.parts.map((p) => p.credit),
      };
      const before = { score: c.score, maxScore: c.maxScore, valid: c.valid, correct: c.correct, credit: c.parts.map((p) => p.credit) };
      if (JSON.stringify(now) !== JSON.stringify(before))
        changed.push(`${c.template} seed ${c.seed} ${JSON.stringify(c.answer)}: ${JSON.stringify(before)} -> ${JSON.stringify(now)}`);
    }
    expect(changed.slice(0, 5)).toEqual([]);
  });

  it("the English reads the same: summary, messages, part labels, the first mistake's event and rule", () => {
    const changed: string[] = [];
    for (const c of corpus) {
      const f = gradeInstance(instance(c.template, c.seed), c.answer).feedback;
      const now = {
        summary: en(f.summary),
        messages: f.messages.map(en),
        labels: f.parts.map((p) => en(p.label)),
        cause: en(f.firstMistake?.cause),
        rule: f.firstMistake?.rule,
        eventIndex: f.firstMistake?.eventIndex,
      };
      const before = {
        summary: c.summary,
        messages: c.messages.map(asNow),
        labels: c.parts.map((p) => p.label),
        cause: c.firstMistake?.cause ?? "",
        rule: c.firstMistake?.rule,
        eventIndex: c.firstMistake?.eventIndex,
      };
      if (JSON.stringify(now) !== JSON.stringify(before))
        changed.push(
          `${c.template} seed ${c.seed} ${JSON.stringify(c.answer)}:\n  before ${JSON.stringify(before)}\n  now    ${JSON.stringify(now)}`,
        );
    }
    expect(changed.slice(0, 5)).toEqual([]);
  });
});
