// A template's words (title, prompt, explanation) are an author's: a plain string in one
// language, or a text per locale. Both shapes validate with the same limits; the browser gets
// them as they are and picks the reader's language.
import { describe, expect, it } from "vitest";
import { localized } from "@/lib/i18n/localized";
import { present, QuestionTemplateSchema, starterLibrary } from "@/lib/questions";

const base = starterLibrary.find((t) => t.id === "handshake-states")!;
const withText = (text: Partial<Record<"title" | "prompt" | "explanation", unknown>>) => ({ ...base, ...text });

function problems(template: unknown): string[] {
  const parsed = QuestionTemplateSchema.safeParse(template);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
}

describe("template text", () => {
  it("accepts plain strings, as instructors and stored templates have them", () => {
    const template = withText({
      title: "States of the handshake",
      prompt: "List the states of both endpoints.",
      explanation: "SYN, SYN+ACK, ACK.",
    });
    expect(problems(template)).toEqual([]);
    const shown = present(template, 7);
    expect(shown.title).toBe("States of the handshake");
    expect(localized(shown.prompt, "zh-CN")).toBe("List the states of both endpoints.");
  });

  it("accepts a text per language, or in one language only", () => {
    expect(problems(withText({ title: { en: "Handshake states", "zh-CN": "握手的状态" } }))).toEqual([]);
    expect(problems(withText({ title: { "zh-CN": "握手的状态" }, prompt: { "zh-CN": "列出客户端和服务器经历的状态。" } }))).toEqual([]);
    expect(problems(withText({ explanation: { en: "SYN, SYN+ACK, ACK." } }))).toEqual([]);
  });

  it("still accepts an empty plain explanation, as older stored templates may have", () => {
    expect(problems(withText({ explanation: "" }))).toEqual([]);
  });

  it("rejects an object with no language, saying so", () => {
    expect(problems(withText({ title: {} }))).toEqual(["title: give the text in at least one language"]);
    expect(problems(withText({ explanation: {} }))).toEqual(["explanation: give the text in at least one language"]);
  });

  it("rejects a language the product does not speak", () => {
    expect(problems(withText({ title: { fr: "Les états" } }))).toContain('title: Unrecognized key: "fr"');
  });

  it("keeps the limits in every language: title 3..120, prompt 10..2000, explanation ..2000, none empty", () => {
    const long = (n: number) => "长".repeat(n);
    expect(problems(withText({ title: { en: "States", "zh-CN": long(120) } }))).toEqual([]);
    expect(problems(withText({ title: { en: "States", "zh-CN": long(121) } }))).toEqual([expect.stringMatching(/^title\.zh-CN: .*120/)]);
    expect(problems(withText({ title: { en: "St", "zh-CN": "状态" } }))).toEqual([
      expect.stringMatching(/^title\.en: .*3/),
      expect.stringMatching(/^title\.zh-CN: .*3/),
    ]);
    expect(problems(withText({ prompt: { en: "List the states of both endpoints.", "zh-CN": "列出状态。" } }))).toEqual([
      expect.stringMatching(/^prompt\.zh-CN: .*10/),
    ]);
    expect(problems(withText({ prompt: { en: "List the states of both endpoints.", "zh-CN": long(2001) } }))).toEqual([
      expect.stringMatching(/^prompt\.zh-CN: .*2000/),
    ]);
    expect(problems(withText({ explanation: { en: "SYN, SYN+ACK, ACK.", "zh-CN": long(2001) } }))).toEqual([
      expect.stringMatching(/^explanation\.zh-CN: .*2000/),
    ]);
    expect(problems(withText({ explanation: { en: "", "zh-CN": "三个报文段。" } }))).toEqual([expect.stringMatching(/^explanation\.en: /)]);
  });

  it("hands the browser every language, and the reader gets theirs, else English", () => {
    const template = withText({
      title: { en: "Handshake states", "zh-CN": "握手的状态" },
      prompt: { en: "List the states of both endpoints.", "zh-CN": "列出客户端和服务器经历的状态。" },
    });
    const shown = present(template, 7);
    expect(localized(shown.title, "zh-CN")).toBe("握手的状态");
    expect(localized(shown.title, "en")).toBe("Handshake states");
    expect(localized(present(withText({ title: { en: "Handshake states" } }), 7).title, "zh-CN")).toBe("Handshake states");
  });
});
