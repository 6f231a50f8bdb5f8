"use client";
// The quiz an LMS activity opens, chosen from the course's quizzes.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { chooseLinkQuizAction } from "@/app/actions/choose-link-quiz";
import { initialFormState } from "@/lib/forms";
import { Labelled, FormMessage, SubmitButton } from "../form-fields";
import { fieldClass } from "../ui";

export function LinkQuizForm({
  courseId,
  linkId,
  current,
  quizzes,
}: {
  courseId: string;
  linkId: string;
  current: string | null;
  quizzes: { id: string; label: string }[];
}) {
  const [state, action] = useActionState(chooseLinkQuizAction, initialFormState);
  const t = useTranslations("ltiDeepLink.links");
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="linkId" value={linkId} />
      <FormMessage state={state} />
      <Labelled id="link-quiz" label={t("quiz")} errors={state.fieldErrors?.quizId}>
        {(props) => (
          <select {...props} name="quizId" className={fieldClass} defaultValue={state.values?.quizId ?? current ?? quizzes[0]?.id}>
            {quizzes.map((q) => (
              <option key={q.id} value={q.id}>
                {q.label}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <div>
        <SubmitButton pending={t("saving")}>{t("submit")}</SubmitButton>
      </div>
    </form>
  );
}
