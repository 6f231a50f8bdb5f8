// One student's attempt, for the course's staff: the review the student sees after release,
// with the expected answers, released or not; an attempt in progress shows its questions. Feedback is stored as messages, so it reads in
// the staff member's language whatever language the student worked in.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AttemptReviewItems, AttemptScore } from "@/components/attempt-review";
import { Card, PageHeader } from "@/components/ui";
import { attempts } from "@/lib/attempts";
import { STAFF } from "@/lib/auth/roles";
import { requireCourse } from "@/lib/auth/session";
import { AppError } from "@/lib/server/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("attempt.staff");
  return { title: t("reviewPageTitle") };
}
export const dynamic = "force-dynamic";

export default async function StaffAttemptPage({ params }: { params: Promise<{ courseId: string; attemptId: string }> }) {
  const { courseId, attemptId } = await params;
  await requireCourse(courseId, STAFF, `/courses/${courseId}/submissions/${attemptId}`);
  const view = await attempts.staffView(courseId, attemptId).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("attempt.staff"), getFormatter()]);
  const back = (chunks: ReactNode) => (
    <Link href={`/courses/${courseId}/quizzes/${view.quiz.id}`} className="text-accent-700 underline">
      {chunks}
    </Link>
  );
  const inProgress = view.status === "IN_PROGRESS";
  return (
    <>
      <PageHeader
        title={t("reviewTitle", { student: view.student.name, quiz: view.quiz.title })}
        description={t.rich("reviewDescription", {
          number: view.number,
          status: view.status,
          at: view.submittedAt ? format.dateTime(view.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : "",
          back,
        })}
      />
      <div className="flex flex-col gap-6">
        {inProgress ? (
          <Card>
            <p className="text-slate-700">{t("inProgressNote")}</p>
          </Card>
        ) : (
          <AttemptScore score={view.score} maxScore={view.maxScore} reason={view.release.reason} />
        )}
        <AttemptReviewItems items={view.items} showUngraded />
      </div>
    </>
  );
}
