// The deep-linking picker (docs/lti.md §4): the LMS opened it to add a SynAck Lab activity. The
// person who launched the request, an instructor of the linked course, chooses a quiz (or
// makes a draft first), or adds nothing; each choice posts to the answer route, which sends the
// signed response back to the LMS. A request already answered, expired or unreadable says so.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DataTable } from "@/components/data-table";
import { NewLtiQuizForm } from "@/components/lti/new-quiz-form";
import { Badge, buttonStyles, Card, PageHeader, StatusPage } from "@/components/ui";
import { rolesFor } from "@/lib/auth/permissions";
import { requireCourse, requireUser } from "@/lib/auth/session";
import { deepLinks } from "@/lib/lti/deep-link-service";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("ltiDeepLink");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

const link = "text-accent-700 underline";

function AnswerButton({
  id,
  label,
  ariaLabel,
  variant,
  children,
}: {
  id: string;
  label: string;
  ariaLabel?: string;
  variant: "primary" | "secondary";
  children?: ReactNode;
}) {
  return (
    <form method="post" action={`/api/lti/deep-link/${encodeURIComponent(id)}`}>
      {children}
      <button type="submit" className={buttonStyles[variant]} aria-label={ariaLabel}>
        {label}
      </button>
    </form>
  );
}

export default async function DeepLinkPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/lti/deep-link/${encodeURIComponent(id)}`;
  const user = await requireUser(path);
  if (id.length > 100) notFound();
  const [view, t] = await Promise.all([deepLinks.view(id, user, new Date()), getTranslations("ltiDeepLink")]);
  if (view.state === "missing") notFound();
  if (view.state === "used")
    return (
      <StatusPage code={t("code")} title={t("used.title")}>
        {t("used.body")}
      </StatusPage>
    );
  if (view.state === "expired")
    return (
      <StatusPage code={t("code")} title={t("expired.title")}>
        {t("expired.body")}
      </StatusPage>
    );
  if (view.state === "invalid")
    return (
      <StatusPage code={t("code")} title={t("invalid.title")}>
        <span className="break-words">{t("invalid.body", { problem: view.problem })}</span>
      </StatusPage>
    );
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

  const access = await requireCourse(view.courseId, rolesFor("lti.link"), path);
  const [tq, quizzes] = await Promise.all([getTranslations("quizzes"), view.acceptsQuizzes ? deepLinks.quizzes(view.courseId) : []]);
  const requested = view.settings.title ? <p className="mt-1">{t("requested", { title: view.settings.title })}</p> : null;
  const header = (
    <PageHeader
      title={t("title")}
      description={
        <>
          {t("description", { course: `${access.course.code} ${access.course.title}` })}
          {requested}
        </>
      }
    />
  );

  if (!view.acceptsQuizzes)
    return (
      <>
        {header}
        <Card title={t("notAccepted.heading")}>
          <p className="mb-4 break-words text-slate-700">{t("notAccepted.body", { types: view.settings.accept_types.join(", ") })}</p>
          <AnswerButton id={id} label={t("notAccepted.submit")} variant="primary">
            <input type="hidden" name="answer" value="cancel" />
          </AnswerButton>
        </Card>
      </>
    );

  return (
    <>
      {header}
      <Card title={t("pick.heading")}>
        <p className="mb-4 text-sm text-slate-600">{t("pick.gradeNote")}</p>
        <DataTable
          caption={t("pick.caption")}
          hideCaption
          empty={t("pick.empty")}
          columns={[
            { key: "title", header: t("pick.quiz"), sortable: true },
            { key: "mode", header: t("pick.mode"), sortable: true },
            { key: "points", header: t("pick.points"), sortable: true },
            { key: "action", header: t("pick.action") },
          ]}
          rows={quizzes.map((q) => ({
            key: q.id,
            sortValues: { title: q.title, mode: q.mode, points: q.points },
            cells: {
              title: (
                <span className="flex flex-wrap items-center gap-2">
                  <span className="break-words">{q.title}</span>
                  {q.published ? null : <Badge tone="amber">{t("pick.draft")}</Badge>}
                </span>
              ),
              mode: tq("mode", { mode: q.mode }),
              points:
                q.items === 0 ? (
                  <span className="flex flex-col gap-1">
                    <span>{t("pick.noQuestions")}</span>
                    <Link
                      className={link}
                      href={`/courses/${view.courseId}/quizzes/${q.id}/edit`}
                      aria-label={t("pick.buildLabel", { title: q.title })}
                    >
                      {t("pick.build")}
                    </Link>
                  </span>
                ) : (
                  q.points
                ),
              action: (
                <AnswerButton id={id} label={t("pick.choose")} ariaLabel={t("pick.chooseLabel", { title: q.title })} variant="primary">
                  <input type="hidden" name="answer" value="quiz" />
                  <input type="hidden" name="quizId" value={q.id} />
                </AnswerButton>
              ),
            },
          }))}
        />
      </Card>
      <Card title={t("create.heading")}>
        <NewLtiQuizForm courseId={view.courseId} />
      </Card>
      <Card title={t("cancel.heading")}>
        <p className="mb-4 text-slate-700">{t("cancel.body")}</p>
        <AnswerButton id={id} label={t("cancel.submit")} variant="secondary">
          <input type="hidden" name="answer" value="cancel" />
        </AnswerButton>
      </Card>
    </>
  );
}
