"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createCourseAction } from "@/app/actions/create-course";
import { enrollByEmailAction } from "@/app/actions/enroll-by-email";
import { joinCourseAction } from "@/app/actions/join-course";
import { newJoinCodeAction } from "@/app/actions/new-join-code";
import { initialFormState } from "@/lib/forms";
import { ConfirmFirst } from "./confirm-first";
import { Field, FormMessage, SubmitButton } from "./form-fields";

export function CreateCourseForm() {
  const [state, action] = useActionState(createCourseAction, initialFormState);
  const t = useTranslations("courses.newCourse");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field name="code" label={t("code")} placeholder={t("codePlaceholder")} required state={state} />
      <Field name="title" label={t("courseTitle")} placeholder={t("titlePlaceholder")} required state={state} />
      <Field name="term" label={t("term")} placeholder={t("termPlaceholder")} state={state} />
      <div>
        <SubmitButton pending={t("creating")}>{t("create")}</SubmitButton>
      </div>
    </form>
  );
}

export function JoinCourseForm() {
  const [state, action] = useActionState(joinCourseAction, initialFormState);
  const t = useTranslations("courses.join");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormMessage state={state} />
      <Field
        name="joinCode"
        label={t("joinCode")}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        required
        state={state}
        hint={t("hint")}
      />
      <div>
        <SubmitButton pending={t("joining")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}

export function EnrollByEmailForm({ courseId, canAddStaff }: { courseId: string; canAddStaff: boolean }) {
  const [state, action] = useActionState(enrollByEmailAction, initialFormState);
  const emailErrors = state.fieldErrors?.emails;
  const t = useTranslations("roster.form");
  const role = useTranslations("courses");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <FormMessage state={state} />
      <div className="flex flex-col gap-1">
        <label htmlFor="emails" className="text-sm font-medium text-slate-800">
          {t("emails")}
        </label>
        <textarea
          id="emails"
          name="emails"
          rows={5}
          required
          defaultValue={state.ok ? "" : state.values?.emails}
          key={state.ok ? "cleared" : state.values?.emails}
          aria-invalid={emailErrors ? true : undefined}
          aria-describedby={`emails-hint${emailErrors ? " emails-error" : ""}`}
          className={`rounded-lg border bg-white px-3 py-2 font-mono text-sm ${emailErrors ? "border-rose-500" : "border-slate-300"}`}
          placeholder={"ada@example.edu\nben@example.edu"}
        />
        <p id="emails-hint" className="text-xs text-slate-600">
          {t("emailsHint")}
        </p>
        {emailErrors ? (
          <p id="emails-error" className="text-sm text-rose-700">
            {emailErrors.join(" ")}
          </p>
        ) : null}
      </div>
      <div className="flex flex-wrap gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="role" className="text-sm font-medium text-slate-800">
            {t("role")}
          </label>
          <select id="role" name="role" defaultValue="STUDENT" className="rounded-lg border border-slate-300 bg-white px-3 py-2">
            <option value="STUDENT">{role("role", { role: "STUDENT" })}</option>
            {canAddStaff ? <option value="TA">{role("role", { role: "TA" })}</option> : null}
            {canAddStaff ? <option value="INSTRUCTOR">{role("role", { role: "INSTRUCTOR" })}</option> : null}
          </select>
        </div>
        <Field name="section" label={t("section")} placeholder="A" state={state} />
      </div>
      <div>
        <SubmitButton pending={t("enrolling")}>{t("enrol")}</SubmitButton>
      </div>
    </form>
  );
}

/** Replacing the join code asks first: the old code stops working at once. */
export function NewJoinCodeForm({ courseId, code }: { courseId: string; code: string }) {
  const [state, action] = useActionState(newJoinCodeAction, initialFormState);
  const t = useTranslations("courses.joinCode");
  return (
    <ConfirmFirst
      opener={t("replace")}
      prompt={t("prompt", { code })}
      yes={t("confirm")}
      yesPending={t("replacing")}
      cancel={t("cancel")}
      action={action}
      state={state}
      hidden={{ courseId }}
    />
  );
}
