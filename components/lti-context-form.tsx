"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { linkLtiContextAction } from "@/app/actions/link-lti-context";
import { initialFormState } from "@/lib/forms";
import { FormMessage, SubmitButton } from "./form-fields";

type CourseChoice = { id: string; label: string };

/** Link an LMS course to one the instructor teaches, or to a new one. */
export function LtiContextForm(props: { contextId: string; ticket: string; next?: string; courses: CourseChoice[]; suggested: string }) {
  const [state, action] = useActionState(linkLtiContextAction, initialFormState);
  const t = useTranslations("ltiLaunch.context");
  return (
    <form action={action} className="flex flex-col gap-4">
      <FormMessage state={state} />
      <input type="hidden" name="contextId" value={props.contextId} />
      <input type="hidden" name="ticket" value={props.ticket} />
      {props.next ? <input type="hidden" name="next" value={props.next} /> : null}
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium text-slate-800">{t("choose")}</legend>
        {props.courses.map((c, i) => (
          <label key={c.id} className="flex items-start gap-2 text-sm text-slate-800">
            <input type="radio" name="courseId" value={c.id} defaultChecked={i === 0} className="mt-1" />
            <span className="min-w-0 break-words">{c.label}</span>
          </label>
        ))}
        <label className="flex items-start gap-2 text-sm text-slate-800">
          <input type="radio" name="courseId" value="new" defaultChecked={props.courses.length === 0} className="mt-1" />
          <span className="min-w-0 break-words">{t("createNew", { title: props.suggested })}</span>
        </label>
      </fieldset>
      <div>
        <SubmitButton pending={t("linking")}>{t("link")}</SubmitButton>
      </div>
    </form>
  );
}
