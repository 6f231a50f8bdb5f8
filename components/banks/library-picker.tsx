"use client";
// The starter library as checkboxes, one group per family with what it teaches; "select all"
// per family; copy calls the bank's library route and says which keys the copies got (a key
// the bank held already gets a -2 suffix).
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { LibraryFamily } from "@/lib/authoring";
import { buttonStyles } from "../ui";
import { callApi } from "./api";

type Props = { courseId: string; bankId: string; bankTitle: string; families: LibraryFamily[]; kindLabels: Record<string, string> };

export function LibraryPicker({ courseId, bankId, bankTitle, families, kindLabels }: Props) {
  const t = useTranslations("banks.library");
  const router = useRouter();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  const toggle = (ids: string[], on: boolean) =>
    setChosen((before) => {
      const next = new Set(before);
      for (const id of ids)
        if (on) next.add(id);
        else next.delete(id);
      return next;
    });

  async function copy() {
    if (chosen.size === 0) return setSaid({ ok: false, text: t("noneSelected") });
    setBusy(true);
    const answer = await callApi<{ copied: { key: string }[] }>(`/courses/${courseId}/banks/${bankId}/library`, "POST", {
      templateIds: [...chosen],
    });
    setBusy(false);
    if (!answer.ok) return setSaid({ ok: false, text: answer.issues.map((i) => i.message).join(" ") || answer.message });
    setSaid({ ok: true, text: t("copied", { count: answer.data.copied.length, keys: answer.data.copied.map((c) => c.key).join(", ") }) });
    setChosen(new Set());
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-6">
      {families.map((family) => {
        const ids = family.templates.map((x) => x.id);
        const all = ids.every((id) => chosen.has(id));
        return (
          <fieldset key={family.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
            <legend className="px-1 text-lg font-semibold text-slate-900">{family.title}</legend>
            <p className="mb-3 text-sm text-slate-600">{t("concept", { concept: family.concept })}</p>
            <label className="mb-2 flex items-center gap-2 text-sm font-medium text-slate-800">
              <input type="checkbox" checked={all} onChange={(e) => toggle(ids, e.target.checked)} />
              {t("selectAll", { family: family.title })}
            </label>
            <ul className="flex flex-col gap-1 pl-6">
              {family.templates.map((x) => (
                <li key={x.id}>
                  <label className="flex flex-wrap items-center gap-2 text-sm text-slate-800">
                    <input type="checkbox" checked={chosen.has(x.id)} onChange={(e) => toggle([x.id], e.target.checked)} />
                    <span>{t("pick", { title: x.title, kind: kindLabels[x.kind] ?? x.kind })}</span>
                    <span className="font-mono text-xs text-slate-600">{x.id}</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      <div className="sticky bottom-0 flex flex-col gap-2 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-700" aria-live="polite">
          {t("selected", { count: chosen.size })}
        </p>
        <div className="flex flex-wrap gap-2">
          <button type="button" className={buttonStyles.primary} onClick={copy} disabled={busy}>
            {t("copy")}
          </button>
          <Link href={`/courses/${courseId}/banks/${bankId}`} className={buttonStyles.secondary}>
            {t("backToBank", { bank: bankTitle })}
          </Link>
        </div>
      </div>
      <p role={said && !said.ok ? "alert" : "status"} className={`text-sm ${said?.ok ? "text-accent-800" : "text-rose-700"}`}>
        {said?.text}
      </p>
    </div>
  );
}
