// A question as the student sees it: the setup, and the part of the timeline that is given.
// The author's title and prompt read in the reader's language where the author wrote one
// (the prompt is Markdown, rendered sanitized by components/markdown.tsx);
// the segment notation (flags, seq, ack) stays as the RFC writes it.
import { useLocale, useTranslations } from "next-intl";
import { localized } from "@/lib/i18n/localized";
import type { Presentation } from "@/lib/questions/client";
import { DataTable } from "./data-table";
import { Markdown } from "./markdown";
import { useText } from "./use-text";

export function QuestionSetup({ presentation, headingLevel = 2 }: { presentation: Presentation; headingLevel?: 2 | 3 }) {
  const t = useTranslations("question");
  const text = useText();
  const locale = useLocale();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const family = text(presentation.family.title);
  const setup = presentation.setup.map((line) => text(line));
  return (
    <div className="flex flex-col gap-3">
      <div>
        <p className="text-xs font-medium uppercase tracking-wide text-accent-700">
          {presentation.family.counterfactual ? t("imaginary", { family }) : family}
        </p>
        <Heading className="text-lg font-semibold text-slate-900">{localized(presentation.title, locale)}</Heading>
      </div>
      <ul className="list-disc space-y-1 pl-5 text-slate-700">
        {setup.map((line, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
      {presentation.given.length > 0 ? <GivenSegments presentation={presentation} /> : null}
      <Markdown text={localized(presentation.prompt, locale)} className="font-medium text-slate-900" />
    </div>
  );
}

function GivenSegments({ presentation }: { presentation: Presentation }) {
  const t = useTranslations("question.given");
  return (
    <DataTable
      caption={t("caption")}
      compact
      empty={t("empty")}
      columns={[
        { key: "n", header: "#", className: "font-mono text-slate-500" },
        { key: "sentAt", header: t("sentAt"), className: "font-mono" },
        { key: "from", header: t("sender") },
        { key: "flags", header: t("flags"), className: "font-mono" },
        { key: "seq", header: "seq", className: "font-mono" },
        { key: "ack", header: "ack", className: "font-mono" },
        { key: "data", header: t("data"), className: "font-mono" },
      ]}
      rows={presentation.given.map((s, i) => ({
        key: String(i),
        cells: {
          n: i + 1,
          sentAt: t("ms", { ms: s.sentAt }),
          from: t("from", { from: s.from }),
          flags: (
            <>
              {s.flags}
              {s.lost ? <span className="ml-1 font-sans text-rose-700">{t("lost")}</span> : null}
            </>
          ),
          seq: s.seq,
          ack: s.flags.includes("ACK") ? s.ack : "—",
          data: s.len ? t("bytes", { len: s.len }) : "—",
        },
      }))}
    />
  );
}
