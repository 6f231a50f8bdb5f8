"use client";
// A quiz's settings: title, mode, window (in the reader's time zone), time limit, attempts,
// which attempt counts, feedback release, order, sections and the access password. Creating
// posts to the quiz API and opens the builder; editing patches it. The server validates, and
// each problem it names is shown beside its field.
import { useTimeZone, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, type FormEvent, type ReactNode } from "react";
import { Field, FormMessage } from "@/components/form-fields";
import { buttonStyles } from "@/components/ui";
import type { QuizDetail } from "@/lib/authoring/quizzes";
import type { FeedbackRelease, QuizMode, ScoreRule } from "@/lib/db/quiz-values";
import type { FormState } from "@/lib/forms";
import { callApi, fieldErrorsOf } from "./api";
import { isoToZoned, zonedToIso } from "./zoned-time";

const selectClass = "w-full min-w-0 rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm";

function Choice({
  name,
  label,
  errors,
  children,
  ...rest
}: { name: string; label: string; errors?: string[]; children: ReactNode } & React.SelectHTMLAttributes<HTMLSelectElement>) {
  const id = `field-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        className={selectClass}
        aria-invalid={errors ? true : undefined}
        aria-describedby={errors ? `${id}-error` : undefined}
        {...rest}
      >
        {children}
      </select>
      {errors ? (
        <p id={`${id}-error`} className="text-sm text-rose-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

const numberOrNull = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === "" ? null : Number(v));

export function QuizSettingsForm({
  courseId,
  quiz,
  sections,
  canEdit,
  options,
}: {
  courseId: string;
  /** The values each choice offers (lib/db/quiz-values.ts, handed down: components import no server module). */
  options: { modes: readonly QuizMode[]; scoreRules: readonly ScoreRule[]; releases: readonly FeedbackRelease[] };
  /** Absent: a new quiz. */
  quiz?: QuizDetail;
  sections: string[];
  canEdit: boolean;
}) {
  const t = useTranslations("quizBuilder.settings");
  const zone = useTimeZone() ?? "UTC";
  const router = useRouter();
  const [state, setState] = useState<FormState>({ ok: false });
  const [release, setRelease] = useState<FeedbackRelease>(quiz?.feedbackRelease ?? "IMMEDIATELY");
  const [busy, setBusy] = useState(false);
  const errors = state.fieldErrors ?? {};

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const element = event.currentTarget;
    const form = new FormData(element);
    const when = (name: string) => {
      const value = String(form.get(name) ?? "");
      return value === "" ? null : (zonedToIso(value, zone) ?? value);
    };
    const body: Record<string, unknown> = {
      title: String(form.get("title") ?? ""),
      mode: form.get("mode"),
      opensAt: when("opensAt"),
      closesAt: when("closesAt"),
      timeLimitMinutes: numberOrNull(form.get("timeLimitMinutes")),
      attemptsAllowed: numberOrNull(form.get("attemptsAllowed")),
      scoreRule: form.get("scoreRule"),
      feedbackRelease: form.get("feedbackRelease"),
      releaseAt: release === "ON_DATE" ? when("releaseAt") : null,
      shuffle: form.get("shuffle") === "on",
      sections: form.getAll("sections").map(String),
    };
    const password = String(form.get("accessPassword") ?? "");
    if (form.get("removePassword") === "on") body.accessPassword = null;
    else if (password !== "") body.accessPassword = password;
    setBusy(true);
    const result = quiz
      ? await callApi<QuizDetail>("PATCH", `/api/v1/courses/${courseId}/quizzes/${quiz.id}`, body)
      : await callApi<QuizDetail>("POST", `/api/v1/courses/${courseId}/quizzes`, body);
    setBusy(false);
    if (!result.ok) {
      setState({ ok: false, message: result.message || t("failed"), fieldErrors: fieldErrorsOf(result.issues) });
      return;
    }
    if (!quiz) {
      router.push(`/courses/${courseId}/quizzes/${result.data.id}/edit`);
      return;
    }
    // The password was sent once; the field empties so a later save does not send it again.
    const passwordField = element.elements.namedItem("accessPassword");
    if (passwordField instanceof HTMLInputElement) passwordField.value = "";
    setState({ ok: true, message: t("saved") });
    router.refresh();
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      <fieldset disabled={!canEdit || busy} className="flex flex-col gap-4">
        <Field name="title" label={t("title")} state={state} defaultValue={quiz?.title ?? ""} required maxLength={200} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Choice name="mode" label={t("mode")} defaultValue={quiz?.mode ?? "PRACTICE"} errors={errors.mode}>
            {options.modes.map((m) => (
              <option key={m} value={m}>
                {t("modeOption", { mode: m })}
              </option>
            ))}
          </Choice>
          <Choice name="scoreRule" label={t("scoreRule")} defaultValue={quiz?.scoreRule ?? "HIGHEST"} errors={errors.scoreRule}>
            {options.scoreRules.map((r) => (
              <option key={r} value={r}>
                {t("scoreRuleOption", { rule: r })}
              </option>
            ))}
          </Choice>
        </div>
        <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold text-slate-800">{t("window")}</legend>
          <p className="text-xs text-slate-600">{t("windowHint", { zone })}</p>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field
              name="opensAt"
              label={t("opensAt")}
              state={state}
              type="datetime-local"
              defaultValue={isoToZoned(quiz?.opensAt ?? null, zone)}
            />
            <Field
              name="closesAt"
              label={t("closesAt")}
              state={state}
              type="datetime-local"
              defaultValue={isoToZoned(quiz?.closesAt ?? null, zone)}
            />
          </div>
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="timeLimitMinutes"
            label={t("timeLimit")}
            hint={t("timeLimitHint")}
            state={state}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            defaultValue={quiz?.timeLimitMinutes ?? ""}
          />
          <Field
            name="attemptsAllowed"
            label={t("attemptsAllowed")}
            hint={t("attemptsHint")}
            state={state}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            defaultValue={quiz?.attemptsAllowed ?? ""}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Choice
            name="feedbackRelease"
            label={t("feedbackRelease")}
            value={release}
            onChange={(e) => setRelease(e.target.value as FeedbackRelease)}
            errors={errors.feedbackRelease}
          >
            {options.releases.map((r) => (
              <option key={r} value={r}>
                {t("feedbackOption", { release: r })}
              </option>
            ))}
          </Choice>
          {release === "ON_DATE" ? (
            <Field
              name="releaseAt"
              label={t("releaseAt")}
              state={state}
              type="datetime-local"
              defaultValue={isoToZoned(quiz?.releaseAt ?? null, zone)}
            />
          ) : null}
        </div>
        <label className="flex items-center gap-2 text-sm text-slate-800">
          <input type="checkbox" name="shuffle" defaultChecked={quiz?.shuffle ?? false} className="h-4 w-4" />
          {t("shuffle")}
        </label>
        <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold text-slate-800">{t("sections")}</legend>
          <p className="text-xs text-slate-600">{sections.length > 0 ? t("sectionsHint") : t("noSections")}</p>
          <div className="flex flex-wrap gap-4">
            {sections.map((s) => (
              <label key={s} className="flex items-center gap-2 text-sm text-slate-800">
                <input type="checkbox" name="sections" value={s} defaultChecked={quiz?.sections.includes(s) ?? false} className="h-4 w-4" />
                {s}
              </label>
            ))}
          </div>
          {errors.sections ? <p className="text-sm text-rose-700">{errors.sections.join(" ")}</p> : null}
        </fieldset>
        <fieldset className="flex flex-col gap-2 rounded-lg border border-slate-200 p-3">
          <legend className="px-1 text-sm font-semibold text-slate-800">{t("password")}</legend>
          <p className="text-xs text-slate-600">{quiz?.hasPassword ? t("passwordSet") : t("passwordNone")}</p>
          <Field
            name="accessPassword"
            label={quiz?.hasPassword ? t("changePassword") : t("newPassword")}
            state={state}
            type="password"
            autoComplete="new-password"
            maxLength={128}
          />
          {quiz?.hasPassword ? (
            <label className="flex items-center gap-2 text-sm text-slate-800">
              <input type="checkbox" name="removePassword" className="h-4 w-4" />
              {t("removePassword")}
            </label>
          ) : null}
        </fieldset>
      </fieldset>
      <FormMessage state={state} />
      {canEdit ? (
        <div>
          <button type="submit" className={buttonStyles.primary} disabled={busy}>
            {busy ? t("saving") : quiz ? t("save") : t("create")}
          </button>
        </div>
      ) : null}
    </form>
  );
}
