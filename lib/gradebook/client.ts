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
