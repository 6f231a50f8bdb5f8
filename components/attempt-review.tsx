// A submitted attempt's review, as its student sees it after release and as the course's staff
// always see it: the score with why it is shown, then each question's review. A question with no
// result yet (an attempt still in progress, seen by staff) shows its setup.
import { useTranslations } from "next-intl";
import type { AttemptItemView } from "@/lib/attempts";
import type { Text } from "@/lib/i18n/msg";
import { AnswerReview } from "./answer-review";
import { QuestionSetup } from "./question-view";
import { Card } from "./ui";
import { useText } from "./use-text";

export function AttemptScore({ score, maxScore, reason }: { score: number | null; maxScore: number | null; reason: Text }) {
  const t = useTranslations("attempt");
  const text = useText();
  return (
    <Card>
      <p className="text-lg font-semibold text-slate-900" data-testid="attempt-score">
        {t("score", { score: Math.round((score ?? 0) * 100) / 100, max: maxScore ?? 0 })}
      </p>
      <p className="text-sm text-slate-600">{text(reason)}</p>
    </Card>
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
      />
    ) : showUngraded ? (
      <Card key={item.position}>
        <QuestionSetup presentation={item.presentation} headingLevel={3} />
      </Card>
    ) : null,
  );
}
