// One regrade, for the course's staff: its progress while it runs (polled), then the dry run's
// table old → new with the reasons and the totals per student that move, Apply for
// instructors (regrade.apply; a TA sees the dry run and no Apply), and an apply's result.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { getTranslations } from "next-intl/server";
import { RegradeJob } from "@/components/regrade/job-view";
import { ButtonLink, PageHeader } from "@/components/ui";
import { can, rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { regrade } from "@/lib/regrade";
import { AppError } from "@/lib/server/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("regrade.job");
  return { title: t("pageTitle") };
}
export const dynamic = "force-dynamic";

export default async function RegradeJobPage({ params }: { params: Promise<{ courseId: string; jobId: string }> }) {
  const { courseId, jobId } = await params;
  const access = await requireCourse(courseId, rolesFor("regrade.preview"), `/courses/${courseId}/regrade/${jobId}`);
  const job = await regrade
    .get(courseId, jobId, (task) => after(task))
    .catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    });
  const t = await getTranslations("regrade.job");
  const scope = job.scope.quizId ? job.scope.title : t("scopeQuestion", { title: job.scope.title, key: job.scope.questionKey ?? "" });
  return (
    <>
      <PageHeader
        title={job.mode === "APPLY" ? t("titleApply", { scope }) : t("titleDryRun", { scope })}
        actions={
          <ButtonLink variant="secondary" href={`/courses/${courseId}/regrade`}>
            {t("back")}
          </ButtonLink>
        }
      />
      <RegradeJob courseId={courseId} initial={job} canApply={can(access.role, "regrade.apply")} />
    </>
  );
}
