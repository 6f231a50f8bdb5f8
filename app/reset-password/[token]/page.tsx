import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { ResetPasswordForm } from "@/components/auth-forms";
import { Card, StatusPage } from "@/components/ui";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/constants";
import { passwordResets } from "@/lib/auth/reset-service";
import { getSessionUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("reset.metaTitle") };
}

function link(href: string) {
  return function ResetLink(chunks: ReactNode) {
    return (
      <a className="text-accent-700 underline" href={href}>
        {chunks}
      </a>
    );
  };
}

/** A one-time reset link (made by an instructor or an admin, or mailed): a new password, used signed out. */
export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth");
  const owner = token.length <= 200 ? await passwordResets.findResetLink(token) : null;
  if (!owner) {
    return (
      <StatusPage code={t("reset.code")} title={t("reset.unusableTitle")}>
        {t.rich("reset.unusableBody", { link: link("/login") })}
      </StatusPage>
    );
  }
  const caller = await getSessionUser();
  if (caller) {
    return (
      <StatusPage code={t("reset.code")} title={t("reset.signOutTitle")}>
        {t.rich("reset.signOutBody", { email: caller.email, link: link("/account") })}
      </StatusPage>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-semibold">{t("reset.heading")}</h1>
      <Card>
        <ResetPasswordForm token={token} email={owner.email} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </Card>
    </div>
  );
}
