import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { EnrollmentFieldsForm } from "@/components/roster/enrollment-fields-form";
import { Card, PageHeader } from "@/components/ui";
import { rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { rosterImport } from "@/lib/lms/roster-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rosterImport.edit");
  return { title: t("title") };
}

export default async function EnrollmentFieldsPage({ params }: { params: Promise<{ courseId: string; enrollmentId: string }> }) {
  const { courseId, enrollmentId } = await params;
  await requireCourse(courseId, rolesFor("roster.import"), `/courses/${courseId}/roster/${enrollmentId}`);
  const member = await rosterImport.courseMember(courseId, enrollmentId);
  if (!member) notFound();
  const t = await getTranslations("rosterImport");
  return (
    <>
      <PageHeader
        title={t("edit.title")}
        description={t("edit.description", { name: member.name, email: member.email })}
        actions={
          <Link href={`/courses/${courseId}/roster`} className="text-sm font-medium text-accent-800 underline">
            {t("back")}
          </Link>
        }
      />
      <Card>
        <EnrollmentFieldsForm courseId={courseId} enrollmentId={enrollmentId} values={{ section: member.section, ...member.ids }} />
      </Card>
    </>
  );
}
