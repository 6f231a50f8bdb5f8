"use client";
// An instructor's edits of one person on the roster: their role, and taking them out of the
// course, which asks first and says that their attempts are kept.
import { useTranslations } from "next-intl";
import { useActionState, useRef, useState } from "react";
import { changeRoleAction, removeMemberAction } from "@/app/actions/roster-person";
import { COURSE_ROLES, type CourseRole } from "@/lib/auth/roles";
import { initialFormState } from "@/lib/forms";
import { FormMessage, Labelled, SubmitButton } from "../form-fields";
import { buttonStyles, fieldClass } from "../ui";

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
  const [asking, setAsking] = useState(false);
  const start = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-700">{t("body", { name })}</p>
      {asking ? (
        <form
          action={action}
          className="flex flex-col gap-3 rounded-lg border border-rose-200 bg-rose-50 p-3"
          aria-labelledby="remove-prompt"
        >
          <input type="hidden" name="courseId" value={courseId} />
          <input type="hidden" name="enrollmentId" value={enrollmentId} />
          <p id="remove-prompt" className="text-sm font-medium text-rose-900">
            {t("prompt", { name, code })}
          </p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant="danger" pending={t("removing")}>
              {t("confirm")}
            </SubmitButton>
            <button
              ref={cancel}
              type="button"
              className={buttonStyles.secondary}
              onClick={() => {
                setAsking(false);
                requestAnimationFrame(() => start.current?.focus());
              }}
            >
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button
            ref={start}
            type="button"
            className={buttonStyles.danger}
            onClick={() => {
              setAsking(true);
              requestAnimationFrame(() => cancel.current?.focus());
            }}
          >
            {t("start", { name })}
          </button>
        </div>
      )}
      <FormMessage state={state} />
    </div>
  );
}
