// A new quiz: its settings first; saving creates a draft and opens the builder for its items.
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { QuizSettingsForm } from "@/components/quiz-builder/settings-form";
import { Card, PageHeader } from "@/components/ui";
import { quizBuilder } from "@/lib/authoring/quiz-service";
import { rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { FEEDBACK_RELEASES, QUIZ_MODES, SCORE_RULES } from "@/lib/db/quiz-values";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quizBuilder.new");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

export default async function NewQuizPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const access = await requireCourse(courseId, rolesFor("quizzes.edit"), `/courses/${courseId}/quizzes/new`);
  const [choices, t] = await Promise.all([quizBuilder.choices(courseId), getTranslations("quizBuilder.new")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description", { course: access.course.code })} />
      <Card title={t("settings")}>
        <QuizSettingsForm
          courseId={courseId}
          sections={choices.sections}
          canEdit
          options={{ modes: QUIZ_MODES, scoreRules: SCORE_RULES, releases: FEEDBACK_RELEASES }}
        />
      </Card>
    </>
  );
}
