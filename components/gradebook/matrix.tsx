"use client";
// The gradebook matrix: the server builds every row (lib/gradebook); this client leaf filters by
// section, searches by name or email, sorts by any column and shows a page of rows at a time, so
// a class of 500 stays quick to render and to scroll. The header row and the student column stay
// in view while the box scrolls both ways. Every cell is a link to the student's attempts at
// that quiz (cellHref); a screen reader names it by its row (the student) and column (the quiz).
import { useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { useId, useMemo, useState } from "react";
import {
  CELL_STATUSES,
  cellHref,
  filterRows,
  STATUS_MESSAGE,
  unpackCell,
  type PackedCell,
  type UnpackedCell,
} from "@/lib/gradebook/client";
import type { CellStatus, GradebookView } from "@/lib/gradebook/gradebook";
import { buttonStyles, EmptyState } from "../ui";
import { isPlaceholderEmail } from "@/lib/lti/client";

/** Rows per page: enough to compare a section at a glance, few enough to render at once. */
export const PAGE_SIZE = 100;

/** What the page sends: the gradebook with each cell packed (lib/gradebook/client.ts, packCell). */
export type MatrixBook = Pick<GradebookView, "quizzes" | "sections"> & {
  rows: (Omit<GradebookView["rows"][number], "cells"> & { cells: PackedCell[] })[];
};
type Row = MatrixBook["rows"][number];
type SortKey = "name" | "section" | "total" | `quiz:${number}`;
type Sort = { key: SortKey; direction: "ascending" | "descending" };

/** What a quiz column sorts by: the fraction, then (below any score) excused, nothing graded, not assigned. */
function cellSortValue([status, score, maxScore]: PackedCell): number {
  if (score !== null && maxScore !== null) return maxScore > 0 ? score / maxScore : 0;
  const name = CELL_STATUSES[status];
  if (name === "EXCUSED") return -1;
  if (name === "NOT_ASSIGNED") return -3;
  return -2;
}

export function GradebookMatrix({ courseId, book }: { courseId: string; book: MatrixBook }) {
  const t = useTranslations("gradebook");
  const locale = useLocale();
  const captionId = useId();
  const [section, setSection] = useState<string>("");
  const [search, setSearch] = useState("");
  const [sort, setSort] = useState<Sort>({ key: "name", direction: "ascending" });
  const [page, setPage] = useState(0);
  const collator = useMemo(() => new Intl.Collator(locale, { numeric: true, sensitivity: "base" }), [locale]);
  const number = useMemo(() => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }), [locale]);

  const filtered = useMemo(() => filterRows(book.rows, section === "" ? null : section, search), [book.rows, section, search]);
  const sorted = useMemo(() => {
    const sign = sort.direction === "ascending" ? 1 : -1;
    const value = (r: Row): string | number => {
      if (sort.key === "name") return r.name || r.email;
      if (sort.key === "section") return r.section ?? "";
      if (sort.key === "total") return r.total ?? -1;
      return cellSortValue(r.cells[Number(sort.key.slice(5))]);
    };
    return [...filtered].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      const order = typeof va === "number" && typeof vb === "number" ? va - vb : collator.compare(String(va), String(vb));
      return sign * order || collator.compare(a.name || a.email, b.name || b.email);
    });
  }, [filtered, sort, collator]);

  const pages = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const shown = sorted.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE);

  if (book.rows.length === 0) return <EmptyState title={t("noStudents")} />;

  const sortButton = (key: SortKey, label: string) => {
    const active = sort.key === key;
    return (
      <button
        type="button"
        className="inline-flex items-center gap-1 text-left font-semibold hover:underline focus-visible:underline"
        onClick={() => {
          setSort({ key, direction: active && sort.direction === "ascending" ? "descending" : "ascending" });
          setPage(0);
        }}
      >
        {label}
        <span aria-hidden="true">{active ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}</span>
      </button>
    );
  };
  const ariaSort = (key: SortKey) => (sort.key === key ? sort.direction : undefined);
  const percent = (value: number) => t("percent", { value });

  // A page holds up to 2 000 cells: their words are looked up once per render, not once per cell.
  const words = {
    excused: t("status.EXCUSED"),
    notGraded: t("notGraded"),
    late: t("marks.late"),
    timedOut: t("marks.timedOut"),
    overridden: t("marks.overridden"),
    regraded: t("marks.regraded"),
    inProgress: t("marks.inProgress"),
    zero: t("marks.zero"),
  };
  const statusWords = Object.fromEntries(CELL_STATUSES.map((s) => [s, t(STATUS_MESSAGE[s])])) as Record<CellStatus, string>;
  const minutesWords = new Map<number, string>();
  const timeWords = (seconds: number) => {
    const minutes = Math.floor(seconds / 60);
    let text = minutesWords.get(minutes);
    if (text === undefined) minutesWords.set(minutes, (text = t("timeUsed", { minutes })));
    return text;
  };
  const cellText = (cell: UnpackedCell): string => {
    if (cell.status === "EXCUSED") return words.excused;
    if (cell.score !== null && cell.maxScore !== null) return `${number.format(cell.score)} / ${number.format(cell.maxScore)}`;
    if (cell.status === "SUBMITTED") return words.notGraded;
    return statusWords[cell.status];
  };
  const marksOf = (cell: UnpackedCell): string => {
    const marks: string[] = [];
    if (cell.status !== "EXCUSED" && cell.late) marks.push(words.late);
    if (cell.status !== "EXCUSED" && cell.timedOut) marks.push(words.timedOut);
    if (cell.overridden) marks.push(words.overridden);
    if (cell.regraded) marks.push(words.regraded);
    if (cell.inProgress && cell.status === "SUBMITTED") marks.push(words.inProgress);
    if (cell.zero) marks.push(words.zero);
    return marks.join(" · ");
  };

  return (
    <div className="space-y-3">
      <div role="search" aria-label={t("filters")} className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="flex flex-col text-sm font-medium text-slate-800">
          <label htmlFor={`${captionId}-section`}>{t("section")}</label>
          <select
            id={`${captionId}-section`}
            className="mt-1 rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm"
            value={section}
            onChange={(e) => {
              setSection(e.target.value);
              setPage(0);
            }}
          >
            <option value="">{t("allSections")}</option>
            {book.sections.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col text-sm font-medium text-slate-800 sm:w-72">
          <label htmlFor={`${captionId}-search`}>{t("search")}</label>
          <input
            id={`${captionId}-search`}
            type="search"
            className="mt-1 rounded-lg border border-slate-300 px-3 py-2 text-sm"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setPage(0);
            }}
          />
        </div>
        <p className="text-sm text-slate-600 sm:ml-auto" aria-live="polite" data-testid="gradebook-count">
          {t("showing", { shown: filtered.length, total: book.rows.length })}
        </p>
      </div>

      {filtered.length === 0 ? (
        <EmptyState title={t("noMatch")} />
      ) : (
        <div
          className="relative max-h-[70vh] overflow-auto rounded-lg border border-slate-200"
          role="region"
          aria-labelledby={captionId}
          tabIndex={0}
          data-testid="gradebook-scroll"
        >
          <table className="min-w-full border-separate border-spacing-0 text-sm">
            <caption id={captionId} className="sr-only">
              {t("caption")}
            </caption>
            <thead>
              <tr>
                <th
                  scope="col"
                  aria-sort={ariaSort("name")}
                  className="sticky top-0 left-0 z-30 border-b border-r border-slate-200 bg-slate-50 px-3 py-2 text-left align-bottom"
                >
                  {sortButton("name", t("student"))}
                </th>
                <th
                  scope="col"
                  aria-sort={ariaSort("section")}
                  className="sticky top-0 z-20 border-b border-slate-200 bg-slate-50 px-3 py-2 text-left align-bottom"
                >
                  {sortButton("section", t("sectionColumn"))}
                </th>
                {book.quizzes.map((q, i) => (
                  <th
                    key={q.id}
                    scope="col"
                    aria-sort={ariaSort(`quiz:${i}`)}
                    className="sticky top-0 z-20 min-w-36 border-b border-slate-200 bg-slate-50 px-3 py-2 text-left align-bottom"
                  >
                    {sortButton(`quiz:${i}`, t("quizHeader", { title: q.title, max: q.maxScore, weight: q.weight }))}
                  </th>
                ))}
                <th
                  scope="col"
                  aria-sort={ariaSort("total")}
                  className="sticky top-0 z-20 border-b border-slate-200 bg-slate-50 px-3 py-2 text-left align-bottom"
                >
                  {sortButton("total", t("total"))}
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((row) => (
                <tr key={row.userId} data-testid={`gradebook-row-${row.userId}`}>
                  <th
                    scope="row"
                    className="sticky left-0 z-10 border-b border-r border-slate-200 bg-white px-3 py-2 text-left font-medium"
                  >
                    <span className="block text-slate-900">{row.name || row.email}</span>
                    {isPlaceholderEmail(row.email) ? null : <span className="block text-xs font-normal text-slate-600">{row.email}</span>}
                  </th>
                  <td className="border-b border-slate-200 px-3 py-2 text-slate-700">{row.section ?? t("noSection")}</td>
                  {row.cells.map((packed, i) => {
                    const quiz = book.quizzes[i];
                    const cell = unpackCell(packed);
                    const marks = marksOf(cell);
                    return (
                      <td key={quiz.id} className="border-b border-slate-200 px-3 py-2 align-top" data-status={cell.status}>
                        <Link prefetch={false} href={cellHref(courseId, quiz.id, row.userId)} className="text-accent-700 underline">
                          {cellText(cell)}
                        </Link>
                        {cell.timeUsedSec !== null ? (
                          <span className="block text-xs text-slate-600">{timeWords(cell.timeUsedSec)}</span>
                        ) : null}
                        {marks ? <span className="block text-xs text-amber-900">{marks}</span> : null}
                      </td>
                    );
                  })}
                  <td className="border-b border-slate-200 px-3 py-2 font-semibold whitespace-nowrap" data-testid="gradebook-total">
                    {row.total === null ? t("noTotal") : percent(row.total)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 ? (
        <nav aria-label={t("pagination")} className="flex flex-wrap items-center gap-3">
          <button type="button" className={buttonStyles.secondary} disabled={current === 0} onClick={() => setPage(current - 1)}>
            {t("previous")}
          </button>
          <p className="text-sm text-slate-700" aria-live="polite">
            {t("pages", {
              from: current * PAGE_SIZE + 1,
              to: Math.min(sorted.length, (current + 1) * PAGE_SIZE),
              total: sorted.length,
            })}
          </p>
          <button type="button" className={buttonStyles.secondary} disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
            {t("next")}
          </button>
        </nav>
      ) : null}
    </div>
  );
}
