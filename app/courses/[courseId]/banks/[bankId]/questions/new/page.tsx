// A new question in a bank: the editor, empty or pre-filled from `?draft=` (a template, maybe
// incomplete, encoded with encodeShared: the sandbox's "Make a question from this"). Writing
// questions is the instructors' (banks.edit): a TA has nothing to look at here and gets 403.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuestionEditor } from "@/components/question-editor/question-editor";
import { emptyTemplate, isObject } from "@/components/question-editor/template-draft";
import { PageHeader } from "@/components/ui";
import { can, rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { decodeShared } from "@/lib/authoring/client";
import { editorService } from "@/lib/authoring/editor-service";
import { editorCatalog } from "@/lib/authoring/param-fields";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("editor");
  return { title: t("title.new") };
}

export default async function NewQuestionPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; bankId: string }>;
  searchParams: Promise<{ draft?: string | string[] }>;
}) {
  const { courseId, bankId } = await params;
  const { draft } = await searchParams;
  const here = `/courses/${courseId}/banks/${bankId}/questions/new`;
  const access = await requireCourse(courseId, rolesFor("banks.edit"), typeof draft === "string" ? `${here}?draft=${draft}` : here);
  const bank = await editorService.bankOfCourse(courseId, bankId);
  if (!bank) notFound();
  const t = await getTranslations("editor");
  const given = typeof draft === "string" ? decodeShared(draft) : undefined;
  // What the link leaves out keeps the empty question's value; what it gives replaces it.
  const initial = isObject(given) ? { ...emptyTemplate(), ...given } : emptyTemplate();
  return (
    <>
      <PageHeader title={t("title.new")} description={t("description.new", { bank: bank.title })} />
      {given === undefined ? null : (
        <p
          role="status"
          className={`mb-4 rounded-lg px-3 py-2 text-sm ${isObject(given) ? "bg-accent-50 text-accent-800" : "bg-amber-50 text-amber-900"}`}
        >
          {isObject(given) ? t("draft.prefilled") : t("draft.badLink")}
        </p>
      )}
      <QuestionEditor
        courseId={courseId}
        bankId={bankId}
        catalog={editorCatalog()}
        initial={initial}
        saved={null}
        canEdit
        canSeeExpected={can(access.role, "questions.expected")}
      />
    </>
  );
}
