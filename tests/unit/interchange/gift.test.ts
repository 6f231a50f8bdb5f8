// GIFT: the file written for a bank has Moodle's exporter's layout and escapes
// (question/format/gift/format.php), is read by a published GIFT parser (gift-pegjs) as the
// questions it should be, its ordering questions match what qtype_ordering's import_from_gift
// reads; our own file read back gives the templates; GIFT's own examples are skipped with their
// reasons; a malformed file gets its problems with lines.
import { readFileSync } from "node:fs";
import { parse, type GIFTQuestion } from "gift-pegjs";
import { describe, expect, it } from "vitest";
import { gift, giftEscape } from "@/lib/interchange/gift";
import { bank, bodyText, bytes, TRICKY } from "./bank";

const exported = (locale: "en" | "zh-CN" = "en") => bodyText(gift.export(bank(), { locale }).body);
/** The file's questions, split where Moodle's reader splits them: at blank lines. */
const blocks = (text: string) => text.split(/\n\s*\n/).filter((b) => b.trim() !== "");

// question/type/ordering/questiontype.php, import_from_gift (the parts this exporter writes).
const ORDERING =
  /^([^{]*)\s*\{>\s*(\d+)\s*(ALL|EXACT|RANDOM|REL|CONTIGUOUS|CONTIG)?\s*(HORIZONTAL|HORI|H|1|VERTICAL|VERT|V|0)?\s*(ALL_OR_NOTHING|ABSOLUTE_POSITION|RELATIVE_NEXT_EXCLUDE_LAST|LONGEST_ORDERED_SUBSET|LONGEST_CONTIGUOUS_SUBSET)?\s*(SHOW|HIDE)?\s*(.*?)\s*\}\s*$/s;

describe("GIFT export", () => {
  it("escapes exactly what Moodle's repchar escapes", () => {
    expect(giftEscape("a\\b#c=d~e{f}g:h\ni\r\nj")).toBe("a\\\\b\\#c\\=d\\~e\\{f\\}g\\:h\\ni\\nj");
    expect(giftEscape('<script>"x"</script> 握手 (ok)')).toBe('<script>"x"</script> 握手 (ok)');
  });

  it("starts with the bank's category and gives every question Moodle's comment, name and [html] text, a blank line after each", () => {
    const text = exported();
    expect(
      text.startsWith(
        '// question: 0  name: Switch category to $course$/top/Closing // =HYPERLINK("x") 关闭\n$CATEGORY: $course$/top/Closing // =HYPERLINK("x") 关闭\n\n',
      ),
    ).toBe(true);
    expect(text.endsWith("}\n\n")).toBe(true);
    const questions = blocks(text).slice(1);
    expect(questions).toHaveLength(7);
    for (const q of questions) {
      const lines = q.split("\n");
      expect(lines[0]).toMatch(/^\/\/ question: [a-z0-9-]+  name: /);
      expect(lines[1]).toMatch(/^\/\/ synack-template: \{"id":/);
      expect(lines[2]).toMatch(/^::.*::\[html\]/);
    }
  });

  it("is read by a published GIFT parser as the multiple-choice, numerical and short-answer questions it should be", () => {
    const parsed = blocks(exported())
      .filter((b) => !b.includes("{>"))
      .flatMap((b) => parse(`${b}\n`)) as GIFTQuestion[];
    expect(parsed.map((q) => q.type)).toEqual(["Category", "Numerical", "MC", "Short", "Short", "Short"]);
    const [, numerical, mc, short, first, second] = parsed;
    if (numerical.type !== "Numerical" || mc.type !== "MC" || short.type !== "Short" || first.type !== "Short" || second.type !== "Short")
      throw new Error("unexpected types");
    expect(numerical.title).toBe("accept-queue-overflow-leave (seed 7)");
    expect(numerical.choices).toMatchObject([{ isCorrect: true, text: { type: "range", number: 60000, range: 500 } }]);
    expect(numerical.stem.format).toBe("html");
    expect(numerical.stem.text).toContain("<p>Answer in ms.</p>");
    expect(numerical.globalFeedback?.text).toBe("<p>The FIN is answered by an ACK.</p>\n<p>Then TIME_WAIT {2 MSL}.</p>");

    expect(mc.title).toBe(TRICKY);
    expect(mc.stem.text).toContain('Naïve "quotes", commas \\ # = ~ { } : 握手 &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mc.stem.text).toContain("<pre>client → server  SYN seq=0\nserver → client  SYN,ACK seq=0 ack=1</pre>");
    expect(mc.choices.map((c) => [c.isCorrect, c.text.text])).toEqual([
      [true, "Only the client"],
      [false, "Only the server"],
      [false, "Both endpoints"],
      [false, "Neither endpoint"],
    ]);
    expect(short.choices.map((c) => c.text.text)).toEqual(["ACK", "ack"]);
    expect(short.globalFeedback).toBeNull();
    // Several blanks: one short-answer question per blank, each named for its blank.
    expect([first.title, second.title]).toEqual([
      "combined-fin-ack-segments (seed 5) — Segment 4",
      "combined-fin-ack-segments (seed 5) — Segment 5 = ~ {x}",
    ]);
    expect(second.choices.map((c) => c.text.text)).toEqual(["ACK/1", 'a"b#c']);
  });

  it("writes a state sequence in qtype_ordering's GIFT form, every item in its order, nothing else in the braces", () => {
    const ordering = blocks(exported()).filter((b) => b.includes("{>"));
    expect(ordering).toHaveLength(2);
    for (const block of ordering) {
      // Moodle's GIFT reader blanks comment lines before handing the question to qtype_ordering.
      const lines = block
        .split("\n")
        .map((l) => (l.startsWith("//") ? " " : l))
        .join("\n");
      const m = ORDERING.exec(lines);
      expect(m, block).not.toBeNull();
      expect(m!.slice(2, 7)).toEqual(["5", "ALL", "VERTICAL", "LONGEST_ORDERED_SUBSET", "SHOW"]);
      expect(m![7].split("\n")).toEqual(["CLOSED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT &#123;2 MSL&#125;", "CLOSED (2)"]);
    }
    expect(ordering[1]).toContain('::\\=HYPERLINK("http\\://x") 状态::');
  });

  it("is read back as the templates it was made from, once each however many seeds or blanks", () => {
    const b = bank();
    const report = gift.import(bytes(exported("zh-CN")));
    expect(report.problems).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.questions.map((q) => q.template)).toEqual(b.questions.map((q) => q.template));
    expect(report.questions[2].name).toBe(TRICKY);
  });
});

describe("GIFT import of files from elsewhere", () => {
  it("skips GIFT's own examples with the reason and the line, and reads a question that asks a choice topic", () => {
    const report = gift.import(new Uint8Array(readFileSync("tests/fixtures/interchange/moodle-examples.gift")));
    expect(report.problems).toEqual([]);
    expect(report.skipped).toEqual([
      { line: 5, name: "Grant's tomb", reason: { key: "bankFormats.skipped.choiceNoTopic" } },
      {
        line: 8,
        name: "Grant is buried in Grant's tomb.",
        reason: { key: "bankFormats.skipped.otherType", values: { type: "truefalse" } },
      },
      {
        line: 11,
        name: "Who's buried in Grant's tomb?",
        reason: { key: "bankFormats.skipped.otherType", values: { type: "shortanswer" } },
      },
      { line: 14, name: "When was Ulysses S. Grant born?", reason: { key: "bankFormats.skipped.numerical" } },
      {
        line: 17,
        name: "Match the following countries with their",
        reason: { key: "bankFormats.skipped.otherType", values: { type: "match" } },
      },
      { line: 28, name: "Explain why TIME_WAIT lasts 2 MSL.", reason: { key: "bankFormats.skipped.otherType", values: { type: "essay" } } },
    ]);
    expect(report.questions).toMatchObject([
      {
        line: 20,
        name: "RST : who sends it?",
        template: {
          title: "RST : who sends it?",
          prompt: "The server's application closes more than a minute after the client. Which endpoint sends a RST segment?",
          ask: { kind: "choice", topic: "rst-sender" },
        },
      },
    ]);
  });

  it("skips a multiple-choice question with partial credit instead of one right option", () => {
    const report = gift.import(
      bytes("Which endpoint sends a RST segment?{~%50%Only the client ~%50%Only the server ~Both endpoints ~Neither endpoint}\n"),
    );
    expect(report.skipped).toEqual([
      { line: 1, name: "Which endpoint sends a RST segment?", reason: { key: "bankFormats.skipped.choiceOneRight", values: { count: 0 } } },
    ]);
  });

  it("names each malformed question's problem and line", () => {
    const text = [
      "::Open::What is TCP?{=a protocol",
      "",
      "// a comment",
      "::One::Pick one{~only}",
      "",
      "::Number::How long?{#sixty:5}",
      "",
      "::Fine::Grant is buried in Grant's tomb.{FALSE}",
    ].join("\r\n");
    expect(gift.import(bytes(text)).problems).toEqual([
      { line: 1, message: { key: "bankFormats.problems.braces" } },
      { line: 4, message: { key: "bankFormats.problems.answers" } },
      { line: 6, message: { key: "bankFormats.problems.numbers" } },
    ]);
  });

  it("reports a damaged template marker, bytes that are not UTF-8 and a file without questions", () => {
    const damaged = exported().replace('"kind":"states"', '"kind":"bogus"');
    expect(gift.import(bytes(damaged)).problems).toEqual([
      { line: 6, message: { key: "bankFormats.problems.marker", values: { path: "ask.kind" } } },
    ]);
    expect(gift.import(new Uint8Array([0xc3, 0x28])).problems).toEqual([{ line: null, message: { key: "bankFormats.problems.encoding" } }]);
    expect(gift.import(bytes("// only a comment\n\n")).problems).toEqual([{ line: null, message: { key: "bankFormats.problems.empty" } }]);
  });
});
