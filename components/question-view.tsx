// A question as the student sees it: the setup, and the part of the timeline that is given.
import { useLocale } from "next-intl";
import { localized } from "@/lib/i18n/localized";
import type { Presentation } from "@/lib/questions/client";
import { DataTable } from "./data-table";

export function QuestionSetup({ presentation, headingLevel = 2 }: { presentation: Presentation; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const locale = useLocale();
  return (
    <div className="flex flex-col gap-3">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-accent-700">
          {presentation.family.title}
          {presentation.family.counterfactual ? " · an imaginary TCP" : ""}
        </p>
        <Heading className="text-lg font-semibold text-slate-900">{localized(presentation.title, locale)}</Heading>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-slate-700">
        {presentation.setup.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {presentation.given.length > 0 ? <GivenSegments presentation={presentation} /> : null}
      <p className="font-medium text-slate-900">{localized(presentation.prompt, locale)}</p>
    </div>
  );
}

function GivenSegments({ presentation }: { presentation: Presentation }) {
  return (
    <DataTable
      caption="The segments so far"
      compact
      empty="No segments yet."
      columns={[
        { key: "n", header: "#", className: "font-mono text-slate-500" },
        { key: "sentAt", header: "Sent at", className: "font-mono" },
        { key: "from", header: "Sender" },
        { key: "flags", header: "Flags", className: "font-mono" },
        { key: "seq", header: "seq", className: "font-mono" },
        { key: "ack", header: "ack", className: "font-mono" },
        { key: "data", header: "Data", className: "font-mono" },
      ]}
      rows={presentation.given.map((s, i) => ({
        key: String(i),
        cells: {
          n: i + 1,
          sentAt: `${s.sentAt} ms`,
          from: s.from,
          flags: (
            <>
              {s.flags}
              {s.lost ? <span className="ml-1 font-sans text-rose-700">(lost)</span> : null}
            </>
          ),
          seq: s.seq,
          ack: s.flags.includes("ACK") ? s.ack : "—",
          data: s.len ? `${s.len} bytes` : "—",
        },
      }))}
    />
  );
}
