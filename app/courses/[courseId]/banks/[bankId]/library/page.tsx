import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LibraryPicker } from "@/components/banks/library-picker";
import { PageHeader } from "@/components/ui";
import { authoring, kindSelector, starterCatalog } from "@/lib/authoring";
import { rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locales";
import { AppError } from "@/lib/server/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("banks.library");
  return { title: t("metaTitle") };
}

export default async function LibraryPage({ params }: { params: Promise<{ courseId: string; bankId: string }> }) {
  const { courseId, bankId } = await params;
  await requireCourse(courseId, rolesFor("banks.edit"), `/courses/${courseId}/banks/${bankId}/library`);
  const [t, locale] = await Promise.all([getTranslations("banks"), getLocale() as Promise<Locale>]);
  const bank = await authoring.getBank(courseId, bankId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const families = starterCatalog(locale);
  const kinds = [...new Set(families.flatMap((f) => f.templates.map((x) => x.kind)))];
  const kindLabels = Object.fromEntries(kinds.map((k) => [k, t("kind", { kind: kindSelector(k) })]));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/courses/${courseId}/banks/${bankId}`} className="text-accent-700 underline">
          {t("library.backToBank", { bank: bank.title })}
        </Link>
      </p>
      <PageHeader title={t("library.title")} description={t("library.description", { bank: bank.title })} />
      <LibraryPicker courseId={courseId} bankId={bankId} bankTitle={bank.title} families={families} kindLabels={kindLabels} />
    </>
  );
}
