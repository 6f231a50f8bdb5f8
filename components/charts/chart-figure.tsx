// A chart and its table view: the SVG is one image with an accessible name and description
// (role="img", named by its <title> and <desc>), and the same numbers follow as a table that
// opens below it, for screen readers, keyboards and anyone who wants the figures.
import { useId, type ReactNode } from "react";

export function ChartFigure({
  name,
  description,
  viewBox,
  tableView,
  children,
  table,
}: {
  /** The chart's accessible name ("Histogram of the scores in Quiz 1"). */
  name: string;
  /** What the chart shows, in a sentence: read out after the name. */
  description: string;
  viewBox: string;
  /** The label of the table view's toggle. */
  tableView: string;
  /** The SVG's content. */
  children: ReactNode;
  /** The same data as a table. */
  table: ReactNode;
}) {
  const id = useId();
  return (
    <figure className="min-w-0">
      <svg
        viewBox={viewBox}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="h-auto w-full max-w-2xl text-slate-700"
        preserveAspectRatio="xMidYMid meet"
      >
        <title id={`${id}-title`}>{name}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {children}
      </svg>
      <figcaption className="mt-1 text-sm text-slate-600">{description}</figcaption>
      <details className="mt-3">
        <summary className="cursor-pointer text-sm font-medium text-accent-700 underline">{tableView}</summary>
        <div className="mt-2">{table}</div>
      </details>
    </figure>
  );
}
