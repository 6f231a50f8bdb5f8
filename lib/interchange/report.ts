// Building an ImportReport as a file is read. The variants of one template (one question per
// seed in the file) restore that template once: the first question that carries it places it
// in the report, the others add nothing. Pure.
import { msg, type MessageKey, type MsgValue } from "../i18n/msg";
import type { QuestionTemplate, QuestionTemplateInput } from "../questions/schema";
import type { FileLine, ImportReport } from "./types";

export class ReportBuilder {
  private readonly report: ImportReport = { questions: [], skipped: [], problems: [] };
  private readonly restored = new Set<string>();

  /** A question that carried our marker: its template, once however many variants carry it. */
  restore(line: FileLine, name: string, template: QuestionTemplate): void {
    const key = JSON.stringify(template);
    if (this.restored.has(key)) return;
    this.restored.add(key);
    this.report.questions.push({ line, name, template });
  }

  question(line: FileLine, name: string, template: QuestionTemplateInput): void {
    this.report.questions.push({ line, name, template });
  }

  skip(line: FileLine, name: string, key: MessageKey, values?: Record<string, MsgValue>): void {
    this.report.skipped.push({ line, name, reason: msg(key, values) });
  }

  problem(line: FileLine, key: MessageKey, values?: Record<string, MsgValue>): void {
    this.report.problems.push({ line, message: msg(key, values) });
  }

  /** The report; a file with no question at all and nothing else to say is a problem. */
  done(): ImportReport {
    const { questions, skipped, problems } = this.report;
    if (questions.length === 0 && skipped.length === 0 && problems.length === 0) this.problem(null, "bankFormats.problems.empty");
    return this.report;
  }
}

/** 1-based line numbers from offsets into a text. */
export function lineIndex(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** The file as text: UTF-8 (a BOM dropped), or null when it is not. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return null;
  }
}
