"use client";
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
  label: string;
}) {
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
        aria-label={`${label}: ${value ? "yes" : "no"}. Change`}
      >
        {value ? "Yes" : "No"}
      </button>
      {state.message && !state.ok ? (
        <span role="alert" className="text-xs text-rose-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
