// The gradebook's "Scores sent to the LMS" card (a server component): how many scores wait,
// failed or went out, "send all failed again", and every score not sent yet with its state and
// its own "Send again" — each student's name opening their gradebook cell.
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { cellHref } from "@/lib/gradebook/client";
import type { CourseScores } from "@/lib/lti/score-outbox-service";
import { DataTable } from "../data-table";
import { Card } from "../ui";
import { ResendFailedForm, ResendScoreForm, ScoreStatus } from "./score-status";

export async function CourseScoresCard({ courseId, scores }: { courseId: string; scores: CourseScores }) {
  const t = await getTranslations("ltiScores");
  const { counts, unsent } = scores;
  const unlisted = counts.waiting + counts.failed - unsent.length;
  return (
    <Card title={t("title")}>
      <div className="flex flex-col gap-4">
        <p className="text-slate-700">{t("course.description")}</p>
        <p className="font-medium text-slate-900" data-testid="lti-summary">
          {t("course.summary", counts)}
        </p>
        {counts.failed > 0 ? <ResendFailedForm courseId={courseId} /> : null}
        {unsent.length > 0 ? (
          <DataTable
            caption={t("course.caption")}
            empty={t("course.caption")}
            columns={[
              { key: "student", header: t("course.student"), sortable: true },
              { key: "quiz", header: t("course.quiz"), sortable: true },
              { key: "status", header: t("course.statusHeader") },
              { key: "action", header: t("course.action") },
            ]}
            rows={unsent.map((r) => ({
              key: `${r.linkId}/${r.userId}`,
              sortValues: { student: r.studentName, quiz: r.quizTitle },
              cells: {
                student: (
                  <Link href={cellHref(courseId, r.quizId, r.userId)} className="text-accent-700 underline">
                    {r.studentName}
                  </Link>
                ),
                quiz: r.linkTitle && r.linkTitle !== r.quizTitle ? `${r.quizTitle} (${r.linkTitle})` : r.quizTitle,
                status: <ScoreStatus score={r} />,
                action: (
                  <ResendScoreForm
                    courseId={courseId}
                    quizId={r.quizId}
                    userId={r.userId}
                    label={t("resendLabel", { student: r.studentName, quiz: r.quizTitle })}
                  />
                ),
              },
            }))}
          />
        ) : null}
        {unlisted > 0 ? <p className="text-sm text-slate-600">{t("course.more", { count: unlisted })}</p> : null}
      </div>
    </Card>
  );
}

/** The cell page's part: the student's score in each LMS activity opening this quiz. */
export async function CellScoresCard({
  courseId,
  quizId,
  userId,
  student,
  quiz,
  scores,
  canResend,
}: {
  courseId: string;
  quizId: string;
  userId: string;
  student: string;
  quiz: string;
  scores: CourseScores["unsent"];
  canResend: boolean;
}) {
  const t = await getTranslations("ltiScores");
  return (
    <Card title={t("cell.title")}>
      <div className="flex flex-col gap-3" data-testid="cell-lti">
        {scores.length === 0 ? (
          <p className="text-slate-700">{t("cell.none")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {scores.map((s) => (
              <li key={s.linkId} className="flex flex-wrap items-baseline gap-2">
                {s.linkTitle ? <span className="text-slate-700">{t("cell.activity", { title: s.linkTitle })}</span> : null}
                <ScoreStatus score={s} />
              </li>
            ))}
          </ul>
        )}
        {canResend ? (
          <ResendScoreForm courseId={courseId} quizId={quizId} userId={userId} label={t("resendLabel", { student, quiz })} />
        ) : null}
      </div>
    </Card>
  );
}
