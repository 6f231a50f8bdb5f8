// Moodle XML, both ways (question/format/xml/format.php is the reader and writer this
// follows). Out: a <quiz> with a category for the bank and each variant as the nearest
// question type — ordering (qtype_ordering: an item's fraction is its position), numerical
// with its tolerance, multichoice with one right option, shortanswer for one blank and cloze
// (multianswer) for several — each carrying its template (template-marker.ts). In: our own
// files restore their templates; a multiple-choice question from elsewhere becomes a choice
// question where it fits one (foreign-choice.ts); the rest is skipped with the reason; a
// malformed file gets its problems with their lines. Pure.
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Locale } from "../i18n/locales";
import { policyOf } from "../questions/schema";
import { mapForeignChoice } from "./foreign-choice";
import { braceless, escapeHtml, feedbackHtml, plainText, questionHtml } from "./html";
import { isMoodleGrade } from "./moodle-grades";
import { distinctItems, ORDERING_GRADING } from "./ordering";
import { decodeUtf8, lineIndex, ReportBuilder } from "./report";
import { MARKER_ELEMENT, markerOf, readMarker } from "./template-marker";
import type { ExportBank, ExportFile, ExportVariant, ImportReport } from "./types";

// ---------------------------------------------------------------------------------------------
// Writing

const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** A CDATA section; a "]]>" inside is split across two sections, as XML requires. */
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, "]]]]><![CDATA[>")}]]>`;

/** Moodle's own number style for grades and penalties: seven decimals. */
const seven = (n: number) => n.toFixed(7);

/** A category path element: Moodle reads "/" as a level, "//" as a slash in a name. */
const categoryName = (title: string) => title.replace(/\//g, "//");

function htmlText(tag: string, html: string, indent: string): string {
  return `${indent}<${tag} format="html">\n${indent}  <text>${html === "" ? "" : cdata(html)}</text>\n${indent}</${tag}>\n`;
}

function feedbackBlock(indent: string): string {
  return `${indent}<feedback format="html">\n${indent}  <text></text>\n${indent}</feedback>\n`;
}

const COMBINED = ["correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"];

/** The embedded answer of a cloze blank: `{1:SHORTANSWER:=a~=b}`, with `\ } # ~ / "` escaped. */
function clozeBlank(answers: string[]): string {
  const escape = (a: string) => a.replace(/[&<>]/g, (c) => escapeHtml(c)).replace(/[\\}#~/"]/g, (c) => `\\${c}`);
  return `{1:SHORTANSWER:${answers.map((a) => `=${escape(a)}`).join("~")}}`;
}

function moodleType(variant: ExportVariant): string {
  const { answer } = variant;
  if (answer.type === "shortanswer") return answer.blanks.length === 1 ? "shortanswer" : "cloze";
  return answer.type;
}

function questionXml(variant: ExportVariant, locale: Locale): string {
  const type = moodleType(variant);
  const { answer } = variant;
  let text = questionHtml(variant, locale);
  // In a cloze text a brace may open an embedded answer: the text's own braces are written as references.
  if (type === "cloze" && answer.type === "shortanswer")
    text = [braceless(text), ...answer.blanks.map((b) => `<p>${braceless(escapeHtml(b.label))}: ${clozeBlank(b.answers)}</p>`)].join("\n");
  let out = `  <question type="${type}">\n`;
  out += `    <name>\n      <text>${escapeXml(variant.name)}</text>\n    </name>\n`;
  out += htmlText("questiontext", text, "    ");
  out += htmlText("generalfeedback", feedbackHtml(variant), "    ");
  // A cloze question's mark is the sum of its blanks' weights; Moodle reads no defaultgrade for it.
  if (type !== "cloze") out += `    <defaultgrade>${seven(variant.points)}</defaultgrade>\n`;
  out += `    <penalty>${seven(1 / 3)}</penalty>\n    <hidden>0</hidden>\n`;
  out += `    <idnumber>${escapeXml(`${variant.template.id}-${variant.seed}`.slice(0, 100))}</idnumber>\n`;
  switch (answer.type) {
    case "multichoice":
      out += "    <single>true</single>\n    <shuffleanswers>false</shuffleanswers>\n";
      out += "    <answernumbering>abc</answernumbering>\n    <showstandardinstruction>0</showstandardinstruction>\n";
      for (const tag of COMBINED) out += htmlText(tag, "", "    ");
      out += "    <shownumcorrect/>\n";
      for (const option of answer.options) {
        out += `    <answer fraction="${option.correct ? 100 : 0}" format="html">\n`;
        out += `      <text>${cdata(escapeHtml(option.text))}</text>\n${feedbackBlock("      ")}    </answer>\n`;
      }
      break;
    case "numerical":
      out += `    <answer fraction="100" format="moodle_auto_format">\n      <text>${answer.value}</text>\n`;
      out += `${feedbackBlock("      ")}      <tolerance>${answer.tolerance}</tolerance>\n    </answer>\n`;
      out += "    <unitgradingtype>0</unitgradingtype>\n    <unitpenalty>0.1000000</unitpenalty>\n";
      out += "    <showunits>3</showunits>\n    <unitsleft>0</unitsleft>\n";
      break;
    case "shortanswer":
      if (answer.blanks.length === 1) {
        out += "    <usecase>0</usecase>\n";
        for (const accepted of answer.blanks[0].answers) {
          out += `    <answer fraction="100" format="moodle_auto_format">\n      <text>${escapeXml(accepted)}</text>\n`;
          out += `${feedbackBlock("      ")}    </answer>\n`;
        }
      }
      break;
    case "ordering":
      out += "    <layouttype>VERTICAL</layouttype>\n    <selecttype>ALL</selecttype>\n";
      out += `    <selectcount>${answer.items.length}</selectcount>\n`;
      out += `    <gradingtype>${ORDERING_GRADING[policyOf(variant.template)]}</gradingtype>\n`;
      out += "    <showgrading>SHOW</showgrading>\n    <numberingstyle>none</numberingstyle>\n";
      for (const tag of COMBINED) out += htmlText(tag, "", "    ");
      out += "    <shownumcorrect>1</shownumcorrect>\n";
      distinctItems(answer.items).forEach((item, i) => {
        out += `    <answer fraction="${seven(i + 1)}" format="html">\n      <text>${cdata(escapeHtml(item))}</text>\n    </answer>\n`;
      });
      break;
  }
  out += `    <${MARKER_ELEMENT}>${escapeXml(markerOf(variant))}</${MARKER_ELEMENT}>\n`;
  return out + "  </question>\n";
}

/** The bank as a Moodle XML file: a category named for the bank, then every variant. */
function exportMoodleXml(bank: ExportBank, { locale }: { locale: Locale }): ExportFile {
  let out = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n';
  out += "<!-- question: 0  -->\n";
  out += '  <question type="category">\n';
  out += `    <category>\n      <text>${escapeXml(`$course$/top/${categoryName(bank.title)}`)}</text>\n    </category>\n`;
  out += htmlText("info", "", "    ");
  out += "  </question>\n\n";
  let n = 0;
  for (const { variants } of bank.questions)
    for (const variant of variants) out += `<!-- question: ${++n}  -->\n${questionXml(variant, locale)}\n`;
  out += "</quiz>\n";
  return { body: out, contentType: "application/xml; charset=utf-8", extension: "xml" };
}

// ---------------------------------------------------------------------------------------------
// Reading

type Node = Record<string | symbol, unknown>;

const ARRAYS = new Set(["question", "answer"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: true,
  htmlEntities: false,
  captureMetaData: true,
  isArray: (name) => ARRAYS.has(name),
});
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

/** The text of an element: a string, or an element's "#text" when it also has attributes. */
function textOf(node: unknown): string {
  if (typeof node === "string") return node;
  if (node && typeof node === "object" && "#text" in node) return String((node as Node)["#text"]);
  return "";
}

/** `<tag><text>…</text></tag>`'s text. */
const inner = (node: unknown, tag: string) => textOf(node && typeof node === "object" ? (node as Node)[tag] : undefined);
const child = (node: Node, tag: string) => inner(node[tag], "text");

function importMoodleXml(bytes: Uint8Array): ImportReport {
  const report = new ReportBuilder();
  const text = decodeUtf8(bytes);
  if (text === null) {
    report.problem(null, "bankFormats.problems.encoding");
    return report.done();
  }
  // Entities declared in a DTD are a way to make a small file huge; a question file needs none.
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    report.problem(lineIndex(text)(doctype.index), "bankFormats.problems.doctype");
    return report.done();
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    report.problem(valid.err.line, "bankFormats.problems.xml", { code: valid.err.code });
    return report.done();
  }
  const tree = parser.parse(text) as Node;
  const root = Object.keys(tree).find((k) => k !== "?xml" && !k.startsWith("#"));
  if (root !== "quiz") {
    report.problem(1, "bankFormats.problems.root", { found: root ?? "" });
    return report.done();
  }
  const lineOf = lineIndex(text);
  const quiz = tree.quiz as Node | string;
  const questions = typeof quiz === "object" ? ((quiz.question as Node[] | undefined) ?? []) : [];
  for (const question of questions) {
    const meta = question[META] as { startIndex?: number } | undefined;
    const line = meta?.startIndex !== undefined ? lineOf(meta.startIndex) : null;
    const type = typeof question["@type"] === "string" ? (question["@type"] as string) : "";
    if (type === "") {
      report.problem(line, "bankFormats.problems.noType");
      continue;
    }
    if (type === "category") continue;
    // Moodle names an unnamed question after the start of its text.
    const name = child(question, "name") || plainText(child(question, "questiontext")).slice(0, 40);
    const answers = (question.answer as Node[] | undefined) ?? [];
    // Ordering items' fractions are their positions, not grades.
    if (type !== "ordering") {
      const bad = answers.map((a) => String(a["@fraction"] ?? "0")).find((f) => !isMoodleGrade(Number(f)));
      if (bad !== undefined) {
        report.problem(line, "bankFormats.problems.fraction", { fraction: bad });
        continue;
      }
    }
    const marker = question[MARKER_ELEMENT];
    if (marker !== undefined) {
      const read = readMarker(textOf(marker));
      if (read.ok) report.restore(line, name, read.template);
      else report.problem(line, "bankFormats.problems.marker", { path: read.path });
      continue;
    }
    if (type === "multichoice") {
      const mapped = mapForeignChoice({
        name,
        html: child(question, "questiontext"),
        points: Number(textOf(question.defaultgrade)) || 1,
        options: answers.map((a) => ({ html: inner(a, "text"), correct: Number(a["@fraction"]) === 100 })),
      });
      if (mapped.ok) report.question(line, name, mapped.template);
      else report.skip(line, name, mapped.reason, mapped.values);
    } else if (type === "numerical") report.skip(line, name, "bankFormats.skipped.numerical");
    else report.skip(line, name, "bankFormats.skipped.otherType", { type });
  }
  return report.done();
}

export const moodleXml = { export: exportMoodleXml, import: importMoodleXml };
