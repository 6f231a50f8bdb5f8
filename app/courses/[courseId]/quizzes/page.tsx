// The course's quizzes for its staff: each with its status, items and attempts, and links to
// build, preview and see its submissions; instructors may start a new one.
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { Badge, ButtonLink, Card, PageHeader } from "@/components/ui";
import { quizBuilder } from "@/lib/authoring/quiz-service";
import { can, rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { quizStatus, STATUS_LABEL, type QuizStatus } from "@/lib/quizzes/status";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quizBuilder.list");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

const STATUS_TONE: Record<QuizStatus, "slate" | "accent" | "amber" | "rose"> = {
  draft: "amber",
  upcoming: "slate",
  open: "accent",
  closed: "slate",
};

export default async function QuizzesPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const access = await requireCourse(courseId, rolesFor("quizzes.view"), `/courses/${courseId}/quizzes`);
  const [quizzes, t, tq, text] = await Promise.all([
    quizBuilder.list(courseId),
    getTranslations("quizBuilder.list"),
    getTranslations("quizzes"),
    textRenderer(),
  ]);
  const canEdit = can(access.role, "quizzes.edit");
  const now = new Date();
  const link = "text-accent-700 underline";
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { course: access.course.code })}
        actions={canEdit ? <ButtonLink href={`/courses/${courseId}/quizzes/new`}>{t("newQuiz")}</ButtonLink> : undefined}
      />
      <Card>
        <DataTable
          caption={t("caption")}
          hideCaption
          empty={t("empty")}
          columns={[
            { key: "title", header: t("quiz"), sortable: true },
            { key: "mode", header: t("mode"), sortable: true },
            { key: "status", header: t("status"), sortable: true },
            { key: "items", header: t("items"), sortable: true },
            { key: "attempts", header: t("attempts"), sortable: true },
            { key: "links", header: t("links") },
          ]}
          rows={quizzes.map((q) => {
            const status = quizStatus(
              {
                published: q.published,
                opensAt: q.opensAt ? new Date(q.opensAt) : null,
                closesAt: q.closesAt ? new Date(q.closesAt) : null,
              },
              now,
            );
            return {
              key: q.id,
              sortValues: { title: q.title, status, mode: q.mode },
              cells: {
                title: (
                  <Link href={`/courses/${courseId}/quizzes/${q.id}/edit`} className={link}>
                    {q.title}
                  </Link>
                ),
                mode: tq("mode", { mode: q.mode }),
                status: <Badge tone={STATUS_TONE[status]}>{text(STATUS_LABEL[status])}</Badge>,
                items: q.items,
                attempts: q.attempts,
                links: (
                  <span className="flex flex-wrap gap-3 whitespace-nowrap">
                    <Link
                      href={`/courses/${courseId}/quizzes/${q.id}/edit`}
                      className={link}
                      aria-label={canEdit ? t("editLabel", { quiz: q.title }) : t("viewLabel", { quiz: q.title })}
                    >
                      {canEdit ? t("edit") : t("view")}
                    </Link>
                    <Link
                      href={`/courses/${courseId}/quizzes/${q.id}/preview`}
                      className={link}
                      aria-label={t("previewLabel", { quiz: q.title })}
                    >
                      {t("preview")}
                    </Link>
                    <Link
                      href={`/courses/${courseId}/quizzes/${q.id}`}
                      className={link}
                      aria-label={t("submissionsLabel", { quiz: q.title })}
                    >
                      {t("submissions")}
                    </Link>
                  </span>
                ),
              },
            };
          })}
        />
      </Card>
    </>
  );
}
