// One gradebook cell, for the course's staff: a student's attempts at one quiz, their status,
// the excusal, the score that counts, the history of every submit and grade change (from the
// AuditLog), and the forms to override an attempt's score or excuse the student.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { AttemptOverrideForm, ExcuseForm } from "@/components/grade-changes/forms";
import { CellScoresCard } from "@/components/lti-scores/course-scores";
import { Badge, Card, PageHeader } from "@/components/ui";
import { can, rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { gradeChanges, type GradeCell, type HistoryEntry } from "@/lib/gradebook/override-service";
import { ltiScores } from "@/lib/lti/score-outbox-service";
import { AppError } from "@/lib/server/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gradeChanges.cell");
  return { title: t("pageTitle") };
}
export const dynamic = "force-dynamic";

const round = (n: number) => Math.round(n * 100) / 100;

export default async function GradeCellPage({ params }: { params: Promise<{ courseId: string; quizId: string; userId: string }> }) {
  const { courseId, quizId, userId } = await params;
  const access = await requireCourse(courseId, rolesFor("grades.view"), `/courses/${courseId}/gradebook/${quizId}/${userId}`);
  const cell = await gradeChanges.cell(courseId, quizId, userId).catch((error) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [t, tg, format, lmsScores] = await Promise.all([
    getTranslations("gradeChanges.cell"),
    getTranslations("gradeChanges"),
    getFormatter(),
    can(access.role, "grades.lti") ? ltiScores.cell(courseId, quizId, userId) : null,
  ]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : "—");
  const back = (chunks: ReactNode) => (
    <Link href={`/courses/${courseId}/gradebook`} className="text-accent-700 underline">
      {chunks}
    </Link>
  );
  const scoreText = (a: GradeCell["attempts"][number]) => {
    if (a.score === null) return t("notGraded");
    const max = a.maxScore ?? 0;
    return a.overrideScore === null
      ? t("counted", { score: round(a.score), max })
      : t("overridden", { score: round(a.overrideScore), max, graded: round(a.score) });
  };
  const canOverride = can(access.role, "grades.override");
  const statusTone = { EXCUSED: "amber", NOT_ASSIGNED: "slate", NOT_STARTED: "slate", IN_PROGRESS: "accent", SUBMITTED: "accent" } as const;

  return (
    <>
      <PageHeader
        title={t("title", { student: cell.student.name, quiz: cell.quiz.title })}
        description={t.rich("description", { email: cell.student.email, section: cell.student.section ?? "none", back })}
      />
      <div className="flex flex-col gap-6">
        <Card title={t("summary")}>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="text-sm font-medium text-slate-600">{t("statusLabel")}</dt>
            <dd data-testid="cell-status">
              <Badge tone={statusTone[cell.status]}>{tg("status", { status: cell.status })}</Badge>
            </dd>
            <dt className="text-sm font-medium text-slate-600">{t("ruleLabel")}</dt>
            <dd className="text-slate-900">{t("rule", { rule: cell.quiz.scoreRule })}</dd>
            <dt className="text-sm font-medium text-slate-600">{t("countedLabel")}</dt>
            <dd className="text-slate-900" data-testid="cell-counted">
              {cell.counted ? t("counted", { score: round(cell.counted.score), max: cell.counted.maxScore }) : t("countedNone")}
            </dd>
          </dl>
          {cell.excused ? (
            <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
              {t("excusedNote", { by: cell.excused.byName ?? t("someone"), at: when(cell.excused.at), reason: cell.excused.reason })}
            </p>
          ) : null}
        </Card>

        <Card title={t("attemptsTitle")}>
          <DataTable
            caption={t("attemptsCaption", { student: cell.student.name, quiz: cell.quiz.title })}
            hideCaption
            empty={t("noAttempts")}
            columns={[
              { key: "attempt", header: t("attempt"), sortable: true, className: "whitespace-nowrap" },
              { key: "status", header: t("statusLabel") },
              { key: "started", header: t("started"), sortable: true },
              { key: "submitted", header: t("submitted"), sortable: true },
              { key: "score", header: t("score"), sortable: true },
              { key: "counts", header: t("counts") },
            ]}
            rows={cell.attempts.map((a) => ({
              key: a.id,
              sortValues: {
                attempt: a.number,
                started: a.startedAt.getTime(),
                submitted: a.submittedAt?.getTime() ?? 0,
                score: a.overrideScore ?? a.score ?? -1,
              },
              cells: {
                attempt: (
                  <Link
                    href={`/courses/${courseId}/submissions/${a.id}`}
                    className="text-accent-700 underline"
                    aria-label={t("open", { number: a.number })}
                  >
                    {a.number}
                  </Link>
                ),
                status: (
                  <span className="flex flex-wrap gap-1">
                    {t("attemptStatus", { status: a.status })}
                    {a.timedOut ? <Badge tone="amber">{t("timedOut")}</Badge> : null}
                  </span>
                ),
                started: when(a.startedAt),
                submitted: when(a.submittedAt),
                score: scoreText(a),
                counts: t("countsValue", { counts: String(a.counts) }),
              },
            }))}
          />
        </Card>

        {canOverride ? (
          <div className="grid gap-6 lg:grid-cols-2">
            <Card title={tg("forms.overrideTitle")}>
              <AttemptOverrideForm
                courseId={courseId}
                attempts={cell.attempts
                  .filter((a) => a.status === "SUBMITTED" && a.score !== null)
                  .map((a) => ({
                    id: a.id,
                    number: a.number,
                    label: scoreText(a),
                    maxScore: a.maxScore,
                    overridden: a.overrideScore !== null,
                  }))}
              />
            </Card>
            <Card title={tg("forms.excuseTitle")}>
              <ExcuseForm courseId={courseId} quizId={quizId} userId={userId} excused={cell.excused !== null} />
            </Card>
          </div>
        ) : null}

        {lmsScores ? (
          <CellScoresCard
            courseId={courseId}
            quizId={quizId}
            userId={userId}
            student={cell.student.name}
            quiz={cell.quiz.title}
            scores={lmsScores}
            canResend={can(access.role, "grades.lti")}
          />
        ) : null}

        <Card title={t("historyTitle")}>
          {cell.history.length === 0 ? (
            <p className="text-slate-700">{t("noHistory")}</p>
          ) : (
            <ol className="flex flex-col gap-3" data-testid="cell-history">
              {cell.history.map((entry, i) => (
                <li key={i} className="border-l-2 border-slate-200 pl-3">
                  <p className="text-slate-900">{historyLine(entry, t)}</p>
                  <p className="text-sm text-slate-600">
                    <time dateTime={entry.at.toISOString()}>{when(entry.at)}</time>
                    {"reason" in entry && entry.reason ? ` · ${t("historyReason", { reason: entry.reason })}` : null}
                    {entry.kind === "override" && entry.old !== null ? ` · ${t("historyBefore", { old: round(entry.old) })}` : null}
                  </p>
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"gradeChanges.cell">>>;

function historyLine(entry: HistoryEntry, t: T): string {
  const actor = "actor" in entry ? (entry.actor ?? t("someone")) : "";
  switch (entry.kind) {
    case "override":
    case "clear": {
      const number = entry.attemptNumber ?? t("unknownAttempt");
      const value = round((entry.kind === "override" ? entry.new : entry.old) ?? 0);
      if (entry.kind === "override")
        return entry.position === null
          ? t("historyOverrideAttempt", { actor, number, score: value })
          : t("historyOverrideResponse", { actor, number, position: entry.position, score: value });
      return entry.position === null
        ? t("historyClearAttempt", { actor, number, old: value })
        : t("historyClearResponse", { actor, number, position: entry.position, old: value });
    }
    case "excuse":
      return t("historyExcuse", { actor });
    case "unexcuse":
      return t("historyUnexcuse", { actor });
    case "submit":
      return entry.score === null
        ? t("historySubmitUngraded", { number: entry.attemptNumber })
        : t("historySubmit", { number: entry.attemptNumber, score: round(entry.score), max: entry.maxScore ?? 0 });
    case "regrade":
      return t("historyRegrade", { number: entry.attemptNumber });
  }
}
