"use client";
// What each quiz is called in one LMS, and its id there where the LMS has ids (a Canvas
// assignment, a Blackboard column): PUT /api/v1/courses/{courseId}/grades/lms-columns. The file
// then writes the quiz's grades to that column. Instructors change them; the other staff read them.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { LMS_WITH_IDS, type LmsColumns, type LmsFormat } from "@/lib/lms/grades-client";
import { callApi } from "../api-client";
import { SaveRow, type Outcome } from "../form-fields";
import { fieldClass } from "../ui";

type Values = Record<string, { title: string; externalId: string }>;

export function LmsColumnsForm({
  courseId,
  lms,
  lmsName,
  quizzes,
  editable,
  onSaved,
}: {
  courseId: string;
  lms: LmsFormat;
  lmsName: string;
  quizzes: LmsColumns["quizzes"];
  editable: boolean;
  onSaved: () => void;
}) {
  const t = useTranslations("lmsGrades.mapping");
  const router = useRouter();
  const withIds = LMS_WITH_IDS.includes(lms);
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(
      quizzes.map((q) => {
        const column = q.columns.find((c) => c.lms === lms);
        return [q.quizId, { title: column?.title ?? "", externalId: column?.externalId ?? "" }];
      }),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const columns = quizzes.map((q) => {
      const v = values[q.quizId];
      return { quizId: q.quizId, title: v.title.trim() || null, externalId: withIds ? v.externalId.trim() || null : null };
    });
    const result = await callApi("PUT", `/api/v1/courses/${courseId}/grades/lms-columns`, { lms, columns });
    setBusy(false);
    if (!result.ok) {
      const byField: Record<string, string> = {};
      for (const issue of result.issues) {
        const [root, index, field] = issue.path;
        if (root === "columns" && typeof index === "number" && quizzes[index])
          byField[`${quizzes[index].quizId}:${String(field)}`] = issue.message;
      }
      setErrors(byField);
      return setMessage({ ok: false, text: result.message });
    }
    setErrors({});
    setMessage({ ok: true, text: t("saved") });
    onSaved();
    router.refresh();
  }

  const input = (quizId: string, field: "title" | "externalId", label: string, placeholder: string) => {
    const id = `lms-${field}-${quizId}`;
    const error = errors[`${quizId}:${field}`];
    return (
      <>
        <label htmlFor={id} className="sr-only">
          {label}
        </label>
        <input
          id={id}
          className={`w-full ${fieldClass} ${field === "externalId" ? "font-mono" : ""} ${editable ? "" : "bg-slate-100"} ${error ? "border-rose-500" : ""}`}
          value={values[quizId][field]}
          placeholder={placeholder}
          readOnly={!editable}
          inputMode={field === "externalId" ? "numeric" : undefined}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => setValues({ ...values, [quizId]: { ...values[quizId], [field]: e.target.value } })}
        />
        {error ? (
          <p id={`${id}-error`} className="text-sm text-rose-700">
            {error}
          </p>
        ) : null}
      </>
    );
  };

  return (
    <form onSubmit={save} className="space-y-3" noValidate aria-label={t("title")}>
      <p className="text-sm text-slate-600">
        {t("description", { lms: lmsName })} {editable ? null : t("readOnly")}
      </p>
      {withIds ? <p className="text-sm text-slate-600">{lms === "canvas" ? t("idHint.canvas") : t("idHint.blackboard")}</p> : null}
      <ul className="space-y-3">
        {quizzes.map((q) => (
          <li key={q.quizId} className="grid gap-2 sm:grid-cols-[minmax(0,1fr)_minmax(0,1.5fr)_minmax(0,1fr)] sm:items-start">
            <span className="break-words text-sm font-medium text-slate-800 sm:pt-2">{q.title}</span>
            <div>{input(q.quizId, "title", t("titleOf", { quiz: q.title }), q.title)}</div>
            {withIds ? <div>{input(q.quizId, "externalId", t("idOf", { quiz: q.title }), t("idHeader"))}</div> : null}
          </li>
        ))}
      </ul>
      <SaveRow editable={editable} busy={busy} label={t("save")} busyLabel={t("saving")} outcome={message} />
    </form>
  );
}
