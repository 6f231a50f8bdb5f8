import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth-forms";
import { Card } from "@/components/ui";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/constants";
import { safeReturnUrl } from "@/lib/auth/return-url";
import { getSessionUser } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("signUp.metaTitle") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnUrl((await searchParams).next);
  if (await getSessionUser()) redirect(next);
  const t = await getTranslations("auth");
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">{t("signUp.heading")}</h1>
      <p className="mb-4 text-slate-600">{t("signUp.intro")}</p>
      <Card>
        <SignUpForm next={next} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </Card>
    </div>
  );
}
