// The quiz an LMS activity opens, for an activity the LMS made without deep linking (docs/lti.md
// §4). An instructor of the course chooses it, and may change it until scores of the activity
// have gone to the LMS; a teaching assistant sees which it is; a student sent here by a launch
// is told the instructor has not chosen it yet (or, once chosen, is given the way to it).
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LinkQuizForm } from "@/components/lti/link-quiz-form";
import { ButtonLink, Card, PageHeader, StatusPage } from "@/components/ui";
import { can } from "@/lib/auth/permissions";
import { COURSE_ROLES } from "@/lib/auth/roles";
import { requireCourse, requireUser } from "@/lib/auth/session";
import { deepLinks } from "@/lib/lti/deep-link-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ltiDeepLink.links");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

const link = "text-accent-700 underline";

export default async function LinkQuizPage({ params }: { params: Promise<{ linkId: string }> }) {
  const { linkId } = await params;
  const path = `/lti/links/${encodeURIComponent(linkId)}`;
  await requireUser(path);
  if (linkId.length > 100) notFound();
  const [view, t] = await Promise.all([deepLinks.viewLink(linkId), getTranslations("ltiDeepLink")]);
  if (view.state === "missing") notFound();
  if (view.state === "unlinked")
    return (
      <StatusPage code={t("code")} title={t("unlinked.title")}>
        {t.rich("unlinked.body", {
          link: (chunks) => (
            <Link className={link} href={`/lti/contexts/${encodeURIComponent(view.contextId)}`}>
              {chunks}
            </Link>
          ),
        })}
      </StatusPage>
    );

  const access = await requireCourse(view.courseId, COURSE_ROLES, path);
  const quizzes = await deepLinks.quizzes(view.courseId);
  const current = quizzes.find((q) => q.id === view.quizId) ?? null;
  const quizHref = current ? `/courses/${view.courseId}/quizzes/${current.id}` : null;

  if (access.role === "STUDENT") {
    // A student sees only published quizzes; a chosen draft is "not chosen yet" to them.
    if (!current?.published)
      return (
        <StatusPage code={t("code")} title={t("links.waitingTitle")}>
          {t("links.waitingBody")}
        </StatusPage>
      );
    return (
      <StatusPage code={t("code")} title={current.title}>
        {/* The quiz's own page for a student: its rules and the way to start. */}
        <ButtonLink href={`/courses/${view.courseId}/quizzes/${current.id}/start`}>{t("links.open")}</ButtonLink>
      </StatusPage>
    );
  }

  const tq = await getTranslations("quizzes");
  const currentLine = current ? t("links.current", { title: current.title }) : t("links.none");
  return (
    <>
      <PageHeader
        title={t("links.title")}
        description={t("links.description", {
          title: view.title ?? t("links.untitled"),
          course: `${access.course.code} ${access.course.title}`,
        })}
      />
      <Card>
        <p className="mb-4 break-words text-slate-700">
          {currentLine}{" "}
          {quizHref ? (
            <Link className={link} href={quizHref}>
              {t("links.open")}
            </Link>
          ) : null}
        </p>
        {!can(access.role, "lti.link") ? (
          <p className="text-slate-700">{t("links.staffOnly")}</p>
        ) : view.hasScores ? (
          <div role="note" className="rounded-lg bg-amber-50 px-3 py-2 text-amber-900">
            <p className="font-medium">{t("links.lockedTitle")}</p>
            <p>{t("links.locked")}</p>
          </div>
        ) : quizzes.length === 0 ? (
          <p className="text-slate-700">
            {t.rich("links.noQuizzes", {
              link: (chunks) => (
                <Link className={link} href={`/courses/${view.courseId}/quizzes/new`}>
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : (
          <LinkQuizForm
            courseId={view.courseId}
            linkId={view.linkId}
            current={view.quizId}
            quizzes={quizzes.map((q) => ({
              id: q.id,
              label: t(q.published ? "links.option" : "links.optionDraft", {
                title: q.title,
                mode: tq("mode", { mode: q.mode }),
                points: q.points,
              }),
            }))}
          />
        )}
      </Card>
    </>
  );
}
