// The starter library: enough templates, every family and every answer kind, each file
// indexed, every template well defined for every seed, and its words in English and in
// Simplified Chinese saying the same thing.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Localized } from "@/lib/i18n/localized";
import { AskSchema, expectedAnswer, present, starterLibrary } from "@/lib/questions";
import { families } from "@/lib/scenarios";
import { STATES } from "@/lib/tcp";

describe("starter library", () => {
  it("has at least 30 templates, with unique ids", () => {
    expect(starterLibrary.length).toBeGreaterThanOrEqual(30);
    expect(new Set(starterLibrary.map((t) => t.id)).size).toBe(starterLibrary.length);
  });

  it("covers every family and every answer kind", () => {
    const used = new Set(starterLibrary.map((t) => t.family));
    expect(families.map((f) => f.id).filter((id) => !used.has(id))).toEqual([]);
    const kinds = new Set(starterLibrary.map((t) => t.ask.kind));
    expect([...kinds].sort()).toEqual([...AskSchema.options.map((o) => o.shape.kind.value)].sort());
  });

  it("indexes every JSON file in lib/questions/library (run `npm run questions:index` after adding one)", () => {
    const files = readdirSync("lib/questions/library").filter((f) => f.endsWith(".json"));
    expect(files.map((f) => f.replace(/\.json$/, "")).sort()).toEqual(starterLibrary.map((t) => t.id).sort());
  });

  it("every template presents and has an expected answer for 100 seeds", () => {
    const failures: string[] = [];
    for (const t of starterLibrary) {
      for (let seed = 0; seed < 100; seed++) {
        try {
          present(t, seed * 104_729 + 13);
          expectedAnswer(t, seed * 104_729 + 13);
        } catch (error) {
          failures.push(`${t.id} seed ${seed}: ${(error as Error).message}`);
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it("prompts are written for students: full sentences, no placeholders", () => {
    for (const t of starterLibrary) {
      const { en, zh } = both(t.prompt, t.id);
      expect(en, t.id).toMatch(/[.?]$/);
      expect(zh, t.id).toMatch(/[。？]$/);
      for (const text of [en, zh]) expect(text, t.id).not.toMatch(/TODO|TBD|lorem|\{\{/i);
    }
  });
});

/** The English and Chinese of a text that must have both. */
function both(text: Localized | undefined, where: string): { en: string; zh: string } {
  expect(typeof text, `${where}: give { "en": …, "zh-CN": … }`).toBe("object");
  const { en, "zh-CN": zh } = text as Partial<Record<string, string>>;
  expect(en?.trim(), `${where}: en`).toBeTruthy();
  expect(zh?.trim(), `${where}: zh-CN`).toBeTruthy();
  return { en: en!, zh: zh! };
}

const texts = starterLibrary.flatMap((t) =>
  (["title", "prompt", "explanation"] as const)
    .filter((field) => field !== "explanation" || t.explanation !== undefined)
    .map((field) => ({ where: `${t.id}.${field}`, text: t[field] })),
);

// What a translation must carry over unchanged: RFC names and notation stay as they are in
// both languages (state names, flags, calls, sysctls, seq/ack, RFC sections), and every number.
const STATE = new RegExp(`\\b(?:${STATES.join("|")})\\b`, "g");
const TOKENS = [
  STATE,
  /\b(?:SYN|ACK|FIN|RST|PSH)(?:\+(?:SYN|ACK|FIN|RST|PSH))*\b/g,
  /\b[a-z_]+\(\)/g,
  /\bnet\.ipv4\.[a-z_]+/g,
  /\bRFC \d+|§[\d.]*\d/g,
  /<[^<>]+>/g,
  /\b(?:MSL|ISN|TCP|Linux|seq|ack)\b/g,
  /\d+/g,
];
/** The textbook's terms: an English text that uses one has the Chinese term in its translation. */
const GLOSSARY: [RegExp, string][] = [
  [/SYN queue/i, "半连接队列"],
  [/accept queue/i, "全连接队列"],
  [/three-way handshake/i, "三次握手"],
  [/half-close/i, "半关闭"],
  [/simultaneous open/i, "同时打开"],
  [/simultaneous close/i, "同时关闭"],
  [/active closer/i, "主动关闭方"],
  [/passive closer/i, "被动关闭方"],
  [/maximum segment lifetime/i, "最长报文段寿命"],
  [/\bsegment/i, "报文段"],
  [/\bretransmi/i, "重传"],
  [/\btimeouts?\b/i, "超时"],
  [/\btimers?\b/i, "定时器"],
  [/initial sequence number/i, "初始序号"],
  [/sequence number/i, "序号"],
  [/acknowledgment number/i, "确认号"],
  [/round trip/i, "往返时间"],
];
/** The English with the glossary's terms taken out, so "SYN queue" does not count as a SYN. */
const withoutTerms = (en: string) => GLOSSARY.reduce((text, [term]) => text.replace(new RegExp(term, "gi"), " "), en);
const tokens = (text: string, re: RegExp) => new Set(text.match(re) ?? []);
const CJK = /[\u4e00-\u9fff]/;

describe("starter library in English and Simplified Chinese", () => {
  it("gives title, prompt and explanation (when there is one) in both languages", () => {
    expect(texts.length).toBeGreaterThanOrEqual(starterLibrary.length * 2);
    for (const { where, text } of texts) both(text, where);
  });

  it("writes the Chinese in Chinese, with full-width punctuation inside Chinese sentences", () => {
    for (const { where, text } of texts) {
      const { zh } = both(text, where);
      expect(zh, where).toMatch(CJK);
      // A half-width comma, stop, colon or bracket touching a Chinese character is a slip.
      expect(zh, where).not.toMatch(/[\u4e00-\u9fff][,.;:?!()]|[,;:?!(][\u4e00-\u9fff]/);
    }
  });

  it("keeps in the Chinese every state, flag, call, sysctl, RFC reference and number the English names", () => {
    const missing: string[] = [];
    for (const { where, text } of texts) {
      const { en, zh } = both(text, where);
      for (const re of TOKENS)
        for (const token of tokens(withoutTerms(en), re)) if (!tokens(zh, re).has(token)) missing.push(`${where}: ${token}`);
    }
    expect(missing).toEqual([]);
  });

  it("uses the textbook's Chinese term wherever the English uses the term", () => {
    const missing: string[] = [];
    for (const { where, text } of texts) {
      const { en, zh } = both(text, where);
      for (const [term, chinese] of GLOSSARY)
        if (term.test(en) && !zh.includes(chinese)) missing.push(`${where}: ${term.source} → ${chinese}`);
    }
    expect(missing).toEqual([]);
  });

  it("names no state in the Chinese that the English does not", () => {
    const extra: string[] = [];
    for (const { where, text } of texts) {
      const { en, zh } = both(text, where);
      const said = tokens(en, STATE);
      for (const state of tokens(zh, STATE)) if (!said.has(state)) extra.push(`${where}: ${state}`);
    }
    expect(extra).toEqual([]);
  });
});
