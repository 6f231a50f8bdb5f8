import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { JoinCourseForm } from "@/components/course-forms";
import { Card, PageHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("courses.join");
  return { title: t("title") };
}

export default async function JoinPage() {
  await requireUser("/join");
  const t = await getTranslations("courses.join");
  return (
    <div className="max-w-xl">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <JoinCourseForm />
      </Card>
    </div>
  );
}
