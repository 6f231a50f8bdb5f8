// A submitted attempt's review, as its student sees it after release and as the course's staff
// always see it: the score with why it is shown, then each question's review. A question with no
// result yet (an attempt still in progress, seen by staff) shows its setup. Before release the
// student sees each question with their own saved answer and when it was saved, from a view that
// holds no result: nothing withheld reaches the page.
import { useFormatter, useTranslations } from "next-intl";
import type { AttemptItemView, GradeChange } from "@/lib/attempts";
import type { Text } from "@/lib/i18n/msg";
import type { Draft } from "@/lib/questions/client";
import { AnswerReview } from "./answer-review";
import { componentsFor } from "./answers";
import { QuestionSetup } from "./question-view";
import { Badge, Card } from "./ui";
import { useText } from "./use-text";

export function AttemptScore({
  score,
  maxScore,
  reason,
  change,
}: {
  score: number | null;
  maxScore: number | null;
  reason: Text;
  /** How the total changed since grading: an override of it, a regrade. */
  change?: GradeChange;
}) {
  const t = useTranslations("attempt");
  const text = useText();
  return (
    <Card>
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-lg font-semibold text-slate-900" data-testid="attempt-score">
          {t("score", { score: Math.round((score ?? 0) * 100) / 100, max: maxScore ?? 0 })}
        </p>
        {change?.regradedAt ? <RegradedBadge /> : null}
      </div>
      <p className="text-sm text-slate-600">{text(reason)}</p>
      {change ? <GradeChangeNote change={change} /> : null}
    </Card>
  );
}

/** The "regraded" mark. */
export function RegradedBadge() {
  const t = useTranslations("gradeChanges.review");
  return <Badge tone="accent">{t("regraded")}</Badge>;
}

/** What changed a grade after grading, said to the student: the staff's override with its reason, a regrade with its date. */
export function GradeChangeNote({ change }: { change: GradeChange }) {
  const t = useTranslations("gradeChanges.review");
  const format = useFormatter();
  const round = (n: number) => Math.round(n * 100) / 100;
  const o = change.override;
  return (
    <div className="mt-2 flex flex-col gap-1 text-sm" data-testid="grade-change">
      {o ? (
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
          {o.reason
            ? t("overridden", { score: round(o.score), graded: round(o.graderScore ?? 0), reason: o.reason })
            : t("overriddenNoReason", { score: round(o.score), graded: round(o.graderScore ?? 0) })}
        </p>
      ) : null}
      {change.regradedAt ? (
        <p className="text-slate-700">
          {t("regradedAt", { at: format.dateTime(change.regradedAt, { dateStyle: "medium", timeStyle: "short" }) })}
        </p>
      ) : null}
    </div>
  );
}

export function AttemptReviewItems({ items, showUngraded = false }: { items: AttemptItemView[]; showUngraded?: boolean }) {
  return items.map((item) =>
    item.result ? (
      <AnswerReview
        key={item.position}
        position={item.position}
        presentation={item.presentation}
        draft={item.draft}
        result={item.result}
        maxScore={item.maxScore}
        change={item.change ? <GradeChangeNote change={item.change} /> : undefined}
        regraded={item.change?.regradedAt ? <RegradedBadge /> : undefined}
      />
    ) : showUngraded ? (
      <Card key={item.position}>
        <QuestionSetup presentation={item.presentation} headingLevel={3} />
      </Card>
    ) : null,
  );
}

/** A submitted question before feedback is released: its setup and the student's saved answer, read-only. */
export function SubmittedAnswer({ item }: { item: Pick<AttemptItemView, "position" | "presentation" | "draft" | "savedAt" | "maxScore"> }) {
  const t = useTranslations("attempt.review");
  const format = useFormatter();
  const { Saved } = componentsFor(item.presentation.answer.kind);
  return (
    <section
      className="flex flex-col gap-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
      aria-label={t("savedRegion", { n: item.position })}
    >
      <p className="text-sm font-medium text-slate-600">{t("savedHeading", { n: item.position, points: item.maxScore })}</p>
      <QuestionSetup presentation={item.presentation} headingLevel={3} />
      <Saved draft={item.draft as Draft | null} format={item.presentation.answer} />
      <p className="text-sm text-slate-600" data-testid={`saved-at-${item.position}`}>
        {item.savedAt
          ? t.rich("savedAt", {
              at: format.dateTime(item.savedAt, { dateStyle: "medium", timeStyle: "short" }),
              time: (chunks) => <time dateTime={item.savedAt!.toISOString()}>{chunks}</time>,
            })
          : t("neverSaved")}
      </p>
    </section>
  );
}
