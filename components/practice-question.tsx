"use client";
// One practice question: answer, check, see the grade, the feedback and the full timeline,
// then ask for another variant. A blank or unreadable answer is refused with what is missing
// and reveals nothing; seeing the answer without answering is its own button. After either,
// focus moves to what came back and a live region says it, so a screen reader hears the result.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { checkPracticeAction, revealPracticeAction, type PracticeCheck, type PracticeRefusal } from "@/app/actions/check-practice";
import type { Presentation } from "@/lib/questions/client";
import { AnswerReview } from "./answer-review";
import { AnswerWidget, type Draft } from "./answer-widgets";
import { QuestionSetup } from "./question-view";
import { buttonStyles } from "./ui";
import { useText } from "./use-text";

type Outcome = Extract<PracticeCheck, { ok: true }> | PracticeRefusal;

export function PracticeQuestion({ token, presentation, signedIn }: { token: string; presentation: Presentation; signedIn: boolean }) {
  const t = useTranslations("practice");
  const text = useText();
  const router = useRouter();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [revealed, setRevealed] = useState(false);
  const [pending, start] = useTransition();
  const result = outcome?.ok ? outcome : null;
  const refusal = outcome && !outcome.ok ? outcome : null;
  const focusTarget = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (outcome) focusTarget.current?.focus();
  }, [outcome]);

  const announcement = result
    ? revealed
      ? text(result.result.feedback.summary)
      : `${text(result.result.feedback.summary)} ${t("savedScore", { score: Math.round(result.result.score * 100) / 100, max: result.result.maxScore })}`
    : (refusal?.message ?? "");

  return (
    <div className="flex flex-col gap-6">
      <p className="sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {!result ? (
        <section className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm" aria-label={t("question")}>
          <QuestionSetup presentation={presentation} />
          <div className="mt-4">
            <AnswerWidget name="practice" format={presentation.answer} draft={draft} onChange={setDraft} />
          </div>
          {refusal ? (
            <div
              ref={focusTarget}
              tabIndex={-1}
              className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 outline-none focus:ring-2 focus:ring-amber-400"
            >
              <p className="font-medium">
                {"problems" in refusal && refusal.problems ? t("invalid", { summary: refusal.message }) : refusal.message}
              </p>
              {"problems" in refusal && refusal.problems ? (
                <ul className="list-disc pl-5">
                  {refusal.problems.map((m, i) => (
                    <li key={i}>{m}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <div className="mt-4 flex flex-wrap gap-3">
            <button
              type="button"
              className={buttonStyles.primary}
              disabled={pending}
              onClick={() =>
                start(async () => {
                  setRevealed(false);
                  setOutcome(await checkPracticeAction({ token, answer: draft ?? {} }));
                })
              }
            >
              {pending ? t("checking") : t("check")}
            </button>
            <button
              type="button"
              className={buttonStyles.secondary}
              disabled={pending}
              onClick={() =>
                start(async () => {
                  setRevealed(true);
                  setOutcome(await revealPracticeAction({ token }));
                })
              }
            >
              {t("show")}
            </button>
          </div>
        </section>
      ) : (
        <div ref={focusTarget} tabIndex={-1} aria-label={t("result")} className="flex flex-col gap-3 outline-none">
          <AnswerReview
            presentation={result.presentation}
            draft={revealed ? null : draft}
            maxScore={result.result.maxScore}
            result={{ score: result.result.score, feedback: result.result.feedback, expected: result.expected, trace: result.trace }}
          />
          <p className="text-sm text-slate-600" role="status">
            {signedIn ? (result.saved ? (revealed ? t("revealSaved") : t("saved")) : "") : t("notSignedIn")}
          </p>
        </div>
      )}
      <div>
        <button
          type="button"
          className={result ? buttonStyles.primary : buttonStyles.secondary}
          onClick={() => {
            setDraft(null);
            setOutcome(null);
            setRevealed(false);
            router.refresh();
          }}
        >
          {t("nextVariant")}
        </button>
      </div>
    </div>
  );
}
