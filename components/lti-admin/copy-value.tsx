"use client";
// A value to paste into an LMS: labelled, read-only, selected on focus, with a Copy button
// whose result is announced (and, when the clipboard refuses, the text left selected).
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import { buttonStyles } from "../ui";

export function CopyValue({ label, value, multiline = false, hint }: { label: string; value: string; multiline?: boolean; hint?: string }) {
  const t = useTranslations("ltiAdmin.tool");
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [state, setState] = useState<"copied" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      field.current?.select();
      setState("failed");
    }
  }

  const className = "min-w-0 flex-1 rounded border border-slate-300 bg-white px-2 py-1 font-mono text-xs text-slate-900";
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="flex flex-wrap items-start gap-2">
        {multiline ? (
          <textarea
            ref={field}
            id={id}
            readOnly
            value={value}
            rows={12}
            onFocus={(e) => e.currentTarget.select()}
            aria-describedby={hint ? `${id}-hint` : undefined}
            className={`${className} w-full`}
          />
        ) : (
          <input ref={field} id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} className={className} />
        )}
        <button type="button" className={buttonStyles.secondary} onClick={copy} aria-label={t("copyLabel", { label })}>
          {t("copy")}
        </button>
      </div>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <p role="status" className="min-h-4 text-xs text-slate-700">
        {state === "copied" ? t("copied", { label }) : state === "failed" ? t("copyFailed") : ""}
      </p>
    </div>
  );
}
