"use client";
// Messages for client components. next-intl's server-side provider would pass the catalog from
// the server: most of every page's React Server Components data, serialized, escaped into the
// HTML and compressed again on every request (docs/performance.md §6). Imported here instead,
// the catalogs are part of a script under /_next/static, built once and cached by the browser.
// One component for both languages, so that switching language re-renders the page in place
// rather than mounting it anew: focus and what a form has just said stay.
import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { catalogs } from "@/messages";

export function CatalogProvider({ locale, timeZone, children }: { locale: Locale; timeZone: string; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} timeZone={timeZone} messages={catalogs[locale]}>
      {children}
    </NextIntlClientProvider>
  );
}
