import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui";

export default async function NotFound() {
  const t = await getTranslations("errors.page.notFound");
  return (
    <StatusPage code="404" title={t("title")}>
      {t.rich("body", {
        link: (chunks) => (
          <Link href="/" className="text-accent-700 underline">
            {chunks}
          </Link>
        ),
      })}
    </StatusPage>
  );
}
