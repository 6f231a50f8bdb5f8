import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AttemptReviewItems, AttemptScore, SubmittedAnswer } from "@/components/attempt-review";
import { AttemptRunner } from "@/components/attempt-runner";
import type { Draft } from "@/components/answer-widgets";
import { ReviewPager, type PagerEntry } from "@/components/review-pager";
import { Card, PageHeader } from "@/components/ui";
import { attempts } from "@/lib/attempts";
import { reviewPageOf } from "@/lib/attempts/review-page";
import { answerProgress } from "@/lib/questions/client";
import { AppError } from "@/lib/server/errors";
import { ANY_ROLE } from "@/lib/auth/roles";
import { requireCourse } from "@/lib/auth/session";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("attempt");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function AttemptPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; attemptId: string }>;
  searchParams: Promise<{ q?: string | string[] }>;
}) {
  const [{ courseId, attemptId }, { q }] = await Promise.all([params, searchParams]);
  const access = await requireCourse(courseId, ANY_ROLE, `/courses/${courseId}/attempts/${attemptId}`);
  const view = await attempts.view(access.user.id, attemptId).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (view.quiz.courseId !== courseId) notFound();
  const [t, format, text] = await Promise.all([getTranslations("attempt"), getFormatter(), textRenderer()]);
  const back = (chunks: ReactNode) => (
    <Link href={`/courses/${courseId}`} className="text-accent-700 underline">
      {chunks}
    </Link>
  );
  const course = access.course.code;

  if (view.status === "IN_PROGRESS") {
    return (
      <>
        <PageHeader title={view.quiz.title} description={t.rich("inProgress", { number: view.number, course, back })} />
        <AttemptRunner
          attemptId={view.attemptId}
          deadlineAt={view.deadlineAt?.toISOString() ?? null}
          serverNow={new Date().toISOString()}
          items={view.items.map((i) => ({
            position: i.position,
            presentation: i.presentation,
            draft: i.draft as Draft | null,
            savedAt: i.savedAt?.toISOString() ?? null,
            saveSeq: i.saveSeq,
            maxScore: i.maxScore,
          }))}
        />
      </>
    );
  }

  // One question at a time (?q=3) or all of them (?q=all, for printing).
  const href = `/courses/${courseId}/attempts/${attemptId}`;
  const page = reviewPageOf(
    q,
    view.items.map((i) => i.position),
  );
  const shown = page.mode === "all" ? view.items : view.items.filter((i) => i.position === page.position);
  const round = (n: number) => Math.round(n * 100) / 100;
  const entries: PagerEntry[] = view.items.map((i) =>
    i.result
      ? {
          position: i.position,
          label: t("review.itemScored", { n: i.position, score: round(i.result.score), max: i.maxScore }),
          tone: i.result.feedback.correct ? "accent" : i.result.score > 0 ? "amber" : "rose",
        }
      : view.release.released
        ? { position: i.position, label: t("review.item", { n: i.position }), tone: "slate" }
        : { position: i.position, label: t("review.itemSaved", { n: i.position, progress: answerProgress(i.draft) }), tone: "slate" },
  );

  return (
    <>
      <PageHeader
        title={view.quiz.title}
        description={t.rich("submittedAt", {
          number: view.number,
          course,
          at: view.submittedAt ? format.dateTime(view.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : "",
          back,
        })}
      />
      {view.release.released ? (
        <div className="flex flex-col gap-6">
          <AttemptScore score={view.score} maxScore={view.maxScore} reason={view.release.reason} change={view.change} />
          <ReviewPager href={href} page={page} entries={entries}>
            <AttemptReviewItems items={shown} />
          </ReviewPager>
        </div>
      ) : (
        <div className="flex flex-col gap-6">
          <Card>
            <p className="text-lg font-semibold text-slate-900">{t("submitted")}</p>
            <p className="mt-1 text-slate-700">{t("answersIn", { reason: text(view.release.reason) })}</p>
            <p className="mt-1 text-sm text-slate-600">{t("review.withheld")}</p>
          </Card>
          <ReviewPager href={href} page={page} entries={entries}>
            {shown.map((item) => (
              <SubmittedAnswer key={item.position} item={item} />
            ))}
          </ReviewPager>
        </div>
      )}
    </>
  );
}
