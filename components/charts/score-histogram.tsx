// A histogram of scores as SVG: one bar per bin, counts up, score ranges across; its table view
// lists each bin's range and count (chart-figure.tsx). Labels arrive in the reader's language.
import { DataTable } from "../data-table";
import { ChartFigure } from "./chart-figure";

export type HistogramBar = {
  /** The bin's range as shown ("30–40%"). */
  range: string;
  /** Where the bin starts, 0..1, for the axis labels. */
  from: number;
  count: number;
  /** The bar's own name ("30–40%: 4 students"). */
  label: string;
};

const W = 480;
const H = 240;
const M = { top: 12, right: 24, bottom: 44, left: 40 };

export function ScoreHistogram({
  bars,
  name,
  description,
  labels,
}: {
  bars: readonly HistogramBar[];
  name: string;
  description: string;
  labels: {
    x: string;
    y: string;
    tableView: string;
    caption: string;
    range: string;
    count: string;
    empty: string;
    percent: (v: number) => string;
  };
}) {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const max = Math.max(1, ...bars.map((b) => b.count));
  const barW = plotW / Math.max(1, bars.length);
  const y = (v: number) => M.top + plotH - (v / max) * plotH;
  const yTicks = [...new Set([0, Math.round(max / 2), max])];
  const xTicks = [0, 0.2, 0.4, 0.6, 0.8, 1];
  return (
    <ChartFigure
      name={name}
      description={description}
      viewBox={`0 0 ${W} ${H}`}
      tableView={labels.tableView}
      table={
        <DataTable
          caption={labels.caption}
          compact
          empty={labels.empty}
          columns={[
            { key: "range", header: labels.range },
            { key: "count", header: labels.count },
          ]}
          rows={bars.map((b) => ({ key: String(b.from), cells: { range: b.range, count: b.count } }))}
        />
      }
    >
      <g aria-hidden="true" fontSize="11" fill="currentColor">
        {yTicks.map((v) => (
          <g key={v}>
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} className="stroke-(--chart-grid)" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {xTicks.map((v) => (
          <text key={v} x={M.left + v * plotW} y={H - M.bottom + 16} textAnchor="middle">
            {labels.percent(v)}
          </text>
        ))}
        <text x={M.left + plotW / 2} y={H - 6} textAnchor="middle" fontWeight="600">
          {labels.x}
        </text>
        <text x={12} y={M.top + plotH / 2} textAnchor="middle" fontWeight="600" transform={`rotate(-90 12 ${M.top + plotH / 2})`}>
          {labels.y}
        </text>
        <line x1={M.left} x2={W - M.right} y1={M.top + plotH} y2={M.top + plotH} stroke="currentColor" />
      </g>
      {bars.map((b, i) => (
        <rect
          key={b.from}
          x={M.left + i * barW + 1}
          y={y(b.count)}
          width={Math.max(0, barW - 2)}
          height={M.top + plotH - y(b.count)}
          className="fill-accent-700"
        >
          <title>{b.label}</title>
        </rect>
      ))}
    </ChartFigure>
  );
}
