"use client";
// A link to pass on (an invite, a reset link) and a button that copies all of it with one click:
// selecting it by hand in a box too narrow to show it whole was how links got cut short.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { OutcomeMessage, type Outcome } from "./form-fields";
import { buttonStyles } from "./ui";

export function CopyLink({
  url,
  label,
  what,
}: {
  url: string;
  label: string;
  /** "the invite link for x", for the button's name */ what: string;
}) {
  const t = useTranslations("roster.copy");
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const id = useId();
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setOutcome({ ok: true, text: t("copied") });
    } catch {
      setOutcome({ ok: false, text: t("failed") });
    }
  }
  return (
    <div className="flex min-w-0 flex-col gap-1 text-xs text-slate-600">
      <label htmlFor={id}>{label}</label>
      <div className="flex min-w-0 flex-wrap items-center gap-2">
        <input
          id={id}
          readOnly
          value={url}
          onFocus={(e) => e.currentTarget.select()}
          className="min-w-0 flex-1 basis-48 rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs text-slate-900"
        />
        <button type="button" className={buttonStyles.secondary} onClick={copy} aria-label={t("copyLabel", { what })}>
          {t("copy")}
        </button>
      </div>
      <OutcomeMessage outcome={outcome} />
    </div>
  );
}
