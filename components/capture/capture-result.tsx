"use client";
// One captured connection against the engine: what was read from the capture (latency,
// vantage, ISNs, losses), the reconstructed scenario with a link that opens it in the
// sandbox, the engine's ladder, and the captured segments beside the engine's, each marked agrees or
// differs with the reasons in words (rendered by the API in the reader's language).
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useId } from "react";
import type { CaptureImport } from "@/lib/authoring/capture-import";
import { encodeShared, MAX_SHARED_CHARS } from "@/lib/authoring/client";
import { describeSegment, endpointName } from "@/lib/tcp/describe";
import type { Trace } from "@/lib/tcp/trace";
import { DataTable, type Column } from "../data-table";
import { Timeline } from "../timeline";
import { Badge, buttonStyles } from "../ui";
import type { EditableBank } from "../sandbox/make-question";
import { useText } from "../use-text";
import { CaptureQuestion } from "./capture-question";

type Analysis = NonNullable<CaptureImport["analysis"]>;
type Key = "frame" | "time" | "from" | "captured" | "engine" | "verdict";

export function CaptureResult({ analysis, banks }: { analysis: Analysis; banks: readonly EditableBank[] }) {
  const t = useTranslations("capture.result");
  const text = useText();
  const id = useId();
  const shared = encodeShared(analysis.scenario);
  const endpoints = analysis.scenario.endpoints as { client: { isn: number }; server: { isn: number } };
  const columns: Column<Key>[] = [
    { key: "frame", header: t("frame") },
    { key: "time", header: t("time") },
    { key: "from", header: t("from") },
    // The verdict before the segments it judges: on a phone it is what shows without scrolling.
    { key: "verdict", header: t("verdict") },
    { key: "captured", header: t("captured"), className: "font-mono text-xs" },
    { key: "engine", header: t("engine"), className: "font-mono text-xs" },
  ];
  const rows = analysis.rows.map((row, i) => {
    const from = row.capture?.from ?? row.engine?.from ?? "client";
    const engine = row.engine ? describeSegment(row.engine) : null;
    return {
      key: String(i),
      cells: {
        frame: row.capture ? row.capture.frame : t("none"),
        time: (row.capture?.tMs ?? row.engine?.tMs ?? 0).toFixed(1),
        from: text(endpointName(from)),
        captured: row.capture ? describeSegment(row.capture) : t("none"),
        engine: engine === null ? t("none") : row.engine?.lost ? t("lost", { segment: engine }) : engine,
        verdict: row.agree ? (
          <Badge tone="accent">{t("agree")}</Badge>
        ) : (
          <div className="flex flex-col items-start gap-1">
            <Badge tone="rose">{t("differs")}</Badge>
            <ul className="list-disc pl-4 text-xs text-slate-700">
              {row.reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        ),
      },
    };
  });

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id={`${id}-title`} className="mb-3 text-lg font-semibold text-slate-900">
        {t("title", { id: String(analysis.connection) })}
      </h2>
      <dl className="grid grid-cols-1 gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
        <dt className="text-slate-600">{t("capturedAt")}</dt>
        <dd>
          {analysis.vantage === analysis.inferredVantage
            ? t("inferred", { side: analysis.vantage })
            : t("side", { side: analysis.vantage })}
        </dd>
        <dt className="text-slate-600">{t("latency")}</dt>
        <dd>{t("latencyValue", { ms: String(analysis.latencyMs) })}</dd>
        <dt className="text-slate-600">{t("isns")}</dt>
        <dd className="break-words">{t("isnValue", { client: String(endpoints.client.isn), server: String(endpoints.server.isn) })}</dd>
        <dt className="text-slate-600">{t("agreement")}</dt>
        <dd>
          <Badge tone={analysis.agreeing === analysis.rows.length ? "accent" : "amber"}>
            {t("agreeing", { agree: analysis.agreeing, total: analysis.rows.length })}
          </Badge>
        </dd>
      </dl>

      <h3 className="mt-4 mb-1 font-medium text-slate-900">{t("notes")}</h3>
      <ul className="list-disc pl-5 text-sm text-slate-700">
        {analysis.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>

      <div className="mt-4 flex flex-col gap-1">
        {shared.length <= MAX_SHARED_CHARS ? (
          <>
            <Link href={`/sandbox?s=${shared}`} className={`${buttonStyles.primary} self-start`}>
              {t("openInSandbox")}
            </Link>
            <p className="text-xs text-slate-600">{t("sandboxHint")}</p>
          </>
        ) : (
          <p className="text-sm text-amber-900">{t("tooLong")}</p>
        )}
      </div>

      {banks.length > 0 ? (
        <div className="mt-4">
          <CaptureQuestion run={analysis} connection={analysis.connection} banks={banks} />
        </div>
      ) : null}

      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("scenario")}</summary>
        <pre
          className="relative mt-2 max-h-80 overflow-auto rounded-lg bg-slate-50 p-3 text-xs text-slate-800"
          role="region"
          aria-label={t("scenario")}
          tabIndex={0}
        >
          {JSON.stringify(analysis.scenario, null, 2)}
        </pre>
      </details>

      {/* One above the other: the ladder is 640 px wide and the table six columns, so side by side
          in the page's width both would scroll. */}
      <div className="mt-6 flex flex-col gap-6">
        <div className="min-w-0">
          <Timeline trace={analysis.trace as unknown as Trace} showStates title={t("ladder")} />
        </div>
        <div className="min-w-0">
          <DataTable caption={t("segments")} columns={columns} rows={rows} empty={t("none")} />
        </div>
      </div>
    </section>
  );
}
