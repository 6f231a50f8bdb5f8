// "Export for your LMS", from the gradebook (docs/lms-grades.md): the staff pick the LMS, the
// columns and the format's options, see who the LMS could not match before the download, and
// download the file; instructors set what each quiz is called in that LMS. Below, every grade
// file downloaded (GradeExport).
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { GradeExportPanel } from "@/components/lms-grades/export-panel";
import { LMS_NAMES } from "@/components/lms-grades/lms-names";
import { ButtonLink, Card, PageHeader } from "@/components/ui";
import { can, rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { gradeExport } from "@/lib/lms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("lmsGrades");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

export default async function GradeExportPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const access = await requireCourse(courseId, rolesFor("grades.export"), `/courses/${courseId}/gradebook/export`);
  const [columns, exports, t, format] = await Promise.all([
    gradeExport.columns(courseId),
    gradeExport.list(courseId),
    getTranslations("lmsGrades"),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { course: access.course.code })}
        actions={
          <ButtonLink variant="secondary" href={`/courses/${courseId}/gradebook`}>
            {t("back")}
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <GradeExportPanel courseId={courseId} quizzes={columns.quizzes} canMap={can(access.role, "grades.lms")} />
        <Card title={t("history.title")}>
          <DataTable
            caption={t("history.caption")}
            hideCaption
            empty={t("history.empty")}
            columns={[
              { key: "when", header: t("history.when") },
              { key: "by", header: t("history.by") },
              { key: "format", header: t("history.format") },
              { key: "columns", header: t("history.columns") },
              { key: "rows", header: t("history.rows") },
              { key: "file", header: t("history.file"), className: "break-all" },
              { key: "checksum", header: t("history.checksum"), className: "font-mono text-xs" },
            ]}
            rows={exports.map((e) => ({
              key: e.id,
              cells: {
                when: format.dateTime(new Date(e.createdAt), { dateStyle: "medium", timeStyle: "short" }),
                by: e.by.name,
                format: LMS_NAMES[e.format],
                columns: e.columns.length,
                rows: e.rowCount,
                file: e.fileName,
                checksum: <span title={e.checksum}>{e.checksum.slice(0, 12)}</span>,
              },
            }))}
          />
        </Card>
      </div>
    </>
  );
}
