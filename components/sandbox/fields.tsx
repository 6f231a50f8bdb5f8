"use client";
// The builder's fields. Each edits one value of the template at its path and shows, beside
// itself, the problems the server named at that path, announced to screen readers with the
// field (aria-describedby). Labels are visible on every control.
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import {
  FLAG_NAMES,
  fieldText,
  flagsChosen,
  flagsText,
  issuesAt,
  makeRange,
  numberOrText,
  pathText,
  rangeOf,
  type Issue,
  type Json,
  type Path,
} from "./model";

const inputClass = (bad: boolean) =>
  `w-full min-w-0 rounded-lg border bg-white px-3 py-2 text-slate-900 shadow-sm ${bad ? "border-rose-500" : "border-slate-300"}`;
/** The "fixed or picked by the seed" choice beside a value: as wide as its words. */
const modeClass = "min-w-0 max-w-full rounded-lg border border-slate-300 bg-white px-2 py-2 text-slate-900 shadow-sm";

/** A stable, valid element id for a template path. */
export function fieldId(path: Path, suffix = ""): string {
  return `sb-${pathText(path).replace(/[^A-Za-z0-9_-]/g, "_")}${suffix}`;
}

export function FieldIssues({ issues, path }: { issues: readonly Issue[]; path: Path }) {
  const here = issuesAt(issues, path);
  if (here.length === 0) return null;
  return (
    <p id={fieldId(path, "-error")} className="text-sm text-rose-700">
      {here.map((i) => i.message).join(" ")}
    </p>
  );
}

function describedBy(issues: readonly Issue[], path: Path, hint?: boolean): string | undefined {
  const ids = [hint ? fieldId(path, "-hint") : null, issuesAt(issues, path).length ? fieldId(path, "-error") : null].filter(Boolean);
  return ids.length ? ids.join(" ") : undefined;
}

function Label({ htmlFor, children }: { htmlFor: string; children: ReactNode }) {
  return (
    <label htmlFor={htmlFor} className="text-sm font-medium text-slate-800">
      {children}
    </label>
  );
}

export function TextNumberField({
  label,
  path,
  value,
  issues,
  onChange,
  hint,
  optional,
}: {
  label: string;
  path: Path;
  value: Json | undefined;
  issues: readonly Issue[];
  onChange: (value: Json | undefined) => void;
  hint?: string;
  /** Empty means absent. */
  optional?: boolean;
}) {
  const id = fieldId(path);
  const bad = issuesAt(issues, path).length > 0;
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={fieldText(value)}
        onChange={(e) => onChange(optional && e.target.value.trim() === "" ? undefined : numberOrText(e.target.value))}
        aria-invalid={bad || undefined}
        aria-describedby={describedBy(issues, path, Boolean(hint))}
        className={inputClass(bad)}
      />
      {hint ? (
        <p id={fieldId(path, "-hint")} className="text-xs text-slate-600">
          {hint}
        </p>
      ) : null}
      <FieldIssues issues={issues} path={path} />
    </div>
  );
}

export function SelectField<V extends string>({
  label,
  path,
  value,
  options,
  issues,
  onChange,
  optionLabel,
}: {
  label: string;
  path: Path;
  value: Json | undefined;
  options: readonly V[];
  issues: readonly Issue[];
  onChange: (value: V) => void;
  optionLabel?: (value: V) => string;
}) {
  const id = fieldId(path);
  const bad = issuesAt(issues, path).length > 0;
  const current = typeof value === "string" ? value : "";
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      <select
        id={id}
        value={current}
        onChange={(e) => onChange(e.target.value as V)}
        aria-invalid={bad || undefined}
        aria-describedby={describedBy(issues, path)}
        className={inputClass(bad)}
      >
        {(options as readonly string[]).includes(current) ? null : <option value={current}>{current}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {optionLabel ? optionLabel(o) : o}
          </option>
        ))}
      </select>
      <FieldIssues issues={issues} path={path} />
    </div>
  );
}

/** A whole number of milliseconds, or a range the seed picks from (`{ "between": [lo, hi] }`). */
export function MsOrRangeField({
  label,
  path,
  value,
  issues,
  onChange,
}: {
  label: string;
  path: Path;
  value: Json | undefined;
  issues: readonly Issue[];
  onChange: (value: Json) => void;
}) {
  const t = useTranslations("sandbox.field");
  const range = rangeOf(value);
  const id = fieldId(path, "-mode");
  const betweenPath = [...path, "between"];
  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor={id} className="text-xs text-slate-600">
            {t("valueKind")}
          </label>
          <select
            id={id}
            value={range ? "range" : "fixed"}
            onChange={(e) => {
              if (e.target.value === "range") onChange(makeRange(value ?? 0, value ?? 0));
              else onChange(range ? range.lo : (value ?? 0));
            }}
            className={modeClass}
          >
            <option value="fixed">{t("fixed")}</option>
            <option value="range">{t("range")}</option>
          </select>
        </div>
        {range ? (
          <>
            <RangeEnd
              label={t("from")}
              path={path}
              end="lo"
              value={range.lo}
              issues={issues}
              onChange={(lo) => onChange(makeRange(lo, range.hi))}
            />
            <RangeEnd
              label={t("to")}
              path={path}
              end="hi"
              value={range.hi}
              issues={issues}
              onChange={(hi) => onChange(makeRange(range.lo, hi))}
            />
          </>
        ) : (
          <div className="flex w-28 flex-col gap-1">
            <label htmlFor={fieldId(path)} className="text-xs text-slate-600">
              {t("ms")}
            </label>
            <input
              id={fieldId(path)}
              type="text"
              inputMode="numeric"
              value={fieldText(value)}
              onChange={(e) => onChange(numberOrText(e.target.value))}
              aria-invalid={issuesAt(issues, path).length > 0 || undefined}
              aria-describedby={describedBy(issues, path)}
              className={inputClass(issuesAt(issues, path).length > 0)}
            />
          </div>
        )}
      </div>
      <FieldIssues issues={issues} path={path} />
      <FieldIssues issues={issues} path={betweenPath} />
    </fieldset>
  );
}

function RangeEnd({
  label,
  path,
  end,
  value,
  issues,
  onChange,
}: {
  label: string;
  path: Path;
  end: "lo" | "hi";
  value: Json;
  issues: readonly Issue[];
  onChange: (value: Json) => void;
}) {
  const id = fieldId(path, `-${end}`);
  const bad = issuesAt(issues, path).length + issuesAt(issues, [...path, "between"]).length > 0;
  return (
    <div className="flex w-28 flex-col gap-1">
      <label htmlFor={id} className="text-xs text-slate-600">
        {label}
      </label>
      <input
        id={id}
        type="text"
        inputMode="numeric"
        value={fieldText(value)}
        onChange={(e) => onChange(numberOrText(e.target.value))}
        aria-invalid={bad || undefined}
        className={inputClass(bad)}
      />
    </div>
  );
}

/** An initial sequence number, or "random": the seed picks one. */
export function IsnField({
  label,
  path,
  value,
  issues,
  onChange,
  placeholder,
}: {
  label: string;
  path: Path;
  value: Json | undefined;
  issues: readonly Issue[];
  onChange: (value: Json | undefined) => void;
  placeholder: string;
}) {
  const t = useTranslations("sandbox.field");
  const random = value === "random";
  const bad = issuesAt(issues, path).length > 0;
  return (
    <fieldset className="flex min-w-0 flex-col gap-1">
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 max-w-full flex-col gap-1">
          <label htmlFor={fieldId(path, "-mode")} className="text-xs text-slate-600">
            {t("valueKind")}
          </label>
          <select
            id={fieldId(path, "-mode")}
            value={random ? "random" : "fixed"}
            onChange={(e) => onChange(e.target.value === "random" ? "random" : undefined)}
            className={modeClass}
          >
            <option value="fixed">{t("number")}</option>
            <option value="random">{t("random")}</option>
          </select>
        </div>
        {random ? null : (
          <div className="flex w-36 flex-col gap-1">
            <label htmlFor={fieldId(path)} className="text-xs text-slate-600">
              {t("isnNumber")}
            </label>
            <input
              id={fieldId(path)}
              type="text"
              inputMode="numeric"
              placeholder={placeholder}
              value={fieldText(value)}
              onChange={(e) => onChange(e.target.value.trim() === "" ? undefined : numberOrText(e.target.value))}
              aria-invalid={bad || undefined}
              aria-describedby={describedBy(issues, path)}
              className={inputClass(bad)}
            />
          </div>
        )}
      </div>
      <FieldIssues issues={issues} path={path} />
    </fieldset>
  );
}

/** A flag set as five checkboxes, written in the engine's order ("FIN+ACK"). */
export function FlagsField({
  label,
  path,
  value,
  issues,
  onChange,
}: {
  label: string;
  path: Path;
  value: Json | undefined;
  issues: readonly Issue[];
  onChange: (value: string) => void;
}) {
  const chosen = flagsChosen(value);
  return (
    <fieldset className="flex min-w-0 flex-col gap-1" aria-describedby={describedBy(issues, path)}>
      <legend className="text-sm font-medium text-slate-800">{label}</legend>
      <div className="flex flex-wrap gap-x-3 gap-y-1">
        {FLAG_NAMES.map((flag) => {
          const id = fieldId(path, `-${flag}`);
          return (
            <span key={flag} className="flex items-center gap-1">
              <input
                id={id}
                type="checkbox"
                checked={chosen.has(flag)}
                onChange={(e) => {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(flag);
                  else next.delete(flag);
                  onChange(flagsText(next));
                }}
                className="h-4 w-4"
              />
              <label htmlFor={id} className="font-mono text-sm">
                {flag}
              </label>
            </span>
          );
        })}
      </div>
      <FieldIssues issues={issues} path={path} />
    </fieldset>
  );
}
