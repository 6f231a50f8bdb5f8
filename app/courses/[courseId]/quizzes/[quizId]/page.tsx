// A quiz's submissions, for the course's staff: every attempt by student, each opening the
// review the student sees (with the expected answers).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { ButtonLink, Card, PageHeader } from "@/components/ui";
import { attempts } from "@/lib/attempts";
import { can } from "@/lib/auth/permissions";
import { STAFF } from "@/lib/auth/roles";
import { requireCourse } from "@/lib/auth/session";
import { quizService } from "@/lib/quizzes";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("attempt.staff");
  return { title: t("pageTitle") };
}
export const dynamic = "force-dynamic";

export default async function QuizSubmissionsPage({ params }: { params: Promise<{ courseId: string; quizId: string }> }) {
  const { courseId, quizId } = await params;
  const access = await requireCourse(courseId, STAFF, `/courses/${courseId}/quizzes/${quizId}`);
  const quiz = (await quizService.withCounts(courseId)).find((q) => q.id === quizId);
  if (!quiz) notFound();
  const [rows, t, format, tb, tr] = await Promise.all([
    attempts.submissions(quizId),
    getTranslations("attempt.staff"),
    getFormatter(),
    getTranslations("quizBuilder.list"),
    getTranslations("regrade.entry"),
  ]);
  const back = (chunks: ReactNode) => (
    <Link href={`/courses/${courseId}`} className="text-accent-700 underline">
      {chunks}
    </Link>
  );
  return (
    <>
      <PageHeader
        title={t("submissionsTitle", { quiz: quiz.title })}
        description={t.rich("submissionsDescription", { course: access.course.code, back })}
        actions={
          <>
            <ButtonLink variant="secondary" href={`/courses/${courseId}/quizzes/${quizId}/edit`}>
              {access.role === "INSTRUCTOR" ? tb("edit") : tb("view")}
            </ButtonLink>
            <ButtonLink variant="secondary" href={`/courses/${courseId}/quizzes/${quizId}/preview`}>
              {tb("preview")}
            </ButtonLink>
            {can(access.role, "regrade.preview") ? (
              <ButtonLink variant="secondary" href={`/courses/${courseId}/regrade?quizId=${encodeURIComponent(quizId)}`}>
                {tr("regrade")}
              </ButtonLink>
            ) : null}
          </>
        }
      />
      <Card>
        <DataTable
          caption={t("caption", { quiz: quiz.title })}
          hideCaption
          empty={t("noAttempts")}
          columns={[
            { key: "student", header: t("student"), sortable: true },
            { key: "attempt", header: t("attempt"), sortable: true, className: "whitespace-nowrap" },
            { key: "status", header: t("status"), sortable: true, className: "whitespace-nowrap" },
            { key: "score", header: t("score"), sortable: true, className: "whitespace-nowrap" },
            { key: "submittedAt", header: t("submittedAt"), sortable: true },
          ]}
          rows={rows.map((r) => ({
            key: r.id,
            sortValues: {
              student: r.studentName,
              attempt: r.number,
              score: r.score ?? -1,
              submittedAt: r.submittedAt ? r.submittedAt.getTime() : 0,
            },
            cells: {
              student: (
                <Link
                  href={`/courses/${courseId}/submissions/${r.id}`}
                  className="text-accent-700 underline"
                  aria-label={t("open", { number: r.number, student: r.studentName })}
                >
                  {r.studentName}
                </Link>
              ),
              attempt: r.number,
              status: t("statusValue", { status: r.status }),
              score:
                r.status === "SUBMITTED" && r.score !== null
                  ? t("scoreValue", { score: Math.round(r.score * 100) / 100, max: r.maxScore ?? 0 })
                  : t("notGraded"),
              submittedAt: r.submittedAt ? format.dateTime(r.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : "",
            },
          }))}
        />
      </Card>
    </>
  );
}
