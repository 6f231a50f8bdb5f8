"use client";
// Choosing the language. The header's switch is there signed in or out: choosing a language
// submits at once; without JavaScript the button beside it does (it is visible only to
// keyboard and screen reader users, who reach it by Tab). The Account page's preference saves
// the choice with the account, or clears it to follow the browser; it says "saved" itself,
// so the confirmation reads in the language just chosen (the page comes back in it).
//
// Both forms post to the server action without JavaScript (useActionState's action); with it,
// they dispatch from onSubmit instead, because React resets a form after its action and the
// reset would put the choices back to what the page first showed.
import { useLocale, useTranslations } from "next-intl";
import { useActionState, useRef, useState, useTransition, type FormEvent } from "react";
import { setLocaleAction } from "@/app/actions/set-locale";
import { initialFormState } from "@/lib/forms";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { buttonStyles } from "./ui";

/** A value that follows its prop when the prop changes (another form changed it), else the person's edits. */
function useFollowing<T>(prop: T): [T, (value: T) => void] {
  const [value, setValue] = useState(prop);
  const [seen, setSeen] = useState(prop);
  if (seen !== prop) {
    setSeen(prop);
    setValue(prop);
  }
  return [value, setValue];
}

/** onSubmit for a form whose action is `dispatch`: the same submission, without React's reset of the form. */
function useQuietSubmit(dispatch: (data: FormData) => void) {
  const [, startTransition] = useTransition();
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => dispatch(data));
  };
}

export function LanguageSwitch() {
  const t = useTranslations("common.language");
  const locale = useLocale();
  const [value, setValue] = useFollowing<string>(locale);
  const form = useRef<HTMLFormElement>(null);
  const [, action, pending] = useActionState(setLocaleAction, initialFormState);
  const onSubmit = useQuietSubmit(action);
  return (
    <form ref={form} action={action} onSubmit={onSubmit} className="flex items-center gap-1" aria-busy={pending}>
      <input type="hidden" name="from" value="header" />
      <label className="sr-only" htmlFor="language-switch">
        {t("label")}
      </label>
      <select
        id="language-switch"
        name="locale"
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          form.current?.requestSubmit();
        }}
        className="rounded-md border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-800"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
      <button type="submit" className="sr-only focus:not-sr-only focus:rounded focus:border focus:px-2 focus:py-1 focus:text-sm">
        {t("change")}
      </button>
    </form>
  );
}

type Choice = Locale | "browser";

/** The Account page's language setting: one of the languages, or the browser's. */
export function LanguagePreference({ saved }: { saved: Choice }) {
  const t = useTranslations("account.language");
  const [state, action, pending] = useActionState(setLocaleAction, initialFormState);
  const onSubmit = useQuietSubmit(action);
  const [choice, setChoice] = useFollowing<Choice>(saved);
  const options: { value: Choice; label: string; lang?: Locale }[] = [
    ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l], lang: l })),
    { value: "browser", label: t("browser") },
  ];
  return (
    <form action={action} onSubmit={onSubmit} className="flex flex-col gap-4">
      <input type="hidden" name="from" value="account" />
      <fieldset aria-describedby="language-hint">
        <legend className="sr-only">{t("title")}</legend>
        <p id="language-hint" className="mb-3 text-sm text-slate-600">
          {t("hint")}
        </p>
        <div className="flex flex-col gap-2">
          {options.map((o) => (
            <label key={o.value} className="flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name="locale" value={o.value} checked={choice === o.value} onChange={() => setChoice(o.value)} />
              <span lang={o.lang}>{o.label}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonStyles.secondary} disabled={pending} aria-disabled={pending}>
          {pending ? t("pending") : t("save")}
        </button>
        <p role="status" className="text-sm text-accent-800">
          {state.ok && choice === saved ? t("saved") : null}
        </p>
      </div>
      {!state.ok && state.message ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
