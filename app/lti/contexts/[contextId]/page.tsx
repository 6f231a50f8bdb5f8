import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LtiContextForm } from "@/components/lti-context-form";
import { Card, PageHeader } from "@/components/ui";
import { requireUser } from "@/lib/auth/session";
import { authSecret } from "@/lib/auth/secret";
import { launchService } from "@/lib/lti";
import { nextAfterLink } from "@/lib/lti/context-link";
import { ticketValid } from "@/lib/lti/context-ticket";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ltiLaunch.context");
  return { title: t("title") };
}

/**
 * An LMS course not linked to a course here yet. The instructor the launch named (its ticket)
 * links it to a course they teach or to a new one; anyone else is told it is not set up yet.
 */
export default async function LtiContextPage({
  params,
  searchParams,
}: {
  params: Promise<{ contextId: string }>;
  searchParams: Promise<{ ticket?: string; next?: string }>;
}) {
  const [{ contextId }, { ticket, next }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/lti/contexts/${contextId}`);
  const context = await launchService.contextById(contextId);
  if (!context) notFound();
  if (context.courseId) redirect(nextAfterLink(next, context.courseId));
  const t = await getTranslations("ltiLaunch.context");
  const lmsCourse = context.title ?? context.label ?? context.contextId;
  const instructor = typeof ticket === "string" && ticketValid(authSecret(), ticket, context.id, user.id, new Date());
  if (!instructor)
    return (
      <div className="max-w-xl">
        <PageHeader title={t("notReadyTitle")} />
        <Card>
          <p className="text-sm text-slate-700">{t("notReady", { course: lmsCourse, lms: context.platform.name })}</p>
          <p className="mt-3 text-sm">
            <Link href="/" className="text-accent-700 underline">
              {t("home")}
            </Link>
          </p>
        </Card>
      </div>
    );
  const courses = (await launchService.coursesTaughtBy(user.id)).map(({ course }) => ({
    id: course.id,
    label: [course.code, course.title, course.term].filter(Boolean).join(" · "),
  }));
  return (
    <div className="max-w-xl">
      <PageHeader title={t("title")} description={t("description", { course: lmsCourse, lms: context.platform.name })} />
      <Card>
        <LtiContextForm
          contextId={context.id}
          ticket={ticket}
          next={typeof next === "string" ? next : undefined}
          courses={courses}
          suggested={lmsCourse}
        />
      </Card>
    </div>
  );
}
