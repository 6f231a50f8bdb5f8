"use client";
// Makes a one-time password reset link for someone and shows it to copy: from a course's roster
// (an instructor, for a student) or from the admin page (anyone).
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { makeAdminResetLinkAction, makeCourseResetLinkAction } from "@/app/actions/make-reset-link";
import { CopyLink } from "./copy-link";
import { OutcomeMessage, type Outcome } from "./form-fields";
import { buttonStyles } from "./ui";

type Made = { url: string; email: string; expiresAt: string };

export function ResetLinkMaker({
  userId,
  courseId,
  label,
}: {
  userId: string;
  courseId?: string;
  /** the button's accessible name */ label?: string;
}) {
  const t = useTranslations("roster.person.reset");
  const format = useFormatter();
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Made | null>(null);
  const [failure, setFailure] = useState<Outcome | null>(null);
  async function make() {
    setBusy(true);
    const result = courseId ? await makeCourseResetLinkAction({ courseId, userId }) : await makeAdminResetLinkAction({ userId });
    setBusy(false);
    if (!result.ok) {
      setMade(null);
      return setFailure({ ok: false, text: result.message });
    }
    setFailure(null);
    setMade(result);
  }
  return (
    <div className="flex flex-col gap-2">
      <div>
        <button type="button" className={buttonStyles.secondary} onClick={make} disabled={busy} aria-label={label}>
          {busy ? t("making") : t("make")}
        </button>
      </div>
      <OutcomeMessage outcome={failure} />
      {made ? (
        <div role="status">
          <CopyLink
            url={made.url}
            what={t("what", { email: made.email })}
            label={t("made", {
              email: made.email,
              time: format.dateTime(new Date(made.expiresAt), { dateStyle: "medium", timeStyle: "short", timeZoneName: "short" }),
            })}
          />
        </div>
      ) : null}
    </div>
  );
}
