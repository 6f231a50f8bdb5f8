"use client";
// A score's state in the LMS, as the gradebook shows it — sent, pending (with the retry and
// the LMS's last answer), failed and why — and the buttons that send scores again (permission
// grades.lti; app/actions/resend-lti-scores.ts).
import { useFormatter, useTranslations } from "next-intl";
import { useActionState } from "react";
import { resendFailedLtiScoresAction, resendLtiScoreAction } from "@/app/actions/resend-lti-scores";
import { initialFormState } from "@/lib/forms";
import { FormMessage, SubmitButton } from "../form-fields";
import { Badge } from "../ui";

export type ScoreStatusView = {
  status: string;
  lastError: string | null;
  tries: number;
  nextTryAt: Date;
  sentAt: Date | null;
};

export function ScoreStatus({ score }: { score: ScoreStatusView }) {
  const t = useTranslations("ltiScores.status");
  const format = useFormatter();
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  if (score.status === "SENT") return <Badge tone="accent">{score.sentAt ? t("sentAt", { at: when(score.sentAt) }) : t("sent")}</Badge>;
  if (score.status === "FAILED")
    return <span className="text-sm font-medium break-words text-rose-800">{t("failed", { why: score.lastError ?? "—" })}</span>;
  if (score.status === "PENDING" && score.lastError)
    return (
      <span className="text-sm break-words text-amber-900">
        {t("retrying", { tries: score.tries, at: when(score.nextTryAt), why: score.lastError })}
      </span>
    );
  return <Badge tone="amber">{score.status === "SENDING" ? t("sending") : t("pending")}</Badge>;
}

export function ResendScoreForm({ courseId, quizId, userId, label }: { courseId: string; quizId: string; userId: string; label: string }) {
  const t = useTranslations("ltiScores");
  const [state, action] = useActionState(resendLtiScoreAction, initialFormState);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="courseId" value={courseId} />
      <input type="hidden" name="quizId" value={quizId} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" pending={t("resending")}>
        {t("resend")}
        <span className="sr-only">: {label}</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function ResendFailedForm({ courseId }: { courseId: string }) {
  const t = useTranslations("ltiScores.course");
  const [state, action] = useActionState(resendFailedLtiScoresAction, initialFormState);
  return (
    <form action={action} className="flex flex-col items-start gap-2">
      <input type="hidden" name="courseId" value={courseId} />
      <SubmitButton pending={t("resending")}>{t("resendFailed")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
