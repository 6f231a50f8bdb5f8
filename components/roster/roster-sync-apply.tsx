"use client";
// The Apply button of the roster sync preview: sends the preview's digest, so the sync is
// applied only if it still plans what the page shows; the page then shows the plan as it is.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { applyRosterSyncAction } from "@/app/actions/apply-roster-sync";
import { FormMessage, SubmitButton } from "@/components/form-fields";
import { initialFormState } from "@/lib/forms";

export function RosterSyncApply({ courseId, digest, changes }: { courseId: string; digest: string; changes: boolean }) {
  const [state, action] = useActionState(applyRosterSyncAction, initialFormState);
  const t = useTranslations("ltiRoster");
  return (
    <form action={action} className="flex flex-col gap-3">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="digest" value={digest} />
      <FormMessage state={state} />
      {changes ? (
        <div>
          <SubmitButton pending={t("applying")}>{t("apply")}</SubmitButton>
        </div>
      ) : null}
    </form>
  );
}
