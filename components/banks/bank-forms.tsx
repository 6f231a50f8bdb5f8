"use client";
// The banks page's forms: a new bank, and each bank's rename and delete (asked once more
// before it happens). They call the banks' /api/v1 routes and then refresh the page, whose
// list the server renders; a refusal (a bank in use, a bad title) is said beside the form.
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import type { FormState } from "@/lib/forms";
import { Field, FormMessage } from "../form-fields";
import { buttonStyles } from "../ui";
import { callApi, issuesAt } from "./api";

type Bank = { id: string; title: string };

export function NewBankForm({ courseId }: { courseId: string }) {
  const t = useTranslations("banks.newBank");
  const router = useRouter();
  const [state, setState] = useState<FormState>({ ok: false });
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const title = String(new FormData(form).get("title") ?? "");
    setBusy(true);
    const answer = await callApi<Bank>(`/courses/${courseId}/banks`, "POST", { title });
    setBusy(false);
    if (answer.ok) {
      form.reset();
      setState({ ok: true, message: t("created", { title: answer.data.title }) });
      router.refresh();
    } else {
      const titleErrors = issuesAt(answer.issues, "title");
      setState({
        ok: false,
        message: answer.message,
        fieldErrors: titleErrors.length ? { title: titleErrors } : undefined,
        values: { title },
      });
    }
  }
  return (
    <form onSubmit={submit} className="flex flex-col gap-3" noValidate>
      <FormMessage state={state} />
      <Field name="title" label={t("titleLabel")} hint={t("titleHint")} required maxLength={120} autoComplete="off" state={state} />
      <div>
        <button type="submit" className={buttonStyles.primary} disabled={busy}>
          {t("create")}
        </button>
      </div>
    </form>
  );
}

export function BankActions({ courseId, bank, questions }: { courseId: string; bank: Bank; questions: number }) {
  const t = useTranslations("banks");
  const router = useRouter();
  const id = useId();
  const [mode, setMode] = useState<"idle" | "rename" | "confirm">("idle");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function rename(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const title = String(new FormData(event.currentTarget).get("title") ?? "");
    setBusy(true);
    const answer = await callApi<Bank>(`/courses/${courseId}/banks/${bank.id}`, "PATCH", { title });
    setBusy(false);
    if (!answer.ok) return setError(issuesAt(answer.issues, "title")[0] ?? answer.message);
    setError(null);
    setDone(t("rename.done", { title: answer.data.title }));
    setMode("idle");
    router.refresh();
  }
  async function remove() {
    setBusy(true);
    const answer = await callApi<null>(`/courses/${courseId}/banks/${bank.id}`, "DELETE");
    setBusy(false);
    if (!answer.ok) return setError(answer.message);
    setError(null);
    setMode("idle");
    router.refresh();
  }

  return (
    <div className="flex flex-col gap-2">
      {mode === "rename" ? (
        <form onSubmit={rename} className="flex flex-wrap items-end gap-2" noValidate>
          <div className="flex flex-col gap-1">
            <label htmlFor={`${id}-title`} className="text-xs font-medium text-slate-800">
              {t("rename.label", { title: bank.title })}
            </label>
            <input
              id={`${id}-title`}
              name="title"
              defaultValue={bank.title}
              required
              maxLength={120}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              className="w-56 rounded-lg border border-slate-300 bg-white px-2 py-1 text-sm"
            />
          </div>
          <button type="submit" className={buttonStyles.primary} disabled={busy}>
            {t("rename.save")}
          </button>
          <button type="button" className={buttonStyles.secondary} onClick={() => (setMode("idle"), setError(null))}>
            {t("cancel")}
          </button>
        </form>
      ) : mode === "confirm" ? (
        <div role="group" aria-labelledby={`${id}-confirm`} className="flex flex-col gap-2">
          <p id={`${id}-confirm`} className="text-sm text-rose-800">
            {t("remove.confirm", { title: bank.title, count: questions })}
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={buttonStyles.danger} onClick={remove} disabled={busy}>
              {t("remove.button", { title: bank.title })}
            </button>
            <button type="button" className={buttonStyles.secondary} onClick={() => (setMode("idle"), setError(null))}>
              {t("cancel")}
            </button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            className={buttonStyles.secondary}
            onClick={() => setMode("rename")}
            aria-label={t("rename.open", { title: bank.title })}
          >
            {t("rename.save")}
          </button>
          <button
            type="button"
            className={buttonStyles.danger}
            onClick={() => setMode("confirm")}
            aria-label={t("remove.button", { title: bank.title })}
          >
            {t("remove.short")}
          </button>
        </div>
      )}
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      ) : null}
      <p role="status" className="text-xs text-accent-800">
        {done}
      </p>
    </div>
  );
}
