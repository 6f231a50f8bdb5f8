// The gradebook's client-safe helpers (the matrix filters and links in the browser): no
// imports, so a component may take them (eslint.config.mjs, docs/architecture.md §9).

/** Where a cell leads: the student's attempts at that quiz, with their history. */
export function cellHref(courseId: string, quizId: string, userId: string): string {
  return `/courses/${encodeURIComponent(courseId)}/gradebook/${encodeURIComponent(quizId)}/${encodeURIComponent(userId)}`;
}

/** The rows of `section` (null: all) whose name or email holds `search` (case-insensitive). */
export function filterRows<R extends { name: string; email: string; section: string | null }>(
  rows: readonly R[],
  section: string | null,
  search: string,
): R[] {
  const needle = search.trim().toLocaleLowerCase();
  return rows.filter(
    (r) =>
      (section === null || r.section === section) &&
      (needle === "" || r.name.toLocaleLowerCase().includes(needle) || r.email.toLocaleLowerCase().includes(needle)),
  );
}

/** What a cell says (gradebook.ts, CellStatus). */
export const CELL_STATUSES = ["NOT_ASSIGNED", "NOT_STARTED", "IN_PROGRESS", "SUBMITTED", "EXCUSED"] as const;

/** Each cell status's message in the `gradebook` catalog namespace. */
export const STATUS_MESSAGE = {
  NOT_ASSIGNED: "status.NOT_ASSIGNED",
  NOT_STARTED: "status.NOT_STARTED",
  IN_PROGRESS: "status.IN_PROGRESS",
  SUBMITTED: "status.SUBMITTED",
  EXCUSED: "status.EXCUSED",
} as const;

// ---------------------------------------------------------------- the matrix's props

type CellStatusName = (typeof CELL_STATUSES)[number];

/** The cell fields the matrix shows, as the page sends them (gradebook.ts's Cell has more). */
export type MatrixCellFields = {
  status: CellStatusName;
  score: number | null;
  maxScore: number | null;
  fraction: number | null;
  timeUsedSec: number | null;
  late: boolean;
  timedOut: boolean;
  overridden: boolean;
  regraded: boolean;
  inProgress: boolean;
  total: "COUNTED" | "ZERO" | "LEFT_OUT";
};

/**
 * A cell as the page sends it to the browser: [status index, score, max, time used, marks], the
 * marks a bit set (late 1, timed out 2, overridden 4, regraded 8, in progress 16, counts 0 32).
 * A class of 500 × 20 quizzes is 10 000 cells: as objects with named fields they made the page
 * about 3.5 MB of HTML and flight data; as tuples a fraction of it.
 */
export type PackedCell = [number, number | null, number | null, number | null, number];

const MARKS = ["late", "timedOut", "overridden", "regraded", "inProgress"] as const;

export function packCell(cell: MatrixCellFields): PackedCell {
  let marks = 0;
  MARKS.forEach((m, i) => {
    if (cell[m]) marks |= 1 << i;
  });
  if (cell.total === "ZERO") marks |= 1 << MARKS.length;
  return [CELL_STATUSES.indexOf(cell.status), cell.score, cell.maxScore, cell.timeUsedSec, marks];
}

export type UnpackedCell = Omit<MatrixCellFields, "total"> & { zero: boolean };

export function unpackCell([status, score, maxScore, timeUsedSec, marks]: PackedCell): UnpackedCell {
  const has = (i: number) => (marks & (1 << i)) !== 0;
  return {
    status: CELL_STATUSES[status],
    score,
    maxScore,
    fraction: score !== null && maxScore !== null ? (maxScore > 0 ? score / maxScore : 0) : null,
    timeUsedSec,
    late: has(0),
    timedOut: has(1),
    overridden: has(2),
    regraded: has(3),
    inProgress: has(4),
    zero: has(MARKS.length),
  };
}
