import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RosterImport } from "@/components/roster/roster-import";
import { PageHeader } from "@/components/ui";
import { rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { MAX_ROSTER_BYTES } from "@/lib/lms/roster-schemas";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rosterImport");
  return { title: t("title") };
}

export default async function RosterImportPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  await requireCourse(courseId, rolesFor("roster.import"), `/courses/${courseId}/roster/import`);
  const t = await getTranslations("rosterImport");
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href={`/courses/${courseId}/roster`} className="text-sm font-medium text-accent-800 underline">
            {t("back")}
          </Link>
        }
      />
      {/* File and column names are literal in every language: shown as code. */}
      <p className="mb-4 text-sm text-slate-700">
        {t.rich("accepted", {
          canvasUsers: () => <code className="font-mono">users.csv</code>,
          plainHeader: () => <code className="font-mono">email,name,section,sis_id</code>,
        })}
      </p>
      <RosterImport courseId={courseId} maxBytes={MAX_ROSTER_BYTES} />
    </>
  );
}
