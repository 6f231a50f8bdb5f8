"use client";
// A regrade as it runs and once done: progress polled from /api/v1 (getRegrade) while the job
// is queued or running, then every score that changes (old → new, with the reasons), the
// versions kept, the totals per student that move, and for an instructor the Apply button
// (applyRegrade). The job runs on the server: closing the page loses nothing.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { callApi } from "@/components/api-client";
import { DataTable } from "@/components/data-table";
import { buttonStyles, Card } from "@/components/ui";
import { useText } from "@/components/use-text";
import type { RegradeJobView, RegradeResult } from "@/lib/regrade/schemas";

const POLL_MS = 1000;
/** Rows shown per table; the API has them all. */
const MAX_ROWS = 500;

type Reason = RegradeResult["changes"][number]["reasons"][number];

export function RegradeJob({ courseId, initial, canApply }: { courseId: string; initial: RegradeJobView; canApply: boolean }) {
  const t = useTranslations("regrade.job");
  const text = useText();
  const router = useRouter();
  const [job, setJob] = useState(initial);
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const running = job.status === "QUEUED" || job.status === "RUNNING";

  useEffect(() => {
    if (!running) return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const result = await callApi<RegradeJobView>("GET", `/api/v1/courses/${courseId}/regrade/${job.id}`, undefined, controller.signal);
        if (result.ok) setJob(result.data);
        else setError(result.message);
      } catch {
        // aborted: the page is going away
      }
    }, POLL_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [courseId, job, running]);

  async function apply() {
    setApplying(true);
    setError(null);
    const result = await callApi<RegradeJobView>("POST", `/api/v1/courses/${courseId}/regrade/${job.id}/apply`);
    if (!result.ok) {
      setApplying(false);
      setError(result.message);
      return;
    }
    router.push(`/courses/${courseId}/regrade/${result.data.id}`);
  }

  const reasonText = (r: Reason): string => {
    switch (r.kind) {
      case "graderVersion":
        return r.from === null ? t("reason.graderVersionNew", { to: r.to }) : t("reason.graderVersion", { from: r.from, to: r.to });
      case "points":
        return t("reason.points", { from: r.from, to: r.to });
      case "questionVersion":
        return t("reason.questionVersion", { from: r.from, to: r.to });
      case "parts":
        return r.parts.length ? t("reason.parts", { parts: r.parts.map((p) => text(p)).join(", ") }) : t("reason.partsNone");
      case "rule":
        return r.to === null ? t("reason.ruleGone", { from: r.from ?? "" }) : t("reason.rule", { to: r.to });
    }
  };
  const score = (s: number, max: number) => t("score", { score: Math.round(s * 100) / 100, max: Math.round(max * 100) / 100 });
  const result = job.result;

  return (
    <div className="flex flex-col gap-6">
      <Card>
        <p className="flex flex-wrap gap-x-3 text-sm">
          <span className="font-medium text-slate-700">{t("mode", { mode: job.mode })}</span>
          <span role="status" className="text-slate-900">
            {t("status", { status: job.status })}
          </span>
        </p>
        <p className="mt-2 text-sm text-slate-700">
          {t("options", { latest: String(job.latestVersion), keep: String(job.keepOverrides) })}
        </p>
        {running ? (
          <div className="mt-4 flex flex-col gap-1">
            <label htmlFor="regrade-progress" className="text-sm font-medium text-slate-800">
              {t("progressLabel")}
            </label>
            <progress id="regrade-progress" className="w-full" max={Math.max(job.total, 1)} value={job.done} />
            <p className="text-sm text-slate-700">{t("progress", { done: job.done, total: job.total })}</p>
            <p className="text-xs text-slate-600">{t("offPage")}</p>
          </div>
        ) : null}
        {job.status === "FAILED" ? (
          <p role="alert" className="mt-4 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {t("failed", { error: job.error ?? "" })}
          </p>
        ) : null}
        {result ? (
          <p className="mt-4 text-slate-900" data-testid="regrade-summary">
            {t("summary", {
              total: result.total,
              changed: result.changes.length,
              refreshed: result.refreshed,
              students: result.students.length,
            })}
          </p>
        ) : null}
        {result && result.changes.length === 0 && result.refreshed === 0 ? (
          <p className="mt-2 text-slate-700">{t("nothingChanges")}</p>
        ) : null}
        {result?.applied ? (
          <div className="mt-4 rounded-lg bg-accent-50 px-3 py-2 text-sm text-accent-800">
            <p className="font-medium">{t("appliedTitle")}</p>
            <p>{t("applied", { written: result.applied.written })}</p>
            {result.applied.skipped.length > 0 ? <p>{t("skipped", { count: result.applied.skipped.length })}</p> : null}
          </div>
        ) : null}
        {job.mode === "DRY_RUN" && job.status === "DONE" ? (
          <div className="mt-4 flex flex-col gap-2">
            {job.applyJobId ? (
              <a className="text-accent-700 underline" href={`/courses/${courseId}/regrade/${job.applyJobId}`}>
                {t("appliedAs")}
              </a>
            ) : canApply ? (
              <>
                <p className="text-sm text-slate-700">{t("applyHint")}</p>
                <div>
                  <button type="button" className={buttonStyles.primary} onClick={apply} disabled={applying}>
                    {applying ? t("applying") : t("apply")}
                  </button>
                </div>
              </>
            ) : (
              <p className="text-sm text-slate-700">{t("applyStaffOnly")}</p>
            )}
          </div>
        ) : null}
        {error ? (
          <p role="alert" className="mt-4 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {error}
          </p>
        ) : null}
      </Card>

      {result && result.changes.length > 0 ? (
        <Card title={t("changesTitle")}>
          <DataTable
            caption={t("changesCaption")}
            hideCaption
            empty={t("nothingChanges")}
            columns={[
              { key: "student", header: t("colStudent"), sortable: true },
              { key: "attempt", header: t("colAttempt"), sortable: true, className: "whitespace-nowrap" },
              { key: "question", header: t("colQuestion"), sortable: true },
              { key: "old", header: t("colOld"), sortable: true, className: "whitespace-nowrap" },
              { key: "new", header: t("colNew"), sortable: true, className: "whitespace-nowrap" },
              { key: "reasons", header: t("colReasons") },
            ]}
            rows={result.changes.slice(0, MAX_ROWS).map((c) => ({
              key: c.responseId,
              sortValues: { old: c.oldScore, new: c.newScore, attempt: c.number, question: c.position },
              cells: {
                student: c.studentName,
                attempt: t("attemptNumber", { number: c.number }),
                question: t("questionAt", { position: c.position, key: c.questionKey }),
                old: score(c.oldScore, c.oldMax),
                new: score(c.newScore, c.newMax),
                reasons: (
                  <ul className="list-disc pl-4">
                    {c.reasons.map((r, i) => (
                      <li key={i}>{reasonText(r)}</li>
                    ))}
                    {c.override ? (
                      <li>
                        {c.override.cleared
                          ? t("overrideCleared", { score: c.override.score })
                          : t("overrideKept", { score: c.override.score })}
                      </li>
                    ) : null}
                  </ul>
                ),
              },
            }))}
          />
          {result.changes.length > MAX_ROWS ? (
            <p className="mt-2 text-sm text-slate-600">{t("moreRows", { shown: MAX_ROWS, total: result.changes.length })}</p>
          ) : null}
        </Card>
      ) : null}

      {result && result.kept.length > 0 ? (
        <Card title={t("keptTitle")}>
          <p className="text-slate-700">{t("kept", { count: result.kept.length })}</p>
        </Card>
      ) : null}

      {result && result.students.length > 0 ? (
        <Card title={t("studentsTitle")}>
          <DataTable
            caption={t("studentsCaption")}
            hideCaption
            empty={t("nothingChanges")}
            columns={[
              { key: "student", header: t("colStudent"), sortable: true },
              { key: "quiz", header: t("colQuiz"), sortable: true },
              { key: "old", header: t("colOld"), sortable: true, className: "whitespace-nowrap" },
              { key: "new", header: t("colNew"), sortable: true, className: "whitespace-nowrap" },
            ]}
            rows={result.students.slice(0, MAX_ROWS).map((s) => ({
              key: `${s.userId}/${s.quizId}`,
              sortValues: { old: s.old.score, new: s.new.score },
              cells: {
                student: s.studentName,
                quiz: s.quizTitle,
                old: score(s.old.score, s.old.maxScore),
                new: score(s.new.score, s.new.maxScore),
              },
            }))}
          />
          {result.students.length > MAX_ROWS ? (
            <p className="mt-2 text-sm text-slate-600">{t("moreRows", { shown: MAX_ROWS, total: result.students.length })}</p>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
