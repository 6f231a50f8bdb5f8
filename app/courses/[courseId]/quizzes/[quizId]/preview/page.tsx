// A quiz as a student would get it, for a preview seed: the draws made and every variant
// chosen from that seed (lib/authoring/quiz-rules.ts previewPicks), answerable but stored
// nowhere. The same seed shows the same quiz; "Another seed" shows another.
import { randomInt } from "node:crypto";
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PreviewQuestions, type PreviewQuestion } from "@/components/quiz-builder/preview-questions";
import { buttonStyles, Card, EmptyState, PageHeader } from "@/components/ui";
import { quizBuilder } from "@/lib/authoring/quiz-service";
import { rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { AppError } from "@/lib/server/errors";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quizBuilder.preview");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

const MAX_SEED = 0xffffffff;

function seedOf(raw: string | undefined): number | null {
  if (raw === undefined || !/^\d{1,10}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= MAX_SEED ? n : null;
}

export default async function QuizPreviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; quizId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { courseId, quizId } = await params;
  await requireCourse(courseId, rolesFor("questions.preview"), `/courses/${courseId}/quizzes/${quizId}/preview`);
  const asked = (await searchParams).seed;
  const seed = seedOf(asked) ?? randomInt(0, MAX_SEED);
  const [quiz, t, text] = await Promise.all([
    quizBuilder.get(courseId, quizId).catch((error: unknown) => {
      if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
    getTranslations("quizBuilder.preview"),
    textRenderer(),
  ]);
  let questions: PreviewQuestion[] = [];
  let refusal: string | null = null;
  try {
    questions = (await quizBuilder.preview(courseId, quizId, seed)).questions as unknown as PreviewQuestion[];
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    refusal = text(error.text);
  }
  const base = `/courses/${courseId}/quizzes/${quizId}/preview`;
  const edit = (chunks: ReactNode) => (
    <Link href={`/courses/${courseId}/quizzes/${quizId}/edit`} className="text-accent-700 underline">
      {chunks}
    </Link>
  );
  return (
    <>
      <PageHeader title={t("title", { quiz: quiz.title })} description={t.rich("description", { edit })} />
      <Card title={t("seedTitle")} className="mb-6">
        {asked !== undefined && seedOf(asked) === null ? (
          <p role="alert" className="mb-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
            {t("badSeed", { max: MAX_SEED })}
          </p>
        ) : null}
        <form method="get" action={base} className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="preview-seed" className="text-sm font-medium text-slate-800">
              {t("seed")}
            </label>
            <input
              id="preview-seed"
              name="seed"
              defaultValue={seed}
              inputMode="numeric"
              pattern="[0-9]*"
              className="w-40 rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-slate-900 shadow-sm"
            />
          </div>
          <button type="submit" className={buttonStyles.secondary}>
            {t("show")}
          </button>
          <Link href={`${base}?seed=${(seed + 1) % (MAX_SEED + 1)}`} className={buttonStyles.secondary}>
            {t("another")}
          </Link>
        </form>
        <p className="mt-3 text-sm text-slate-600">{quiz.shuffle ? t("shuffled") : t("ordered")}</p>
        <p className="mt-1 text-sm text-slate-600">{t("notStored")}</p>
      </Card>
      {refusal ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {refusal}
        </p>
      ) : questions.length === 0 ? (
        <EmptyState title={t("empty")} />
      ) : (
        <PreviewQuestions questions={questions} />
      )}
    </>
  );
}
