"use client";
// Publishing and deleting a quiz. Publishing is refused (409) while the quiz gives no question
// or a draw asks more than its bank holds; deleting is refused once it has attempts. Either
// refusal is shown in the server's words.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { OutcomeMessage, type Outcome } from "@/components/form-fields";
import { buttonStyles } from "@/components/ui";
import { callApi } from "./api";

export function PublishControls({
  courseId,
  quizId,
  title,
  published,
}: {
  courseId: string;
  quizId: string;
  title: string;
  published: boolean;
}) {
  const t = useTranslations("quizBuilder.publish");
  const router = useRouter();
  const [message, setMessage] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/api/v1/courses/${courseId}/quizzes/${quizId}`;

  async function toggle() {
    setBusy(true);
    const result = await callApi("POST", `${base}/publish`, { published: !published });
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.message || t("failed") });
    setMessage({ ok: true, text: published ? t("unpublishedNow") : t("publishedNow") });
    router.refresh();
  }

  async function remove() {
    if (!window.confirm(t("confirmDelete", { quiz: title }))) return;
    setBusy(true);
    const result = await callApi("DELETE", base);
    setBusy(false);
    if (!result.ok) return setMessage({ ok: false, text: result.message || t("failed") });
    router.push(`/courses/${courseId}/quizzes`);
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="text-slate-700">{published ? t("isPublished") : t("isDraft")}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className={published ? buttonStyles.secondary : buttonStyles.primary} onClick={toggle} disabled={busy}>
          {published ? t("unpublish") : t("publish")}
        </button>
        <button type="button" className={buttonStyles.danger} onClick={remove} disabled={busy}>
          {t("delete")}
        </button>
      </div>
      <OutcomeMessage outcome={message} />
    </div>
  );
}
