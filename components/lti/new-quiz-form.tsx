"use client";
// The deep-linking page's "create a quiz": a title makes an empty draft, which the page then lists.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { createLtiQuizAction } from "@/app/actions/create-lti-quiz";
import { initialFormState } from "@/lib/forms";
import { Field, FormMessage, SubmitButton } from "../form-fields";

export function NewLtiQuizForm({ courseId }: { courseId: string }) {
  const [state, action] = useActionState(createLtiQuizAction, initialFormState);
  const t = useTranslations("ltiDeepLink.create");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <FormMessage state={state} />
      <Field name="title" label={t("titleLabel")} required maxLength={200} state={state} key={state.ok ? state.message : "editing"} />
      <div>
        <SubmitButton pending={t("creating")} variant="secondary">
          {t("submit")}
        </SubmitButton>
      </div>
    </form>
  );
}
