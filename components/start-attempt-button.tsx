"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { startAttemptAction } from "@/app/actions/start-attempt";
import { initialFormState } from "@/lib/forms";
import { FormMessage, SubmitButton } from "./form-fields";

export function StartAttemptButton({ courseId, quizId, label }: { courseId: string; quizId: string; label: string }) {
  const t = useTranslations("attempt");
  const [state, action] = useActionState(startAttemptAction, initialFormState);
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="quizId" value={quizId} />
      <SubmitButton pending={t("starting")}>{label}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
