import type { Metadata } from "next";
import Link from "next/link";
import { NewJoinCodeForm } from "@/components/course-forms";
import { DataTable } from "@/components/data-table";
import { StartAttemptButton } from "@/components/start-attempt-button";
import { Badge, ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import { ANY_ROLE, ROLE_LABEL, STAFF, type CourseRole } from "@/lib/auth/roles";
import { requireCourse, type CourseAccess } from "@/lib/auth/session";
import { releaseOf } from "@/lib/attempts/release";
import { canStart as mayStart } from "@/lib/attempts/rules";
import { courseService } from "@/lib/courses";
import { quizService } from "@/lib/quizzes";
import { FEEDBACK_LABEL, formatLimit, quizStatus, type QuizStatus } from "@/lib/quizzes/status";

export const metadata: Metadata = { title: "Course" };

const STATUS_TONE: Record<QuizStatus, "slate" | "accent" | "amber" | "rose"> = {
  draft: "amber",
  upcoming: "slate",
  open: "accent",
  closed: "slate",
};
const STATUS_LABEL: Record<QuizStatus, string> = {
  draft: "Draft (students cannot see it)",
  upcoming: "Upcoming",
  open: "Open",
  closed: "Closed",
};

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
  return (
    <>
      <PageHeader
        title={access.course.title}
        description={
          <>
            <span className="font-mono">{access.course.code}</span>
            {access.course.term ? ` · ${access.course.term}` : ""} · you are {ROLE_LABEL[access.role].toLowerCase()}
            {access.section ? `, section ${access.section}` : ""}
          </>
        }
      />
      {joined ? (
        <p role="status" className="mb-4 rounded-lg bg-accent-50 px-3 py-2 text-sm text-accent-800">
          {joined === "already" ? "You were already in this course." : "You joined the course."}
        </p>
      ) : null}
      {staff ? <StaffHome access={access} /> : <StudentHome access={access} />}
    </>
  );
}

async function StaffHome({ access }: { access: CourseAccess }) {
  const courseId = access.course.id;
  const [counts, quizzes, banks] = await Promise.all([
    courseService.roleCounts(courseId),
    quizService.withCounts(courseId),
    quizService.banksWithCounts(courseId),
  ]);
  const count = (role: CourseRole) => counts[role];
  const now = new Date();
  return (
    <div className="grid gap-6 lg:grid-cols-3">
      <Card title="People" className="lg:col-span-1">
        <dl className="grid grid-cols-2 gap-2 text-sm">
          <dt className="text-slate-600">Students</dt>
          <dd className="font-semibold">{count("STUDENT")}</dd>
          <dt className="text-slate-600">Teaching assistants</dt>
          <dd className="font-semibold">{count("TA")}</dd>
          <dt className="text-slate-600">Instructors</dt>
          <dd className="font-semibold">{count("INSTRUCTOR")}</dd>
        </dl>
        <div className="mt-4 rounded-lg bg-slate-50 p-3">
          <p className="text-sm text-slate-600">Join code (students type it at /join)</p>
          <p
            className="mt-1 font-mono text-2xl font-semibold tracking-widest text-slate-900"
            aria-label={`Join code ${access.course.joinCode.split("").join(" ")}`}
          >
            {access.course.joinCode}
          </p>
        </div>
        {access.role === "INSTRUCTOR" ? (
          <div className="mt-3">
            <NewJoinCodeForm courseId={courseId} />
          </div>
        ) : null}
      </Card>
      <Card title="Quizzes and exams" className="lg:col-span-2">
        {quizzes.length === 0 ? (
          <EmptyState title="No quizzes yet." />
        ) : (
          <ul className="divide-y divide-slate-200">
            {quizzes.map((q) => {
              const status = quizStatus(q, now);
              return (
                <li key={q.id} className="flex flex-col gap-1 py-3 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <p className="font-medium text-slate-900">{q.title}</p>
                    <p className="text-sm text-slate-600">
                      {q.mode === "EXAM" ? "Exam" : "Practice"}
                      {q.timeLimitSec ? ` · ${formatLimit(q.timeLimitSec)}` : ""}
                      {` · ${q.attemptsAllowed ? `${q.attemptsAllowed} attempt${q.attemptsAllowed === 1 ? "" : "s"}` : "unlimited attempts"}`}
                      {` · ${FEEDBACK_LABEL[q.feedbackRelease] ?? q.feedbackRelease}`}
                      {` · ${q._count.items} item${q._count.items === 1 ? "" : "s"}, ${q._count.attempts} attempt${q._count.attempts === 1 ? "" : "s"} so far`}
                    </p>
                  </div>
                  <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card title="Question banks" className="lg:col-span-3">
        <DataTable
          caption="Question banks of this course, with the number of questions in each"
          hideCaption
          empty="No question banks yet."
          columns={[
            { key: "title", header: "Bank", sortable: true },
            { key: "questions", header: "Questions", sortable: true },
          ]}
          rows={banks.map((b) => ({
            key: b.id,
            sortValues: { questions: b._count.questions },
            cells: {
              title: b.title,
              questions: `${b._count.questions} question${b._count.questions === 1 ? "" : "s"}`,
            },
          }))}
        />
      </Card>
    </div>
  );
}

async function StudentHome({ access }: { access: CourseAccess }) {
  const now = new Date();
  const quizzes = await quizService.forStudent(access.course.id, access.user.id, access.section, now);
  return (
    <Card title="Quizzes and exams">
      {quizzes.length === 0 ? (
        <EmptyState title="Nothing to take yet.">Your instructor has not published a quiz in this course.</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-200">
          {quizzes.map((q) => {
            const status = quizStatus(q, now);
            const used = q.attempts.length;
            const inProgress = q.attempts.find((a) => a.status === "IN_PROGRESS");
            const canStart = mayStart(q, access.section, q.attempts, now);
            return (
              <li key={q.id} className="flex flex-col gap-2 py-4 sm:flex-row sm:items-start sm:justify-between">
                <div>
                  <p className="font-medium text-slate-900">
                    {q.title} <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>
                  </p>
                  <p className="text-sm text-slate-600">
                    {q.mode === "EXAM" ? "Exam" : "Practice"}
                    {q.timeLimitSec ? ` · ${formatLimit(q.timeLimitSec)} time limit` : ""}
                    {` · attempts used: ${used}${q.attemptsAllowed ? ` of ${q.attemptsAllowed}` : ""}`}
                    {q.opensAt && status === "upcoming" ? ` · opens ${q.opensAt.toUTCString()}` : ""}
                    {q.closesAt && status === "open" ? ` · closes ${q.closesAt.toUTCString()}` : ""}
                  </p>
                  {q.attempts.filter((a) => a.status === "SUBMITTED").length > 0 ? (
                    <ul className="mt-1 text-sm">
                      {q.attempts
                        .filter((a) => a.status === "SUBMITTED")
                        .map((a) => {
                          const released = releaseOf(q, a.status, now).released;
                          return (
                            <li key={a.id}>
                              <Link href={`/courses/${access.course.id}/attempts/${a.id}`} className="text-accent-700 underline">
                                Attempt {a.number}: {released ? `${Math.round((a.score ?? 0) * 100) / 100} / ${a.maxScore}` : "submitted"}
                              </Link>
                            </li>
                          );
                        })}
                    </ul>
                  ) : null}
                </div>
                <div className="shrink-0">
                  {inProgress ? (
                    <ButtonLink href={`/courses/${access.course.id}/attempts/${inProgress.id}`}>
                      Resume attempt {inProgress.number}
                    </ButtonLink>
                  ) : canStart ? (
                    <StartAttemptButton courseId={access.course.id} quizId={q.id} label={used ? "Start a new attempt" : "Start"} />
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <p className="mt-4 text-sm text-slate-600">
        <Link href="/" className="text-accent-700 underline">
          Back to your courses
        </Link>
      </p>
    </Card>
  );
}
