// Whatever a name, an option or a text holds, the file carries it exactly: GIFT through Moodle's
// escapes as a published GIFT parser reads them back, Moodle XML as an XML parser reads it back.
// And whatever the bank's templates are, our own reader gives them back.
import { DOMParser } from "@xmldom/xmldom";
import fc from "fast-check";
import { parse } from "gift-pegjs";
import { describe, expect, it } from "vitest";
import { gift } from "@/lib/interchange/gift";
import { moodleXml } from "@/lib/interchange/moodle-xml";
import { starterLibrary } from "@/lib/questions/library";
import type { ExportBank } from "@/lib/interchange/types";
import { bodyText, bytes, multichoice, variant } from "./bank";

// Text an author might type: GIFT's reserved characters, markup, quotes, accents, CJK, a formula.
const piece = fc.constantFrom(
  "\\",
  "#",
  "=",
  "~",
  "{",
  "}",
  ":",
  "<",
  ">",
  "&",
  '"',
  "'",
  "é",
  "握手",
  "=SUM(A1)",
  " ",
  "a",
  "Z",
  "9",
  "%",
  "]]>",
);
const words = fc
  .array(piece, { minLength: 1, maxLength: 12 })
  .map((parts) => parts.join(""))
  .filter((s) => s.trim() !== "" && s.trim() === s && !/\s{2}/.test(s));

/** What an HTML fragment shows, as a browser would render its text. */
const shown = (html: string) => new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").documentElement?.textContent;

function oneQuestion(name: string, option: string): ExportBank {
  const v = variant(
    "fin-wait-2-timeout-rst",
    1,
    {
      type: "multichoice",
      options: [{ text: option, correct: true }, ...multichoice.options.slice(1)],
    },
    { name, feedback: "" },
  );
  return { title: "Bank", questions: [{ template: v.template, variants: [v] }] };
}

describe("escapes", () => {
  it("GIFT: a published parser, and ours, read back every name and option as written", () => {
    fc.assert(
      fc.property(words, words, (name, option) => {
        const text = bodyText(gift.export(oneQuestion(name, option), { locale: "en" }).body);
        expect(gift.import(bytes(text)).questions.map((q) => q.name)).toEqual([name]);
        const [, question] = parse(text);
        if (question.type !== "MC") throw new Error(question.type);
        expect(question.title).toBe(name);
        // Options are HTML: the parser returns the markup, which shows as the text.
        expect(shown(question.choices[0].text.text)).toBe(option);
      }),
      { numRuns: 200 },
    );
  });

  it("Moodle XML: an XML parser, and ours, read back every name and option as written", () => {
    fc.assert(
      fc.property(words, words, (name, option) => {
        const xml = bodyText(moodleXml.export(oneQuestion(name, option), { locale: "en" }).body);
        expect(moodleXml.import(bytes(xml)).questions.map((q) => q.name)).toEqual([name]);
        const doc = new DOMParser({ onError: (level, message) => expect.fail(`${level}: ${message}`) }).parseFromString(xml, "text/xml");
        const question = doc.getElementsByTagName("question")[1];
        expect(question.getElementsByTagName("name")[0].getElementsByTagName("text")[0].textContent).toBe(name);
        expect(shown(question.getElementsByTagName("answer")[0].getElementsByTagName("text")[0].textContent ?? "")).toBe(option);
      }),
      { numRuns: 200 },
    );
  });

  it("both formats give back every starter library template", () => {
    const bank: ExportBank = {
      title: "Starter library",
      questions: starterLibrary.map((template) => {
        const v = variant(template.id, 1, multichoice);
        return { template, variants: [{ ...v, template }] };
      }),
    };
    for (const format of [gift, moodleXml]) {
      const report = format.import(bytes(bodyText(format.export(bank, { locale: "en" }).body)));
      expect(report.problems).toEqual([]);
      expect(report.questions.map((q) => q.template)).toEqual(starterLibrary);
    }
  });
});
