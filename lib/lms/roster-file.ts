// Reading a roster file (docs/roster-import.md): the CSV an LMS exports, or a plain
// `email,name,section,sis_id` list, parsed with csv-parse and recognized by its header row.
// Each data row becomes an entry (an email, a name, a section, the student's LMS identifiers)
// or a refusal with its line and why. Pure: the plan against the course is roster-plan.ts.
import { parse, type CsvError, type Info } from "csv-parse/sync";
import { z } from "zod";
import { msg, type Msg } from "../i18n/msg";
import {
  IDENTIFIER_FIELDS,
  MAX_IDENTIFIER_LENGTH,
  MAX_NAME_LENGTH,
  MAX_ROSTER_ROWS,
  MAX_SECTION_LENGTH,
  type IdentifierField,
  type Identifiers,
  type RosterShape,
} from "./roster-schemas";

/** A student the file lists: who, and what the file says of their enrolment. */
export interface RosterEntry {
  /** The line the row starts on (the header is line 1). */
  line: number;
  /** Lower case: accounts are found by their address. */
  email: string;
  name: string | null;
  /** Null when the file says nothing (no column, or an empty cell): the stored section stays. */
  section: string | null;
  /** Only the identifiers the file gives; an empty cell changes nothing. */
  ids: Identifiers;
}

/** A row that will not be imported, and why. */
export interface RefusedRow {
  line: number;
  email: string | null;
  reason: Msg;
}

export type RosterFile = { shape: RosterShape; entries: RosterEntry[]; refused: RefusedRow[] };

/** Why a whole file cannot be read: nothing of it is imported. */
export type FileProblem = { line: number; message: Msg };

export type ReadResult = { ok: true; file: RosterFile } | { ok: false; problem: FileProblem };

/** What a column of a shape holds. */
type Column = "email" | "name" | "firstName" | "lastName" | "sortableName" | "shortName" | "section" | "status" | IdentifierField;

interface Shape {
  id: RosterShape;
  /** Does this (normalized) header row belong to the shape? */
  matches(headers: readonly string[]): boolean;
  /** Normalized header → what it holds; other columns are ignored. */
  columns: Readonly<Record<string, Column>>;
  /** Where the address comes from when there is no email cell: Canvas's login id is often one. */
  emailFallback?: Column;
  /** Rows that are not people: Canvas's "Points Possible" row. */
  skip?(cells: readonly string[]): boolean;
}

const PLAIN_COLUMNS = { email: "email", name: "name", section: "section", sis_id: "sisUserId" } as const;

// Detected in this order: the first whose header test passes. Sources of each header are in
// docs/roster-import.md.
const SHAPES: readonly Shape[] = [
  {
    // Canvas's Gradebook export (Grades → Export), the one roster a Canvas teacher can download:
    // Student, ID, SIS User ID, SIS Login ID, Section, then the assignments.
    id: "canvas-gradebook",
    matches: (h) => h[0]?.includes("student") === true && h[1] === "id" && h.includes("sis login id") && h.includes("section"),
    columns: { student: "name", "sis user id": "sisUserId", "sis login id": "sisLoginId", section: "section" },
    emailFallback: "sisLoginId",
    skip: (cells) => cells[0]?.includes("Points Possible") === true,
  },
  {
    // Canvas's SIS users.csv (the SIS import format; the provisioning report writes it too).
    id: "canvas-users",
    matches: (h) => h.includes("user_id") && h.includes("login_id"),
    columns: {
      user_id: "sisUserId",
      login_id: "sisLoginId",
      full_name: "name",
      first_name: "firstName",
      last_name: "lastName",
      sortable_name: "sortableName",
      short_name: "shortName",
      email: "email",
      status: "status",
    },
    emailFallback: "sisLoginId",
  },
  {
    // Moodle's user file: Bulk user actions → Download, and the Upload users format (field short names).
    id: "moodle",
    matches: (h) => h.includes("username") && h.includes("email") && (h.includes("firstname") || h.includes("lastname")),
    columns: {
      username: "username",
      email: "email",
      firstname: "firstName",
      lastname: "lastName",
      idnumber: "sisUserId",
      group1: "section",
    },
  },
  {
    id: "plain",
    matches: (h) => h.includes("email") && h.every((name) => name in PLAIN_COLUMNS),
    columns: PLAIN_COLUMNS,
  },
];

const normalizeHeader = (cell: string) => cell.trim().replace(/\s+/g, " ").toLowerCase();

/** The delimiter of the header line: the one of `,` `;` tab it has most of outside quotes (Canvas and Excel may write `;`). */
function delimiterOf(text: string): string {
  const firstLine = text.split("\n", 1)[0];
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

type Record_ = { cells: string[]; line: number };

function records(text: string): { ok: true; rows: Record_[] } | { ok: false; problem: FileProblem } {
  try {
    // With `info`, each record comes with where it was read; csv-parse's types do not say so.
    const parsed = parse(text, {
      delimiter: delimiterOf(text),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as {
      record: string[];
      info: Info;
    }[];
    // info.lines is the line a record ends on; a quoted cell may hold line breaks.
    return {
      ok: true,
      rows: parsed.map(({ record, info }) => ({ cells: record, line: info.lines - record.join("").split("\n").length + 1 })),
    };
  } catch (error) {
    const { code, lines } = error as Partial<CsvError>;
    const line = code === "CSV_QUOTE_NOT_CLOSED" ? openQuoteLine(text) : typeof lines === "number" ? lines : 1;
    return { ok: false, problem: { line, message: msg("rosterImport.problem.csv", { line }) } };
  }
}

/** The line of the quote left open at the end (csv-parse names the last line; the opening one is where to look). */
function openQuoteLine(text: string): number {
  let line = 1;
  let openedOn = 1;
  let quoted = false;
  for (const ch of text) {
    if (ch === "\n") line++;
    else if (ch === '"') {
      quoted = !quoted;
      if (quoted) openedOn = line;
    }
  }
  return openedOn;
}

const EMAIL = z.email();
// Control characters would end up in a grade file's identifier cells.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Reads a roster file's text (a UTF-8 BOM and CRLF or CR line ends are fine). */
export function readRosterFile(input: string): ReadResult {
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (!text.trim()) return { ok: false, problem: { line: 1, message: msg("rosterImport.problem.empty") } };
  const parsed = records(text);
  if (!parsed.ok) return parsed;
  const [header, ...rows] = parsed.rows;
  const headers = header.cells.map(normalizeHeader);
  const shape = SHAPES.find((s) => s.matches(headers));
  if (!shape) return { ok: false, problem: { line: header.line, message: msg("rosterImport.problem.unknownHeader") } };
  if (rows.length > MAX_ROSTER_ROWS)
    return {
      ok: false,
      problem: { line: rows[MAX_ROSTER_ROWS].line, message: msg("rosterImport.problem.tooManyRows", { max: MAX_ROSTER_ROWS }) },
    };

  const entries: RosterEntry[] = [];
  const refused: RefusedRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    if (shape.skip?.(row.cells)) continue;
    const read = readRow(shape, headers, row);
    if ("reason" in read) {
      refused.push(read);
      continue;
    }
    const first = firstLineOf.get(read.email);
    if (first !== undefined) {
      refused.push({ line: row.line, email: read.email, reason: msg("rosterImport.refused.duplicate", { first }) });
      continue;
    }
    firstLineOf.set(read.email, row.line);
    entries.push(read);
  }
  return { ok: true, file: { shape: shape.id, entries, refused } };
}

function readRow(shape: Shape, headers: readonly string[], row: Record_): RosterEntry | RefusedRow {
  const { cells, line } = row;
  const rawEmail = cells[headers.indexOf("email")]?.trim();
  if (cells.length !== headers.length)
    return {
      line,
      email: rawEmail || null,
      reason: msg("rosterImport.refused.fieldCount", { found: cells.length, expected: headers.length }),
    };
  const values: Partial<Record<Column, string>> = {};
  headers.forEach((name, i) => {
    const column = shape.columns[name];
    const value = cells[i].trim();
    if (column && value && values[column] === undefined) values[column] = value;
  });
  const fallback = shape.emailFallback ? values[shape.emailFallback] : undefined;
  const email = (values.email ?? (fallback && EMAIL.safeParse(fallback.toLowerCase()).success ? fallback : undefined))?.toLowerCase();
  if (!email) return { line, email: null, reason: msg("rosterImport.refused.noEmail") };
  if (!EMAIL.safeParse(email).success) return { line, email, reason: msg("rosterImport.refused.badEmail", { email }) };
  if (values.status?.toLowerCase() === "deleted") return { line, email, reason: msg("rosterImport.refused.deleted") };

  const name =
    values.name ?? ([values.firstName, values.lastName].filter(Boolean).join(" ") || values.shortName || values.sortableName || null);
  if (name && name.length > MAX_NAME_LENGTH) return { line, email, reason: tooLong("name", MAX_NAME_LENGTH) };
  const section = values.section ?? null;
  if (section && section.length > MAX_SECTION_LENGTH) return { line, email, reason: tooLong("section", MAX_SECTION_LENGTH) };
  const ids: Identifiers = {};
  for (const field of IDENTIFIER_FIELDS) {
    const value = values[field];
    if (value === undefined) continue;
    if (value.length > MAX_IDENTIFIER_LENGTH) return { line, email, reason: tooLong(field, MAX_IDENTIFIER_LENGTH) };
    if (CONTROL.test(value)) return { line, email, reason: msg("rosterImport.refused.control", { field: fieldName(field) }) };
    ids[field] = value;
  }
  return { line, email, name, section, ids };
}

const FIELD_NAMES = {
  name: "rosterImport.field.name",
  section: "rosterImport.field.section",
  sisUserId: "rosterImport.field.sisUserId",
  sisLoginId: "rosterImport.field.sisLoginId",
  username: "rosterImport.field.username",
  orgDefinedId: "rosterImport.field.orgDefinedId",
} as const;

/** The name of a field a roster row sets, in the reader's language. */
export function fieldName(field: keyof typeof FIELD_NAMES): Msg {
  return msg(FIELD_NAMES[field]);
}

function tooLong(field: keyof typeof FIELD_NAMES, max: number): Msg {
  return msg("rosterImport.refused.tooLong", { field: fieldName(field), max });
}
