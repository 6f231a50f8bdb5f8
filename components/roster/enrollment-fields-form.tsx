"use client";
// One enrolment's section and LMS identifiers, as the roster edits them.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { updateEnrollmentFieldsAction } from "@/app/actions/update-enrollment-fields";
import { initialFormState } from "@/lib/forms";
import type { EnrollmentFields } from "@/lib/lms/roster-schemas";
import { Field, FormMessage, SubmitButton } from "../form-fields";

export function EnrollmentFieldsForm({
  courseId,
  enrollmentId,
  values,
}: {
  courseId: string;
  enrollmentId: string;
  values: EnrollmentFields;
}) {
  const [state, action] = useActionState(updateEnrollmentFieldsAction, initialFormState);
  const t = useTranslations("rosterImport");
  const field = (name: keyof EnrollmentFields, label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} state={state} defaultValue={values[name] ?? ""} autoComplete="off" spellCheck={false} />
  );
  return (
    <form action={action} className="flex max-w-xl flex-col gap-4" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <FormMessage state={state} />
      {field("section", t("field.section"))}
      {field("sisUserId", t("field.sisUserId"), t("fieldHint.sisUserId"))}
      {field("sisLoginId", t("field.sisLoginId"), t("fieldHint.sisLoginId"))}
      {field("username", t("field.username"), t("fieldHint.username"))}
      {field("orgDefinedId", t("field.orgDefinedId"), t("fieldHint.orgDefinedId"))}
      <div>
        <SubmitButton pending={t("edit.saving")}>{t("edit.save")}</SubmitButton>
      </div>
    </form>
  );
}
