"use client";
// A question row's changes: duplicate (a new question under a free key) and archive or
// restore. Each calls its /api/v1 route, says what happened beside the buttons and refreshes
// the list the server renders.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonStyles } from "../ui";
import { callApi } from "./api";

type Props = { courseId: string; bankId: string; questionKey: string; title: string; archived: boolean };

export function QuestionActions({ courseId, bankId, questionKey, title, archived }: Props) {
  const t = useTranslations("banks.questions");
  const router = useRouter();
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const base = `/courses/${courseId}/banks/${bankId}/questions/${encodeURIComponent(questionKey)}`;

  async function duplicate() {
    setBusy(true);
    const answer = await callApi<{ key: string }>(`${base}/duplicate`, "POST");
    setBusy(false);
    setSaid(answer.ok ? { ok: true, text: t("duplicated", { key: answer.data.key }) } : { ok: false, text: answer.message });
    if (answer.ok) router.refresh();
  }
  async function archive() {
    setBusy(true);
    const answer = await callApi<{ key: string }>(`${base}/archive`, "POST", { archived: !archived });
    setBusy(false);
    setSaid(
      answer.ok
        ? { ok: true, text: t(archived ? "unarchivedDone" : "archivedDone", { key: questionKey }) }
        : { ok: false, text: answer.message },
    );
    if (answer.ok) router.refresh();
  }

  return (
    <div className="flex flex-col gap-1">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          className={buttonStyles.secondary}
          onClick={duplicate}
          disabled={busy}
          aria-label={t("duplicateOf", { title })}
        >
          {t("duplicate")}
        </button>
        <button
          type="button"
          className={buttonStyles.secondary}
          onClick={archive}
          disabled={busy}
          aria-label={t(archived ? "unarchiveOf" : "archiveOf", { title })}
        >
          {t(archived ? "unarchive" : "archive")}
        </button>
      </div>
      <p role={said && !said.ok ? "alert" : "status"} className={`text-xs ${said?.ok ? "text-accent-800" : "text-rose-700"}`}>
        {said?.text}
      </p>
    </div>
  );
}
