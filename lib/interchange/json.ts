// This project's bank file: the templates themselves, `{ format: "synack-bank", version: 1,
// title, questions }`, lossless (an import of an export gives equal templates). Each question is
// checked with the one template schema; a problem names its JSON path ("questions[2].ask.kind")
// and, for a file that is not JSON at all, the line. Pure.
import { z } from "zod";
import { localized } from "../i18n/localized";
import { msg, type Text } from "../i18n/msg";
import { isMessageKey, issueText as schemaIssueText } from "../i18n/translate";
import { QuestionTemplateSchema, type QuestionTemplate } from "../questions";
import { issueText as parseIssueText } from "../questions/kinds/fields";
import { jsonErrorOffset } from "./json-syntax";
import type { ExportFile, FileLine, ImportReport } from "./types";

export const JSON_FORMAT = "synack-bank";
export const JSON_VERSION = 1;

/** The file's outer shape; each question is checked on its own, so its problems carry its index. */
const BankFileSchema = z.object({
  format: z.literal(JSON_FORMAT),
  version: z.literal(JSON_VERSION),
  title: z.string().max(200).optional(),
  questions: z.array(z.unknown()).max(2000),
});

/** The bank's templates as this project's JSON. */
export function exportJson(title: string, templates: readonly QuestionTemplate[]): ExportFile {
  const file = { format: JSON_FORMAT, version: JSON_VERSION, title, questions: templates };
  return { body: `${JSON.stringify(file, null, 2)}\n`, contentType: "application/json; charset=utf-8", extension: "json" };
}

/** A zod issue in words: the template schema's catalog ids as theirs, zod's own by its code. */
const issueWords = (issue: z.core.$ZodIssue): Text => (isMessageKey(issue.message) ? schemaIssueText(issue) : parseIssueText(issue));

// reportInput: the words for a value of the wrong type name the type that was sent.
const OPTIONS = { reportInput: true } as const;

/** "questions[2].ask.kind" from a zod path. */
function pathText(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) => (typeof part === "number" ? `${text}[${part}]` : text ? `${text}.${String(part)}` : String(part)),
    "",
  );
}

/** The 1-based line of a character offset. */
function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** The line where the text stops being JSON. */
function syntaxLine(text: string): FileLine {
  const offset = jsonErrorOffset(text);
  return offset === null ? null : lineAt(text, offset);
}

/**
 * The line of each question's opening brace, for the report: a scan of the text that follows
 * strings and nesting, so braces inside text do not count. None when the file has no
 * `"questions": [` at all.
 */
function questionLines(text: string): number[] {
  const lines: number[] = [];
  const key = /"questions"\s*:\s*\[/.exec(text);
  if (!key) return lines;
  let depth = 0;
  let line = lineAt(text, key.index);
  let inString = false;
  for (let i = key.index + key[0].length; i < text.length; i++) {
    const c = text[i];
    if (c === "\n") line++;
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') inString = true;
    else if (c === "{" || c === "[") {
      if (depth === 0 && c === "{") lines.push(line);
      depth++;
    } else if (c === "}" || c === "]") {
      if (depth === 0) break;
      depth--;
    }
  }
  return lines;
}

/** Reads this project's JSON: every question valid, or problems and nothing to import. */
export function importJson(bytes: Uint8Array): ImportReport {
  const report: ImportReport = { questions: [], skipped: [], problems: [] };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    report.problems.push({ line: null, message: msg("bankTransfer.problems.notUtf8") });
    return report;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    report.problems.push({ line: syntaxLine(text), message: msg("bankTransfer.problems.notJson") });
    return report;
  }
  const file = BankFileSchema.safeParse(data, OPTIONS);
  if (!file.success) {
    for (const issue of file.error.issues)
      report.problems.push({
        line: null,
        message: msg("bankTransfer.problems.at", { path: pathText(issue.path) || "$", problem: issueWords(issue) }),
      });
    return report;
  }
  const lines = questionLines(text);
  file.data.questions.forEach((question, index) => {
    const line = lines[index] ?? null;
    const parsed = QuestionTemplateSchema.safeParse(question, OPTIONS);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        report.problems.push({
          line,
          message: msg("bankTransfer.problems.at", { path: pathText(["questions", index, ...issue.path]), problem: issueWords(issue) }),
        });
      return;
    }
    report.questions.push({ line, name: localized(parsed.data.title, "en"), template: parsed.data });
  });
  return report;
}
