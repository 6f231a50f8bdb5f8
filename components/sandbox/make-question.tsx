"use client";
// "Make a question from this": for people who may edit a bank (banks.edit), a link to that
// bank's new-question editor with a draft whose scenario is what they are looking at
// (`…/questions/new?draft=…`). MakeQuestionForm is the shared part (bank, title, link, a draft
// too long for a link said in words); the sandbox and the capture import add what they ask.
// Students are never given this section.
import { useTranslations } from "next-intl";
import { useId, useState, type ReactNode } from "react";
import { encodeShared, MAX_SHARED_CHARS } from "@/lib/authoring/client";
import { buttonStyles } from "../ui";
import { questionDraft, questionHref, type AskChoice, type Template } from "./model";

export type EditableBank = { bankId: string; bankTitle: string; courseId: string; courseCode: string; courseTitle: string };

export const fieldControl = "w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-slate-900 shadow-sm";

export function MakeQuestionForm({
  banks,
  heading,
  description,
  defaultTitle,
  draft,
  blocked,
  tooLong,
  children,
}: {
  banks: readonly EditableBank[];
  heading: string;
  description: string;
  defaultTitle: string;
  /** The draft for the title typed; null while the section's own fields are not usable. */
  draft: (title: string) => object | null;
  /** Said instead of the link while `draft` is null. */
  blocked: string;
  /** Said instead of the link when the draft is too long to carry in one. */
  tooLong: string;
  /** The section's own fields (what the students are asked), beside the bank and the title. */
  children: ReactNode;
}) {
  const t = useTranslations("sandbox.question");
  const id = useId();
  const [bank, setBank] = useState(`${banks[0].courseId}/${banks[0].bankId}`);
  const [title, setTitle] = useState(defaultTitle);
  const chosen = banks.find((b) => `${b.courseId}/${b.bankId}` === bank) ?? banks[0];
  const courses = [...new Map(banks.map((b) => [b.courseId, b])).values()];
  const value = draft(title);
  const href = value === null ? null : questionHref(chosen.courseId, chosen.bankId, value);
  const fits = value !== null && encodeShared(value).length <= MAX_SHARED_CHARS;
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
        {heading}
      </h2>
      <p className="text-sm text-slate-600">{description}</p>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-bank`} className="text-sm font-medium text-slate-800">
            {t("bank")}
          </label>
          <select id={`${id}-bank`} value={bank} onChange={(e) => setBank(e.target.value)} className={fieldControl}>
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
        {children}
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-name`} className="text-sm font-medium text-slate-800">
            {t("questionTitle")}
          </label>
          <input id={`${id}-name`} value={title} onChange={(e) => setTitle(e.target.value)} className={fieldControl} />
        </div>
      </div>
      <div>
        {href === null ? (
          <p className="text-sm text-slate-700">{blocked}</p>
        ) : fits ? (
          <a href={href} className={buttonStyles.primary}>
            {t("open")}
          </a>
        ) : (
          <p className="text-sm text-amber-900">{tooLong}</p>
        )}
      </div>
    </section>
  );
}

export function MakeQuestion({ template, banks, disabled }: { template: Template; banks: readonly EditableBank[]; disabled: boolean }) {
  const t = useTranslations("sandbox.question");
  const id = useId();
  const [ask, setAsk] = useState<AskChoice>("states");
  const prompt = ask === "states" ? t("promptStates") : t("promptFinal");
  return (
    <MakeQuestionForm
      banks={banks}
      heading={t("title")}
      description={t("description")}
      defaultTitle={t("defaultTitle")}
      draft={(title) => (disabled ? null : questionDraft(template, { ask, title, prompt }))}
      blocked={t("fixJsonFirst")}
      tooLong={t("tooLong")}
    >
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={`${id}-ask`} className="text-sm font-medium text-slate-800">
          {t("ask")}
        </label>
        <select id={`${id}-ask`} value={ask} onChange={(e) => setAsk(e.target.value as AskChoice)} className={fieldControl}>
          <option value="states">{t("askStates")}</option>
          <option value="final-state">{t("askFinal")}</option>
        </select>
      </div>
    </MakeQuestionForm>
  );
}
