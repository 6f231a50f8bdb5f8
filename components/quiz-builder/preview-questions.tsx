"use client";
// The questions of a quiz preview, as a student sees them: the same setup and answer widgets
// as the attempt page, answerable, with nothing sent anywhere (a preview stores no attempt).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { AnswerWidget, type Draft } from "@/components/answer-widgets";
import { QuestionSetup } from "@/components/question-view";
import type { Presentation } from "@/lib/questions/client";

export type PreviewQuestion = { position: number; itemPosition: number; points: number; presentation: Presentation };

export function PreviewQuestions({ questions }: { questions: PreviewQuestion[] }) {
  const t = useTranslations("quizBuilder.preview");
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  return (
    <ol className="flex flex-col gap-6">
      {questions.map((q) => (
        <li key={q.position}>
          <section
            className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
            aria-label={t("questionLabel", { position: q.position })}
          >
            <p className="mb-2 text-sm text-slate-600">
              {t("questionHeader", { position: q.position, points: q.points, item: q.itemPosition })}
            </p>
            <QuestionSetup presentation={q.presentation} />
            <div className="mt-4">
              <AnswerWidget
                format={q.presentation.answer}
                draft={drafts[q.position] ?? null}
                onChange={(d) => setDrafts((all) => ({ ...all, [q.position]: d }))}
                name={`preview-${q.position}`}
              />
            </div>
          </section>
        </li>
      ))}
    </ol>
  );
}
