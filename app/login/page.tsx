import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth-forms";
import { Card } from "@/components/ui";
import { safeReturnUrl } from "@/lib/auth/return-url";
import { getSessionUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signIn.metaTitle") };
}

const REASONS = {
  expired: "signIn.reason.expired",
  "signed-out": "signIn.reason.signedOut",
  "signed-out-everywhere": "signIn.reason.signedOutEverywhere",
  "password-reset": "signIn.reason.passwordReset",
} as const;

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeReturnUrl(params.next);
  if (await getSessionUser()) redirect(next);
  const t = await getTranslations("auth");
  const reason =
    typeof params.reason === "string" && Object.hasOwn(REASONS, params.reason) ? REASONS[params.reason as keyof typeof REASONS] : null;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-semibold">{t("signIn.heading")}</h1>
      {reason ? (
        <p role="status" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t(reason)}
        </p>
      ) : null}
      <Card>
        <SignInForm next={next} />
      </Card>
    </div>
  );
}
