import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { Badge, ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import { getSessionUser } from "@/lib/auth/session";
import { courseService } from "@/lib/courses";
import { misconceptionService } from "@/lib/analytics/misconception-index";
import type { Misconception } from "@/lib/analytics/misconceptions";
import { practiceService } from "@/lib/practice";
import { MASTERED, type TopicMastery } from "@/lib/practice/mastery";
import { families, familyTitle } from "@/lib/scenarios";
import { textRenderer } from "@/lib/server/text";

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) return <Landing />;
  const enrollments = await courseService.enrollmentsOfUser(user.id);
  const canCreate = user.canTeach || user.isAdmin;
  const isStudent = enrollments.some((e) => e.role === "STUDENT");
  const [mastery, misconceptions] = await Promise.all([
    practiceService.masteryOf(user.id),
    isStudent ? misconceptionService.studentMisconceptions(user.id, new Date()) : Promise.resolve(null),
  ]);
  const [t, tc] = await Promise.all([getTranslations("courses.home"), getTranslations("courses")]);
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("welcome", { name: user.name })}
        actions={
          <>
            <ButtonLink href="/join" variant="secondary">
              {t("joinWithCode")}
            </ButtonLink>
            {canCreate ? <ButtonLink href="/courses/new">{t("newCourse")}</ButtonLink> : null}
          </>
        }
      />
      {enrollments.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{canCreate ? t("emptyCreate") : t("emptyJoin")}</EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label={t("listLabel")}>
          {enrollments.map(({ course, role }) => (
            <li key={course.id}>
              <Link
                href={`/courses/${course.id}`}
                className="block rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-accent-600"
              >
                <p className="font-mono text-xs text-slate-600">{course.code}</p>
                <p className="mt-1 text-lg font-semibold text-slate-900">{course.title}</p>
                <p className="mt-2 flex items-center gap-2 text-sm text-slate-600">
                  <Badge tone={role === "STUDENT" ? "slate" : "accent"}>{tc("role", { role })}</Badge>
                  {course.term}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {/* "Your practice": mastery per topic, and beside it the student's own commonest misconceptions. */}
      <div className={`mt-8 grid gap-6 ${misconceptions ? "xl:grid-cols-[3fr_2fr]" : ""}`}>
        <MasteryCard mastery={mastery} />
        {misconceptions ? <OwnMisconceptionsCard misconceptions={misconceptions} /> : null}
      </div>
    </>
  );
}

async function MasteryCard({ mastery }: { mastery: TopicMastery[] }) {
  const [t, text, format] = await Promise.all([getTranslations("courses.mastery"), textRenderer(), getFormatter()]);
  const title = (id: string) => {
    const family = families.find((f) => f.id === id);
    return family ? text(family.title) : id;
  };
  const toWork = mastery.filter((m) => m.best < MASTERED);
  return (
    <Card title={t("title")}>
      {mastery.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>
          {t.rich("emptyBody", {
            link: (chunks) => (
              <Link href="/practice" className="text-accent-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">
            {toWork.length === 0
              ? t("allMastered", { threshold: MASTERED })
              : t("needWork", { count: toWork.length, topics: format.list(toWork.map((m) => title(m.family))) })}
          </p>
          <DataTable
            caption={t("caption")}
            hideCaption
            empty={t("emptyTitle")}
            columns={[
              { key: "topic", header: t("topic"), sortable: true },
              { key: "answers", header: t("answers"), sortable: true },
              { key: "best", header: t("best"), sortable: true },
              { key: "last", header: t("last"), sortable: true },
              { key: "status", header: t("status") },
            ]}
            rows={mastery.map((m) => ({
              key: m.family,
              sortValues: { topic: title(m.family), best: m.best, last: m.last },
              cells: {
                topic: (
                  <Link href={`/practice/${m.family}`} className="text-accent-700 underline">
                    {title(m.family)}
                  </Link>
                ),
                answers: m.revealed ? t("answersWithShown", { answers: m.attempts, shown: m.revealed }) : m.attempts,
                best: t("score", { value: m.best }),
                last: t("score", { value: m.last }),
                status: m.best >= MASTERED ? <Badge tone="accent">{t("mastered")}</Badge> : <Badge tone="amber">{t("needsWork")}</Badge>,
              },
            }))}
          />
        </>
      )}
    </Card>
  );
}

async function OwnMisconceptionsCard({ misconceptions }: { misconceptions: Misconception[] }) {
  const [t, text] = await Promise.all([getTranslations("misconceptions.home"), textRenderer()]);
  return (
    <Card title={t("title")}>
      <p className="mb-3 text-sm text-slate-700">{t("description")}</p>
      {misconceptions.length === 0 ? (
        <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
      ) : (
        <ol className="space-y-3" aria-label={t("listLabel")}>
          {misconceptions.map((m) => (
            <li key={m.id} className="rounded-lg border border-slate-200 p-3">
              <p className="text-slate-900">{text(m.sentence)}</p>
              <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-600">
                <Badge tone="amber">{t("times", { count: m.count })}</Badge>
                {m.practice ? (
                  <Link href={m.practice} className="text-accent-700 underline">
                    {t("practise", { topic: text(familyTitle(m.family)) })}
                  </Link>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

async function Landing() {
  const t = await getTranslations("courses.landing");
  return (
    <div className="grid gap-8 py-6 md:grid-cols-2 md:items-center">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">{t("title")}</h1>
        <p className="mt-4 text-lg text-slate-700">{t("lead")}</p>
        {/* Two buttons, which share a row where the column is wide enough and stack elsewhere; signing in
            (also in the header) is a line under them, so no button is left alone on a row. */}
        <div className="mt-6 flex flex-col gap-3 sm:flex-row md:flex-col lg:flex-row" data-testid="landing-actions">
          <ButtonLink href="/practice">{t("tryNow")}</ButtonLink>
          <ButtonLink href="/signup" variant="secondary">
            {t("createAccount")}
          </ButtonLink>
        </div>
        <p className="mt-4 text-sm text-slate-700">
          {t.rich("haveAccount", {
            link: (chunks) => (
              <Link href="/login" className="font-medium text-accent-700 underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      <Card title={t("learnTitle")}>
        <ul className="list-disc space-y-2 pl-5 text-slate-700">
          <li>{t("learnHandshake")}</li>
          <li>{t("learnClose")}</li>
          <li>{t("learnTimeWait")}</li>
          <li>{t("learnQueues")}</li>
        </ul>
      </Card>
    </div>
  );
}
