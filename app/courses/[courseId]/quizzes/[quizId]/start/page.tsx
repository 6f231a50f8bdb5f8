import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { StartAttemptButton } from "@/components/start-attempt-button";
import { ButtonLink, Card, PageHeader } from "@/components/ui";
import { releaseOf } from "@/lib/attempts/release";
import { refusalToStart } from "@/lib/attempts/rules";
import { requireCourse } from "@/lib/auth/session";
import { quizService } from "@/lib/quizzes";
import { formatLimit, QUIZ_TIME_FORMAT } from "@/lib/quizzes/status";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("quizzes.startPage");
  return { title: t("metaTitle") };
}

/**
 * Before an exam (or any timed quiz) starts: its rules, read before the clock runs, and the
 * Start that begins it. The course page links here, so a stray click there starts nothing.
 */
export default async function QuizStartPage({ params }: { params: Promise<{ courseId: string; quizId: string }> }) {
  const { courseId, quizId } = await params;
  const access = await requireCourse(courseId, ["STUDENT"], `/courses/${courseId}/quizzes/${quizId}/start`);
  const now = new Date();
  const quiz = (await quizService.forStudent(courseId, access.user.id, access.section, now)).find((q) => q.id === quizId);
  if (!quiz) notFound();
  const [t, tq, text, format] = await Promise.all([
    getTranslations("quizzes.startPage"),
    getTranslations("quizzes"),
    textRenderer(),
    getFormatter(),
  ]);
  const when = (at: Date) => format.dateTime(at, QUIZ_TIME_FORMAT);
  const inProgress = quiz.attempts.find((a) => a.status === "IN_PROGRESS");
  const refusal = inProgress ? null : refusalToStart(quiz, access.section, quiz.attempts.length, now, quiz.accommodation);
  const limit = quiz.window.timeLimitSec;
  const close = quiz.window.closesAt;
  const used = quiz.attempts.length;
  // When feedback comes, said as it will be once this attempt is in.
  const release = releaseOf({ ...quiz, closesAt: quiz.feedbackCloseAt }, "SUBMITTED", now);
  const rules = [
    limit
      ? limit !== quiz.timeLimitSec && quiz.timeLimitSec
        ? t("limitYours", { limit: text(formatLimit(limit)), base: text(formatLimit(quiz.timeLimitSec)) })
        : t("limit", { limit: text(formatLimit(limit)) })
      : t("noLimit"),
    limit ? t("timerRuns") : null,
    close ? t("closes", { at: when(close) }) : null,
    limit || close ? t("timesUp") : null,
    t("saving"),
    quiz.attemptsAllowed
      ? t("attemptsLeft", { left: Math.max(0, quiz.attemptsAllowed - used), allowed: quiz.attemptsAllowed })
      : t("attemptsUnlimited"),
    quiz.attemptsAllowed !== 1 ? tq("scoreRule", { rule: quiz.scoreRule }) : null,
    release.released ? t("feedbackNow") : text(release.reason),
  ].filter((r): r is string => Boolean(r));
  const back = `/courses/${courseId}`;
  return (
    <>
      <PageHeader title={quiz.title} description={t("description", { mode: quiz.mode })} />
      <Card title={t("rulesTitle")}>
        <ul className="list-disc space-y-2 pl-5 text-slate-800" data-testid="quiz-rules">
          {rules.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        <div className="mt-6 flex flex-col gap-3 border-t border-slate-200 pt-4 sm:flex-row sm:items-end sm:justify-between">
          <Link href={back} className="text-accent-700 underline">
            {t("back")}
          </Link>
          {inProgress ? (
            <ButtonLink href={`/courses/${courseId}/attempts/${inProgress.id}`}>{t("resume", { number: inProgress.number })}</ButtonLink>
          ) : refusal ? (
            <p role="status" className="text-sm text-slate-700">
              {text(refusal.text)}
            </p>
          ) : (
            <StartAttemptButton
              courseId={courseId}
              quizId={quiz.id}
              quizTitle={quiz.title}
              passwordRequired={quiz.passwordRequired}
              label={limit ? t("startTimed") : t("start")}
            />
          )}
        </div>
      </Card>
    </>
  );
}
