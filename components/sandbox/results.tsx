"use client";
// What a run shows: the ladder diagram (the students' own timeline), both endpoints' state
// sequences, and the trace event by event with the RFC rule behind each state change.
import { useTranslations } from "next-intl";
import { describeEvent, endpointName, ruleReason } from "@/lib/tcp/describe";
import type { State, Trace } from "@/lib/tcp/trace";
import { Timeline } from "../timeline";
import { useText } from "../use-text";

export type RunResult = { scenario: unknown; trace: Trace; states: { client: State[]; server: State[] } };

export function Results({ run }: { run: RunResult }) {
  const t = useTranslations("sandbox.results");
  const text = useText();
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="sb-states" className="flex flex-col gap-2">
        <h3 id="sb-states" className="text-base font-semibold text-slate-900">
          {t("states")}
        </h3>
        <dl className="grid gap-2 text-sm">
          {(["client", "server"] as const).map((endpoint) => (
            <div key={endpoint} className="flex flex-col gap-1 sm:flex-row sm:gap-3">
              <dt className="w-20 shrink-0 font-medium text-slate-800">{text(endpointName(endpoint))}</dt>
              <dd className="break-words font-mono text-slate-900" data-testid={`sb-states-${endpoint}`}>
                {run.states[endpoint].join(" → ")}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <Timeline trace={run.trace} showStates title={t("ladder")} />

      {/* A div, not a section: the scroll box below is the region named "Trace". */}
      <div className="flex flex-col gap-2">
        <h3 id="sb-trace" className="text-base font-semibold text-slate-900">
          {t("trace")}
        </h3>
        {/* relative: the cells' screen-reader-only words stay inside the scroll box, not beside the page. */}
        <div
          className="relative max-h-[36rem] overflow-auto rounded-lg border border-slate-200"
          role="region"
          aria-labelledby="sb-trace"
          tabIndex={0}
        >
          <table className="w-full min-w-[36rem] text-left text-sm">
            <caption className="sr-only">{t("traceCaption", { count: run.trace.events.length })}</caption>
            <thead className="sticky top-0 bg-slate-50 text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("time")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("endpoint")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("event")}
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t("rule")}
                </th>
              </tr>
            </thead>
            <tbody>
              {run.trace.events.map((e, i) => (
                <tr key={i} className="border-t border-slate-100 align-top">
                  <td className="whitespace-nowrap px-3 py-1.5 font-mono">{t("ms", { ms: e.t })}</td>
                  <td className="px-3 py-1.5">{text(endpointName(e.endpoint))}</td>
                  <td className="px-3 py-1.5">{text(describeEvent(e))}</td>
                  <td className="px-3 py-1.5 text-slate-700">
                    {e.type === "state" ? (
                      <>
                        {text(ruleReason(e.ruleId))} <span className="whitespace-nowrap font-mono text-xs text-slate-600">({e.rule})</span>
                      </>
                    ) : (
                      <span className="sr-only">{t("noRule")}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </div>
  );
}
