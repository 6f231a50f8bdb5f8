// A question as the student sees it: the setup, and the part of the timeline that is given.
import type { Presentation } from "@/lib/questions/client";

export function QuestionSetup({ presentation, headingLevel = 2 }: { presentation: Presentation; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="flex flex-col gap-3">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-accent-700">
          {presentation.family.title}
          {presentation.family.counterfactual ? " · an imaginary TCP" : ""}
        </p>
        <Heading className="text-lg font-semibold text-slate-900">{presentation.title}</Heading>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-slate-700">
        {presentation.setup.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {presentation.given.length > 0 ? <GivenSegments presentation={presentation} /> : null}
      <p className="font-medium text-slate-900">{presentation.prompt}</p>
    </div>
  );
}

function GivenSegments({ presentation }: { presentation: Presentation }) {
  return (
    <div className="overflow-x-auto">
      <table className="text-sm">
        <caption className="mb-1 text-left font-medium text-slate-800">The segments so far</caption>
        <thead className="text-slate-600">
          <tr>
            <th scope="col" className="pr-3 text-left font-medium">#</th>
            <th scope="col" className="pr-3 text-left font-medium">Sent at</th>
            <th scope="col" className="pr-3 text-left font-medium">Sender</th>
            <th scope="col" className="pr-3 text-left font-medium">Flags</th>
            <th scope="col" className="pr-3 text-left font-medium">seq</th>
            <th scope="col" className="pr-3 text-left font-medium">ack</th>
            <th scope="col" className="pr-3 text-left font-medium">Data</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {presentation.given.map((s, i) => (
            <tr key={i}>
              <td className="pr-3 text-slate-500">{i + 1}</td>
              <td className="pr-3">{s.sentAt} ms</td>
              <td className="pr-3 font-sans">{s.from}</td>
              <td className="pr-3">
                {s.flags}
                {s.lost ? <span className="ml-1 font-sans text-rose-700">(lost)</span> : null}
              </td>
              <td className="pr-3">{s.seq}</td>
              <td className="pr-3">{s.flags.includes("ACK") ? s.ack : "—"}</td>
              <td className="pr-3">{s.len ? `${s.len} bytes` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
