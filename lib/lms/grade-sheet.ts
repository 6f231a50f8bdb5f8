// The gradebook as a sheet for one LMS (grade-file.ts writes it): the columns asked for — quizzes
// under their title and id in that LMS, or the course total as percentage points out of 100 — and
// each student's value, by the gradebook's own rules (lib/gradebook): the counted score; excused;
// 0 where the course total counts the quiz 0 (closed with nothing graded); else nothing.
import type { Cell, Gradebook } from "../gradebook/gradebook";
import type { Sheet, SheetColumn, SheetStudent, SheetValue } from "./grade-file";
import { TOTAL } from "./grade-options";

/** What a quiz is called in the LMS (QuizLmsColumn); absent: its own title, no id. */
export type LmsColumnOf = { externalId: string | null; title: string | null };

/** The title of the course-total column (Canvas and Brightspace create an item of that name, Moodle and Blackboard map it). */
export const TOTAL_TITLE = "SynAck Lab course total";

export type SheetRequest = {
  /** Column keys in order: quiz ids and TOTAL; null: every published quiz. */
  columns: readonly string[] | null;
  /** The quizzes' columns in the chosen LMS, by quiz id. */
  mapping: ReadonlyMap<string, LmsColumnOf>;
  /** Each student's LMS identifiers, by user id. */
  identifiers: ReadonlyMap<string, Omit<SheetStudent, "userId" | "name" | "email" | "section">>;
};

/** The column keys not among the gradebook's (a draft, another course's quiz, a typo). */
export function unknownColumns(book: Gradebook, columns: readonly string[]): string[] {
  const known = new Set(book.quizzes.map((q) => q.id));
  return columns.filter((k) => k !== TOTAL && !known.has(k));
}

function cellValue(cell: Cell): SheetValue {
  if (cell.status === "EXCUSED") return "excused";
  if (cell.score !== null) return { points: cell.score };
  return cell.total === "ZERO" ? { points: 0 } : null;
}

/** The sheet of `book` for `request`; every key must be known (unknownColumns). */
export function gradeSheet(book: Gradebook, request: SheetRequest): Sheet {
  const keys = request.columns ?? book.quizzes.map((q) => q.id);
  const index = new Map(book.quizzes.map((q, i) => [q.id, i]));
  const columns: SheetColumn[] = keys.map((key) => {
    if (key === TOTAL) return { key, title: TOTAL_TITLE, maxScore: 100, externalId: null };
    const quiz = book.quizzes[index.get(key)!];
    const lms = request.mapping.get(key);
    return { key, title: lms?.title ?? quiz.title, maxScore: quiz.maxScore, externalId: lms?.externalId ?? null };
  });
  const rows = book.rows.map((row) => {
    const ids = request.identifiers.get(row.id);
    const student: SheetStudent = {
      userId: row.id,
      name: row.name,
      email: row.email,
      section: row.section,
      sisUserId: ids?.sisUserId ?? null,
      sisLoginId: ids?.sisLoginId ?? null,
      username: ids?.username ?? null,
      orgDefinedId: ids?.orgDefinedId ?? null,
    };
    const values = keys.map((key): SheetValue => {
      if (key === TOTAL) return row.total === null ? null : { points: row.total * 100 };
      return cellValue(row.cells[index.get(key)!]);
    });
    return { student, values };
  });
  return { columns, rows };
}
