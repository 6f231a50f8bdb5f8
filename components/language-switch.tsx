"use client";
// The header's language switch, there signed in or out. Choosing a language submits at once;
// without JavaScript the button beside it does (it is visible only to keyboard and screen
// reader users, who reach it by Tab).
import { useLocale, useTranslations } from "next-intl";
import { useRef, useTransition } from "react";
import { setLocaleAction } from "@/app/actions/set-locale";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/locales";

export function LanguageSwitch() {
  const t = useTranslations("common.language");
  const locale = useLocale();
  const form = useRef<HTMLFormElement>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      ref={form}
      action={(data) => startTransition(async () => void (await setLocaleAction(data, undefined)))}
      className="flex items-center gap-1"
      aria-busy={pending}
    >
      <input type="hidden" name="from" value="header" />
      <label className="sr-only" htmlFor="language-switch">
        {t("label")}
      </label>
      <select
        id="language-switch"
        name="locale"
        defaultValue={locale}
        onChange={() => form.current?.requestSubmit()}
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
