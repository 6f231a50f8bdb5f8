import type { Metadata, Viewport } from "next";
import Link from "next/link";
import { getTimeZone, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CatalogProvider } from "@/components/catalog-provider";
import { LanguageSwitch } from "@/components/language-switch";
import { TimeZoneCookie } from "@/components/time-zone-cookie";
import { UserMenu } from "@/components/user-menu";
import { getSessionUserOrNull } from "@/lib/auth/session";
import "./globals.css";
import { isPlaceholderEmail } from "@/lib/lti/placeholder-email";
import { requestLocale } from "@/lib/server/request-locale";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: t("appName"), template: `%s · ${t("appName")}` }, description: t("description") };
}
export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const user = await getSessionUserOrNull();
  const [locale, timeZone, t] = await Promise.all([requestLocale(), getTimeZone(), getTranslations("common")]);
  const tSandbox = await getTranslations("sandbox");
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <CatalogProvider locale={locale} timeZone={timeZone}>
          <TimeZoneCookie current={timeZone} />
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
          >
            {t("skipToContent")}
          </a>
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-5xl items-center justify-between gap-3 px-4 py-3 sm:gap-4">
              <Link href="/" className="flex items-center gap-2 whitespace-nowrap font-semibold text-slate-900">
                <span aria-hidden="true" className="rounded bg-accent-700 px-1.5 py-0.5 font-mono text-xs text-white">
                  SYN
                </span>
                {/* On a phone the mark alone, so the header's links, language and menu fit beside it. */}
                <span className="sr-only sm:not-sr-only">{t("appName")}</span>
              </Link>
              <nav aria-label={t("nav.main")} className="flex items-center gap-3 whitespace-nowrap text-sm">
                {user ? (
                  <>
                    <Link href="/" className="hidden text-slate-700 hover:text-slate-900 sm:inline">
                      {t("nav.courses")}
                    </Link>
                    <Link href="/practice" className="text-slate-700 hover:text-slate-900">
                      {t("nav.practice")}
                    </Link>
                    {/* On a phone it is in the account menu, so the header fits 360 px. */}
                    <Link href="/sandbox" className="hidden text-slate-700 hover:text-slate-900 sm:inline">
                      {tSandbox("nav")}
                    </Link>
                    {user.isAdmin ? (
                      <Link href="/admin" className="hidden text-slate-700 hover:text-slate-900 sm:inline">
                        {t("nav.admin")}
                      </Link>
                    ) : null}
                    <LanguageSwitch />
                    <UserMenu name={user.name} email={isPlaceholderEmail(user.email) ? user.name : user.email} isAdmin={user.isAdmin} />
                  </>
                ) : (
                  <>
                    <Link href="/practice" className="text-slate-700 hover:text-slate-900">
                      {t("nav.practice")}
                    </Link>
                    <LanguageSwitch />
                    <Link href="/login" className="text-slate-700 hover:text-slate-900">
                      {t("nav.signIn")}
                    </Link>
                    <Link
                      href="/signup"
                      className="hidden rounded-lg bg-accent-700 px-3 py-1.5 font-medium text-white hover:bg-accent-800 sm:inline-block"
                    >
                      {t("nav.createAccount")}
                    </Link>
                  </>
                )}
              </nav>
            </div>
          </header>
          <main id="main" className="mx-auto max-w-5xl px-4 py-8">
            {children}
          </main>
        </CatalogProvider>
      </body>
    </html>
  );
}
