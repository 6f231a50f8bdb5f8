"use client";
// The one table of data: a caption, a header row whose sortable columns sort on the client
// (small tables, every row already on the page), an empty state, and a box that scrolls
// sideways by itself on a phone so the page never does. A client leaf: the cells arrive
// rendered by the page, so links, badges and forms in them stay the page's own.
import { useLocale, useTranslations } from "next-intl";
import { useId, useMemo, useState, type ReactNode } from "react";
import { ScrollFades, useScrollEdges } from "./scroll-edges";
import { EmptyState } from "./ui";

export type Column<K extends string> = {
  key: K;
  header: string;
  /** The header becomes a button that sorts the rows by this column. */
  sortable?: boolean;
  /** Classes for this column's cells, such as `font-mono` for addresses. */
  className?: string;
};

export type Row<K extends string> = {
  key: string;
  cells: Record<K, ReactNode>;
  /** What a sortable column sorts by where its cell is not plain text or a number. */
  sortValues?: Partial<Record<K, string | number>>;
};

type Direction = "ascending" | "descending";

// Rows sort in the reader's alphabet: Chinese names by the order their language uses.
const collators = new Map<string, Intl.Collator>();
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, { numeric: true, sensitivity: "base" })));
  return collator;
}

function sortValue<K extends string>(row: Row<K>, key: K): string | number {
  const given = row.sortValues?.[key];
  if (given !== undefined) return given;
  const cell = row.cells[key];
  return typeof cell === "string" || typeof cell === "number" ? cell : "";
}

function compare(collator: Intl.Collator, a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

export function DataTable<K extends string>({
  caption,
  hideCaption = false,
  columns,
  rows,
  empty,
  compact = false,
}: {
  /** Says what the rows are; also the name of the table and of its scroll box. */
  caption: string;
  /** Keep the caption for screen readers only, where a heading above already says it. */
  hideCaption?: boolean;
  columns: readonly Column<K>[];
  rows: readonly Row<K>[];
  /** Shown instead of the table when there are no rows. */
  empty: string;
  /** Tight cells that size to their content and do not wrap, for a small table of values inside other content. */
  compact?: boolean;
}) {
  const captionId = useId();
  const locale = useLocale();
  const t = useTranslations("courses.table");
  const [sort, setSort] = useState<{ key: K; direction: Direction } | null>(null);
  const { ref, edges, overflowing } = useScrollEdges<HTMLDivElement>();
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const sign = sort.direction === "ascending" ? 1 : -1;
    const collator = collatorFor(locale);
    return [...rows].sort((a, b) => sign * compare(collator, sortValue(a, sort.key), sortValue(b, sort.key)));
  }, [rows, sort, locale]);

  const captionClass = hideCaption ? "sr-only" : "mb-1 text-left font-medium text-slate-800";
  if (rows.length === 0) {
    return (
      <div>
        {hideCaption ? null : <p className={captionClass}>{caption}</p>}
        <EmptyState title={empty} />
      </div>
    );
  }

  const cell = compact ? "whitespace-nowrap py-0.5 pr-3" : "py-2 pr-4 last:pr-0";
  const sortedBy = sort ? columns.find((c) => c.key === sort.key) : undefined;
  const toggle = (key: K) =>
    setSort((prev) => ({ key, direction: prev?.key === key && prev.direction === "ascending" ? "descending" : "ascending" }));
  return (
    <div className="relative">
      {/* Focusable only when it scrolls, so a keyboard can scroll it and no empty tab stop is added otherwise.
          The inline-size containment keeps a wide table from widening a grid or flex parent (and so the page).
          Positioned, so that it is the containing block of what is absolutely positioned in its cells (the
          sr-only part of a button's name): without it that text escapes the scroll box's clip, sits where
          the wide table put it, and widens the page. */}
      <div
        ref={ref}
        className="relative overflow-x-auto contain-inline-size"
        role={overflowing ? "region" : undefined}
        aria-labelledby={overflowing ? captionId : undefined}
        tabIndex={overflowing ? 0 : undefined}
      >
        <table className={`text-left text-sm ${compact ? "" : "w-full"}`}>
          <caption id={captionId} className={captionClass}>
            {caption}
          </caption>
          <thead className={compact ? "text-slate-600" : "border-b border-slate-200 text-slate-600"}>
            <tr>
              {columns.map((column) => {
                const direction = sort?.key === column.key ? sort.direction : undefined;
                return (
                  <th key={column.key} scope="col" aria-sort={direction} className={`${cell} whitespace-nowrap font-medium`}>
                    {column.sortable ? (
                      <button
                        type="button"
                        onClick={() => toggle(column.key)}
                        className="inline-flex items-center gap-1 rounded font-medium hover:text-slate-900"
                      >
                        {column.header}
                        <span aria-hidden="true" className={direction ? "text-slate-900" : "text-slate-400"}>
                          {direction === "ascending" ? "↑" : direction === "descending" ? "↓" : "↕"}
                        </span>
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody className={compact ? "" : "divide-y divide-slate-100"}>
            {sorted.map((row) => (
              <tr key={row.key}>
                {columns.map((column) => (
                  <td key={column.key} className={`${cell} ${column.className ?? ""}`}>
                    {row.cells[column.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ScrollFades edges={edges} from="white" />
      <p aria-live="polite" className="sr-only">
        {sort && sortedBy ? t("sorted", { column: sortedBy.header, direction: sort.direction }) : ""}
      </p>
    </div>
  );
}
