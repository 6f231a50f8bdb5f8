"use client";
// Per-student accommodations on a quiz: a time factor, extra minutes and a later close. The
// student's deadline applies them (the attempt rules); here they are set and removed.
import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { DataTable } from "@/components/data-table";
import { OutcomeMessage, type Outcome } from "@/components/form-fields";
import { buttonStyles, fieldClass } from "@/components/ui";
import type { BuilderChoices, QuizDetail } from "@/lib/authoring/quizzes";
import { callApi, fieldErrorsOf } from "./api";
import { zonedToIso } from "./zoned-time";

const inputClass = fieldClass;

export function Accommodations({
  courseId,
  quiz,
  students,
  canEdit,
}: {
  courseId: string;
  quiz: QuizDetail;
  students: BuilderChoices["students"];
  canEdit: boolean;
}) {
  const t = useTranslations("quizBuilder.accommodations");
  const format = useFormatter();
  const zone = useTimeZone() ?? "UTC";
  const router = useRouter();
  const uid = useId();
  const [message, setMessage] = useState<Outcome | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const base = `/api/v1/courses/${courseId}/quizzes/${quiz.id}/accommodations`;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const num = (name: string) => (String(form.get(name) ?? "").trim() === "" ? null : Number(form.get(name)));
    const close = String(form.get("closesAt") ?? "");
    const userId = String(form.get("student") ?? "");
    setBusy(true);
    const result = await callApi("PUT", `${base}/${encodeURIComponent(userId)}`, {
      timeFactor: num("timeFactor"),
      extraMinutes: num("extraMinutes"),
      closesAt: close === "" ? null : (zonedToIso(close, zone) ?? close),
    });
    setBusy(false);
    if (!result.ok) {
      setErrors(fieldErrorsOf(result.issues));
      return setMessage({ ok: false, text: result.message || t("failed") });
    }
    setErrors({});
    setMessage({ ok: true, text: t("saved") });
    router.refresh();
  }

  async function remove(userId: string) {
    setBusy(true);
    const result = await callApi("DELETE", `${base}/${encodeURIComponent(userId)}`);
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.message || t("failed") });
    setMessage({ ok: true, text: t("removed") });
    router.refresh();
  }

  const error = (name: string) =>
    errors[name] ? (
      <p id={`${uid}-${name}-error`} className="text-sm text-rose-700">
        {errors[name].join(" ")}
      </p>
    ) : null;
  const describedBy = (name: string) => (errors[name] ? `${uid}-${name}-error` : undefined);

  return (
    <div className="flex flex-col gap-4">
      <DataTable
        caption={t("caption")}
        hideCaption
        empty={t("empty")}
        columns={[
          { key: "student", header: t("student"), sortable: true },
          { key: "time", header: t("time") },
          { key: "closes", header: t("closesAt") },
          ...(canEdit ? [{ key: "actions" as const, header: t("actions") }] : []),
        ]}
        rows={quiz.accommodations.map((a) => ({
          key: a.userId,
          cells: {
            student: a.name,
            time: t("timeValue", { factor: a.timeFactor ?? 1, extra: a.extraMinutes ?? 0 }),
            closes: a.closesAt ? format.dateTime(new Date(a.closesAt), { dateStyle: "medium", timeStyle: "short" }) : t("quizClose"),
            actions: (
              <button type="button" className="text-rose-700 underline" onClick={() => remove(a.userId)} disabled={busy}>
                {t("remove", { name: a.name })}
              </button>
            ),
          },
        }))}
      />
      {canEdit ? (
        students.length === 0 ? (
          <p className="text-sm text-slate-700">{t("noStudents")}</p>
        ) : (
          <form onSubmit={save} noValidate className="grid gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-2">
            <label className="flex flex-col gap-1 text-sm font-medium text-slate-800 sm:col-span-2">
              {t("student")}
              <select name="student" className={`${inputClass} w-full`}>
                {students.map((s) => (
                  <option key={s.id} value={s.id}>
                    {t("studentOption", { name: s.name, email: s.email })}
                  </option>
                ))}
              </select>
            </label>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${uid}-factor`} className="text-sm font-medium text-slate-800">
                {t("timeFactor")}
              </label>
              <input
                id={`${uid}-factor`}
                name="timeFactor"
                type="number"
                min={1}
                max={5}
                step="0.05"
                inputMode="decimal"
                placeholder="1.5"
                className={inputClass}
                aria-invalid={errors.timeFactor ? true : undefined}
                aria-describedby={describedBy("timeFactor")}
              />
              {error("timeFactor")}
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${uid}-extra`} className="text-sm font-medium text-slate-800">
                {t("extraMinutes")}
              </label>
              <input
                id={`${uid}-extra`}
                name="extraMinutes"
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                className={inputClass}
                aria-invalid={errors.extraMinutes ? true : undefined}
                aria-describedby={describedBy("extraMinutes")}
              />
              {error("extraMinutes")}
            </div>
            <div className="flex flex-col gap-1 sm:col-span-2">
              <label htmlFor={`${uid}-close`} className="text-sm font-medium text-slate-800">
                {t("laterClose")}
              </label>
              <input
                id={`${uid}-close`}
                name="closesAt"
                type="datetime-local"
                className={inputClass}
                aria-invalid={errors.closesAt ? true : undefined}
                aria-describedby={describedBy("closesAt")}
              />
              {error("closesAt")}
            </div>
            <div className="sm:col-span-2">
              <button type="submit" className={buttonStyles.primary} disabled={busy}>
                {t("save")}
              </button>
            </div>
          </form>
        )
      ) : null}
      <OutcomeMessage outcome={message} />
    </div>
  );
}
