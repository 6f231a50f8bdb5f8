"use client";
// The question editor: one template object edited in a form or as JSON, checked live by the
// preview API (its 422 names each problem's path, shown beside the field), previewed as a
// student sees it, sampled for variety, and saved through the bank's question routes — a new
// question with POST, an edit with PUT and the version it started from, so a save over someone
// else's newer version is refused (409) and the draft stays. Unsaved drafts are kept in this
// browser per question, and offered back on the next visit.
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from "react";
import { buttonStyles } from "@/components/ui";
import type { EditorCatalog } from "@/lib/authoring/param-fields";
import { createQuestion, loadQuestion, previewCall, updateQuestion } from "./api";
import { FormTab } from "./form-tab";
import { JsonTab } from "./json-tab";
import { PreviewPanel, type PreviewState } from "./preview-panel";
import { draftStorageKey, isObject, type Issue, type TemplateDraft } from "./template-draft";
import { VarietyPanel } from "./variety-panel";

const CHECK_DELAY_MS = 300;

type Check = { status: "checking" | "valid" | "invalid" | "seed-fails" | "error"; issues: Issue[]; message?: string };
type SaveNote = { tone: "ok" | "error"; text: string } | null;

// Each variant received gets its own number: the preview's answer state starts over with it.
let serial = 0;
const noSubscription = () => () => {};
// What storage held when the page arrived, by key: the snapshot useSyncExternalStore reads must
// stay the same while this visit writes its own draft there.
const arrivals = new Map<string, string | null>();
function draftAtArrival(key: string): string | null {
  if (!arrivals.has(key)) {
    let text: string | null = null;
    try {
      text = window.localStorage.getItem(key);
    } catch {
      // Storage refused (private mode): nothing to offer.
    }
    arrivals.set(key, text);
  }
  return arrivals.get(key) ?? null;
}
function forgetArrival(key: string) {
  arrivals.delete(key);
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export interface QuestionEditorProps {
  courseId: string;
  bankId: string;
  catalog: EditorCatalog;
  initial: TemplateDraft;
  /** The saved question's key and the version the draft starts from; null for a new question. */
  saved: { key: string; version: number } | null;
  canEdit: boolean;
  canSeeExpected: boolean;
}

export function QuestionEditor({ courseId, bankId, catalog, initial, saved: savedAtStart, canEdit, canSeeExpected }: QuestionEditorProps) {
  const t = useTranslations("editor");
  const [template, setTemplate] = useState<TemplateDraft>(initial);
  const [jsonText, setJsonText] = useState(() => pretty(initial));
  const [jsonError, setJsonError] = useState<string | null>(null);
  const [tab, setTab] = useState<"form" | "json">("form");
  const [seed, setSeed] = useState(1);
  // The last answer of the preview API, and what it answered for: a newer edit is "checking".
  const [result, setResult] = useState<{ template: TemplateDraft; seed: number; check: Check; preview: PreviewState } | null>(null);
  const [savedIssues, setSavedIssues] = useState<Issue[] | null>(null);
  const [saved, setSaved] = useState(savedAtStart);
  const [saving, setSaving] = useState(false);
  const [note, setNote] = useState<SaveNote>(null);
  const [conflict, setConflict] = useState<{ version: number } | null>(null);
  const [storedDismissed, setStoredDismissed] = useState(false);
  const storageKey = draftStorageKey(courseId, bankId, saved?.key ?? null);
  const baseline = useRef<TemplateDraft>(initial);
  // A draft kept from an earlier visit, offered back once (read on arrival, after hydration).
  const storedText = useSyncExternalStore(
    noSubscription,
    () => draftAtArrival(storageKey),
    () => null,
  );
  useEffect(() => () => forgetArrival(storageKey), [storageKey]);
  const stored = useMemo(() => {
    if (!canEdit || storedDismissed || !storedText) return null;
    try {
      const kept: unknown = JSON.parse(storedText);
      return isObject(kept) && !same(kept, initial) ? kept : null;
    } catch {
      return null;
    }
  }, [canEdit, storedDismissed, storedText, initial]);
  const fresh = result && result.template === template && result.seed === seed ? result : null;
  const check: Check = savedIssues ? { status: "invalid", issues: savedIssues } : (fresh?.check ?? { status: "checking", issues: [] });
  const preview: PreviewState = fresh?.preview ?? { status: "checking" };

  const edit = useCallback((next: TemplateDraft) => {
    setSavedIssues(null);
    setTemplate(next);
    setJsonText(pretty(next));
    setJsonError(null);
  }, []);

  const editJson = (text: string) => {
    setJsonText(text);
    try {
      const parsed: unknown = JSON.parse(text);
      if (!isObject(parsed)) throw new Error(t("json.root"));
      setJsonError(null);
      setSavedIssues(null);
      setTemplate(parsed);
    } catch (error) {
      setJsonError(error instanceof Error ? error.message : String(error));
    }
  };

  // Keep the draft in this browser once it differs from what was saved (a save or a discard
  // removes it; one left equal to the saved version is not offered back).
  useEffect(() => {
    if (!canEdit || stored) return;
    try {
      if (!same(template, baseline.current)) window.localStorage.setItem(storageKey, JSON.stringify(template));
    } catch {
      // Storage full or refused: the draft lives on in the page.
    }
  }, [template, storageKey, canEdit, stored]);

  // Check and preview: one call answers both (422 with issues, or the variant).
  useEffect(() => {
    if (jsonError) return;
    const controller = new AbortController();
    const answered = (check: Check, preview: PreviewState) => setResult({ template, seed, check, preview });
    const timer = window.setTimeout(async () => {
      try {
        const outcome = await previewCall(courseId, template, seed, controller.signal);
        if (outcome.ok)
          answered(
            { status: "valid", issues: [] },
            { status: "ready", body: outcome.data, serverMs: outcome.serverMs, totalMs: outcome.totalMs, serial: ++serial },
          );
        else if (outcome.status === 422 && outcome.issues.length > 0)
          answered({ status: "invalid", issues: outcome.issues }, { status: "invalid" });
        else if (outcome.status === 422) answered({ status: "seed-fails", issues: [] }, { status: "seed-fails", message: outcome.message });
        else answered({ status: "error", issues: [], message: outcome.message }, { status: "error", message: outcome.message });
      } catch {
        // Aborted: a newer edit is being checked.
      }
    }, CHECK_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      controller.abort();
    };
  }, [template, seed, courseId, jsonError]);

  const valid = !jsonError && (check.status === "valid" || check.status === "seed-fails");

  const afterSave = (version: number, key: string) => {
    baseline.current = template;
    window.localStorage.removeItem(draftStorageKey(courseId, bankId, saved?.key ?? null));
    setSaved({ key, version });
    setConflict(null);
    if (!saved) window.history.replaceState(null, "", `/courses/${courseId}/banks/${bankId}/questions/${encodeURIComponent(key)}`);
  };

  const save = async (baseVersion?: number) => {
    setSaving(true);
    setNote(null);
    const outcome = saved
      ? await updateQuestion(courseId, bankId, saved.key, template, baseVersion ?? saved.version)
      : await createQuestion(courseId, bankId, template);
    setSaving(false);
    if (outcome.ok) {
      const unchanged = saved !== null && outcome.data.version === (baseVersion ?? saved.version);
      afterSave(outcome.data.version, outcome.data.key ?? saved?.key ?? String(template.id));
      setNote({
        tone: "ok",
        text: unchanged
          ? t("save.unchanged", { version: outcome.data.version })
          : t(saved ? "save.updated" : "save.created", { version: outcome.data.version }),
      });
    } else if (outcome.status === 409 && saved && outcome.current) {
      setConflict({ version: outcome.current.version });
    } else {
      if (outcome.issues.length) setSavedIssues(outcome.issues);
      setNote({ tone: "error", text: t("save.failed", { message: outcome.message }) });
    }
  };

  const reloadTheirs = async () => {
    if (!saved) return;
    const outcome = await loadQuestion(courseId, bankId, saved.key);
    if (!outcome.ok) return setNote({ tone: "error", text: t("save.failed", { message: outcome.message }) });
    baseline.current = outcome.data.template;
    edit(outcome.data.template);
    setSaved({ key: saved.key, version: outcome.data.version });
    setConflict(null);
    setNote(null);
  };

  const tabKeys = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight" && e.key !== "Home" && e.key !== "End") return;
    e.preventDefault();
    const next = tab === "form" ? "json" : "form";
    const target = e.key === "Home" ? "form" : e.key === "End" ? "json" : next;
    setTab(target);
    document.getElementById(`editor-tab-${target}`)?.focus();
  };

  const issueCount = check.issues.length;
  return (
    <div className="flex flex-col gap-4">
      {stored ? (
        <div className="flex flex-wrap items-center gap-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          <span>{t("draft.stored")}</span>
          <button
            type="button"
            className={buttonStyles.secondary}
            onClick={() => {
              edit(stored);
              setStoredDismissed(true);
            }}
          >
            {t("draft.restore")}
          </button>
          <button
            type="button"
            className={buttonStyles.secondary}
            onClick={() => {
              window.localStorage.removeItem(storageKey);
              setStoredDismissed(true);
            }}
          >
            {t("draft.discard")}
          </button>
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <section className="min-w-0 rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="editor-heading">
          <h2 id="editor-heading" className="mb-3 text-lg font-semibold text-slate-900">
            {t("panels.question")}
          </h2>
          <div role="tablist" aria-label={t("tabs.label")} className="mb-4 flex gap-1 border-b border-slate-200">
            {(["form", "json"] as const).map((name) => (
              <button
                key={name}
                id={`editor-tab-${name}`}
                type="button"
                role="tab"
                aria-selected={tab === name}
                aria-controls={`editor-panel-${name}`}
                tabIndex={tab === name ? 0 : -1}
                onKeyDown={tabKeys}
                onClick={() => setTab(name)}
                className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${tab === name ? "border-accent-700 text-accent-800" : "border-transparent text-slate-600 hover:text-slate-900"}`}
              >
                {t(name === "form" ? "tabs.form" : "tabs.json")}
              </button>
            ))}
          </div>
          <div id="editor-panel-form" role="tabpanel" aria-labelledby="editor-tab-form" hidden={tab !== "form"}>
            {tab === "form" ? (
              <FormTab
                catalog={catalog}
                template={template}
                onChange={edit}
                issues={check.issues}
                disabled={!canEdit}
                keyFixed={saved !== null}
              />
            ) : null}
          </div>
          <div id="editor-panel-json" role="tabpanel" aria-labelledby="editor-tab-json" hidden={tab !== "json"}>
            {tab === "json" ? (
              <JsonTab text={jsonText} onChange={editJson} syntaxError={jsonError} issues={check.issues} disabled={!canEdit} />
            ) : null}
          </div>

          <div className="mt-5 flex flex-col gap-3 border-t border-slate-200 pt-4">
            <p
              role="status"
              className={`text-sm ${check.status === "invalid" || jsonError ? "text-rose-700" : "text-slate-700"}`}
              data-testid="check-status"
            >
              {jsonError
                ? t("json.syntax", { reason: jsonError })
                : check.status === "checking"
                  ? t("check.checking")
                  : check.status === "invalid"
                    ? t("check.invalid", { count: issueCount })
                    : check.status === "error"
                      ? t("check.offline", { message: check.message ?? "" })
                      : t("check.valid")}
            </p>
            {conflict && saved ? (
              <div role="alert" className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
                <p className="font-semibold">{t("conflict.title")}</p>
                <p>{t("conflict.body", { version: conflict.version, base: saved.version })}</p>
                <div className="flex flex-wrap gap-2">
                  <button type="button" className={buttonStyles.secondary} onClick={reloadTheirs}>
                    {t("conflict.reload", { version: conflict.version })}
                  </button>
                  <button type="button" className={buttonStyles.danger} disabled={saving} onClick={() => save(conflict.version)}>
                    {t("conflict.overwrite")}
                  </button>
                </div>
              </div>
            ) : null}
            {canEdit ? (
              <div className="flex flex-wrap items-center gap-3">
                <button type="button" className={buttonStyles.primary} disabled={!valid || saving} onClick={() => save()}>
                  {saving ? t("save.saving") : saved ? t("save.update") : t("save.create")}
                </button>
                {note ? (
                  <p
                    role={note.tone === "ok" ? "status" : "alert"}
                    className={`text-sm ${note.tone === "ok" ? "text-accent-800" : "text-rose-700"}`}
                  >
                    {note.text}
                  </p>
                ) : null}
              </div>
            ) : (
              <p className="text-sm text-slate-600">{t("save.readOnly")}</p>
            )}
          </div>
        </section>

        <div className="flex min-w-0 flex-col gap-6">
          <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="preview-heading">
            <h2 id="preview-heading" className="mb-3 text-lg font-semibold text-slate-900">
              {t("preview.title")}
            </h2>
            <PreviewPanel
              state={jsonError ? { status: "invalid" } : preview}
              seed={seed}
              onSeed={setSeed}
              canSeeExpected={canSeeExpected}
            />
          </section>
          <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-labelledby="variety-heading">
            <h2 id="variety-heading" className="mb-3 text-lg font-semibold text-slate-900">
              {t("variety.title")}
            </h2>
            <VarietyPanel courseId={courseId} template={template} firstSeed={seed} disabled={!valid} onOpenSeed={setSeed} />
          </section>
        </div>
      </div>
    </div>
  );
}
