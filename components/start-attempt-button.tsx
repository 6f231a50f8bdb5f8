"use client";
// Starting an attempt from the course page. An exam with an access password shows its
// password field here; what is wrong with the password is said beside the field.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { startAttemptAction } from "@/app/actions/start-attempt";
import { initialFormState } from "@/lib/forms";
import { FormMessage, SubmitButton } from "./form-fields";

export function StartAttemptButton({
  courseId,
  quizId,
  quizTitle,
  label,
  passwordRequired = false,
}: {
  courseId: string;
  quizId: string;
  quizTitle: string;
  label: string;
  passwordRequired?: boolean;
}) {
  const t = useTranslations("attempt");
  const [state, action] = useActionState(startAttemptAction, initialFormState);
  // Several quizzes on one page: the field's id is the quiz's.
  const id = `start-password-${quizId}`;
  const errors = state.fieldErrors?.password;
  return (
    <form action={action} className="flex flex-col items-stretch gap-2 sm:items-end">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="quizId" value={quizId} />
      {passwordRequired ? (
        <div className="flex flex-col gap-1">
          <label htmlFor={id} className="text-sm font-medium text-slate-800">
            {t("start.passwordLabel", { quiz: quizTitle })}
          </label>
          <input
            id={id}
            name="password"
            type="password"
            required
            maxLength={200}
            autoComplete="off"
            aria-invalid={errors ? true : undefined}
            aria-describedby={`${id}-hint${errors ? ` ${id}-error` : ""}`}
            className={`w-full rounded-lg border bg-white px-3 py-2 text-slate-900 shadow-sm sm:w-56 ${errors ? "border-rose-500" : "border-slate-300"}`}
          />
          <p id={`${id}-hint`} className="text-xs text-slate-600">
            {t("start.passwordHint")}
          </p>
          {errors ? (
            <p id={`${id}-error`} role="alert" className="text-sm text-rose-700 sm:max-w-56">
              {errors.join(" ")}
            </p>
          ) : null}
        </div>
      ) : null}
      <SubmitButton pending={t("starting")}>{label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
