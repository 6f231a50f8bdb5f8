// Banks to and from files: export a bank's current questions (archived ones left out) in a
// format, with seeds derived from each template's id so a re-export is the same file; read a
// file into a report (what would be added under which key, what is skipped and why, what is
// wrong, with lines) and, unless it is a dry run, add the questions in one transaction through
// authoring's importTemplates. A file with any problem imports nothing. Messages come back
// rendered in the caller's language.
import { downloadName } from "../download-name";
import { importTemplates, keysFor, unusableReason } from "../authoring/banks";
import { bankInCourse, keysOfBank, latestVersionsOfBank } from "../authoring/bank-queries";
import type { Actor } from "../authoring/banks";
import type { Db } from "../db/client";
import type { Locale } from "../i18n/locales";
import { localized } from "../i18n/localized";
import { msg } from "../i18n/msg";
import { textIn } from "../i18n/translate";
import { QuestionTemplateSchema, type QuestionTemplate } from "../questions";
import { AppError } from "../server/errors";
import { bankFormats } from "./formats";
import type { BankFormat, ExportFile, FileLine } from "./types";
import { exportBank, type Unexported } from "./variants";

/** The largest bank file read: a JSON bank of a thousand questions is under a megabyte. */
export const MAX_BANK_FILE_BYTES = 2 * 1024 * 1024;

export type BankExport = { file: ExportFile; fileName: string; questions: number; variants: number; unexported: Unexported[] };

async function bankOrThrow(db: Db, courseId: string, bankId: string) {
  const bank = await bankInCourse(db, courseId, bankId);
  if (!bank) throw new AppError("NOT_FOUND", msg("banks.errors.bankNotFound"));
  return bank;
}

/** The current version of each question not archived, by key (a stored template that no longer parses is left out). */
async function currentTemplates(db: Db, bankId: string): Promise<QuestionTemplate[]> {
  const rows = (await latestVersionsOfBank(db, bankId)).filter((r) => !r.archived).sort((a, b) => a.key.localeCompare(b.key));
  return rows.flatMap((r) => {
    const parsed = QuestionTemplateSchema.safeParse(JSON.parse(r.template));
    return parsed.success ? [parsed.data] : [];
  });
}

export async function exportBankFile(
  db: Db,
  courseId: string,
  bankId: string,
  options: { format: BankFormat; seeds: number; locale: Locale },
): Promise<BankExport> {
  const bank = await bankOrThrow(db, courseId, bankId);
  const templates = await currentTemplates(db, bankId);
  const format = bankFormats[options.format];
  const { bank: exported, unexported } = format.variants
    ? exportBank(bank.title, templates, { seeds: options.seeds, locale: options.locale })
    : { bank: { title: bank.title, questions: templates.map((template) => ({ template, variants: [] })) }, unexported: [] };
  const file = format.export(exported, { locale: options.locale });
  return {
    file,
    fileName: downloadName([bank.title, options.format], file.extension, "bank"),
    questions: exported.questions.length,
    variants: exported.questions.reduce((n, q) => n + q.variants.length, 0),
    unexported,
  };
}

export type ImportOutcome = {
  format: BankFormat;
  dryRun: boolean;
  /** Whether the questions were added (never on a dry run, never with a problem). */
  imported: boolean;
  questions: { line: FileLine; name: string; key: string; kind: string }[];
  skipped: { line: FileLine; name: string; reason: string }[];
  problems: { line: FileLine; message: string }[];
};

export async function importBankFile(
  db: Db,
  actor: Actor,
  bankId: string,
  input: { format: BankFormat; bytes: Uint8Array; dryRun: boolean; locale: Locale },
): Promise<ImportOutcome> {
  await bankOrThrow(db, actor.courseId, bankId);
  if (input.bytes.byteLength > MAX_BANK_FILE_BYTES)
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      msg("bankTransfer.problems.tooLarge", { size: String(input.bytes.byteLength), limit: String(MAX_BANK_FILE_BYTES) }),
    );
  const text = textIn(input.locale);
  const report = bankFormats[input.format].import(input.bytes);
  const problems = report.problems.map((p) => ({ line: p.line, message: text(p.message) }));
  // Read and valid is not enough: the engine must be able to run each template, as a save requires.
  const read = report.questions.map((q) => {
    const parsed = QuestionTemplateSchema.safeParse(q.template);
    const reason = parsed.success ? unusableReason(parsed.data) : msg("bankTransfer.problems.invalidTemplate");
    if (reason) problems.push({ line: q.line, message: text(msg("bankTransfer.problems.question", { name: q.name, problem: reason })) });
    return parsed.success ? parsed.data : null;
  });
  const templates = read.filter((t): t is QuestionTemplate => t !== null);
  const keys = keysFor(
    read.map((t) => t?.id ?? ""),
    await keysOfBank(db, bankId),
  );
  const outcome: ImportOutcome = {
    format: input.format,
    dryRun: input.dryRun,
    imported: false,
    questions: report.questions.map((q, i) => ({
      line: q.line,
      name: q.name || localized(read[i]?.title ?? "", input.locale),
      key: read[i] ? keys[i] : "",
      kind: read[i]?.ask.kind ?? "",
    })),
    skipped: report.skipped.map((s) => ({ line: s.line, name: s.name, reason: text(s.reason) })),
    problems,
  };
  if (input.dryRun || problems.length > 0 || templates.length === 0) return outcome;
  // The keys are taken again inside: a question added meanwhile moves a key on, never over it.
  const added = await importTemplates(db, actor, bankId, templates, input.locale, input.format);
  return { ...outcome, imported: true, questions: outcome.questions.map((q, i) => ({ ...q, key: added[i].key })) };
}
