// One student's attempt, for the course's staff: the review the student sees after release,
// with the expected answers, released or not; an attempt in progress shows its questions. Feedback is stored as messages, so it reads in
// the staff member's language whatever language the student worked in. Beside each question,
// its grading record — the seed, the question version, the grader version, when it was graded,
// any override — the saved-answer history (every accepted autosave with its time) and, for
// those who may, the form to override that answer's score.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { AttemptReviewItems, AttemptScore } from "@/components/attempt-review";
import { DataTable } from "@/components/data-table";
import { ResponseOverrideForm } from "@/components/grade-changes/forms";
import { Card, PageHeader } from "@/components/ui";
import { attempts } from "@/lib/attempts";
import { can } from "@/lib/auth/permissions";
import { STAFF } from "@/lib/auth/roles";
import { requireCourse } from "@/lib/auth/session";
import { gradeChanges, type ResponseDetail } from "@/lib/gradebook/override-service";
import { AppError } from "@/lib/server/errors";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("attempt.staff");
  return { title: t("reviewPageTitle") };
}
export const dynamic = "force-dynamic";

const round = (n: number) => Math.round(n * 100) / 100;

export default async function StaffAttemptPage({ params }: { params: Promise<{ courseId: string; attemptId: string }> }) {
  const { courseId, attemptId } = await params;
  const access = await requireCourse(courseId, STAFF, `/courses/${courseId}/submissions/${attemptId}`);
  const missing = (error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  };
  const [view, details] = await Promise.all([
    attempts.staffView(courseId, attemptId).catch(missing),
    gradeChanges.attemptDetails(courseId, attemptId).catch(missing),
  ]);
  const [t, td, format] = await Promise.all([getTranslations("attempt.staff"), getTranslations("gradeChanges.detail"), getFormatter()]);
  const when = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "medium" }) : "—");
  const back = (chunks: ReactNode) => (
    <Link href={`/courses/${courseId}/quizzes/${view.quiz.id}`} className="text-accent-700 underline">
      {chunks}
    </Link>
  );
  const inProgress = view.status === "IN_PROGRESS";
  const canOverride = can(access.role, "grades.override") && !inProgress && view.score !== null;
  const detailOf = new Map(details.map((d) => [d.position, d]));

  const record = (d: ResponseDetail, maxScore: number) => (
    <Card title={td("recordTitle", { position: d.position })}>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-600">{td("seed")}</dt>
        <dd>
          <code className="font-mono text-slate-900">{d.seed}</code>
        </dd>
        <dt className="font-medium text-slate-600">{td("question")}</dt>
        <dd className="text-slate-900">{td("questionValue", { key: d.questionKey, version: d.questionVersion })}</dd>
        <dt className="font-medium text-slate-600">{td("graderVersion")}</dt>
        <dd>
          <code className="font-mono text-slate-900">{d.graderVersion ?? "—"}</code>
        </dd>
        <dt className="font-medium text-slate-600">{td("gradedAt")}</dt>
        <dd className="text-slate-900">{d.gradedAt ? when(d.gradedAt) : td("notGraded")}</dd>
        <dt className="font-medium text-slate-600">{td("graderScore")}</dt>
        <dd className="text-slate-900">{d.score === null ? td("notGraded") : `${round(d.score)} / ${maxScore}`}</dd>
        <dt className="font-medium text-slate-600">{td("override")}</dt>
        <dd className="text-slate-900" data-testid={`override-${d.position}`}>
          {d.override
            ? td("overrideValue", {
                score: round(d.override.score),
                by: d.override.byName ?? "—",
                at: when(d.override.at),
                reason: d.override.reason ?? "—",
              })
            : td("noOverride")}
        </dd>
        {d.regradedAt ? (
          <>
            <dt className="font-medium text-slate-600">{td("regradedAt")}</dt>
            <dd className="text-slate-900">{when(d.regradedAt)}</dd>
          </>
        ) : null}
      </dl>
      <h3 className="mt-4 mb-2 font-semibold text-slate-900">{td("savesTitle")}</h3>
      <DataTable
        caption={td("savesCaption", { position: d.position })}
        hideCaption
        empty={td("noSaves")}
        columns={[
          { key: "time", header: td("saveTime"), className: "whitespace-nowrap" },
          { key: "answer", header: td("saveAnswer") },
        ]}
        rows={d.saves.map((s, i) => ({
          key: String(i),
          cells: {
            time: <time dateTime={s.savedAt.toISOString()}>{when(s.savedAt)}</time>,
            answer: <code className="font-mono text-sm break-words text-slate-900">{s.answer}</code>,
          },
        }))}
      />
      {canOverride ? (
        <div className="mt-4">
          <ResponseOverrideForm
            courseId={courseId}
            attemptId={attemptId}
            position={d.position}
            maxScore={maxScore}
            overridden={d.override !== null}
          />
        </div>
      ) : null}
    </Card>
  );

  return (
    <>
      <PageHeader
        title={t("reviewTitle", { student: view.student.name, quiz: view.quiz.title })}
        description={t.rich("reviewDescription", {
          number: view.number,
          status: view.status,
          at: view.submittedAt ? format.dateTime(view.submittedAt, { dateStyle: "medium", timeStyle: "short" }) : "",
          back,
        })}
      />
      <div className="flex flex-col gap-6">
        {inProgress ? (
          <Card>
            <p className="text-slate-700">{t("inProgressNote")}</p>
          </Card>
        ) : (
          <AttemptScore score={view.score} maxScore={view.maxScore} reason={view.release.reason} change={view.change} />
        )}
        <p>
          <Link href={`/courses/${courseId}/gradebook/${view.quiz.id}/${view.studentId}`} className="text-accent-700 underline">
            {td("cellLink", { student: view.student.name })}
          </Link>
        </p>
        {view.items.map((item) => {
          const d = detailOf.get(item.position);
          return (
            <div key={item.position} className="flex flex-col gap-3">
              <AttemptReviewItems items={[item]} showUngraded />
              {d ? record(d, item.maxScore) : null}
            </div>
          );
        })}
      </div>
    </>
  );
}
