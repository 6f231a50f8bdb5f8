"use client";
// "Make a question from this capture": for people who may edit a bank, the shared "Make a
// question" form with the capture's reconstruction as the scenario, asking either for the
// segment after the first K captured ones (K chosen, at most all but the last) or for both
// endpoints' final states. The prompt is a first draft in the author's words, to be edited.
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { captureQuestion, givenLimit, type CaptureAsk, type CaptureRun } from "@/lib/authoring/client";
import { fieldControl, MakeQuestionForm, type EditableBank } from "../sandbox/make-question";

export function CaptureQuestion({ run, connection, banks }: { run: CaptureRun; connection: number; banks: readonly EditableBank[] }) {
  const t = useTranslations("capture.question");
  const id = useId();
  const limit = givenLimit(run.sent);
  const [ask, setAsk] = useState<CaptureAsk>(limit === null ? "final-state" : "next");
  const [givenText, setGivenText] = useState(String(limit ?? 0));
  const given = /^\d{1,3}$/.test(givenText.trim()) ? Number(givenText.trim()) : null;
  const givenWrong = ask === "next" && limit !== null && (given === null || given > limit);
  const prompt = ask === "next" ? t("promptNext", { given: given ?? 0 }) : t("promptFinal");
  return (
    <MakeQuestionForm
      banks={banks}
      heading={t("title")}
      description={t("description")}
      defaultTitle={t("defaultTitle", { id: String(connection) })}
      draft={(title) => (givenWrong ? null : captureQuestion(run, { ask, given: given ?? 0, title, prompt }))}
      blocked={t("fixGiven")}
      tooLong={t("tooLong")}
    >
      <div className="flex min-w-0 flex-col gap-1">
        <label htmlFor={`${id}-ask`} className="text-sm font-medium text-slate-800">
          {t("ask")}
        </label>
        <select id={`${id}-ask`} value={ask} onChange={(e) => setAsk(e.target.value as CaptureAsk)} className={fieldControl}>
          {limit !== null ? <option value="next">{t("askNext")}</option> : null}
          <option value="final-state">{t("askFinal")}</option>
        </select>
      </div>
      {ask === "next" && limit !== null ? (
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={`${id}-given`} className="text-sm font-medium text-slate-800">
            {t("given")}
          </label>
          <input
            id={`${id}-given`}
            type="number"
            inputMode="numeric"
            min={0}
            max={limit}
            step={1}
            value={givenText}
            onChange={(e) => setGivenText(e.target.value)}
            aria-invalid={givenWrong ? true : undefined}
            aria-describedby={`${id}-given-hint${givenWrong ? ` ${id}-given-error` : ""}`}
            className={fieldControl}
          />
          <p id={`${id}-given-hint`} className="text-xs text-slate-600">
            {t("givenHint", { max: limit, sent: run.sent })}
          </p>
          {givenWrong ? (
            <p id={`${id}-given-error`} className="text-sm text-rose-700">
              {t("givenWrong", { max: limit })}
            </p>
          ) : null}
        </div>
      ) : null}
    </MakeQuestionForm>
  );
}
