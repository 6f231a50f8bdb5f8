// A student's own grades in a course: per quiz, the score that counts by its rule once its
// feedback is released (lib/attempts/release.ts), excused, changed by staff, regraded, and the
// review; the course total over what is released. Only the student's own row is ever read.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui";
import { requireCourse } from "@/lib/auth/session";
import { gradebook, type StudentGrade } from "@/lib/gradebook";
import { STATUS_MESSAGE } from "@/lib/gradebook/client";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gradebook.grades");
  return { title: t("pageTitle") };
}
export const dynamic = "force-dynamic";

export default async function GradesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const access = await requireCourse(courseId, ["STUDENT"], `/courses/${courseId}/grades`);
  const [{ grades, total }, t, tg, text] = await Promise.all([
    gradebook.student(courseId, { id: access.user.id, section: access.section }, new Date()),
    getTranslations("gradebook.grades"),
    getTranslations("gradebook"),
    textRenderer(),
  ]);
  const marks = (g: StudentGrade) =>
    [
      g.cell.status === "EXCUSED" ? <Badge key="excused">{tg("status.EXCUSED")}</Badge> : null,
      g.released && g.cell.overridden ? (
        <Badge key="overridden" tone="amber">
          {tg("marks.overridden")}
        </Badge>
      ) : null,
      g.released && g.cell.regraded ? (
        <Badge key="regraded" tone="accent">
          {tg("marks.regraded")}
        </Badge>
      ) : null,
      g.cell.status !== "EXCUSED" && g.cell.late ? (
        <Badge key="late" tone="rose">
          {tg("marks.late")}
        </Badge>
      ) : null,
      g.cell.status !== "EXCUSED" && g.cell.timedOut ? <Badge key="timedOut">{tg("marks.timedOut")}</Badge> : null,
    ].filter(Boolean);
  const score = (g: StudentGrade) => {
    if (g.cell.status === "EXCUSED") return tg("status.EXCUSED");
    if (g.cell.score === null || g.cell.maxScore === null) return g.cell.total === "ZERO" ? tg("marks.zero") : "—";
    if (!g.released) return text(g.releaseReason);
    return `${tg("score", { score: g.cell.score, max: g.cell.maxScore })} (${t("rule", { rule: g.scoreRule })})`;
  };
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { course: access.course.code })}
        actions={
          <Link href={`/courses/${courseId}`} className="text-accent-700 underline">
            {t("back")}
          </Link>
        }
      />
      <Card>
        {grades.length === 0 ? (
          <EmptyState title={t("none")} />
        ) : (
          <div className="space-y-4">
            <div data-testid="grades-total">
              <p className="text-lg font-semibold text-slate-900">{total === null ? t("noTotal") : t("total", { value: total })}</p>
              <p className="text-sm text-slate-600">{t("totalNote")}</p>
            </div>
            <DataTable
              caption={t("caption")}
              empty={t("none")}
              columns={[
                { key: "quiz", header: t("quiz"), sortable: true },
                { key: "status", header: t("status"), sortable: true },
                { key: "score", header: t("score") },
                { key: "weight", header: t("weight"), sortable: true },
                { key: "review", header: t("review") },
              ]}
              rows={grades.map((g) => ({
                key: g.quizId,
                sortValues: { weight: g.weight, status: tg(STATUS_MESSAGE[g.cell.status]) },
                cells: {
                  quiz: g.title,
                  status: (
                    <span className="flex flex-wrap items-center gap-1" data-testid={`grade-status-${g.quizId}`}>
                      {tg(STATUS_MESSAGE[g.cell.status])} {marks(g)}
                    </span>
                  ),
                  score: <span data-testid={`grade-score-${g.quizId}`}>{score(g)}</span>,
                  weight: g.weight,
                  review: g.reviewAttemptId ? (
                    <Link href={`/courses/${courseId}/attempts/${g.reviewAttemptId}`} className="text-accent-700 underline">
                      {t("openReview", { quiz: g.title })}
                    </Link>
                  ) : (
                    ""
                  ),
                },
              }))}
            />
          </div>
        )}
      </Card>
    </>
  );
}
