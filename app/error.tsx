"use client";
import { useTranslations } from "next-intl";
import { StatusPage, buttonStyles } from "@/components/ui";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("errors.page.error");
  return (
    <StatusPage code={t("code")} title={t("title")}>
      <p>{t("body")}</p>
      <button type="button" onClick={reset} className={`${buttonStyles.primary} mt-4`}>
        {t("retry")}
      </button>
    </StatusPage>
  );
}
