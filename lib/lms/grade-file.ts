// A course's grades as the file one LMS's own grade importer takes (docs/lms-grades.md): Canvas's
// gradebook import, Moodle's "CSV file" grade import, Blackboard's Grade Center upload and
// Brightspace's grades import. Pure: a sheet (the columns, each student's identifiers and values)
// in, the text out, with the students the file has to leave out and what the instructor should
// know before importing it. The sheet is built from the gradebook in grade-sheet.ts.
import { csvLines, rawCell, startsLikeFormula, type CsvCell, type RawCell } from "../api/csv";
import { msg, type Msg } from "../i18n/msg";
import type { BrightspaceIdentifier, GradeFileOptions, LeftOut, MoodleIdentifier } from "./grade-options";

/** A column of the file: a quiz as that LMS names it (its column id when known), or the course total. */
export type SheetColumn = {
  /** The quiz's id, or "total". */
  key: string;
  title: string;
  /** The points the LMS item is out of. */
  maxScore: number;
  /** Canvas's assignment id or Blackboard's column id; null: the LMS matches the column by its title. */
  externalId: string | null;
};

/** A student's identifiers in the LMS: from their account (email) and their enrolment. */
export type SheetStudent = {
  userId: string;
  name: string;
  email: string;
  section: string | null;
  sisUserId: string | null;
  sisLoginId: string | null;
  username: string | null;
  orgDefinedId: string | null;
};

/** One cell: the points that count, excused, or nothing to send. */
export type SheetValue = { points: number } | "excused" | null;

export type SheetRow = { student: SheetStudent; values: readonly SheetValue[] };

export type Sheet = { columns: readonly SheetColumn[]; rows: readonly SheetRow[] };

export type GradeFile = {
  text: string;
  /** Student rows in the file. */
  rowCount: number;
  /** Students the LMS could not match, left out of the file (never a row without its identifier). */
  leftOut: LeftOut[];
  /** What the instructor should know before importing it. */
  warnings: Msg[];
};

/** The points as the LMS reads them: at most 2 decimals (Canvas compares at 2), "." as the decimal point, no grouping. */
export function gradeNumber(points: number): string {
  const rounded = Math.round(points * 100) / 100;
  return String(Object.is(rounded, -0) ? 0 : rounded);
}

/** The identifier as it can be written, or why not: it is written as it is, so one a spreadsheet would run is not written at all. */
function identifier(value: string | null): { value: string } | { reason: LeftOut["reason"] } {
  const v = value?.trim() ?? "";
  if (v === "") return { reason: "missing" };
  if (startsLikeFormula(v)) return { reason: "unsafe" };
  return { value: v };
}

const leftOut = (s: SheetStudent, reason: LeftOut["reason"]): LeftOut => ({ userId: s.userId, name: s.name, email: s.email, reason });

// ------------------------------------------------------------------------------------ Canvas

// Headers Canvas's importer takes as its own totals rather than assignments (GradebookImporter).
const CANVAS_RESERVED =
  /Current Score|Current Points|Current Grade|Final Score|Final Points|Final Grade|Override Score|Override Grade|Override Status/;

function canvas(sheet: Sheet, options: Extract<GradeFileOptions, { format: "canvas" }>): GradeFile {
  const warnings: Msg[] = [];
  const header: (CsvCell | RawCell)[] = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"];
  for (const c of sheet.columns) {
    // "Title (id)": Canvas matches the id and ignores the title (Assignment.title_and_id).
    header.push(c.externalId ? `${c.title} (${c.externalId})` : c.title);
    if (!c.externalId && CANVAS_RESERVED.test(c.title)) warnings.push(msg("lmsGrades.warnings.canvasReserved", { column: c.title }));
  }
  const lines: (CsvCell | RawCell)[][] = [header];
  if (options.pointsPossible) {
    // As Canvas's exporter writes it: four spaces, empty student cells, the points at 2 decimals.
    lines.push(["    Points Possible", "", "", "", "", ...sheet.columns.map((c) => rawCell(c.maxScore.toFixed(2)))]);
  }
  let byName = 0;
  for (const row of sheet.rows) {
    const sis = identifier(row.student.sisUserId);
    const login = identifier(row.student.sisLoginId);
    if (!("value" in sis) && !("value" in login)) byName += 1;
    lines.push([
      row.student.name,
      // Canvas's own user id, which the app does not know: Canvas then matches on the SIS ids.
      "",
      rawCell("value" in sis ? sis.value : ""),
      rawCell("value" in login ? login.value : ""),
      row.student.section ?? "",
      ...row.values.map((v) => rawCell(v === "excused" ? "EX" : v === null ? "" : gradeNumber(v.points))),
    ]);
  }
  if (byName > 0) warnings.push(msg("lmsGrades.warnings.canvasByName", { count: byName }));
  return { text: csvLines(lines, { bom: options.bom }), rowCount: sheet.rows.length, leftOut: [], warnings };
}

// ------------------------------------------------------------------------------------ Moodle

/** The identifier column's heading, as Moodle's own grade export names it. */
const MOODLE_HEADER: Record<MoodleIdentifier, string> = { email: "Email address", username: "Username", idnumber: "ID number" };

function moodleId(student: SheetStudent, by: MoodleIdentifier): string | null {
  return by === "email" ? student.email : by === "username" ? student.username : student.sisUserId;
}

function moodle(sheet: Sheet, options: Extract<GradeFileOptions, { format: "moodle" }>): GradeFile {
  const lines: (CsvCell | RawCell)[][] = [[MOODLE_HEADER[options.identifier], ...sheet.columns.map((c) => c.title)]];
  const out: LeftOut[] = [];
  let overHundred = false;
  for (const row of sheet.rows) {
    const id = identifier(moodleId(row.student, options.identifier));
    // Moodle gives a row with a blank identifier to the previous row's student: never write one.
    if (!("value" in id)) {
      out.push(leftOut(row.student, id.reason));
      continue;
    }
    lines.push([
      rawCell(id.value),
      // "-" is Moodle's own "no grade"; the import then clears that item's grade for the student.
      ...row.values.map((v) => {
        if (v === null || v === "excused") return rawCell("-");
        if (v.points > 100) overHundred = true;
        return rawCell(gradeNumber(v.points));
      }),
    ]);
  }
  const warnings = overHundred ? [msg("lmsGrades.warnings.moodleOverHundred")] : [];
  return { text: csvLines(lines, { bom: options.bom }), rowCount: lines.length - 1, leftOut: out, warnings };
}

// ------------------------------------------------------------------------------------ Blackboard

/** "Last Name" and "First Name" from one name: "Family, Given" as written, else the last word is the family name. */
export function splitName(name: string): { last: string; first: string } {
  const n = name.trim();
  const comma = n.indexOf(",");
  if (comma > 0) return { last: n.slice(0, comma).trim(), first: n.slice(comma + 1).trim() };
  const space = n.search(/\s\S*$/);
  return space > 0 ? { last: n.slice(space + 1), first: n.slice(0, space).trim() } : { last: n, first: "" };
}

function blackboard(sheet: Sheet, options: Extract<GradeFileOptions, { format: "blackboard" }>): GradeFile {
  const warnings: Msg[] = [];
  const header: (CsvCell | RawCell)[] = ["Last Name", "First Name", "Username", "Student ID"];
  for (const c of sheet.columns) {
    if (c.externalId) header.push(`${c.title} [Total Pts: ${gradeNumber(c.maxScore)} Score] |${c.externalId}`);
    else {
      header.push(c.title);
      warnings.push(msg("lmsGrades.warnings.blackboardNoColumnId", { column: c.title }));
    }
  }
  const lines: (CsvCell | RawCell)[][] = [header];
  const out: LeftOut[] = [];
  for (const row of sheet.rows) {
    const username = identifier(row.student.username);
    if (!("value" in username)) {
      out.push(leftOut(row.student, username.reason));
      continue;
    }
    const sis = identifier(row.student.sisUserId);
    const { last, first } = splitName(row.student.name);
    lines.push([
      last,
      first,
      rawCell(username.value),
      rawCell("value" in sis ? sis.value : ""),
      ...row.values.map((v) => rawCell(v === null || v === "excused" ? "" : gradeNumber(v.points))),
    ]);
  }
  // Blackboard: a comma file has every field in quotes; a tab file needs none.
  const layout = options.delimiter === "tab" ? { delimiter: "\t" as const } : { quoteAll: true };
  return { text: csvLines(lines, layout), rowCount: lines.length - 1, leftOut: out, warnings };
}

// ------------------------------------------------------------------------------------ Brightspace

const BRIGHTSPACE_HEADER: Record<BrightspaceIdentifier, string> = { orgdefinedid: "OrgDefinedId", username: "Username" };

function brightspace(sheet: Sheet, options: Extract<GradeFileOptions, { format: "brightspace" }>): GradeFile {
  const lines: (CsvCell | RawCell)[][] = [
    [BRIGHTSPACE_HEADER[options.identifier], ...sheet.columns.map((c) => `${c.title} Points Grade`), "End-of-Line Indicator"],
  ];
  const out: LeftOut[] = [];
  for (const row of sheet.rows) {
    const value = options.identifier === "orgdefinedid" ? row.student.orgDefinedId : row.student.username;
    const id = identifier(value);
    if (!("value" in id)) {
      out.push(leftOut(row.student, id.reason));
      continue;
    }
    lines.push([
      // "#" marks the value as text (Excel keeps leading zeros); Brightspace drops it.
      rawCell(`#${id.value}`),
      ...row.values.map((v) => rawCell(v === null || v === "excused" ? "" : gradeNumber(v.points))),
      rawCell("#"),
    ]);
  }
  return { text: csvLines(lines), rowCount: lines.length - 1, leftOut: out, warnings: [] };
}

/** The file of `sheet` for the LMS of `options`. */
export function gradeFile(sheet: Sheet, options: GradeFileOptions): GradeFile {
  switch (options.format) {
    case "canvas":
      return canvas(sheet, options);
    case "moodle":
      return moodle(sheet, options);
    case "blackboard":
      return blackboard(sheet, options);
    case "brightspace":
      return brightspace(sheet, options);
  }
}
