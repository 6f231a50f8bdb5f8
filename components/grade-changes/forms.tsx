"use client";
// The staff's grade-change forms: override an attempt's total or one answer's score with a
// reason, clear an override, excuse a student from a quiz or take it back. Each calls its
// /api/v1 operation (lib/api/operations/overrides.ts) and refreshes the page, whose server
// render then shows the new scores and the history entry.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { callApi, fieldErrorsOf, type ApiMethod } from "@/components/api-client";
import { buttonStyles, fieldClass } from "@/components/ui";
import { Labelled, OutcomeMessage, type Outcome } from "@/components/form-fields";

const inputClass = fieldClass;

type Message = Outcome | null;

/** One call and what it says: the busy flag, field errors by name, the form's message. */
function useCall() {
  const t = useTranslations("gradeChanges.forms");
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);
  async function run(method: ApiMethod, url: string, body: unknown, done: string): Promise<boolean> {
    setBusy(true);
    const result = await callApi(method, url, body);
    setBusy(false);
    if (!result.ok) {
      setErrors(fieldErrorsOf(result.issues));
      setMessage({ ok: false, text: result.message || t("failed") });
      return false;
    }
    setErrors({});
    setMessage({ ok: true, text: done });
    router.refresh();
    return true;
  }
  return { busy, errors, message, run };
}

function ScoreAndReason({ uid, max, errors }: { uid: string; max: number | null; errors: Record<string, string[]> }) {
  const t = useTranslations("gradeChanges.forms");
  return (
    <>
      <Labelled id={`${uid}-score`} label={max === null ? t("scoreLabelPlain") : t("scoreLabel", { max })} errors={errors.score}>
        {(props) => (
          <input
            {...props}
            name="score"
            type="number"
            min={0}
            max={max ?? undefined}
            step="0.01"
            inputMode="decimal"
            required
            className={inputClass}
          />
        )}
      </Labelled>
      <Labelled id={`${uid}-reason`} label={t("reasonLabel")} hint={t("reasonHelp")} errors={errors.reason}>
        {(props) => <textarea {...props} name="reason" rows={2} maxLength={500} required className={`${inputClass} w-full`} />}
      </Labelled>
    </>
  );
}

const scoreOf = (form: FormData) => {
  const raw = String(form.get("score") ?? "").trim();
  return raw === "" ? null : Number(raw);
};

export type OverridableAttempt = { id: string; number: number; label: string; maxScore: number | null; overridden: boolean };

/** A form's submit button, and beside it the button that takes the change back (none: nothing to take back). */
function SaveAndTakeBack({
  busy,
  save,
  takeBack,
  onTakeBack,
  className = "",
}: {
  busy: boolean;
  save: string;
  takeBack: string | null;
  onTakeBack: () => void;
  className?: string;
}) {
  return (
    <div className={`flex flex-wrap gap-2 ${className}`}>
      <button type="submit" className={buttonStyles.primary} disabled={busy}>
        {save}
      </button>
      {takeBack ? (
        <button type="button" className={buttonStyles.danger} disabled={busy} onClick={onTakeBack}>
          {takeBack}
        </button>
      ) : null}
    </div>
  );
}

/** Override one of a student's graded attempts, and clear the overrides set. */
export function AttemptOverrideForm({ courseId, attempts }: { courseId: string; attempts: OverridableAttempt[] }) {
  const t = useTranslations("gradeChanges.forms");
  const uid = useId();
  const { busy, errors, message, run } = useCall();
  const [selected, setSelected] = useState(attempts.at(-1)?.id ?? "");
  const chosen = attempts.find((a) => a.id === selected);
  const base = (id: string) => `/api/v1/courses/${courseId}/attempts/${encodeURIComponent(id)}/override`;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const ok = await run("PUT", base(selected), { score: scoreOf(form), reason: String(form.get("reason") ?? "") }, t("saved"));
    if (ok) formElement.reset();
  }

  if (attempts.length === 0) return <p className="text-sm text-slate-700">{t("noGraded")}</p>;
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t("overrideHelp")}</p>
      <form onSubmit={save} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={t("overrideTitle")}>
        <Labelled id={`${uid}-attempt`} label={t("attemptLabel")}>
          {(props) => (
            <select
              {...props}
              name="attempt"
              value={selected}
              onChange={(e) => setSelected(e.target.value)}
              className={`${inputClass} w-full`}
            >
              {attempts.map((a) => (
                <option key={a.id} value={a.id}>
                  {t("attemptOption", { number: a.number, score: a.label })}
                </option>
              ))}
            </select>
          )}
        </Labelled>
        <ScoreAndReason uid={uid} max={chosen?.maxScore ?? null} errors={errors} />
        <div className="sm:col-span-2">
          <button type="submit" className={buttonStyles.primary} disabled={busy}>
            {busy ? t("saving") : t("save")}
          </button>
        </div>
      </form>
      {attempts.some((a) => a.overridden) ? (
        <div className="flex flex-wrap gap-2">
          {attempts
            .filter((a) => a.overridden)
            .map((a) => (
              <button
                key={a.id}
                type="button"
                className={buttonStyles.danger}
                disabled={busy}
                onClick={() => run("DELETE", base(a.id), undefined, t("cleared"))}
              >
                {t("clear", { number: a.number })}
              </button>
            ))}
        </div>
      ) : null}
      <OutcomeMessage outcome={message} />
    </div>
  );
}

/** Excuse a student from a quiz (or change the reason), or take the excusal back. */
export function ExcuseForm({ courseId, quizId, userId, excused }: { courseId: string; quizId: string; userId: string; excused: boolean }) {
  const t = useTranslations("gradeChanges.forms");
  const uid = useId();
  const { busy, errors, message, run } = useCall();
  const url = `/api/v1/courses/${courseId}/quizzes/${encodeURIComponent(quizId)}/excusals/${encodeURIComponent(userId)}`;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (await run("PUT", url, { reason: String(form.get("reason") ?? "") }, t("excusedDone"))) formElement.reset();
  }

  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-slate-600">{t("excuseHelp")}</p>
      <form onSubmit={save} noValidate className="flex flex-col gap-3" aria-label={t("excuseTitle")}>
        <Labelled id={`${uid}-reason`} label={t("reasonLabel")} errors={errors.reason}>
          {(props) => <textarea {...props} name="reason" rows={2} maxLength={500} required className={`${inputClass} w-full`} />}
        </Labelled>
        <SaveAndTakeBack
          busy={busy}
          save={excused ? t("changeReason") : t("excuse")}
          takeBack={excused ? t("unexcuse") : null}
          onTakeBack={() => run("DELETE", url, undefined, t("unexcusedDone"))}
        />
      </form>
      <OutcomeMessage outcome={message} />
    </div>
  );
}

/** Override one answer's score (the staff attempt page, per question), and clear it. */
export function ResponseOverrideForm({
  courseId,
  attemptId,
  position,
  maxScore,
  overridden,
}: {
  courseId: string;
  attemptId: string;
  position: number;
  maxScore: number;
  overridden: boolean;
}) {
  const t = useTranslations("gradeChanges.forms");
  const uid = useId();
  const { busy, errors, message, run } = useCall();
  const url = `/api/v1/courses/${courseId}/attempts/${encodeURIComponent(attemptId)}/responses/${position}/override`;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    if (await run("PUT", url, { score: scoreOf(form), reason: String(form.get("reason") ?? "") }, t("saved"))) formElement.reset();
  }

  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={save} noValidate className="grid gap-3 sm:grid-cols-2" aria-label={t("responseTitle")}>
        <ScoreAndReason uid={uid} max={maxScore} errors={errors} />
        <SaveAndTakeBack
          className="sm:col-span-2"
          busy={busy}
          save={busy ? t("saving") : t("responseSave")}
          takeBack={overridden ? t("clearResponse") : null}
          onTakeBack={() => run("DELETE", url, undefined, t("cleared"))}
        />
      </form>
      <OutcomeMessage outcome={message} />
    </div>
  );
}
