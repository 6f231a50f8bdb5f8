"use client";
// The editor's inputs: a field derived from a schema (lib/authoring/param-fields.ts), the
// author's words in one language or in each, and the problems the server found at a field,
// announced beside it (aria-describedby) in the reader's language.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { FormField } from "@/lib/authoring/param-fields";
import { msg, type MessageKey } from "@/lib/i18n/msg";
import { Markdown } from "@/components/markdown";
import { useText } from "@/components/use-text";
import { isObject, type Issue } from "./template-draft";

export const inputClass = "w-full rounded-lg border bg-white px-3 py-2 text-slate-900 shadow-sm disabled:bg-slate-100";
const border = (invalid: boolean) => (invalid ? "border-rose-500" : "border-slate-300");

export function IssueList({ id, issues }: { id: string; issues: readonly Issue[] }) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="text-sm text-rose-700">
      {issues.map((issue, i) => (
        <li key={i}>{issue.message}</li>
      ))}
    </ul>
  );
}

/** A labelled control with its hint and its problems. */
export function FieldBox({
  id,
  label,
  hint,
  issues,
  children,
}: {
  id: string;
  label: string;
  hint?: ReactNode;
  issues: readonly Issue[];
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, issues.length ? `${id}-issues` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {children(describedBy, issues.length > 0)}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <IssueList id={`${id}-issues`} issues={issues} />
    </div>
  );
}

/** The label of a derived field: the catalog's `editor.field.<name>` (declared in tests/unit/i18n/dynamic-keys.ts). */
export function useFieldLabels() {
  const text = useText();
  return {
    label: (name: string) => text(msg(`editor.field.${name}` as MessageKey)),
    option: (field: string, value: string) => (field === "state" ? value : text(msg(`editor.option.${field}.${value}` as MessageKey))),
  };
}

/** One field derived from a schema; `undefined` is "left out" (picked by the seed, or the default). */
export function SchemaField({
  field,
  idPrefix,
  value,
  onChange,
  issues,
  seedPicks,
  disabled,
}: {
  field: FormField;
  idPrefix: string;
  value: unknown;
  onChange: (value: unknown) => void;
  issues: readonly Issue[];
  /** A family parameter: leaving it out lets the seed pick it. */
  seedPicks: boolean;
  disabled: boolean;
}) {
  const t = useTranslations("editor");
  const { label, option } = useFieldLabels();
  const id = `${idPrefix}-${field.name}`;
  const absent = seedPicks
    ? t("fields.bySeed")
    : field.defaultValue !== undefined
      ? t("fields.byDefault", { value: String(field.defaultValue) })
      : null;
  if (field.type === "set") {
    const chosen = Array.isArray(value) ? value.map(String) : [];
    return (
      <fieldset className="flex flex-col gap-1" aria-describedby={issues.length ? `${id}-issues` : undefined}>
        <legend className="text-sm font-medium text-slate-800">{label(field.name)}</legend>
        <div className="flex flex-wrap gap-4">
          {field.options.map((o) => (
            <label key={o} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                disabled={disabled}
                checked={chosen.includes(o)}
                onChange={(e) =>
                  onChange(e.target.checked ? field.options.filter((x) => x === o || chosen.includes(x)) : chosen.filter((x) => x !== o))
                }
              />
              {option(field.name, o)}
            </label>
          ))}
        </div>
        <p className="text-xs text-slate-600">{t("fields.choose", { min: field.minItems })}</p>
        <IssueList id={`${id}-issues`} issues={issues} />
      </fieldset>
    );
  }
  if (field.type === "integer") {
    const bounds =
      field.min !== undefined && field.max !== undefined
        ? t("fields.range", { min: field.min, max: field.max })
        : field.min !== undefined
          ? t("fields.atLeast", { min: field.min })
          : undefined;
    const picked = seedPicks && value === undefined;
    return (
      <FieldBox id={id} label={label(field.name)} hint={bounds} issues={issues}>
        {(describedBy, invalid) => (
          <div className="flex flex-wrap items-center gap-3">
            <input
              id={id}
              type="number"
              inputMode="numeric"
              className={`${inputClass} ${border(invalid)} max-w-40`}
              min={field.min}
              max={field.max}
              step={1}
              disabled={disabled || picked}
              placeholder={!seedPicks && absent ? absent : undefined}
              value={typeof value === "number" ? value : ""}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
            />
            {seedPicks ? (
              <label className="flex items-center gap-2 text-sm text-slate-800">
                <input
                  type="checkbox"
                  disabled={disabled}
                  checked={picked}
                  onChange={(e) => onChange(e.target.checked ? undefined : (field.min ?? 0))}
                />
                {t("fields.bySeed")}
              </label>
            ) : null}
          </div>
        )}
      </FieldBox>
    );
  }
  const options: { value: string; label: string }[] =
    field.type === "boolean"
      ? [
          { value: "true", label: t("fields.yes") },
          { value: "false", label: t("fields.no") },
        ]
      : field.options.map((o) => ({ value: o, label: option(field.name, o) }));
  return (
    <FieldBox id={id} label={label(field.name)} issues={issues}>
      {(describedBy, invalid) => (
        <select
          id={id}
          className={`${inputClass} ${border(invalid)}`}
          disabled={disabled}
          value={value === undefined ? "" : String(value)}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            const v = e.target.value;
            onChange(v === "" ? undefined : field.type === "boolean" ? v === "true" : v);
          }}
        >
          {field.optional && absent ? <option value="">{absent}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldBox>
  );
}

const LANGUAGES = ["en", "zh-CN"] as const;

/**
 * The author's words: one text, or one per language (`{ "en": …, "zh-CN": … }`,
 * lib/i18n/localized.ts). Markdown fields show how they read below.
 */
export function LocalizedField({
  id,
  label,
  hint,
  value,
  onChange,
  issues,
  multiline,
  markdown,
  disabled,
}: {
  id: string;
  label: string;
  hint?: string;
  value: unknown;
  onChange: (value: unknown) => void;
  issues: readonly Issue[];
  multiline?: boolean;
  markdown?: boolean;
  disabled: boolean;
}) {
  const t = useTranslations("editor");
  const perLanguage = isObject(value);
  const languageName = { en: t("languages.en"), "zh-CN": t("languages.zhCN") };
  const texts: { key: string; lang: (typeof LANGUAGES)[number] | null; text: string }[] = perLanguage
    ? LANGUAGES.map((lang) => ({ key: lang, lang, text: typeof value[lang] === "string" ? value[lang] : "" }))
    : [{ key: "one", lang: null, text: typeof value === "string" ? value : "" }];
  const set = (lang: (typeof LANGUAGES)[number] | null, text: string) => {
    if (!lang) return onChange(text);
    const next: Record<string, string> = {};
    for (const l of LANGUAGES) {
      const v = l === lang ? text : (value as Record<string, unknown>)[l];
      if (typeof v === "string" && v !== "") next[l] = v;
    }
    onChange(next);
  };
  const toggle = (on: boolean) => {
    if (on) onChange(typeof value === "string" && value !== "" ? { en: value } : { en: "" });
    else {
      const record = (isObject(value) ? value : {}) as Record<string, unknown>;
      const first = LANGUAGES.map((l) => record[l]).find((v) => typeof v === "string" && v !== "");
      onChange(typeof first === "string" ? first : "");
    }
  };
  return (
    <div className="flex flex-col gap-2">
      {texts.map(({ key, lang, text }) => {
        const fieldId = lang ? `${id}-${lang}` : id;
        const fieldLabel = lang ? t("fields.inLanguage", { field: label, language: languageName[lang] }) : label;
        return (
          <div key={key} className="flex flex-col gap-1">
            <FieldBox id={fieldId} label={fieldLabel} hint={hint} issues={lang ? [] : issues}>
              {(describedBy, invalid) =>
                multiline ? (
                  <textarea
                    id={fieldId}
                    rows={4}
                    className={`${inputClass} ${border(invalid)}`}
                    disabled={disabled}
                    value={text}
                    aria-invalid={invalid || undefined}
                    aria-describedby={describedBy}
                    onChange={(e) => set(lang, e.target.value)}
                  />
                ) : (
                  <input
                    id={fieldId}
                    className={`${inputClass} ${border(invalid)}`}
                    disabled={disabled}
                    value={text}
                    aria-invalid={invalid || undefined}
                    aria-describedby={describedBy}
                    onChange={(e) => set(lang, e.target.value)}
                  />
                )
              }
            </FieldBox>
            {markdown && text.trim() !== "" ? (
              <div
                className="rounded-lg border border-dashed border-slate-300 bg-slate-50 px-3 py-2 text-sm"
                aria-label={t("fields.rendered", { field: fieldLabel })}
                role="group"
              >
                <Markdown text={text} />
              </div>
            ) : null}
          </div>
        );
      })}
      {perLanguage ? <IssueList id={`${id}-issues`} issues={issues} /> : null}
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="checkbox" disabled={disabled} checked={perLanguage} onChange={(e) => toggle(e.target.checked)} />
        {t("fields.perLanguage", { field: label })}
      </label>
    </div>
  );
}
