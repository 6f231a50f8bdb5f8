// GIFT, both ways. The writer follows Moodle's own exporter (question/format/gift/format.php,
// writequestion and repchar): a `// question:` comment, `::name::`, `[html]` text, answers on
// tab-indented lines, the general feedback after `####`, a blank line after each question,
// `\ # = ~ { } :` backslash-escaped and line breaks written as `\n`. Each question also carries
// its template in a comment (template-marker.ts). GIFT has no ordering type and no cloze:
// state sequences use the `{>` extension of qtype_ordering (in Moodle's core since 4.4, read
// by its import_from_gift), several blanks become one short-answer question per blank, and
// GIFT has no points. The reader follows Moodle's readquestion. Pure.
import type { Locale } from "../i18n/locales";
import { policyOf } from "../questions/schema";
import { mapForeignChoice } from "./foreign-choice";
import { braceless, escapeHtml, feedbackHtml, plainText, questionHtml } from "./html";
import { distinctItems, ORDERING_GRADING } from "./ordering";
import { decodeUtf8, ReportBuilder } from "./report";
import { MARKER_COMMENT, markerOf, readMarker } from "./template-marker";
import type { ExportBank, ExportFile, ExportVariant, ImportReport } from "./types";

// ---------------------------------------------------------------------------------------------
// Writing

/** Moodle's repchar: the reserved characters escaped, "\n" written as the two characters \n, "\r" dropped. */
export function giftEscape(text: string): string {
  return text.replace(/[\\#=~{}:\n\r]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "" : `\\${c}`));
}

// qtype_ordering reads its question as `[^{]*\{>…\}` over the raw lines and its items without
// unescaping: braces in its text and items are written as HTML character references instead.

function header(variant: ExportVariant, name: string): string {
  return `// question: ${variant.template.id}-${variant.seed}  name: ${name.replace(/[\r\n]+/g, " ")}\n${MARKER_COMMENT}${markerOf(variant)}\n`;
}

function generalFeedback(variant: ExportVariant): string {
  const html = feedbackHtml(variant);
  return html === "" ? "" : `\t####${giftEscape(html)}\n`;
}

function questionsOf(variant: ExportVariant, locale: Locale): string[] {
  const { answer } = variant;
  const html = questionHtml(variant, locale);
  const start = (name: string, text: string) => `${header(variant, name)}::${giftEscape(name)}::[html]${giftEscape(text)}`;
  switch (answer.type) {
    case "multichoice": {
      // A leading "%" would read as a weight (`~%50%`): it is written as a character reference.
      const options = answer.options
        .map((o) => `\t${o.correct ? "=" : "~"}${giftEscape(escapeHtml(o.text).replace(/^%/, "&#37;"))}\n`)
        .join("");
      return [`${start(variant.name, html)}{\n${options}${generalFeedback(variant)}}\n`];
    }
    case "numerical":
      return [`${start(variant.name, html)}{#\n\t=%100%${answer.value}:${answer.tolerance}#\n${generalFeedback(variant)}}\n`];
    case "shortanswer":
      return answer.blanks.map((blank) => {
        const several = answer.blanks.length > 1;
        const name = several ? `${variant.name} — ${blank.label}` : variant.name;
        const text = several ? `${html}\n<p>${escapeHtml(blank.label)}</p>` : html;
        const accepted = blank.answers.map((a) => `\t=%100%${giftEscape(a)}#\n`).join("");
        return `${start(name, text)}{\n${accepted}${generalFeedback(variant)}}\n`;
      });
    case "ordering": {
      // The extension's items run to the closing brace, so there is no room for a general feedback.
      const grading = ORDERING_GRADING[policyOf(variant.template)];
      const items = distinctItems(answer.items)
        .map((item) => `${braceless(escapeHtml(item))}\n`)
        .join("");
      // The name is plain text, where a reference would show as typed: its braces become brackets.
      const name = variant.name.replace(/\{/g, "(").replace(/\}/g, ")");
      const text = `${header(variant, variant.name)}::${giftEscape(name)}::[html]${giftEscape(braceless(html))}`;
      return [`${text}{>${answer.items.length} ALL VERTICAL ${grading} SHOW\n${items}}\n`];
    }
  }
}

/** Moodle's category path element: "/" is a level, "//" a slash in a name. */
const categoryName = (title: string) => title.replace(/\//g, "//").replace(/[\r\n]+/g, " ");

/** The bank as a GIFT file: a category switch named for the bank, then every variant. */
function exportGift(bank: ExportBank, { locale }: { locale: Locale }): ExportFile {
  const category = `$course$/top/${categoryName(bank.title)}`;
  let out = `// question: 0  name: Switch category to ${category}\n$CATEGORY: ${category}\n\n`;
  for (const { variants } of bank.questions)
    for (const variant of variants) for (const question of questionsOf(variant, locale)) out += `${question}\n`;
  return { body: out, contentType: "text/plain; charset=utf-8", extension: "txt" };
}

// ---------------------------------------------------------------------------------------------
// Reading

// Escaped characters are set aside as private-use characters while the structure is read
// (Moodle's escapedchar_pre and _post do the same with "&&058;"-style placeholders).
const ESCAPED: Record<string, string> = {
  ":": "\ue001",
  "#": "\ue002",
  "=": "\ue003",
  "{": "\ue004",
  "}": "\ue005",
  "~": "\ue006",
  n: "\ue007",
};
const RESTORED: Record<string, string> = Object.fromEntries(Object.entries(ESCAPED).map(([c, p]) => [p, c === "n" ? "\n" : c]));

function setAside(text: string): string {
  return text.replace(/\\([\\:#={}~n])/g, (whole, c: string) => (c === "\\" ? "\ue000" : ESCAPED[c]));
}

function restore(text: string): string {
  return text.replace(/[\ue001-\ue007]/g, (p) => RESTORED[p]).replace(/\ue000/g, "\\");
}

/** Moodle's parse_text_with_format: a leading `[html]`/`[markdown]`/`[plain]`/`[moodle]` dropped. */
function withoutFormat(text: string): string {
  const m = /^\[(html|markdown|plain|moodle)\]/.exec(text);
  return restore((m ? text.slice(m[0].length) : text).trim());
}

interface Block {
  line: number;
  lines: string[];
  markers: string[];
}

/** Questions are separated by blank lines; `//` lines are comments (ours carry the marker). */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === "") {
      if (current) blocks.push(current);
      current = null;
      return;
    }
    current ??= { line: i + 1, lines: [], markers: [] };
    if (line.startsWith(MARKER_COMMENT.trim())) current.markers.push(line.slice(MARKER_COMMENT.trim().length).trim());
    else if (!line.startsWith("//")) {
      if (current.lines.length === 0) current.line = i + 1;
      current.lines.push(raw);
    }
  });
  if (current) blocks.push(current);
  return blocks.filter((b) => b.lines.length > 0 || b.markers.length > 0);
}

const WEIGHT = /^%(-?[0-9]{1,3}(?:\.[0-9]*)?)%/;

function readBlock(block: Block, report: ReportBuilder): void {
  let text = setAside(block.lines.join("\n").trim());
  if (/^\$CATEGORY:/.test(text)) return;
  let name = "";
  if (text.startsWith("::")) {
    const end = text.indexOf("::", 2);
    if (end >= 0) {
      name = restore(text.slice(2, end)).trim();
      text = text.slice(end + 2).trim();
    }
  }
  const open = text.indexOf("{");
  const close = text.indexOf("}");
  if (open < 0 !== close < 0 || close < open) {
    report.problem(block.line, "bankFormats.problems.braces");
    return;
  }
  const stem = open < 0 ? text : text.slice(0, open) + text.slice(close + 1);
  let answers = open < 0 ? "" : text.slice(open + 1, close).trim();
  const separator = answers.lastIndexOf("####");
  if (separator >= 0) answers = answers.slice(0, separator).trim();
  const html = withoutFormat(stem);
  // Moodle names an unnamed question after the start of its text.
  name ||= plainText(html).slice(0, 40);

  if (block.markers.length > 0) {
    const read = readMarker(block.markers[0]);
    if (read.ok) report.restore(block.line, name, read.template);
    else report.problem(block.line, "bankFormats.problems.marker", { path: read.path });
    return;
  }
  if (open < 0) return report.skip(block.line, name, "bankFormats.skipped.otherType", { type: "description" });
  if (answers === "") return report.skip(block.line, name, "bankFormats.skipped.otherType", { type: "essay" });
  if (answers.startsWith(">")) return report.skip(block.line, name, "bankFormats.skipped.otherType", { type: "ordering" });
  if (answers.startsWith("#")) {
    const numbers = answers
      .slice(1)
      .split("~")[0]
      .split("=")
      .map((a) => a.trim())
      .filter((a) => a !== "")
      .map((a) => a.replace(WEIGHT, "").split("#")[0].trim());
    const numeric = (s: string) => s !== "" && Number.isFinite(Number(s));
    const valid =
      numbers.length > 0 &&
      numbers.every((a) => {
        const parts = a.includes("..") ? a.split("..") : a.split(":");
        return parts.length <= 2 && parts.every((p) => numeric(p.trim()));
      });
    if (!valid) return report.problem(block.line, "bankFormats.problems.numbers");
    return report.skip(block.line, name, "bankFormats.skipped.numerical");
  }
  if (answers.includes("~")) {
    const parts = answers
      .replace(/=/g, "~=")
      .split("~")
      .map((a) => a.trim());
    if (parts[0] === "") parts.shift();
    if (parts.length < 2) return report.problem(block.line, "bankFormats.problems.answers");
    const options = parts.map((part) => {
      let weight = 0;
      let rest = part;
      if (rest.startsWith("=")) {
        weight = 1;
        rest = rest.slice(1);
      } else {
        const m = WEIGHT.exec(rest);
        if (m) {
          weight = Number(m[1]) / 100;
          rest = rest.slice(m[0].length);
        }
      }
      return { html: withoutFormat(rest.split("#")[0]), correct: weight === 1 };
    });
    const mapped = mapForeignChoice({ name, html, points: 1, options });
    return mapped.ok ? report.question(block.line, name, mapped.template) : report.skip(block.line, name, mapped.reason, mapped.values);
  }
  if (answers.includes("=") && answers.includes("->"))
    return report.skip(block.line, name, "bankFormats.skipped.otherType", { type: "match" });
  const truth = answers.split("#")[0].trim();
  const type = ["T", "TRUE", "F", "FALSE"].includes(truth) ? "truefalse" : "shortanswer";
  report.skip(block.line, name, "bankFormats.skipped.otherType", { type });
}

function importGift(bytes: Uint8Array): ImportReport {
  const report = new ReportBuilder();
  const text = decodeUtf8(bytes);
  if (text === null) {
    report.problem(null, "bankFormats.problems.encoding");
    return report.done();
  }
  for (const block of blocksOf(text)) readBlock(block, report);
  return report.done();
}

export const gift = { export: exportGift, import: importGift };
