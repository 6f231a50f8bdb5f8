// A saved question in the editor: its latest version, saved as a new version with the version
// it started from (a newer one saved meanwhile is refused, and the draft kept). Staff may look
// (banks.view); only instructors (banks.edit) may change it, so a TA sees it read-only, with
// the preview as students see it and no expected answer.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QuestionEditor } from "@/components/question-editor/question-editor";
import { isObject } from "@/components/question-editor/template-draft";
import { ButtonLink, PageHeader } from "@/components/ui";
import { can, rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { editorService } from "@/lib/authoring/editor-service";
import { editorCatalog } from "@/lib/authoring/param-fields";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("editor");
  return { title: t("title.edit") };
}

export default async function EditQuestionPage({ params }: { params: Promise<{ courseId: string; bankId: string; key: string }> }) {
  const { courseId, bankId, key } = await params;
  const access = await requireCourse(
    courseId,
    rolesFor("banks.view"),
    `/courses/${courseId}/banks/${bankId}/questions/${encodeURIComponent(key)}`,
  );
  const bank = await editorService.bankOfCourse(courseId, bankId);
  if (!bank) notFound();
  const question = await editorService.latestQuestion(bankId, key);
  if (!question || !isObject(question.template)) notFound();
  const [t, tr] = await Promise.all([getTranslations("editor"), getTranslations("regrade.entry")]);
  const canEdit = can(access.role, "banks.edit");
  return (
    <>
      <PageHeader
        title={t("title.edit")}
        description={
          <>
            {t("description.edit", { title: question.title, bank: bank.title, version: question.version })}
            {canEdit ? null : <span className="mt-1 block">{t("description.readOnly")}</span>}
            {question.archived ? <span className="mt-1 block">{t("description.archived")}</span> : null}
          </>
        }
        actions={
          can(access.role, "regrade.preview") ? (
            <ButtonLink
              variant="secondary"
              href={`/courses/${courseId}/regrade?bankId=${encodeURIComponent(bankId)}&key=${encodeURIComponent(question.key)}`}
            >
              {tr("regradeQuestion")}
            </ButtonLink>
          ) : undefined
        }
      />
      <QuestionEditor
        courseId={courseId}
        bankId={bankId}
        catalog={editorCatalog()}
        initial={question.template}
        saved={{ key: question.key, version: question.version }}
        canEdit={canEdit}
        canSeeExpected={can(access.role, "questions.expected")}
      />
    </>
  );
}
