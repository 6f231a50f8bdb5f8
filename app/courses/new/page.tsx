import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { forbidden } from "next/navigation";
import { CreateCourseForm } from "@/components/course-forms";
import { Card, PageHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("courses.newCourse");
  return { title: t("title") };
}

export default async function NewCoursePage() {
  const user = await requireUser("/courses/new");
  if (!user.canTeach && !user.isAdmin) forbidden();
  const t = await getTranslations("courses.newCourse");
  return (
    <div className="max-w-xl">
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        <CreateCourseForm />
      </Card>
    </div>
  );
}
