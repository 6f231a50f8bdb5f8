"use client";
// Each published quiz's weight in the course total. Instructors change them here (PATCH
// /api/v1/courses/{courseId}/gradebook/weights, only the changed ones are recorded); a teaching
// assistant sees the same list read-only. A refusal is shown in the server's words beside the field.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { callApi } from "../api-client";
import { SaveRow, type Outcome } from "../form-fields";

type QuizWeight = { quizId: string; title: string; weight: number };

export function WeightsForm({ courseId, quizzes, editable }: { courseId: string; quizzes: readonly QuizWeight[]; editable: boolean }) {
  const t = useTranslations("gradebook.weights");
  const router = useRouter();
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(quizzes.map((q) => [q.quizId, String(q.weight)])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    const invalid: Record<string, string> = {};
    const weights = quizzes.map((q) => {
      const text = (values[q.quizId] ?? "").trim();
      const weight = Number(text);
      if (text === "" || !Number.isFinite(weight) || weight < 0 || weight > 100) invalid[q.quizId] = t("invalid");
      return { quizId: q.quizId, weight };
    });
    setErrors(invalid);
    if (Object.keys(invalid).length > 0) return setMessage(null);
    setBusy(true);
    const result = await callApi("PATCH", `/api/v1/courses/${courseId}/gradebook/weights`, { weights });
    setBusy(false);
    if (!result.ok) {
      const byField: Record<string, string> = {};
      for (const issue of result.issues) {
        const index = issue.path[1];
        if (issue.path[0] === "weights" && typeof index === "number" && quizzes[index]) byField[quizzes[index].quizId] = issue.message;
      }
      setErrors(byField);
      return setMessage({ ok: false, text: result.message });
    }
    setMessage({ ok: true, text: t("saved") });
    router.refresh();
  }

  return (
    <form onSubmit={save} className="space-y-3" noValidate aria-label={t("title")}>
      <p className="text-sm text-slate-600">{editable ? t("description") : `${t("description")} ${t("readOnly")}`}</p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {quizzes.map((q) => {
          const id = `weight-${q.quizId}`;
          const error = errors[q.quizId];
          return (
            <li key={q.quizId} className="flex flex-col gap-1">
              <label htmlFor={id} className="text-sm font-medium text-slate-800">
                <span className="sr-only">{t("weightOf", { quiz: q.title })}</span>
                <span aria-hidden="true">{q.title}</span>
              </label>
              <input
                id={id}
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step="any"
                readOnly={!editable}
                aria-invalid={error ? true : undefined}
                aria-describedby={error ? `${id}-error` : undefined}
                className={`w-32 rounded-lg border px-3 py-2 text-slate-900 ${editable ? "bg-white" : "bg-slate-100"} ${error ? "border-rose-500" : "border-slate-300"}`}
                value={values[q.quizId] ?? ""}
                onChange={(e) => setValues({ ...values, [q.quizId]: e.target.value })}
              />
              {error ? (
                <p id={`${id}-error`} className="text-sm text-rose-700">
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      <SaveRow editable={editable} busy={busy} label={t("save")} busyLabel={t("saving")} outcome={message} />
    </form>
  );
}
