import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions/sign-out";
import { signOutEverywhereAction } from "@/app/actions/sign-out-everywhere";
import { ApiTokens } from "@/components/api-tokens";
import { ChangePasswordForm } from "@/components/auth-forms";
import { LanguagePreference } from "@/components/language-switch";
import { buttonStyles, Card, PageHeader } from "@/components/ui";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/constants";
import { authService } from "@/lib/auth/service";
import { requireUser } from "@/lib/auth/session";
import { tokenService } from "@/lib/auth/token-service";
import { isLocale } from "@/lib/i18n/locales";
import { isPlaceholderEmail } from "@/lib/lti/placeholder-email";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account");
  return { title: t("metaTitle") };
}

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [sessions, tokens, t, tCommon] = await Promise.all([
    authService.liveSessionCount(user.id),
    tokenService.tokenViews(user.id),
    getTranslations("account"),
    getTranslations("common"),
  ]);
  return (
    <div className="max-w-xl">
      <PageHeader title={t("heading")} />
      <Card>
        <dl className="grid grid-cols-[8rem_minmax(0,1fr)] gap-2 text-sm">
          <dt className="text-slate-600">{t("name")}</dt>
          <dd>{user.name}</dd>
          <dt className="text-slate-600">{t("email")}</dt>
          <dd className="break-words">{isPlaceholderEmail(user.email) ? tCommon("noEmail") : user.email}</dd>
          <dt className="text-slate-600">{t("signedInOn")}</dt>
          <dd>{t("sessions", { count: sessions })}</dd>
        </dl>
        <div className="mt-6 flex flex-wrap gap-3">
          <form action={signOutAction}>
            <button type="submit" className={buttonStyles.secondary}>
              {t("signOutHere")}
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button type="submit" className={buttonStyles.danger}>
              {t("signOutEverywhere")}
            </button>
          </form>
        </div>
      </Card>
      <Card title={t("password.title")} className="mt-6">
        <ChangePasswordForm minPasswordLength={MIN_PASSWORD_LENGTH} />
      </Card>
      <Card title={t("language.title")} className="mt-6">
        <LanguagePreference saved={isLocale(user.locale) ? user.locale : "browser"} />
      </Card>
      <ApiTokens initial={tokens} />
    </div>
  );
}
