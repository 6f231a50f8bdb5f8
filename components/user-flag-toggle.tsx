"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { setUserFlagsAction } from "@/app/actions/set-user-flags";
import { initialFormState } from "@/lib/forms";
import { buttonStyles } from "./ui";

export function UserFlagToggle({
  userId,
  flag,
  value,
  label,
}: {
  userId: string;
  flag: "canTeach" | "isAdmin";
  value: boolean;
  /** What the flag says of the account ("Ben Carter can create courses"), in the reader's language. */
  label: string;
}) {
  const t = useTranslations("admin.flags");
  const [state, action, pending] = useActionState(setUserFlagsAction, initialFormState);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="flag" value={flag} />
      <input type="hidden" name="value" value={String(!value)} />
      <button
        type="submit"
        className={buttonStyles.secondary}
        disabled={pending}
        aria-pressed={value}
        aria-label={t("toggle", { label, value: String(value) })}
      >
        {value ? t("yes") : t("no")}
      </button>
      {state.message && !state.ok ? (
        <span role="alert" className="text-xs text-rose-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
