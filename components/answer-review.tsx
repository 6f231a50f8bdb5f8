// A graded question after feedback release: the score, the feedback, the student's answer
// beside the true one, and the timeline with states. The feedback is stored as messages, so
// it reads in the reader's language whoever was graded in which.
import { useLocale, useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { Feedback } from "@/lib/grading/client";
import { localized } from "@/lib/i18n/localized";
import type { Answer, Draft, Presentation, Trace } from "@/lib/questions/client";
import { componentsFor } from "./answers";
import { Markdown } from "./markdown";
import { QuestionSetup } from "./question-view";
import { Timeline } from "./timeline";
import { Badge } from "./ui";
import { useText } from "./use-text";

/** The question's kind's review: the student's answer beside the true one. */
function AnswerComparison({ draft, expected, presentation }: { draft: Draft | null; expected: Answer; presentation: Presentation }) {
  const { Review } = componentsFor(expected.kind);
  return <Review draft={draft} expected={expected} format={presentation.answer} />;
}

export function AnswerReview({
  position,
  presentation,
  draft,
  result,
  maxScore,
  change,
  regraded,
}: {
  position?: number;
  presentation: Presentation;
  draft: unknown;
  maxScore: number;
  result: { score: number; feedback: Feedback; expected: Answer; trace: Trace };
  /** How the score changed since grading (an override, a regrade), said under the score. */
  change?: ReactNode;
  /** The "regraded" mark beside the score. */
  regraded?: ReactNode;
}) {
  const t = useTranslations("answers.review");
  const text = useText();
  const locale = useLocale();
  const { feedback } = result;
  const tone = feedback.correct ? "accent" : result.score > 0 ? "amber" : "rose";
  const concept = text(feedback.concept);
  return (
    <section
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      aria-label={position ? t("region", { position }) : t("regionAlone")}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        {position ? <p className="text-sm font-medium text-slate-600">{t("question", { position })}</p> : <span />}
        <span className="flex flex-wrap items-center gap-2">
          {regraded}
          <Badge tone={tone}>{t("score", { score: Math.round(result.score * 100) / 100, max: maxScore })}</Badge>
        </span>
      </div>
      {change}
      <QuestionSetup presentation={presentation} headingLevel={3} />
      <div className={`rounded-lg p-3 ${feedback.correct ? "bg-accent-50" : "bg-amber-50"}`}>
        <p className="font-medium text-slate-900">{text(feedback.summary)}</p>
        <ul className="mt-1 list-disc space-y-1 pl-5 text-slate-800">
          {feedback.messages.map((m, i) => (
            <li key={i}>{text(m)}</li>
          ))}
        </ul>
      </div>
      <AnswerComparison draft={draft as Draft | null} expected={result.expected} presentation={presentation} />
      {feedback.explanation ? <Markdown text={localized(feedback.explanation, locale)} className="text-slate-700" /> : null}
      {concept ? (
        <p className="text-sm text-slate-600">
          {t.rich("idea", { concept, b: (chunks) => <span className="font-medium">{chunks}</span> })}
        </p>
      ) : null}
      <Timeline trace={result.trace} showStates highlight={feedback.firstMistake?.eventIndex} title={t("timeline")} />
    </section>
  );
}
