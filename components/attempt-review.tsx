// A submitted attempt's review, as its student sees it after release and as the course's staff
// always see it: the score with why it is shown, then each question's review. A question with no
// result yet (an attempt still in progress, seen by staff) shows its setup.
import { useFormatter, useTranslations } from "next-intl";
import type { AttemptItemView, GradeChange } from "@/lib/attempts";
import type { Text } from "@/lib/i18n/msg";
import { AnswerReview } from "./answer-review";
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
