"use client";
// The variety panel: the template sampled on many seeds (lib/authoring/variety.ts) — how many
// different scenarios and answers, which faults fired, and the seeds that fail, each a button
// that opens it in the preview.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonStyles } from "@/components/ui";
import type { VarietyReport, VarietyWarning } from "@/lib/authoring/variety";
import { varietyCall } from "./api";
import type { TemplateDraft } from "./template-draft";

export const VARIETY_SAMPLES = 50;

export function VarietyPanel({
  courseId,
  template,
  firstSeed,
  disabled,
  onOpenSeed,
}: {
  courseId: string;
  template: TemplateDraft;
  firstSeed: number;
  disabled: boolean;
  onOpenSeed: (seed: number) => void;
}) {
  const t = useTranslations("editor.variety");
  const [report, setReport] = useState<{ data: VarietyReport; ms: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    setError(null);
    const outcome = await varietyCall(courseId, template, VARIETY_SAMPLES, firstSeed);
    setRunning(false);
    if (outcome.ok) setReport({ data: outcome.data, ms: outcome.serverMs ?? outcome.totalMs });
    else {
      setReport(null);
      setError(outcome.message);
    }
  };
  const warningText = (w: VarietyWarning) => {
    switch (w.kind) {
      case "same-answer":
        return t("sameAnswer");
      case "same-scenario":
        return t("sameScenario");
      case "faults-never-fire":
        return t("faultsNeverFire", { rules: w.rules });
      case "failures":
        return t("failuresWarning", { count: w.count, seed: w.firstSeed });
    }
  };
  const r = report?.data;
  const fired = r ? (["dropped", "delayed", "duplicated", "queueDrops"] as const).filter((k) => r.faults[k] > 0) : [];
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t("description", { samples: VARIETY_SAMPLES })}</p>
      <div>
        <button type="button" className={buttonStyles.secondary} disabled={disabled || running} onClick={run}>
          {running ? t("running") : t("run", { samples: VARIETY_SAMPLES })}
        </button>
      </div>
      <div aria-live="polite">
        {error ? (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {error}
          </p>
        ) : null}
        {r && report ? (
          <div className="flex flex-col gap-3" data-testid="variety-report">
            <p className="text-sm text-slate-800">
              {t("summary", { usable: r.usable, samples: r.samples, first: r.firstSeed, last: r.firstSeed + r.samples - 1 })}{" "}
              <span className="text-slate-500">{t("time", { ms: Math.round(report.ms) })}</span>
            </p>
            <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
              <dt className="text-slate-600">{t("scenarios")}</dt>
              <dd className="font-mono text-slate-900">{r.distinctScenarios}</dd>
              <dt className="text-slate-600">{t("answers")}</dt>
              <dd className="font-mono text-slate-900">{r.distinctAnswers}</dd>
              <dt className="text-slate-600">{t("share")}</dt>
              <dd className="font-mono text-slate-900">{r.largestAnswerShare}</dd>
            </dl>
            <div>
              <h3 className="text-sm font-semibold text-slate-900">{t("faults")}</h3>
              {fired.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noFaults")}</p>
              ) : (
                <ul className="list-disc pl-5 text-sm text-slate-800">
                  {fired.map((k) => (
                    <li key={k}>{t(k, { count: r.faults[k] })}</li>
                  ))}
                </ul>
              )}
            </div>
            {r.warnings.length > 0 ? (
              <div className="rounded-lg bg-amber-50 px-3 py-2">
                <h3 className="text-sm font-semibold text-amber-900">{t("warnings")}</h3>
                <ul className="list-disc pl-5 text-sm text-amber-900">
                  {r.warnings.map((w) => (
                    <li key={w.kind}>{warningText(w)}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {r.failures.length > 0 ? (
              <div>
                <h3 className="text-sm font-semibold text-slate-900">{t("failures")}</h3>
                <ul className="flex flex-col gap-2 text-sm">
                  {r.failures.map((f) => (
                    <li key={f.seed} className="flex flex-wrap items-center gap-2">
                      <span className="break-all text-slate-800">{t("failure", { seed: f.seed, reason: f.reason })}</span>
                      <button type="button" className="text-accent-700 underline" onClick={() => onOpenSeed(f.seed)}>
                        {t("open", { seed: f.seed })}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
