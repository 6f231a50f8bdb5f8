// The course's gradebook, for its staff: every student × every published quiz, the counted
// score by the quiz's rule, status, time used, late, and the course total (lib/gradebook). The
// matrix filters, searches and sorts in the browser over rows built here; the weights below it
// are the instructor's to change (a TA sees them read-only). When quizzes are linked to an LMS,
// the scores sent there, with what is waiting or failed (lib/lti score outbox).
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GradebookMatrix, type MatrixBook } from "@/components/gradebook/matrix";
import { WeightsForm } from "@/components/gradebook/weights";
import { CourseScoresCard } from "@/components/lti-scores/course-scores";
import { ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import { can, rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { gradebook, gradebookView } from "@/lib/gradebook";
import { packCell } from "@/lib/gradebook/client";
import { ltiScores } from "@/lib/lti/score-outbox-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gradebook");
  return { title: t("pageTitle") };
}
export const dynamic = "force-dynamic";

export default async function GradebookPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const access = await requireCourse(courseId, rolesFor("grades.view"), `/courses/${courseId}/gradebook`);
  const [book, t, tl, lmsScores] = await Promise.all([
    gradebook.course(courseId, new Date()),
    getTranslations("gradebook"),
    getTranslations("lmsGrades"),
    can(access.role, "grades.lti") ? ltiScores.course(courseId) : null,
  ]);
  const view = gradebookView(book);
  // The browser gets each cell packed: a class of 500 is 10 000 cells.
  const packed: MatrixBook = { ...view, rows: view.rows.map((r) => ({ ...r, cells: r.cells.map(packCell) })) };
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { course: access.course.code })}
        actions={
          can(access.role, "grades.export") && view.quizzes.length > 0 ? (
            <ButtonLink href={`/courses/${courseId}/gradebook/export`}>{tl("open")}</ButtonLink>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card>
          {view.quizzes.length === 0 ? <EmptyState title={t("noQuizzes")} /> : <GradebookMatrix courseId={courseId} book={packed} />}
        </Card>
        {lmsScores ? <CourseScoresCard courseId={courseId} scores={lmsScores} /> : null}
        {view.quizzes.length > 0 ? (
          <Card title={t("weights.title")}>
            <WeightsForm
              courseId={courseId}
              quizzes={view.quizzes.map((q) => ({ quizId: q.id, title: q.title, weight: q.weight }))}
              editable={can(access.role, "grades.weights")}
            />
          </Card>
        ) : null}
      </div>
    </>
  );
}
