"use client";
// "Make a question from this": for people who may edit a bank (banks.edit), a link to that
// bank's new-question editor with the sandbox's template as the draft's scenario
// (`…/questions/new?draft=…`). Students are never given this section.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { buttonStyles } from "../ui";
import { questionDraft, questionHref, type AskChoice, type Template } from "./model";

export type EditableBank = { bankId: string; bankTitle: string; courseId: string; courseCode: string; courseTitle: string };

export function MakeQuestion({ template, banks, disabled }: { template: Template; banks: readonly EditableBank[]; disabled: boolean }) {
  const t = useTranslations("sandbox.question");
  const id = useId();
  const [bank, setBank] = useState(`${banks[0].courseId}/${banks[0].bankId}`);
  const [ask, setAsk] = useState<AskChoice>("states");
  const [title, setTitle] = useState(t("defaultTitle"));
  const chosen = banks.find((b) => `${b.courseId}/${b.bankId}` === bank) ?? banks[0];
  const courses = [...new Map(banks.map((b) => [b.courseId, b])).values()];
  const prompt = ask === "states" ? t("promptStates") : t("promptFinal");
  const href = questionHref(chosen.courseId, chosen.bankId, questionDraft(template, { ask, title, prompt }));
  const control = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm";
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {t("title")}
      </h2>
      <p className="text-sm text-slate-600">{t("description")}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-bank`} className="text-sm font-medium text-slate-800">
            {t("bank")}
          </label>
          <select id={`${id}-bank`} value={bank} onChange={(e) => setBank(e.target.value)} className={control}>
            {courses.map((course) => (
              <optgroup key={course.courseId} label={`${course.courseCode} — ${course.courseTitle}`}>
                {banks
                  .filter((b) => b.courseId === course.courseId)
                  .map((b) => (
                    <option key={b.bankId} value={`${b.courseId}/${b.bankId}`}>
                      {b.bankTitle}
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-ask`} className="text-sm font-medium text-slate-800">
            {t("ask")}
          </label>
          <select id={`${id}-ask`} value={ask} onChange={(e) => setAsk(e.target.value as AskChoice)} className={control}>
            <option value="states">{t("askStates")}</option>
            <option value="final-state">{t("askFinal")}</option>
          </select>
        </div>
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-name`} className="text-sm font-medium text-slate-800">
            {t("questionTitle")}
          </label>
          <input id={`${id}-name`} value={title} onChange={(e) => setTitle(e.target.value)} className={control} />
        </div>
      </div>
      <div>
        {disabled ? (
          <p className="text-sm text-slate-700">{t("fixJsonFirst")}</p>
        ) : (
          <a href={href} className={buttonStyles.primary}>
            {t("open")}
          </a>
        )}
      </div>
    </section>
  );
}
