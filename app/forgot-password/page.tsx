import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/auth-forms";
import { Card } from "@/components/ui";
import { RESET_LINK_HOURS, RESET_MAIL_HOURS } from "@/lib/auth/constants";
import { appMailer } from "@/lib/mail";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("forgot.metaTitle") };
}

/** "Forgot password?": a reset link by email when a mail server is configured, else whom to ask. */
export default async function ForgotPasswordPage() {
  const t = await getTranslations("auth");
  const mails = appMailer() !== null;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-semibold">{t("forgot.heading")}</h1>
      <Card>
        {mails ? (
          <div className="flex flex-col gap-4">
            <p className="text-sm text-slate-700">{t("forgot.intro", { hours: RESET_MAIL_HOURS })}</p>
            <ForgotPasswordForm />
            <p className="text-sm text-slate-600">{t("forgot.orAsk")}</p>
          </div>
        ) : (
          <p className="text-sm text-slate-700">{t("forgot.askInstructor", { hours: RESET_LINK_HOURS })}</p>
        )}
        <p className="mt-4 text-sm text-slate-600">
          {t.rich("forgot.back", {
            link: (chunks) => (
              <Link href="/login" className="font-medium text-accent-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </Card>
    </div>
  );
}
