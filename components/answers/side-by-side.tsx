// The answer review's table: the student's answer and what happens, row by row.
import { describeSegmentAnswer, type SegmentDraft } from "@/lib/questions/client";

/** "client: ACK seq=1001 ack=5002", "—" for a missing row. */
export function segmentRow(s: Pick<SegmentDraft, "from" | "flags" | "seq" | "ack"> | undefined): string {
  if (!s) return "—";
  return `${s.from || "?"}: ${describeSegmentAnswer(s)}`;
}

/** Two columns, row by row; rows that differ are marked. */
export function SideBySide({ caption, said, truth }: { caption: string; said: string[]; truth: string[] }) {
  const rows = Math.max(said.length, truth.length);
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-1 text-left font-medium text-slate-800">{caption}</caption>
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="w-10 py-1 font-medium">
            #
          </th>
          <th scope="col" className="py-1 font-medium">
            Your answer
          </th>
          <th scope="col" className="py-1 font-medium">
            What happens
          </th>
        </tr>
      </thead>
      <tbody className="font-mono">
        {Array.from({ length: rows }, (_, i) => {
          const same = said[i] === truth[i];
          return (
            <tr key={i} className={same ? "" : "bg-rose-50"}>
              <td className="py-0.5 text-slate-500">{i + 1}</td>
              <td className="py-0.5">
                {said[i] ?? "—"}
                {!same ? <span className="sr-only"> (differs)</span> : null}
              </td>
              <td className="py-0.5">{truth[i] ?? "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
