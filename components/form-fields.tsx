"use client";
// Form pieces for useActionState forms: labelled fields whose errors are announced,
// a submit button that shows progress, and the form-level message.
import { useTranslations } from "next-intl";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useFormStatus } from "react-dom";
import type { FormState } from "@/lib/forms";
import { buttonStyles } from "./ui";

/**
 * A labelled field — an input, a textarea or a select, given the id and ARIA attributes to put on
 * it — with its hint and its errors, announced with it.
 */
export function Labelled({
  id,
  label,
  hint,
  errors,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  children: (props: { id: string; "aria-invalid"?: true; "aria-describedby"?: string }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": errors ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      {errors ? (
        <p id={`${id}-error`} className="text-sm text-rose-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

export function Field({
  name,
  label,
  state,
  hint,
  defaultValue,
  ...input
}: { name: string; label: string; state: FormState; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const errors = state.fieldErrors?.[name];
  const kept = input.type === "password" ? undefined : state.values?.[name];
  return (
    <Labelled id={`field-${name}`} label={label} hint={hint} errors={errors}>
      {(props) => (
        <input
          {...props}
          name={name}
          className={`rounded-lg border bg-white px-3 py-2 text-slate-900 shadow-sm ${errors ? "border-rose-500" : "border-slate-300"}`}
          {...input}
          // What was typed wins over the default: `input` no longer carries a defaultValue to override it.
          defaultValue={kept ?? (defaultValue as string | undefined)}
          key={kept}
        />
      )}
    </Labelled>
  );
}

export function SubmitButton({
  children,
  pending: pendingLabel,
  variant = "primary",
}: {
  children: ReactNode;
  pending?: string;
  variant?: keyof typeof buttonStyles;
}) {
  const t = useTranslations("common");
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={buttonStyles[variant]} disabled={pending} aria-disabled={pending}>
      {pending ? (pendingLabel ?? t("working")) : children}
    </button>
  );
}

/** What a save or another action came to, the outcome a form shows under its controls. */
export type Outcome = { ok: boolean; text: string };

/** An outcome, announced: politely when it went well (role=status), at once when it did not (role=alert). */
export function OutcomeMessage({ outcome }: { outcome: Outcome | null }) {
  if (!outcome) return null;
  return (
    <p
      role={outcome.ok ? "status" : "alert"}
      className={`rounded-lg px-3 py-2 text-sm ${outcome.ok ? "bg-accent-50 text-accent-800" : "bg-rose-50 text-rose-800"}`}
    >
      {outcome.text}
    </p>
  );
}

/**
 * A client form's save button (left out for those who may only read) and, under it, what the
 * last save came to. `busy` shows the button's progress label and disables it.
 */
export function SaveRow({
  editable = true,
  busy,
  label,
  busyLabel,
  outcome,
}: {
  editable?: boolean;
  busy: boolean;
  label: string;
  busyLabel: string;
  outcome: Outcome | null;
}) {
  return (
    <>
      {editable ? (
        <button type="submit" className={buttonStyles.primary} disabled={busy}>
          {busy ? busyLabel : label}
        </button>
      ) : null}
      <OutcomeMessage outcome={outcome} />
    </>
  );
}

export function FormMessage({ state }: { state: FormState }) {
  return <OutcomeMessage outcome={state.message ? { ok: state.ok, text: state.message } : null} />;
}
