"use client";
// A step that asks first, for what cannot be taken back (replacing a join code, removing a
// person, deleting a platform, rotating a key): the opener, then the question with "yes" and
// "cancel". Opening moves the focus to Cancel, the safe answer, so a second Enter never confirms
// by accident; cancelling moves it back to the opener. The question stays open until the action
// has answered, and the answer is shown under it.
import { useId, useRef, useState, type ReactNode } from "react";
import type { FormState } from "@/lib/forms";
import { FormMessage, SubmitButton } from "./form-fields";
import { buttonStyles } from "./ui";

const TONES = {
  // A change that can be made again (a new code, a new key).
  amber: { panel: "border-amber-200 bg-amber-50", prompt: "text-amber-900", opener: buttonStyles.secondary, yes: "primary" },
  // Something removed.
  rose: { panel: "border-rose-200 bg-rose-50", prompt: "text-rose-900", opener: buttonStyles.danger, yes: "danger" },
} as const;

export function ConfirmFirst({
  opener,
  openerLabel,
  prompt,
  yes,
  yesPending,
  cancel,
  action,
  state,
  hidden = {},
  tone = "amber",
}: {
  /** The opener's text. */
  opener: ReactNode;
  /** The opener's accessible name, where its text alone does not say what it acts on. */
  openerLabel?: string;
  prompt: ReactNode;
  yes: string;
  /** The yes button's text while the action runs. */
  yesPending: string;
  cancel: string;
  /** The form action (from useActionState), and the state it answered with. */
  action: (form: FormData) => void;
  state: FormState;
  /** The fields the action takes besides the confirmation. */
  hidden?: Record<string, string>;
  tone?: keyof typeof TONES;
}) {
  const style = TONES[tone];
  const promptId = useId();
  // Open for the state it was opened in: the action's answer (a new state) closes it.
  const [askedIn, setAskedIn] = useState<FormState | null>(null);
  const asking = askedIn === state;
  const start = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  return (
    <div className="flex flex-col gap-2">
      {asking ? (
        <form action={action} className={`flex flex-col gap-2 rounded-lg border p-3 ${style.panel}`} aria-labelledby={promptId}>
          {Object.entries(hidden).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <input type="hidden" name="confirmed" value="yes" />
          <p id={promptId} className={`text-sm font-medium ${style.prompt}`}>
            {prompt}
          </p>
          <div className="flex flex-wrap gap-2">
            <SubmitButton variant={style.yes} pending={yesPending}>
              {yes}
            </SubmitButton>
            <button
              ref={cancelButton}
              type="button"
              className={buttonStyles.secondary}
              onClick={() => {
                setAskedIn(null);
                requestAnimationFrame(() => start.current?.focus());
              }}
            >
              {cancel}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <button
            ref={start}
            type="button"
            className={style.opener}
            aria-label={openerLabel}
            onClick={() => {
              setAskedIn(state);
              requestAnimationFrame(() => cancelButton.current?.focus());
            }}
          >
            {opener}
          </button>
        </div>
      )}
      <FormMessage state={state} />
    </div>
  );
}
