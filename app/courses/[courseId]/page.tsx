import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { NewJoinCodeForm } from "@/components/course-forms";
import { DataTable } from "@/components/data-table";
import { StartAttemptButton } from "@/components/start-attempt-button";
import { Badge, ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import { ANY_ROLE, STAFF, type CourseRole } from "@/lib/auth/roles";
import { requireCourse, type CourseAccess } from "@/lib/auth/session";
import { releaseOf } from "@/lib/attempts/release";
import { canStart as mayStart } from "@/lib/attempts/rules";
import { courseService } from "@/lib/courses";
import { quizService } from "@/lib/quizzes";
import { FEEDBACK_LABEL, formatLimit, QUIZ_TIME_FORMAT, quizStatus, STATUS_LABEL, type QuizStatus } from "@/lib/quizzes/status";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("courses.course");
  return { title: t("metaTitle") };
}

const STATUS_TONE: Record<QuizStatus, "slate" | "accent" | "amber" | "rose"> = {
  draft: "amber",
  upcoming: "slate",
  open: "accent",
  closed: "slate",
};

/** The facts of a quiz on one line: each says one thing, so a middle dot can separate them in any language. */
const facts = (parts: (string | null | false)[]) => parts.filter(Boolean).join(" · ");

export default async function CoursePage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const { courseId } = await params;
  const access = await requireCourse(courseId, ANY_ROLE, `/courses/${courseId}`);
  const joined = (await searchParams).joined;
  const staff = STAFF.includes(access.role);
  const [t, tg] = await Promise.all([getTranslations("courses.course"), getTranslations("gradebook.grades")]);
  return (
    <>
      <PageHeader
        title={access.course.title}
        description={
          <>
            <span className="font-mono">{access.course.code}</span>
            {access.course.term ? ` · ${access.course.term}` : ""} ·{" "}
            {access.section ? t("youAreInSection", { role: access.role, section: access.section }) : t("youAre", { role: access.role })}
          </>
        }
        actions={
          access.role === "STUDENT" ? (
            <ButtonLink variant="secondary" href={`/courses/${courseId}/grades`}>
              {tg("link")}
            </ButtonLink>
          ) : undefined
        }
      />
      {joined ? (
        <p role="status" className="mb-4 rounded-lg bg-accent-50 px-3 py-2 text-sm text-accent-800">
          {joined === "already" ? t("joinedAlready") : t("joined")}
        </p>
      ) : null}
      {staff ? <StaffHome access={access} /> : <StudentHome access={access} />}
    </>
  );
}

async function StaffHome({ access }: { access: CourseAccess }) {
  const courseId = access.course.id;
  const [counts, quizzes, banks, t, tq, ts, text] = await Promise.all([
    courseService.roleCounts(courseId),
    quizService.withCounts(courseId),
    quizService.banksWithCounts(courseId),
    getTranslations("courses.course"),
    getTranslations("quizzes"),
    getTranslations("attempt.staff"),
    textRenderer(),
  ]);
  const count = (role: CourseRole) => counts[role];
  const now = new Date();
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title={t("people")} className="lg:col-span-1">
        <dl className="grid grid-cols-2 gap-2 text-sm">
          <dt className="text-slate-600">{t("students")}</dt>
          <dd className="font-semibold">{count("STUDENT")}</dd>
          <dt className="text-slate-600">{t("tas")}</dt>
          <dd className="font-semibold">{count("TA")}</dd>
          <dt className="text-slate-600">{t("instructors")}</dt>
          <dd className="font-semibold">{count("INSTRUCTOR")}</dd>
        </dl>
        <div className="mt-4 rounded-lg bg-slate-50 p-3">
          <p className="text-sm text-slate-600">{t("joinCodeHint", { path: "/join" })}</p>
          <p
            className="mt-1 font-mono text-2xl font-semibold tracking-widest text-slate-900"
            aria-label={t("joinCodeLabel", { spelled: access.course.joinCode.split("").join(" ") })}
          >
            {access.course.joinCode}
          </p>
        </div>
        {access.role === "INSTRUCTOR" ? (
          <div className="mt-3">
            <NewJoinCodeForm courseId={courseId} code={access.course.joinCode} />
          </div>
        ) : null}
      </Card>
      <Card title={t("quizzes")} className="lg:col-span-2">
        {quizzes.length === 0 ? (
          <EmptyState title={t("noQuizzes")} />
        ) : (
          <ul className="divide-y divide-slate-200">
            {quizzes.map((q) => {
              const status = quizStatus(q, now);
              return (
                <li key={q.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <p className="font-medium text-slate-900">
                      <Link href={`/courses/${courseId}/quizzes/${q.id}`} className="hover:underline">
                        {q.title}
                      </Link>
                    </p>
                    <p className="text-sm text-slate-600">
                      {facts([
                        tq("mode", { mode: q.mode }),
                        q.timeLimitSec ? text(formatLimit(q.timeLimitSec)) : null,
                        tq("attemptsAllowed", { count: q.attemptsAllowed ?? 0 }),
                        FEEDBACK_LABEL[q.feedbackRelease] ? text(FEEDBACK_LABEL[q.feedbackRelease]) : q.feedbackRelease,
                        tq("counts", { items: q._count.items, attempts: q._count.attempts }),
                      ])}
                    </p>
                  </div>
                  {/* A wrapper, so the badge keeps its own width when the row stacks on a phone. */}
                  <div className="flex shrink-0 items-center gap-3">
                    <Link href={`/courses/${courseId}/quizzes/${q.id}`} className="text-sm text-accent-700 underline">
                      {ts("submissionsLink", { count: q._count.attempts })}
                    </Link>
                    <Badge tone={STATUS_TONE[status]}>{text(STATUS_LABEL[status])}</Badge>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card title={t("banks")} className="lg:col-span-3">
        <DataTable
          caption={t("banksCaption")}
          hideCaption
          empty={t("noBanks")}
          columns={[
            { key: "title", header: t("bank"), sortable: true },
            // Chinese breaks between any two characters: keep "48道题" whole.
            { key: "questions", header: t("questions"), sortable: true, className: "whitespace-nowrap" },
          ]}
          rows={banks.map((b) => ({
            key: b.id,
            sortValues: { questions: b._count.questions },
            cells: {
              title: b.title,
              questions: t("questionCount", { count: b._count.questions }),
            },
          }))}
        />
      </Card>
    </div>
  );
}

async function StudentHome({ access }: { access: CourseAccess }) {
  const now = new Date();
  const [quizzes, t, tq, text, format] = await Promise.all([
    quizService.forStudent(access.course.id, access.user.id, access.section, now),
    getTranslations("courses.course"),
    getTranslations("quizzes"),
    textRenderer(),
    getFormatter(),
  ]);
  return (
    <Card title={t("quizzes")}>
      {quizzes.length === 0 ? (
        <EmptyState title={t("nothingToTake")}>{t("notPublished")}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200">
          {quizzes.map((q) => {
            // The student's own window: an accommodation's later close keeps the quiz open for them.
            const status = quizStatus({ ...q, closesAt: q.window.closesAt }, now);
            const used = q.attempts.length;
            const inProgress = q.attempts.find((a) => a.status === "IN_PROGRESS");
            const canStart = mayStart(q, access.section, q.attempts, now, q.accommodation);
            const submitted = q.attempts.filter((a) => a.status === "SUBMITTED");
            // Feedback after the close waits for the last student's own close.
            const release = releaseOf({ ...q, closesAt: q.feedbackCloseAt }, "SUBMITTED", now);
            const when = (at: Date) => format.dateTime(at, QUIZ_TIME_FORMAT);
            const limit = q.window.timeLimitSec;
            const close = q.window.closesAt;
            const twoDecimals = (n: number) => Math.round(n * 100) / 100;
            return (
              <li
                key={q.id}
                className="flex flex-col gap-2 py-4 sm:flex-row sm:items-start sm:justify-between"
                data-testid={`quiz-${q.id}`}
              >
                <div>
                  <p className="font-medium text-slate-900">
                    {q.title} <Badge tone={STATUS_TONE[status]}>{text(STATUS_LABEL[status])}</Badge>
                  </p>
                  <p className="text-sm text-slate-600">
                    {facts([
                      tq("mode", { mode: q.mode }),
                      limit
                        ? limit !== q.timeLimitSec && q.timeLimitSec
                          ? tq("timeLimitYours", { limit: text(formatLimit(limit)), base: text(formatLimit(q.timeLimitSec)) })
                          : tq("timeLimit", { limit: text(formatLimit(limit)) })
                        : null,
                      q.attemptsAllowed ? tq("attemptsUsedOf", { used, allowed: q.attemptsAllowed }) : tq("attemptsUsed", { used }),
                      q.attemptsAllowed !== 1 ? tq("scoreRule", { rule: q.scoreRule }) : null,
                      q.opensAt && status === "upcoming" ? tq("opens", { at: when(q.opensAt) }) : null,
                      close && status === "open"
                        ? q.closesAt && close.getTime() !== q.closesAt.getTime()
                          ? tq("closesYours", { at: when(close), base: when(q.closesAt) })
                          : tq("closes", { at: when(close) })
                        : null,
                      q.feedbackRelease === "ON_DATE"
                        ? q.releaseAt
                          ? tq("feedbackOn", { at: when(q.releaseAt) })
                          : text(FEEDBACK_LABEL.ON_DATE)
                        : null,
                      q.passwordRequired && !inProgress && canStart ? tq("passwordNeeded") : null,
                    ])}
                  </p>
                  {submitted.length > 0 ? (
                    <ul className="mt-1 text-sm">
                      {submitted.map((a) => (
                        <li key={a.id}>
                          <Link href={`/courses/${access.course.id}/attempts/${a.id}`} className="text-accent-700 underline">
                            {release.released
                              ? t("attemptScore", { number: a.number, score: twoDecimals(a.score ?? 0), max: a.maxScore ?? 0 })
                              : t("attemptSubmitted", { number: a.number })}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  {submitted.length > 0 && release.released && q.counted ? (
                    <p className="mt-1 text-sm font-medium text-slate-900" data-testid={`counted-${q.id}`}>
                      {tq("counted", {
                        score: twoDecimals(q.counted.score),
                        max: twoDecimals(q.counted.maxScore),
                        rule: q.counted.rule,
                        number: q.counted.numbers[0],
                        count: q.counted.numbers.length,
                      })}
                    </p>
                  ) : null}
                  {submitted.length > 0 && !release.released ? <p className="mt-1 text-sm text-slate-600">{text(release.reason)}</p> : null}
                </div>
                <div className="shrink-0">
                  {inProgress ? (
                    <ButtonLink href={`/courses/${access.course.id}/attempts/${inProgress.id}`}>
                      {t("resume", { number: inProgress.number })}
                    </ButtonLink>
                  ) : canStart && (q.mode === "EXAM" || limit) ? (
                    // An exam or a timed quiz starts on its own page, after its rules: the clock
                    // runs from Start, so a stray click here must not start it.
                    <ButtonLink
                      href={`/courses/${access.course.id}/quizzes/${q.id}/start`}
                      aria-label={t("readRulesLabel", { quiz: q.title })}
                    >
                      {t("readRules")}
                    </ButtonLink>
                  ) : canStart ? (
                    <StartAttemptButton
                      courseId={access.course.id}
                      quizId={q.id}
                      quizTitle={q.title}
                      passwordRequired={q.passwordRequired}
                      label={used ? t("startNew") : t("start")}
                    />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-4 text-sm text-slate-600">
        <Link href="/" className="text-accent-700 underline">
          {t("backToCourses")}
        </Link>
      </p>
    </Card>
  );
}
