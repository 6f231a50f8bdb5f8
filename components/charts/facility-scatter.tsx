// Facility against discrimination as SVG: one numbered point per question, facility 0..1
// across, discrimination -1..1 up, with the 0.2 line below which a question separates weakly;
// its table view lists every question's two values (chart-figure.tsx).
import { DataTable } from "../data-table";
import { ChartFigure } from "./chart-figure";

export type ScatterPoint = {
  key: string;
  /** The question's number in the quiz, drawn beside its point. */
  position: number;
  title: string;
  facility: number;
  discrimination: number;
  /** The point's own name ("Question 2, …: facility 40%, discrimination 0.31"). */
  label: string;
  /** The two values as shown in the table. */
  facilityText: string;
  discriminationText: string;
};

const W = 480;
const H = 300;
const M = { top: 12, right: 24, bottom: 44, left: 44 };
export const WEAK_DISCRIMINATION = 0.2;

export function FacilityScatter({
  points,
  name,
  description,
  labels,
}: {
  points: readonly ScatterPoint[];
  name: string;
  description: string;
  labels: {
    x: string;
    y: string;
    threshold: string;
    tableView: string;
    caption: string;
    position: string;
    question: string;
    facility: string;
    discrimination: string;
    empty: string;
    percent: (v: number) => string;
  };
}) {
  const plotW = W - M.left - M.right;
  const plotH = H - M.top - M.bottom;
  const x = (v: number) => M.left + v * plotW;
  const y = (v: number) => M.top + ((1 - v) / 2) * plotH;
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
            { key: "position", header: labels.position, sortable: true },
            { key: "question", header: labels.question, sortable: true },
            { key: "facility", header: labels.facility, sortable: true },
            { key: "discrimination", header: labels.discrimination, sortable: true },
          ]}
          rows={points.map((p) => ({
            key: p.key,
            cells: { position: p.position, question: p.title, facility: p.facilityText, discrimination: p.discriminationText },
            sortValues: { facility: p.facility, discrimination: p.discrimination },
          }))}
        />
      }
    >
      <g aria-hidden="true" fontSize="11" fill="currentColor">
        {[-1, -0.5, 0, 0.5, 1].map((v) => (
          <g key={v}>
            <line
              x1={M.left}
              x2={W - M.right}
              y1={y(v)}
              y2={y(v)}
              className={v === 0 ? "stroke-(--chart-axis)" : "stroke-(--chart-grid)"}
            />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end">
              {v}
            </text>
          </g>
        ))}
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={M.top} y2={M.top + plotH} className="stroke-(--chart-grid)" />
            <text x={x(v)} y={H - M.bottom + 16} textAnchor="middle">
              {labels.percent(v)}
            </text>
          </g>
        ))}
        <line
          x1={M.left}
          x2={W - M.right}
          y1={y(WEAK_DISCRIMINATION)}
          y2={y(WEAK_DISCRIMINATION)}
          className="stroke-(--chart-warning)"
          strokeDasharray="5 4"
        />
        <text x={W - M.right - 2} y={y(WEAK_DISCRIMINATION) - 4} textAnchor="end" className="fill-(--chart-warning-text)">
          {labels.threshold}
        </text>
        <text x={M.left + plotW / 2} y={H - 6} textAnchor="middle" fontWeight="600">
          {labels.x}
        </text>
        <text x={12} y={M.top + plotH / 2} textAnchor="middle" fontWeight="600" transform={`rotate(-90 12 ${M.top + plotH / 2})`}>
          {labels.y}
        </text>
      </g>
      {points.map((p) => (
        <g key={p.key}>
          <circle cx={x(p.facility)} cy={y(p.discrimination)} r={6} className="fill-accent-700" stroke="white" strokeWidth={1.5}>
            <title>{p.label}</title>
          </circle>
          <text x={x(p.facility) + 8} y={y(p.discrimination) - 6} fontSize="11" fill="currentColor" aria-hidden="true">
            {p.position}
          </text>
        </g>
      ))}
    </ChartFigure>
  );
}
