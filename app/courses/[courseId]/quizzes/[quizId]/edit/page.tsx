// The quiz builder: settings, items, publishing and accommodations of one quiz. Instructors
// change them; TAs see the same page read-only (quizzes.view without quizzes.edit).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Accommodations } from "@/components/quiz-builder/accommodations";
import { ItemsEditor } from "@/components/quiz-builder/items-editor";
import { PublishControls } from "@/components/quiz-builder/publish-controls";
import { QuizSettingsForm } from "@/components/quiz-builder/settings-form";
import { Card, PageHeader } from "@/components/ui";
import { quizBuilder } from "@/lib/authoring/quiz-service";
import { can, rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { FEEDBACK_RELEASES, QUIZ_MODES, SCORE_RULES } from "@/lib/db/quiz-values";
import { AppError } from "@/lib/server/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quizBuilder.edit");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

function InlineLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="text-accent-700 underline">
      {children}
    </Link>
  );
}

export default async function EditQuizPage({ params }: { params: Promise<{ courseId: string; quizId: string }> }) {
  const { courseId, quizId } = await params;
  const access = await requireCourse(courseId, rolesFor("quizzes.view"), `/courses/${courseId}/quizzes/${quizId}/edit`);
  const quiz = await quizBuilder.get(courseId, quizId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [choices, t] = await Promise.all([quizBuilder.choices(courseId), getTranslations("quizBuilder.edit")]);
  const canEdit = can(access.role, "quizzes.edit");
  return (
    <>
      <PageHeader
        title={t("title", { quiz: quiz.title })}
        description={t.rich("description", {
          list: (chunks) => <InlineLink href={`/courses/${courseId}/quizzes`}>{chunks}</InlineLink>,
          preview: (chunks) => <InlineLink href={`/courses/${courseId}/quizzes/${quizId}/preview`}>{chunks}</InlineLink>,
          submissions: (chunks) => <InlineLink href={`/courses/${courseId}/quizzes/${quizId}`}>{chunks}</InlineLink>,
        })}
      />
      {!canEdit ? (
        <p role="note" className="mb-4 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-800">
          {t("readOnly")}
        </p>
      ) : null}
      {quiz.attempts > 0 ? (
        <p role="note" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t("hasAttempts", { count: quiz.attempts })}
        </p>
      ) : null}
      <div className="flex flex-col gap-6">
        {canEdit ? (
          <Card title={t("publishing")}>
            <PublishControls courseId={courseId} quizId={quizId} title={quiz.title} published={quiz.published} />
          </Card>
        ) : null}
        <Card title={t("items")}>
          {/* Not keyed by the items: a save takes its drafts from the answer, and a new key would
              mount the editor afresh on the refresh after it, losing "Items saved." at once. */}
          <ItemsEditor key={quiz.id} courseId={courseId} quiz={quiz} choices={choices} canEdit={canEdit} />
        </Card>
        <Card title={t("settings")}>
          <QuizSettingsForm
            courseId={courseId}
            quiz={quiz}
            sections={choices.sections}
            canEdit={canEdit}
            options={{ modes: QUIZ_MODES, scoreRules: SCORE_RULES, releases: FEEDBACK_RELEASES }}
          />
        </Card>
        <Card title={t("accommodations")}>
          <p className="mb-3 text-sm text-slate-600">{t("accommodationsHint")}</p>
          <Accommodations courseId={courseId} quiz={quiz} students={choices.students} canEdit={canEdit} />
        </Card>
      </div>
    </>
  );
}
