import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { StatusPage } from "@/components/ui";

export default async function Forbidden() {
  const t = await getTranslations("errors.page.forbidden");
  return (
    <StatusPage code="403" title={t("title")}>
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
