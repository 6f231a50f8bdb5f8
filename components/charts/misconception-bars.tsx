// The misconceptions bar chart: one horizontal bar per misconception, its length the share of
// the class, numbered to match the list of names beside it (long sentences wrap as HTML, which
// SVG text cannot); and its table view, the same numbers as a table. A server component: the
// labels and values arrive rendered in the reader's language.
import { useId } from "react";

export type Bar = {
  id: string;
  /** The misconception's name. */
  label: string;
  /** 0..1 */
  value: number;
  /** The value in words ("50% of the class (2 students)"), also the bar's accessible name. */
  valueText: string;
  /** The share alone, drawn at the bar's end ("50%"). */
  short: string;
};

const ROW = 28;
const LEFT = 28;
const RIGHT = 48;
const WIDTH = 320;

export function MisconceptionBars({
  title,
  description,
  axis,
  tableView,
  labelHeader,
  valueHeader,
  bars,
}: {
  title: string;
  description: string;
  axis: string;
  tableView: string;
  labelHeader: string;
  valueHeader: string;
  bars: Bar[];
}) {
  const id = useId();
  const height = bars.length * ROW + 24;
  const span = WIDTH - LEFT - RIGHT;
  return (
    <figure className="space-y-3" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="font-medium text-slate-900">
        {title}
      </figcaption>
      <div className="grid gap-4 md:grid-cols-[minmax(0,22rem)_1fr] md:items-start">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} className="w-full max-w-md" role="img" aria-labelledby={`${id}-svg-title ${id}-desc`}>
          <title id={`${id}-svg-title`}>{title}</title>
          <desc id={`${id}-desc`}>{`${description} ${bars.map((b, i) => `${i + 1}. ${b.label}: ${b.valueText}.`).join(" ")}`}</desc>
          {[0, 0.5, 1].map((tick) => (
            <g key={tick}>
              <line
                x1={LEFT + tick * span}
                x2={LEFT + tick * span}
                y1={0}
                y2={bars.length * ROW}
                className="stroke-(--chart-tick)"
                strokeDasharray="2 3"
              />
              <text x={LEFT + tick * span} y={bars.length * ROW + 14} fontSize="10" textAnchor="middle" className="fill-(--chart-text)">
                {`${tick * 100}%`}
              </text>
            </g>
          ))}
          <text x={LEFT + span / 2} y={bars.length * ROW + 24} fontSize="9" textAnchor="middle" className="fill-(--chart-text)">
            {axis}
          </text>
          {bars.map((b, i) => (
            <g key={b.id}>
              <text x={LEFT - 6} y={i * ROW + ROW / 2 + 4} fontSize="11" textAnchor="end" className="fill-(--chart-label)">
                {i + 1}
              </text>
              <rect x={LEFT} y={i * ROW + 6} width={Math.max(2, b.value * span)} height={ROW - 12} rx="3" className="fill-accent-700" />
              <text x={LEFT + Math.max(2, b.value * span) + 4} y={i * ROW + ROW / 2 + 4} fontSize="11" className="fill-(--chart-label)">
                {b.short}
              </text>
            </g>
          ))}
        </svg>
        <ol className="list-decimal space-y-1 pl-6 text-sm text-slate-800">
          {bars.map((b) => (
            <li key={b.id}>
              {b.label} <span className="text-slate-600">— {b.valueText}</span>
            </li>
          ))}
        </ol>
      </div>
      <details className="rounded-lg border border-slate-200 p-3 text-sm">
        <summary className="cursor-pointer font-medium text-slate-800">{tableView}</summary>
        <div className="relative mt-2 overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-2">
                  #
                </th>
                <th scope="col" className="py-1 pr-2">
                  {labelHeader}
                </th>
                <th scope="col" className="py-1">
                  {valueHeader}
                </th>
              </tr>
            </thead>
            <tbody>
              {bars.map((b, i) => (
                <tr key={b.id} className="border-t border-slate-100">
                  <td className="py-1 pr-2">{i + 1}</td>
                  <th scope="row" className="py-1 pr-2 font-normal">
                    {b.label}
                  </th>
                  <td className="py-1">{b.valueText}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
