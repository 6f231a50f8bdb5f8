// Every bank format, by its name in the API (`BankFormat`): how a bank is written in it and how
// a file of it is read. The LMS formats write fixed variants (variants.ts), this project's JSON
// the templates themselves; `variants` says which, so an export computes variants only when the
// format writes them. Moodle XML and GIFT live in their own modules.
import type { Locale } from "../i18n/locales";
import { gift } from "./gift";
import { exportJson, importJson } from "./json";
import { moodleXml } from "./moodle-xml";
import { exportQti, importQti } from "./qti";
import type { BankFormat, ExportBank, ExportFile, ImportReport } from "./types";

export interface BankFileFormat {
  /** Whether the file holds fixed variants (so the export asks how many seeds). */
  variants: boolean;
  export(bank: ExportBank, options: { locale: Locale }): ExportFile;
  import(bytes: Uint8Array): ImportReport;
}

export const bankFormats: Record<BankFormat, BankFileFormat> = {
  json: {
    variants: false,
    export: (bank) =>
      exportJson(
        bank.title,
        bank.questions.map((q) => q.template),
      ),
    import: importJson,
  },
  "moodle-xml": { variants: true, export: (bank, options) => moodleXml.export(bank, options), import: (bytes) => moodleXml.import(bytes) },
  gift: { variants: true, export: (bank, options) => gift.export(bank, options), import: (bytes) => gift.import(bytes) },
  qti: { variants: true, export: exportQti, import: importQti },
};
