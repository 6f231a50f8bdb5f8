// A graded question after feedback release: the score, the feedback, the student's answer
// beside the true one, and the timeline with states.
import type { Feedback } from "@/lib/grading";
import type { Answer } from "@/lib/questions/answers";
import type { Presentation } from "@/lib/questions/present";
import type { Trace } from "@/lib/tcp/trace";
import { QuestionSetup } from "./question-view";
import { Timeline } from "./timeline";
import { Badge } from "./ui";

type Draft = Record<string, unknown> | null;

function segmentText(s: { from?: string; flags?: string; seq?: number | null; ack?: number | null } | undefined): string {
  if (!s) return "—";
  const flags = s.flags || "(no flags)";
  return `${s.from || "?"}: ${flags} seq=${s.seq ?? "?"}${flags.includes("ACK") ? ` ack=${s.ack ?? "?"}` : ""}`;
}

/** Two columns, row by row; rows that differ are marked. */
function SideBySide({ caption, said, truth }: { caption: string; said: string[]; truth: string[] }) {
  const rows = Math.max(said.length, truth.length);
  return (
    <table className="w-full text-left text-sm">
      <caption className="mb-1 text-left font-medium text-slate-800">{caption}</caption>
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="w-10 py-1 font-medium">#</th>
          <th scope="col" className="py-1 font-medium">Your answer</th>
          <th scope="col" className="py-1 font-medium">What happens</th>
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

function AnswerComparison({ draft, expected, presentation }: { draft: Draft; expected: Answer; presentation: Presentation }) {
  const d = (draft ?? {}) as Record<string, unknown>;
  switch (expected.kind) {
    case "states": {
      const said = (d.states ?? {}) as Record<string, string[]>;
      return (
        <div className="grid gap-4 md:grid-cols-2">
          {Object.entries(expected.states).map(([e, truth]) => (
            <SideBySide key={e} caption={`${e === "client" ? "Client" : "Server"} states`} said={said[e] ?? []} truth={truth ?? []} />
          ))}
        </div>
      );
    }
    case "segments":
      return <SideBySide caption="Segments" said={((d.segments ?? []) as Parameters<typeof segmentText>[0][]).map(segmentText)} truth={expected.segments.map(segmentText)} />;
    case "next":
      return <SideBySide caption="The next segment and its sender's state" said={[segmentText(d.segment as never), String(d.state ?? "—")]} truth={[segmentText(expected.segment), expected.state]} />;
    case "time":
      return <SideBySide caption="Time" said={[d.ms === undefined || d.ms === null ? "—" : d.ms === "never" ? "never" : `${d.ms} ms`]} truth={[expected.ms === "never" ? "never" : `${expected.ms} ms`]} />;
    case "final-state": {
      const said = (d.states ?? {}) as Record<string, string>;
      const endpoints = Object.keys(expected.states);
      return <SideBySide caption="States" said={endpoints.map((e) => `${e}: ${said[e] || "—"}`)} truth={endpoints.map((e) => `${e}: ${expected.states[e as "client"]}`)} />;
    }
    case "choice": {
      const options = presentation.answer.kind === "choice" ? presentation.answer.options : [];
      const name = (id: unknown) => options.find((o) => o.id === id)?.label ?? "—";
      return <SideBySide caption="Choice" said={[name(d.choice)]} truth={[name(expected.choice)]} />;
    }
  }
}

export function AnswerReview({
  position,
  presentation,
  draft,
  result,
  maxScore,
}: {
  position?: number;
  presentation: Presentation;
  draft: unknown;
  maxScore: number;
  result: { score: number; feedback: Feedback; expected: Answer; trace: Trace };
}) {
  const { feedback } = result;
  const tone = feedback.correct ? "accent" : result.score > 0 ? "amber" : "rose";
  return (
    <section className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-label={position ? `Question ${position} review` : "Review"}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        {position ? <p className="text-sm font-medium text-slate-600">Question {position}</p> : <span />}
        <Badge tone={tone}>
          {Math.round(result.score * 100) / 100} / {maxScore} point{maxScore === 1 ? "" : "s"}
        </Badge>
      </div>
      <QuestionSetup presentation={presentation} headingLevel={3} />
      <div className={`rounded-lg p-3 ${feedback.correct ? "bg-accent-50" : "bg-amber-50"}`}>
        <p className="font-medium text-slate-900">{feedback.summary}</p>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-800">
          {feedback.messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </div>
      <AnswerComparison draft={draft as Draft} expected={result.expected} presentation={presentation} />
      {feedback.explanation ? <p className="text-slate-700">{feedback.explanation}</p> : null}
      <p className="text-sm text-slate-600">
        <span className="font-medium">The idea: </span>
        {feedback.concept}
      </p>
      <Timeline trace={result.trace} showStates highlight={feedback.firstMistake?.eventIndex} title="What the TCP engine did" />
    </section>
  );
}
