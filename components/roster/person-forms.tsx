"use client";
// An instructor's edits of one person on the roster: their role, and taking them out of the
// course, which asks first and says that their attempts are kept.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { changeRoleAction, removeMemberAction } from "@/app/actions/roster-person";
import { COURSE_ROLES, type CourseRole } from "@/lib/auth/roles";
import { initialFormState } from "@/lib/forms";
import { ConfirmFirst } from "../confirm-first";
import { FormMessage, Labelled, SubmitButton } from "../form-fields";
import { fieldClass } from "../ui";

type Member = { courseId: string; enrollmentId: string };

export function RoleForm({ courseId, enrollmentId, role }: Member & { role: CourseRole }) {
  const t = useTranslations("roster.person.role");
  const tc = useTranslations("courses");
  const [state, action] = useActionState(changeRoleAction, initialFormState);
  return (
    <form action={action} className="flex flex-col gap-3" noValidate>
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="enrollmentId" value={enrollmentId} />
      <Labelled id="member-role" label={t("label")} errors={state.fieldErrors?.role}>
        {(props) => (
          <select {...props} name="role" defaultValue={state.values?.role ?? role} className={`${fieldClass} w-56`}>
            {COURSE_ROLES.map((r) => (
              <option key={r} value={r}>
                {tc("role", { role: r })}
              </option>
            ))}
          </select>
        )}
      </Labelled>
      <div>
        <SubmitButton pending={t("saving")}>{t("save")}</SubmitButton>
      </div>
      <FormMessage state={state} />
    </form>
  );
}

export function RemoveForm({ courseId, enrollmentId, name, code }: Member & { name: string; code: string }) {
  const t = useTranslations("roster.person.remove");
  const [state, action] = useActionState(removeMemberAction, initialFormState);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{t("body", { name })}</p>
      <ConfirmFirst
        opener={t("start", { name })}
        prompt={t("prompt", { name, code })}
        yes={t("confirm")}
        yesPending={t("removing")}
        cancel={t("cancel")}
        action={action}
        state={state}
        hidden={{ courseId, enrollmentId }}
        tone="rose"
      />
    </div>
  );
}
