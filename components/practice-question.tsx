"use client";
// One practice question: answer, check, see the grade, the feedback and the full timeline,
// then ask for another variant.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { checkPracticeAction, type PracticeCheck } from "@/app/actions/check-practice";
import type { Presentation } from "@/lib/questions/client";
import { AnswerReview } from "./answer-review";
import { AnswerWidget, type Draft } from "./answer-widgets";
import { QuestionSetup } from "./question-view";
import { buttonStyles } from "./ui";
import { useText } from "./use-text";

export function PracticeQuestion({ token, presentation, signedIn }: { token: string; presentation: Presentation; signedIn: boolean }) {
  const t = useTranslations("practice");
  const text = useText();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [check, setCheck] = useState<PracticeCheck | null>(null);
  const [pending, start] = useTransition();
  const result = check?.ok ? check : null;

  return (
    <div className="flex flex-col gap-6">
      {!result || !result.result.valid ? (
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-label={t("question")}>
          <QuestionSetup presentation={presentation} />
          <div className="mt-4">
            <AnswerWidget name="practice" format={presentation.answer} draft={draft} onChange={setDraft} />
          </div>
          {check && !check.ok ? (
            <p role="alert" className="mt-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
              {text(check.message)}
            </p>
          ) : null}
          {result && !result.result.valid ? (
            <div role="alert" className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
              <p className="font-medium">{t("invalid", { summary: text(result.result.feedback.summary) })}</p>
              <ul className="list-disc pl-5">
                {result.result.feedback.messages.map((m, i) => (
                  <li key={i}>{text(m)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="mt-4 flex gap-3">
            <button
              type="button"
              className={buttonStyles.primary}
              disabled={pending}
              onClick={() => start(async () => setCheck(await checkPracticeAction({ token, answer: draft ?? {} })))}
            >
              {pending ? t("checking") : t("check")}
            </button>
          </div>
        </section>
      ) : (
        <>
          <AnswerReview
            presentation={result.presentation}
            draft={draft}
            maxScore={result.result.maxScore}
            result={{ score: result.result.score, feedback: result.result.feedback, expected: result.expected, trace: result.trace }}
          />
          <p className="text-sm text-slate-600" role="status">
            {signedIn ? (result.saved ? t("saved") : "") : t("notSignedIn")}
          </p>
        </>
      )}
      <div>
        <button
          type="button"
          className={result?.result.valid ? buttonStyles.primary : buttonStyles.secondary}
          onClick={() => {
            setDraft(null);
            setCheck(null);
            router.refresh();
          }}
        >
          {t("nextVariant")}
        </button>
      </div>
    </div>
  );
}
