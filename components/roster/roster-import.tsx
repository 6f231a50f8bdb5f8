"use client";
// The roster import: a file chosen (read here, in the browser) or its text pasted, a preview of
// what it would change, then the button that applies exactly that preview. When the course
// changed in between, the apply writes nothing and the new preview replaces the old one.
import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";
import { applyRosterAction } from "@/app/actions/apply-roster";
import { previewRosterAction } from "@/app/actions/preview-roster";
import type { RosterPreview } from "@/lib/lms/roster-import";
import type { Change, RosterPlan } from "@/lib/lms/roster-plan";
import type { Identifiers, RosterShape } from "@/lib/lms/roster-schemas";
import { DataTable } from "../data-table";
import { Labelled, OutcomeMessage, type Outcome } from "../form-fields";
import { buttonStyles, Card, fieldClass } from "../ui";
import { useText } from "../use-text";

type Shown = { preview: RosterPreview; changes: number };
type Notice = Outcome | null;

const SHAPE_KEYS = {
  "canvas-gradebook": "shape.canvasGradebook",
  "canvas-users": "shape.canvasUsers",
  moodle: "shape.moodle",
  plain: "shape.plain",
} as const satisfies Record<RosterShape, string>;

export function RosterImport({ courseId, maxBytes }: { courseId: string; maxBytes: number }) {
  const t = useTranslations("rosterImport");
  const [text, setText] = useState("");
  const [shown, setShown] = useState<Shown | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, startTransition] = useTransition();

  async function choose(file: File | undefined) {
    setShown(null);
    setNotice(null);
    if (!file) return;
    if (file.size > maxBytes) {
      setText("");
      setNotice({ ok: false, text: t("problem.tooLarge") });
      return;
    }
    setText(await file.text());
  }

  function preview() {
    setNotice(null);
    if (!text.trim()) {
      setNotice({ ok: false, text: t("form.required") });
      return;
    }
    // Said here, before a body the server would refuse unread is sent.
    if (new TextEncoder().encode(text).length > maxBytes) {
      setNotice({ ok: false, text: t("problem.tooLarge") });
      return;
    }
    startTransition(async () => {
      const result = await previewRosterAction({ courseId, text });
      if (!result.ok) setNotice({ ok: false, text: result.message });
      else setShown({ preview: result.preview, changes: result.changes });
    });
  }

  function apply(digest: string) {
    startTransition(async () => {
      const result = await applyRosterAction({ courseId, text, digest });
      if (!result.ok) return setNotice({ ok: false, text: result.message });
      if (!result.applied) {
        setShown({ preview: result.preview, changes: result.changes });
        return setNotice({ ok: false, text: t("preview.changedSince") });
      }
      const { plan } = result.preview;
      setShown(null);
      setText("");
      setNotice({
        ok: true,
        text: t("preview.applied", { invited: plan.invite.length, enrolled: plan.enrol.length, updated: plan.update.length }),
      });
    });
  }

  return (
    // One column of minmax(0, 1fr): the file input and the textarea shrink to a phone's width.
    <div className="grid grid-cols-1 gap-6">
      <Card>
        <div className="flex flex-col gap-4">
          <Labelled id="roster-file" label={t("form.file")}>
            {(props) => (
              <input
                {...props}
                type="file"
                accept=".csv,.txt,text/csv,text/plain"
                className="max-w-full text-sm"
                onChange={(e) => void choose(e.target.files?.[0])}
              />
            )}
          </Labelled>
          <Labelled id="roster-text" label={t("form.paste")}>
            {(props) => (
              <textarea
                {...props}
                rows={8}
                value={text}
                spellCheck={false}
                onChange={(e) => {
                  setText(e.target.value);
                  setShown(null);
                }}
                className={`${fieldClass} font-mono text-sm`}
              />
            )}
          </Labelled>
          <div>
            <button type="button" className={buttonStyles.secondary} disabled={pending} aria-disabled={pending} onClick={preview}>
              {pending ? t("form.previewing") : t("form.preview")}
            </button>
          </div>
        </div>
      </Card>
      <div aria-live="polite">
        <OutcomeMessage outcome={notice} />
      </div>
      {shown ? <PreviewView shown={shown} pending={pending} onApply={apply} /> : null}
    </div>
  );
}

function PreviewView({ shown, pending, onApply }: { shown: Shown; pending: boolean; onApply: (digest: string) => void }) {
  const t = useTranslations("rosterImport");
  const { plan, digest } = shown.preview;
  return (
    <Card title={t("preview.title")}>
      <div className="flex flex-col gap-5">
        <p className="text-sm text-slate-700">{t("preview.readAs", { shape: t(SHAPE_KEYS[plan.shape]) })}</p>
        <NewPeople title={t("preview.invite", { count: plan.invite.length })} rows={plan.invite} note={t("preview.inviteNote")} />
        {/* An existing account keeps its own name: show that one, not the file's. */}
        <NewPeople title={t("preview.enrol", { count: plan.enrol.length })} rows={plan.enrol.map((r) => ({ ...r, name: r.accountName }))} />
        <Updates plan={plan} />
        {plan.unchanged ? <p className="text-sm text-slate-700">{t("preview.unchanged", { count: plan.unchanged })}</p> : null}
        <Refused plan={plan} />
        {shown.changes ? (
          <div>
            <button
              type="button"
              className={buttonStyles.primary}
              disabled={pending}
              aria-disabled={pending}
              onClick={() => onApply(digest)}
            >
              {pending ? t("preview.applying") : t("preview.apply", { count: shown.changes })}
            </button>
          </div>
        ) : (
          <p className="text-sm font-medium text-slate-800">{t("preview.nothing")}</p>
        )}
      </div>
    </Card>
  );
}

function Part({ title, children, note }: { title: string; children: ReactNode; note?: string }) {
  return (
    <section className="flex flex-col gap-2">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      {note ? <p className="text-xs text-slate-600">{note}</p> : null}
      {children}
    </section>
  );
}

function useIdentifiers(): (ids: Identifiers) => string {
  const t = useTranslations("rosterImport");
  return (ids) =>
    (Object.entries(ids) as [keyof Identifiers, string][]).map(([field, value]) => `${t(`field.${field}`)}: ${value}`).join(" · ") || "—";
}

function NewPeople({ title, rows, note }: { title: string; rows: RosterPlan["invite"]; note?: string }) {
  const t = useTranslations("rosterImport");
  const identifiers = useIdentifiers();
  if (!rows.length) return null;
  return (
    <Part title={title} note={note}>
      <DataTable
        caption={title}
        hideCaption
        empty=""
        columns={[
          { key: "line", header: t("column.line") },
          { key: "email", header: t("column.email"), className: "font-mono text-xs" },
          { key: "name", header: t("column.name") },
          { key: "section", header: t("column.section") },
          { key: "ids", header: t("column.identifiers"), className: "text-xs" },
        ]}
        rows={rows.map((r) => ({
          key: r.email,
          cells: { line: r.line, email: r.email, name: r.name ?? "—", section: r.section ?? "—", ids: identifiers(r.ids) },
        }))}
      />
    </Part>
  );
}

function Updates({ plan }: { plan: RosterPlan }) {
  const t = useTranslations("rosterImport");
  if (!plan.update.length) return null;
  const title = t("preview.update", { count: plan.update.length });
  const change = (c: Change) => t("change", { field: t(`field.${c.field}`), from: c.from ?? t("none"), to: c.to });
  return (
    <Part title={title}>
      <DataTable
        caption={title}
        hideCaption
        empty=""
        columns={[
          { key: "line", header: t("column.line") },
          { key: "email", header: t("column.email"), className: "font-mono text-xs" },
          { key: "name", header: t("column.name") },
          { key: "changes", header: t("column.changes") },
        ]}
        rows={plan.update.map((u) => ({
          key: u.email,
          cells: {
            line: u.line,
            email: u.email,
            name: u.name,
            changes: (
              <ul className="list-none">
                {u.changes.map((c) => (
                  <li key={c.field}>{change(c)}</li>
                ))}
              </ul>
            ),
          },
        }))}
      />
    </Part>
  );
}

function Refused({ plan }: { plan: RosterPlan }) {
  const t = useTranslations("rosterImport");
  const render = useText();
  if (!plan.refused.length) return null;
  const title = t("preview.refused", { count: plan.refused.length });
  return (
    <Part title={title}>
      <DataTable
        caption={title}
        hideCaption
        empty=""
        columns={[
          { key: "line", header: t("column.line") },
          { key: "email", header: t("column.email"), className: "font-mono text-xs" },
          { key: "reason", header: t("column.reason") },
        ]}
        rows={plan.refused.map((r) => ({ key: `${r.line}`, cells: { line: r.line, email: r.email ?? "—", reason: render(r.reason) } }))}
      />
    </Part>
  );
}
