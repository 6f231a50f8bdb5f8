// Moodle XML: the file written for a bank, read back by an independent XML parser (xmldom) and
// checked against what Moodle's importer reads (question/format/xml/format.php, and
// question/type/ordering's import_from_xml); our own file read back gives the templates it
// was made from; files shaped like Moodle's own fixtures (question/format/xml/tests/fixtures)
// read as choice questions where they fit, skipped with their reasons otherwise; malformed
// files get their problems with lines.
import { readFileSync } from "node:fs";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { moodleXml } from "@/lib/interchange/moodle-xml";
import { bank, bodyText, bytes, TRICKY } from "./bank";

const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/interchange/${name}`));

// What Moodle's XML importer reads: import_headers for every type, then each type's own reader.
const HEADERS = ["name", "questiontext", "generalfeedback", "defaultgrade", "penalty", "hidden", "idnumber"];
const COMBINED = ["correctfeedback", "partiallycorrectfeedback", "incorrectfeedback", "shownumcorrect"];
const READS: Record<string, string[]> = {
  multichoice: [...HEADERS, "single", "shuffleanswers", "answernumbering", "showstandardinstruction", ...COMBINED, "answer"],
  numerical: [...HEADERS, "answer", "unitgradingtype", "unitpenalty", "showunits", "unitsleft"],
  shortanswer: [...HEADERS, "usecase", "answer"],
  ordering: [...HEADERS, "layouttype", "selecttype", "selectcount", "gradingtype", "showgrading", "numberingstyle", ...COMBINED, "answer"],
  // import_multianswer reads the text, the name, the general feedback, the penalty and the tags.
  cloze: [...HEADERS.filter((h) => h !== "defaultgrade")],
};
// question/engine/bank.php, ensure_fraction_options_initialised (in percent; negatives too).
const MOODLE_FRACTIONS = [
  100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, 16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0,
];

const children = (el: Element, name?: string) =>
  Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1 && (name === undefined || (n as Element).tagName === name));
const one = (el: Element, name: string) => {
  const found = children(el, name);
  expect(found, name).toHaveLength(1);
  return found[0];
};
const textOf = (el: Element, name: string) => one(one(el, name), "text").textContent ?? "";

function exported() {
  const file = moodleXml.export(bank(), { locale: "en" });
  const xml = bodyText(file.body);
  const doc = new DOMParser({ onError: (level, message) => expect.fail(`${level}: ${message}`) }).parseFromString(xml, "text/xml");
  const quiz = doc.documentElement!;
  return { file, xml, quiz, questions: children(quiz, "question") };
}

describe("Moodle XML export", () => {
  it("is a UTF-8 <quiz> whose first question is the bank's category, a slash in its title doubled", () => {
    const { file, quiz, questions } = exported();
    expect(file).toMatchObject({ contentType: "application/xml; charset=utf-8", extension: "xml" });
    expect(bodyText(file.body).startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n')).toBe(true);
    expect(quiz.tagName).toBe("quiz");
    expect(questions[0].getAttribute("type")).toBe("category");
    expect(textOf(questions[0], "category")).toBe('$course$/top/Closing // =HYPERLINK("x") 关闭');
  });

  it("writes each variant as the nearest type, with only elements Moodle's importer reads (and our marker)", () => {
    const { questions } = exported();
    const types = questions.slice(1).map((q) => q.getAttribute("type"));
    expect(types).toEqual(["ordering", "ordering", "numerical", "multichoice", "shortanswer", "cloze"]);
    for (const q of questions.slice(1)) {
      const type = q.getAttribute("type")!;
      const names = children(q).map((c) => c.tagName);
      expect(
        names.filter((n) => n !== "synack_template").every((n) => READS[type].includes(n)),
        `${type}: ${names}`,
      ).toBe(true);
      for (const needed of ["name", "questiontext", "generalfeedback"]) expect(names).toContain(needed);
      expect(one(q, "questiontext").getAttribute("format")).toBe("html");
    }
  });

  it("writes answer grades from Moodle's list only, an ordering item's fraction being its position", () => {
    const { questions } = exported();
    for (const q of questions.slice(1)) {
      const fractions = children(q, "answer").map((a) => Number(a.getAttribute("fraction")));
      if (q.getAttribute("type") === "ordering") expect(fractions).toEqual([1, 2, 3, 4, 5]);
      else for (const f of fractions) expect(MOODLE_FRACTIONS).toContain(Math.abs(f));
    }
  });

  it("carries the setup, the given ladder in a <pre>, the feedback and the points; markup in text stays text", () => {
    const { questions } = exported();
    const ordering = questions[1];
    const text = textOf(ordering, "questiontext");
    expect(text).toContain("<li>The client connects.</li>");
    expect(text).toContain("<pre>client → server  SYN seq=0\nserver → client  SYN,ACK seq=0 ack=1</pre>");
    expect(text).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(text).not.toContain("<script>");
    expect(textOf(ordering, "generalfeedback")).toBe("<p>The FIN is answered by an ACK.</p>\n<p>Then TIME_WAIT {2 MSL}.</p>");
    expect(one(ordering, "defaultgrade").textContent).toBe("2.0000000");
    // A repeated state is numbered: qtype_ordering tells items apart by their text.
    expect(children(ordering, "answer").map((a) => one(a, "text").textContent)).toEqual([
      "CLOSED",
      "FIN_WAIT_1",
      "FIN_WAIT_2",
      "TIME_WAIT {2 MSL}",
      "CLOSED (2)",
    ]);
    expect(one(ordering, "selecttype").textContent).toBe("ALL");
    expect(textOf(questions[2], "name")).toBe('=HYPERLINK("http://x") 状态');
    expect(one(questions[2], "idnumber").textContent).toBe("active-close-states-2");
  });

  it("writes a number with its tolerance, one right option among the others, and the accepted short answers", () => {
    const { questions } = exported();
    const [numerical, multichoice, shortanswer] = questions.slice(3, 6);
    const [answer] = children(numerical, "answer");
    expect([textOf(numerical, "answer"), one(answer, "tolerance").textContent]).toEqual(["60000", "500"]);
    expect(textOf(numerical, "questiontext")).toContain("<p>Answer in ms.</p>");
    expect(one(numerical, "showunits").textContent).toBe("3");

    expect(textOf(multichoice, "name")).toBe(TRICKY);
    expect(one(multichoice, "single").textContent).toBe("true");
    expect(
      children(multichoice, "answer").map((a) => [a.getAttribute("fraction"), textOf(a, "feedback"), one(a, "text").textContent]),
    ).toEqual([
      ["100", "", "Only the client"],
      ["0", "", "Only the server"],
      ["0", "", "Both endpoints"],
      ["0", "", "Neither endpoint"],
    ]);
    expect(children(shortanswer, "answer").map((a) => one(a, "text").textContent)).toEqual(["ACK", "ack"]);
    expect(textOf(shortanswer, "generalfeedback")).toBe("");
  });

  it("writes several blanks as a cloze text, each answer's } # ~ / \" \\ escaped and the text's own braces as references", () => {
    const { questions } = exported();
    const text = textOf(questions[6], "questiontext");
    expect(text).toContain("<p>Segment 4: {1:SHORTANSWER:=FIN,ACK}</p>");
    expect(text).toContain('<p>Segment 5 = ~ &#123;x&#125;: {1:SHORTANSWER:=ACK\\/1~=a\\"b\\#c}</p>');
    // Moodle's cloze parser finds exactly the two embedded answers.
    expect(text.match(/\{\d+:SHORTANSWER:/g)).toHaveLength(2);
  });

  it("is read back as the templates it was made from, once each however many seeds", () => {
    const b = bank();
    const xml = bodyText(moodleXml.export(b, { locale: "zh-CN" }).body);
    const report = moodleXml.import(bytes(xml));
    expect(report.problems).toEqual([]);
    expect(report.skipped).toEqual([]);
    expect(report.questions.map((q) => q.template)).toEqual(b.questions.map((q) => q.template));
    expect(report.questions.map((q) => q.name)).toEqual([
      "active-close-states (seed 1)",
      "accept-queue-overflow-leave (seed 7)",
      TRICKY,
      "handshake-next (seed 4)",
      "combined-fin-ack-segments (seed 5)",
    ]);
    expect(report.questions[0].line).toBe(xml.split("\n").findIndex((line) => line.includes('<question type="ordering">')) + 1);
  });
});

describe("Moodle XML import of files from elsewhere", () => {
  it("reads a multiple-choice question that asks a choice topic as that choice question, in either language", () => {
    const report = moodleXml.import(fixture("moodle-choice.xml"));
    expect(report.problems).toEqual([]);
    const [rst, count, outcome] = report.questions;
    expect(rst).toMatchObject({
      line: 12,
      name: "Who sends the RST? «Überraschung», 复位",
      template: {
        id: "imported-who-sends-the-rst-uberraschung",
        title: "Who sends the RST? «Überraschung», 复位",
        prompt: "The server's application closes more than a minute after the client.\nWhich endpoint sends a RST segment?",
        ask: { kind: "choice", topic: "rst-sender" },
        points: 2,
      },
    });
    expect(count).toMatchObject({ line: 67, template: { ask: { kind: "choice", topic: "segments-to-open" }, points: 1 } });
    expect(outcome.template.ask).toEqual({ kind: "choice", topic: "connect-outcome" });
  });

  it("skips a multiple-choice question whose options are no topic's, or fit two topics the text does not tell apart", () => {
    const report = moodleXml.import(fixture("moodle-choice.xml"));
    expect(report.skipped).toEqual([
      { line: 93, name: "Greeting", reason: { key: "bankFormats.skipped.choiceNoTopic" } },
      { line: 107, name: "Who is it?", reason: { key: "bankFormats.skipped.choiceAmbiguous" } },
    ]);
  });

  it("skips true/false, numerical and essay questions with the reason and the line", () => {
    const report = moodleXml.import(fixture("moodle-other-types.xml"));
    expect(report).toEqual({
      questions: [],
      skipped: [
        { line: 11, name: "Sample True/False", reason: { key: "bankFormats.skipped.otherType", values: { type: "truefalse" } } },
        { line: 39, name: "MSL", reason: { key: "bankFormats.skipped.numerical" } },
        { line: 68, name: "Explain TIME_WAIT", reason: { key: "bankFormats.skipped.otherType", values: { type: "essay" } } },
      ],
      problems: [],
    });
  });

  it("refuses an answer grade Moodle does not offer, as Moodle's importer does", () => {
    expect(moodleXml.import(fixture("moodle-invalid-grades.xml")).problems).toEqual([
      { line: 3, message: { key: "bankFormats.problems.fraction", values: { fraction: "33" } } },
    ]);
  });

  it("names a malformed file's problem and its line", () => {
    const broken = '<?xml version="1.0"?>\n<quiz>\n  <question type="multichoice">\n    <name><text>x</name>\n  </question>\n</quiz>';
    expect(moodleXml.import(bytes(broken))).toEqual({
      questions: [],
      skipped: [],
      problems: [{ line: 4, message: { key: "bankFormats.problems.xml", values: { code: "InvalidTag" } } }],
    });
    expect(moodleXml.import(bytes("<quiz><question type='x'>")).problems).toHaveLength(1);
  });

  it("refuses a document type declaration, another root, a question without a type, bytes that are not UTF-8 and an empty quiz", () => {
    const problem = (text: string | Uint8Array) => moodleXml.import(typeof text === "string" ? bytes(text) : text).problems;
    expect(problem('<?xml version="1.0"?>\n<!DOCTYPE quiz [<!ENTITY a "aaaa">]>\n<quiz/>')).toEqual([
      { line: 2, message: { key: "bankFormats.problems.doctype" } },
    ]);
    expect(problem("<assessmentItem/>")).toEqual([
      { line: 1, message: { key: "bankFormats.problems.root", values: { found: "assessmentItem" } } },
    ]);
    expect(problem("<quiz>\n\n<question><name><text>n</text></name></question></quiz>")).toEqual([
      { line: 3, message: { key: "bankFormats.problems.noType" } },
    ]);
    expect(problem(new Uint8Array([0x3c, 0x71, 0xff, 0xfe]))).toEqual([{ line: null, message: { key: "bankFormats.problems.encoding" } }]);
    expect(problem("<quiz>\n</quiz>")).toEqual([{ line: null, message: { key: "bankFormats.problems.empty" } }]);
  });

  it("reports a damaged template marker as a problem, with the path that is wrong", () => {
    const xml = bodyText(moodleXml.export(bank(), { locale: "en" }).body).replaceAll(
      "&quot;kind&quot;:&quot;states&quot;",
      "&quot;kind&quot;:&quot;bogus&quot;",
    );
    const orderingLines = xml.split("\n").flatMap((line, i) => (line.includes('<question type="ordering">') ? [i + 1] : []));
    expect(orderingLines).toHaveLength(2);
    const { problems } = moodleXml.import(bytes(xml));
    expect(problems).toEqual(
      orderingLines.map((line) => ({ line, message: { key: "bankFormats.problems.marker", values: { path: "ask.kind" } } })),
    );
  });

  it("reads a file with a byte order mark", () => {
    const text = readFileSync("tests/fixtures/interchange/moodle-other-types.xml", "utf8");
    expect(moodleXml.import(bytes(`\ufeff${text}`)).skipped).toHaveLength(3);
  });
});
