import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("errors.page.unavailable");
  return { title: t("metaTitle") };
}
export const dynamic = "force-dynamic";

/** Shown with status 503 by proxy.ts while the database cannot be reached. */
export default async function UnavailablePage() {
  const t = await getTranslations("errors.page.unavailable");
  return (
    <StatusPage code="503" title={t("title")}>
      {t("body")}
    </StatusPage>
  );
}
