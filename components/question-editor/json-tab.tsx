"use client";
// The editor's JSON tab: the same template as one JSON object. What parses replaces the
// form's template at once; the server's problems are listed with their paths.
import { useTranslations } from "next-intl";
import { issueKey, type Issue } from "./template-draft";

export function JsonTab({
  text,
  onChange,
  syntaxError,
  issues,
  disabled,
}: {
  text: string;
  onChange: (text: string) => void;
  syntaxError: string | null;
  issues: readonly Issue[];
  disabled: boolean;
}) {
  const t = useTranslations("editor.json");
  const describedBy = ["q-json-hint", syntaxError ? "q-json-syntax" : null, issues.length ? "q-json-issues" : null]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="flex flex-col gap-2">
      <label htmlFor="q-json" className="text-sm font-medium text-slate-800">
        {t("label")}
      </label>
      <textarea
        id="q-json"
        rows={28}
        spellCheck={false}
        className={`w-full rounded-lg border bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm ${syntaxError || issues.length ? "border-rose-500" : "border-slate-300"}`}
        value={text}
        readOnly={disabled}
        aria-invalid={syntaxError || issues.length ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id="q-json-hint" className="text-xs text-slate-600">
        {t("hint")}
      </p>
      {syntaxError ? (
        <p id="q-json-syntax" className="text-sm text-rose-700">
          {t("syntax", { reason: syntaxError })}
        </p>
      ) : null}
      {issues.length > 0 ? (
        <div id="q-json-issues">
          <p className="text-sm font-medium text-rose-800">{t("issues")}</p>
          <ul className="list-disc pl-5 text-sm text-rose-700">
            {issues.map((issue, i) => (
              <li key={i}>
                <code className="font-mono">{issueKey(issue) || t("root")}</code> — {issue.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
