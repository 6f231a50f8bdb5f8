// Every analytics page of a course: the sub-navigation between the item analysis and the
// misconceptions, for those who may see them. Like the course layout it grants and refuses
// nothing: each page keeps its own requireCourse; the access read here is cached for the request.
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { AnalyticsNav } from "@/components/analytics-nav";
import { can } from "@/lib/auth/permissions";
import { courseAccessFor, getSessionUser } from "@/lib/auth/session";

export default async function AnalyticsLayout({ children, params }: { children: ReactNode; params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const user = await getSessionUser();
  const access = user ? await courseAccessFor(user, courseId) : null;
  const t = await getTranslations("analytics.subnav");
  return (
    <>
      {access && can(access.role, "analytics.view") ? (
        <AnalyticsNav courseId={courseId} label={t("label")} items={t("items")} misconceptions={t("misconceptions")} />
      ) : null}
      {children}
    </>
  );
}
