// CSV downloads: the one way a table leaves the app as a file (analytics tables, grade exports).
// Quoting is csv-stringify's (RFC 4180: a field with a comma, a quote or a line break is quoted,
// quotes doubled); what is added here is the file's headers and the defence against formula
// injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return
// before one), so a text cell that starts so is prefixed with an apostrophe (OWASP, "CSV
// Injection"). Numbers are written as numbers, with "." as the decimal point.
import { stringify } from "csv-stringify/sync";
import { downloadName } from "../download-name";

export type CsvCell = string | number | boolean | null | undefined;

/**
 * A cell another system must read exactly as written — a student's identifier, a grade in an
 * LMS's grade file — so it is not given the formula guard (an apostrophe would make the LMS miss
 * the student or refuse the grade). Whoever writes one checks it cannot start a formula.
 */
export type RawCell = { readonly raw: string };
export const rawCell = (value: string): RawCell => ({ raw: value });

/** How the text is laid out: the field delimiter, whether every field is quoted (empty ones too), a byte order mark. */
export type CsvOptions = { bom?: boolean; delimiter?: "," | "\t"; quoteAll?: boolean };

/** A column: its heading in the file, and the cell of each row. */
export type CsvColumn<R> = { header: string; value: (row: R) => CsvCell };

const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet would run this text as a formula. */
export function startsLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** A cell as it is written: text that a spreadsheet would run as a formula is made plain text. */
export function safeCell(value: CsvCell): string | number {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "true" : "false";
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return startsLikeFormula(value) ? `'${value}` : value;
}

/**
 * The CSV text of `lines` (the first is the header), lines ended by CRLF (RFC 4180 §2). Every
 * cell passes safeCell but a RawCell.
 */
export function csvLines(lines: readonly (readonly (CsvCell | RawCell)[])[], options: CsvOptions = {}): string {
  // Quoted besides what RFC 4180 requires: a bare LF or CR (csv-stringify quotes only the record
  // delimiter itself) and a cell with spaces at either end (some importers trim unquoted ones).
  const text = stringify(
    lines.map((line) => line.map((cell) => (typeof cell === "object" && cell !== null ? cell.raw : safeCell(cell)))),
    {
      delimiter: options.delimiter ?? ",",
      record_delimiter: "\r\n",
      quoted: options.quoteAll ?? false,
      quoted_empty: options.quoteAll ?? false,
      quoted_match: [/[\r\n]/, /^\s|\s$/],
    },
  );
  return options.bom ? `\uFEFF${text}` : text;
}

/** The CSV text of `rows`: a header line, then one line per row. */
export function toCsv<R>(rows: readonly R[], columns: readonly CsvColumn<R>[], options: CsvOptions = {}): string {
  return csvLines([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => c.value(row)))], options);
}

/** A file name safe in a Content-Disposition header: letters, digits, dot, dash and underscore. */
export function fileName(...parts: string[]): string {
  return fileNameWith("csv", parts);
}

/** fileName with another extension (a tab-delimited file is .txt). */
export function fileNameWith(extension: "csv" | "txt", parts: readonly string[]): string {
  return downloadName(parts, extension);
}

/** The download of `rows` as a CSV file named `filename` (see fileName). */
export function csvResponse<R>(rows: readonly R[], columns: readonly CsvColumn<R>[], filename: string, options: CsvOptions = {}) {
  return csvTextResponse(toCsv(rows, columns, options), filename);
}

/** A CSV text already written, as a download named `filename`. */
export function csvTextResponse(text: string, filename: string) {
  return new Response(text, {
    status: 200,
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
