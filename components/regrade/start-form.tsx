"use client";
// Starting a regrade: what to regrade (a quiz, or one question in every quiz of the course)
// and the options, then a dry run through /api/v1 (createRegrade); the job's page follows it.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "@/components/api-client";
import { buttonStyles } from "@/components/ui";
import type { RegradeJobView } from "@/lib/regrade/schemas";

export type QuestionChoice = { bankId: string; key: string; title: string; bankTitle: string };

const selectClass = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm";

export function RegradeStartForm({
  courseId,
  quizzes,
  questions,
  initial,
}: {
  courseId: string;
  quizzes: { id: string; title: string }[];
  questions: QuestionChoice[];
  initial: { quizId?: string; bankId?: string; key?: string };
}) {
  const t = useTranslations("regrade.start");
  const router = useRouter();
  const initialQuestion = initial.bankId && initial.key ? `${initial.bankId}/${initial.key}` : "";
  const [scope, setScope] = useState<"quiz" | "question">(initialQuestion && !initial.quizId ? "question" : "quiz");
  const [quizId, setQuizId] = useState(initial.quizId ?? quizzes[0]?.id ?? "");
  const [question, setQuestion] = useState(initialQuestion || (questions[0] ? `${questions[0].bankId}/${questions[0].key}` : ""));
  const [latestVersion, setLatestVersion] = useState(true);
  const [keepOverrides, setKeepOverrides] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const slash = question.indexOf("/");
    const target = scope === "quiz" ? { quizId } : { bankId: question.slice(0, slash), questionKey: question.slice(slash + 1) };
    const result = await callApi<RegradeJobView>("POST", `/api/v1/courses/${courseId}/regrade`, {
      ...target,
      mode: "DRY_RUN",
      latestVersion,
      keepOverrides,
    });
    if (!result.ok) {
      setBusy(false);
      setError(result.message);
      return;
    }
    router.push(`/courses/${courseId}/regrade/${result.data.id}`);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-5">
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-medium text-slate-900">{t("scopeLegend")}</legend>
        <label className="flex items-center gap-2">
          <input type="radio" name="scope" value="quiz" checked={scope === "quiz"} onChange={() => setScope("quiz")} />
          {t("scopeQuiz")}
        </label>
        {scope === "quiz" ? (
          <div className="flex flex-col gap-1 pl-6">
            <label htmlFor="regrade-quiz" className="text-sm font-medium text-slate-800">
              {t("quiz")}
            </label>
            <select id="regrade-quiz" className={selectClass} value={quizId} onChange={(e) => setQuizId(e.target.value)}>
              {quizzes.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <label className="flex items-center gap-2">
          <input type="radio" name="scope" value="question" checked={scope === "question"} onChange={() => setScope("question")} />
          {t("scopeQuestion")}
        </label>
        {scope === "question" ? (
          <div className="flex flex-col gap-1 pl-6">
            <label htmlFor="regrade-question" className="text-sm font-medium text-slate-800">
              {t("question")}
            </label>
            <select id="regrade-question" className={selectClass} value={question} onChange={(e) => setQuestion(e.target.value)}>
              {questions.map((q) => (
                <option key={`${q.bankId}/${q.key}`} value={`${q.bankId}/${q.key}`}>
                  {t("questionOption", { bank: q.bankTitle, title: q.title, key: q.key })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 font-medium text-slate-900">{t("optionsLegend")}</legend>
        <div>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={latestVersion}
              onChange={(e) => setLatestVersion(e.target.checked)}
              aria-describedby="regrade-latest-hint"
            />
            {t("latestVersion")}
          </label>
          <p id="regrade-latest-hint" className="pl-6 text-xs text-slate-600">
            {t("latestVersionHint")}
          </p>
        </div>
        <div>
          <label className="flex items-start gap-2">
            <input
              type="checkbox"
              className="mt-1"
              checked={keepOverrides}
              onChange={(e) => setKeepOverrides(e.target.checked)}
              aria-describedby="regrade-keep-hint"
            />
            {t("keepOverrides")}
          </label>
          <p id="regrade-keep-hint" className="pl-6 text-xs text-slate-600">
            {t("keepOverridesHint")}
          </p>
        </div>
      </fieldset>
      {error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {error}
        </p>
      ) : null}
      <div>
        <button type="submit" className={buttonStyles.primary} disabled={busy || (scope === "quiz" ? !quizId : !question)}>
          {busy ? t("starting") : t("submit")}
        </button>
      </div>
    </form>
  );
}
