"use client";
// The editor's form: every field of a question template, the family's parameters and the
// kind's fields derived from their schemas (lib/authoring/param-fields.ts). Each problem the
// server found is shown beside the field its path names; what no field claims is listed first.
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { encodeShared } from "@/lib/authoring/client";
import type { EditorCatalog } from "@/lib/authoring/param-fields";
import { msg, type MessageKey } from "@/lib/i18n/msg";
import { useText } from "@/components/use-text";
import { FieldBox, LocalizedField, SchemaField, inputClass } from "./inputs";
import {
  STARTER_SCENARIO,
  askFor,
  isObject,
  issueKey,
  issuesAt,
  parseTags,
  unclaimed,
  withValue,
  type Issue,
  type TemplateDraft,
} from "./template-draft";

const CUSTOM = "custom";

export function FormTab({
  catalog,
  template,
  onChange,
  issues,
  disabled,
  keyFixed,
}: {
  catalog: EditorCatalog;
  template: TemplateDraft;
  onChange: (next: TemplateDraft) => void;
  issues: readonly Issue[];
  disabled: boolean;
  /** Editing a saved question: its id is its key and stays. */
  keyFixed: boolean;
}) {
  const t = useTranslations("editor");
  const text = useText();
  const set = (name: string, value: unknown) => onChange(withValue(template, name, value));
  const familyId = typeof template.family === "string" ? template.family : "";
  const family = catalog.families.find((f) => f.id === familyId);
  const ask = isObject(template.ask) ? template.ask : {};
  const kind = typeof ask.kind === "string" ? ask.kind : "";
  const kindFields = catalog.kinds.find((k) => k.kind === kind)?.fields ?? [];
  const params = isObject(template.params) ? template.params : {};

  const shown = [
    "id",
    "title",
    "prompt",
    "explanation",
    "family",
    "points",
    "policy",
    "tags",
    "ask.kind",
    ...(familyId === CUSTOM ? ["scenario", "params"] : (family?.fields ?? []).map((f) => `params.${f.name}`)),
    ...kindFields.map((f) => `ask.${f.name}`),
  ];
  const others = unclaimed(issues, shown);
  const at = (key: string) => issuesAt(issues, key);

  const pickFamily = (id: string) => {
    const next: TemplateDraft = { ...template, family: id, params: {} };
    if (id === CUSTOM) next.scenario = isObject(template.scenario) ? template.scenario : STARTER_SCENARIO;
    else delete next.scenario;
    onChange(next);
  };

  return (
    <div className="flex flex-col gap-5">
      {others.length > 0 ? (
        <div className="rounded-lg bg-rose-50 px-3 py-2" role="group" aria-label={t("check.other")}>
          <p className="text-sm font-medium text-rose-800">{t("check.other")}</p>
          <ul className="list-disc pl-5 text-sm text-rose-700">
            {others.map((issue, i) => (
              <li key={i}>
                <span className="font-mono">{issueKey(issue) || t("json.root")}</span>: {issue.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <FieldBox id="q-id" label={t("fields.id")} hint={t("fields.idHint")} issues={at("id")}>
        {(describedBy, invalid) => (
          <input
            id="q-id"
            className={`${inputClass} font-mono ${invalid ? "border-rose-500" : "border-slate-300"}`}
            value={typeof template.id === "string" ? template.id : ""}
            disabled={disabled || keyFixed}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => set("id", e.target.value)}
          />
        )}
      </FieldBox>
      <LocalizedField
        id="q-title"
        label={t("fields.title")}
        value={template.title}
        onChange={(v) => set("title", v)}
        issues={at("title")}
        disabled={disabled}
      />
      <LocalizedField
        id="q-prompt"
        label={t("fields.prompt")}
        hint={t("fields.promptHint")}
        value={template.prompt}
        onChange={(v) => set("prompt", v)}
        issues={at("prompt")}
        multiline
        markdown
        disabled={disabled}
      />

      <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("fields.scenario")}</legend>
        <FieldBox
          id="q-family"
          label={t("fields.family")}
          issues={at("family")}
          hint={family ? t("fields.concept", { concept: text(family.concept) }) : undefined}
        >
          {(describedBy, invalid) => (
            <select
              id="q-family"
              className={`${inputClass} ${invalid ? "border-rose-500" : "border-slate-300"}`}
              value={familyId}
              disabled={disabled}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(e) => pickFamily(e.target.value)}
            >
              {family || familyId === CUSTOM ? null : <option value={familyId}>{familyId}</option>}
              {catalog.families.map((f) => (
                <option key={f.id} value={f.id}>
                  {text(f.title)}
                </option>
              ))}
              <option value={CUSTOM}>{t("fields.familyCustom")}</option>
            </select>
          )}
        </FieldBox>
        {familyId === CUSTOM ? (
          <ScenarioField
            value={template.scenario}
            onChange={(v) => set("scenario", v)}
            issues={[...at("scenario"), ...at("params")]}
            disabled={disabled}
          />
        ) : family ? (
          family.fields.length === 0 ? (
            <p className="text-sm text-slate-600">{t("fields.noParams")}</p>
          ) : (
            <div className="flex flex-col gap-3" role="group" aria-label={t("fields.params")}>
              <p className="text-sm font-medium text-slate-800">{t("fields.params")}</p>
              {family.fields.map((field) => (
                <SchemaField
                  key={`${family.id}-${field.name}`}
                  field={field}
                  idPrefix="q-param"
                  value={params[field.name]}
                  onChange={(v) => set("params", withValue(params, field.name, v))}
                  issues={at(`params.${field.name}`)}
                  seedPicks
                  disabled={disabled}
                />
              ))}
            </div>
          )
        ) : null}
      </fieldset>

      <fieldset className="flex flex-col gap-3 rounded-lg border border-slate-200 p-3">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("fields.kind")}</legend>
        <FieldBox id="q-kind" label={t("fields.kind")} issues={at("ask.kind")}>
          {(describedBy, invalid) => (
            <select
              id="q-kind"
              className={`${inputClass} ${invalid ? "border-rose-500" : "border-slate-300"}`}
              value={kind}
              disabled={disabled}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(e) => {
                const fields = catalog.kinds.find((k) => k.kind === e.target.value)?.fields ?? [];
                set("ask", askFor(e.target.value, fields));
              }}
            >
              {catalog.kinds.some((k) => k.kind === kind) ? null : <option value={kind}>{kind}</option>}
              {catalog.kinds.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {text(msg(`editor.kind.${k.kind}` as MessageKey))}
                </option>
              ))}
            </select>
          )}
        </FieldBox>
        {kindFields.length > 0 ? (
          <div className="flex flex-col gap-3" role="group" aria-label={t("fields.askFields")}>
            {kindFields.map((field) => (
              <SchemaField
                key={`${kind}-${field.name}`}
                field={field}
                idPrefix="q-ask"
                value={ask[field.name]}
                onChange={(v) => set("ask", withValue(ask, field.name, v))}
                issues={at(`ask.${field.name}`)}
                seedPicks={false}
                disabled={disabled}
              />
            ))}
          </div>
        ) : null}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <FieldBox id="q-points" label={t("fields.points")} issues={at("points")}>
          {(describedBy, invalid) => (
            <input
              id="q-points"
              type="number"
              min={0}
              max={100}
              step="any"
              className={`${inputClass} ${invalid ? "border-rose-500" : "border-slate-300"}`}
              value={typeof template.points === "number" ? template.points : ""}
              disabled={disabled}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(e) => set("points", e.target.value === "" ? undefined : Number(e.target.value))}
            />
          )}
        </FieldBox>
        <FieldBox id="q-policy" label={t("fields.policy")} issues={at("policy")}>
          {(describedBy, invalid) => (
            <select
              id="q-policy"
              className={`${inputClass} ${invalid ? "border-rose-500" : "border-slate-300"}`}
              value={typeof template.policy === "string" ? template.policy : ""}
              disabled={disabled}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(e) => set("policy", e.target.value === "" ? undefined : e.target.value)}
            >
              <option value="">{t("fields.policyDefault")}</option>
              {catalog.policies.map((p) => (
                <option key={p} value={p}>
                  {text(msg(`editor.policy.${p}` as MessageKey))}
                </option>
              ))}
            </select>
          )}
        </FieldBox>
      </div>

      <LocalizedField
        id="q-explanation"
        label={t("fields.explanation")}
        hint={t("fields.explanationHint")}
        value={template.explanation ?? ""}
        onChange={(v) => set("explanation", v === "" ? undefined : v)}
        issues={at("explanation")}
        multiline
        markdown
        disabled={disabled}
      />
      <TagsField value={template.tags} onChange={(v) => set("tags", v)} issues={at("tags")} disabled={disabled} />
    </div>
  );
}

function TagsField({
  value,
  onChange,
  issues,
  disabled,
}: {
  value: unknown;
  onChange: (v: string[]) => void;
  issues: readonly Issue[];
  disabled: boolean;
}) {
  const t = useTranslations("editor");
  const joined = Array.isArray(value) ? value.join(", ") : "";
  const [typing, setTyping] = useState(joined);
  // The text as typed while it means the same tags; else (changed in the JSON tab) the tags.
  const typed = parseTags(typing).join(", ") === joined ? typing : joined;
  return (
    <FieldBox id="q-tags" label={t("fields.tags")} hint={t("fields.tagsHint")} issues={issues}>
      {(describedBy, invalid) => (
        <input
          id="q-tags"
          className={`${inputClass} ${invalid ? "border-rose-500" : "border-slate-300"}`}
          value={typed}
          disabled={disabled}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          onChange={(e) => {
            setTyping(e.target.value);
            onChange(parseTags(e.target.value));
          }}
        />
      )}
    </FieldBox>
  );
}

function sameJson(text: string, value: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === JSON.stringify(value);
  } catch {
    return false;
  }
}

/** A custom question's scenario as JSON, with the parts the seed varies (docs/scenario-format.md). */
function ScenarioField({
  value,
  onChange,
  issues,
  disabled,
}: {
  value: unknown;
  onChange: (v: unknown) => void;
  issues: readonly Issue[];
  disabled: boolean;
}) {
  const t = useTranslations("editor");
  const serialized = JSON.stringify(value ?? {}, null, 2);
  const [typing, setTyping] = useState(serialized);
  const [syntax, setSyntax] = useState<string | null>(null);
  // The text as typed (with its own spacing, or not JSON yet); else the scenario as it now is.
  const typed = syntax !== null || sameJson(typing, value ?? {}) ? typing : serialized;
  const all: Issue[] = syntax ? [{ path: ["scenario"], message: t("fields.scenarioSyntax", { reason: syntax }) }, ...issues] : [...issues];
  return (
    <div className="flex flex-col gap-2">
      <FieldBox
        id="q-scenario"
        label={t("fields.scenario")}
        hint={t("fields.scenarioHint", { doc: "docs/scenario-format.md", example: '{ "between": [lo, hi] }', random: '"random"' })}
        issues={all}
      >
        {(describedBy, invalid) => (
          <textarea
            id="q-scenario"
            rows={14}
            spellCheck={false}
            className={`${inputClass} font-mono text-xs ${invalid ? "border-rose-500" : "border-slate-300"}`}
            value={typed}
            disabled={disabled}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
            onChange={(e) => {
              setTyping(e.target.value);
              try {
                const parsed: unknown = JSON.parse(e.target.value);
                setSyntax(null);
                onChange(parsed);
              } catch (error) {
                setSyntax(error instanceof Error ? error.message : String(error));
              }
            }}
          />
        )}
      </FieldBox>
      <p>
        <Link className="text-sm font-medium text-accent-700 underline" href={`/sandbox?s=${encodeShared(value ?? {})}`}>
          {t("fields.openSandbox")}
        </Link>
      </p>
    </div>
  );
}
