import Link from "next/link";
import { DataTable } from "@/components/data-table";
import { Badge, ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import { ROLE_LABEL, type CourseRole } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { courseService } from "@/lib/courses";
import { practiceService } from "@/lib/practice";
import { MASTERED, type TopicMastery } from "@/lib/practice/mastery";
import { families } from "@/lib/scenarios";

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) return <Landing />;
  const enrollments = await courseService.enrollmentsOfUser(user.id);
  const canCreate = user.canTeach || user.isAdmin;
  const mastery = await practiceService.masteryOf(user.id);
  return (
    <>
      <PageHeader
        title="Your courses"
        description={`Welcome, ${user.name}.`}
        actions={
          <>
            <ButtonLink href="/join" variant="secondary">
              Join with a code
            </ButtonLink>
            {canCreate ? <ButtonLink href="/courses/new">New course</ButtonLink> : null}
          </>
        }
      />
      {enrollments.length === 0 ? (
        <EmptyState title="You are not in any course yet.">
          {canCreate
            ? "Create a course, or join one with a code."
            : "Ask your instructor for the course's join code, then choose “Join with a code”."}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Courses">
          {enrollments.map(({ course, role }) => (
            <li key={course.id}>
              <Link
                href={`/courses/${course.id}`}
                className="block rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-accent-600"
              >
                <p className="font-mono text-xs text-slate-600">{course.code}</p>
                <p className="mt-1 text-lg font-semibold text-slate-900">{course.title}</p>
                <p className="mt-2 flex items-center gap-2 text-sm text-slate-600">
                  <Badge tone={role === "STUDENT" ? "slate" : "accent"}>{ROLE_LABEL[role as CourseRole]}</Badge>
                  {course.term}
                </p>
              </Link>
            </li>
          ))}
        </ul>
      )}
      <MasteryCard mastery={mastery} />
    </>
  );
}

function MasteryCard({ mastery }: { mastery: TopicMastery[] }) {
  const title = (id: string) => families.find((f) => f.id === id)?.title ?? id;
  const toWork = mastery.filter((m) => m.best < MASTERED);
  return (
    <Card title="Your practice" className="mt-8">
      {mastery.length === 0 ? (
        <EmptyState title="You have not practised yet.">
          <Link href="/practice" className="text-accent-700 underline">
            Practise on random scenarios
          </Link>{" "}
          with instant feedback; your progress per topic shows up here.
        </EmptyState>
      ) : (
        <>
          <p className="mb-3 text-sm text-slate-700">
            {toWork.length === 0
              ? "Every topic you have practised is mastered (best score 80% or more)."
              : `${toWork.length} topic${toWork.length === 1 ? " needs" : "s need"} more work: ${toWork.map((m) => title(m.family)).join(", ")}.`}
          </p>
          <DataTable
            caption="Practice progress per topic"
            hideCaption
            empty="You have not practised yet."
            columns={[
              { key: "topic", header: "Topic", sortable: true },
              { key: "answers", header: "Answers", sortable: true },
              { key: "best", header: "Best", sortable: true },
              { key: "last", header: "Last", sortable: true },
              { key: "status", header: "Status" },
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
                answers: m.attempts,
                best: `${Math.round(m.best * 100)}%`,
                last: `${Math.round(m.last * 100)}%`,
                status: m.best >= MASTERED ? <Badge tone="accent">Mastered</Badge> : <Badge tone="amber">Needs work</Badge>,
              },
            }))}
          />
        </>
      )}
    </Card>
  );
}

function Landing() {
  return (
    <div className="grid gap-8 py-6 md:grid-cols-2 md:items-center">
      <div>
        <h1 className="text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">How does TCP open and close a connection?</h1>
        <p className="mt-4 text-lg text-slate-700">
          Predict what two endpoints do — the states they pass through and the segments on the wire — then watch a TCP engine that follows
          RFC 9293 play the same scenario, and see exactly where your prediction went wrong.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonLink href="/practice">Try it now, no account needed</ButtonLink>
          <ButtonLink href="/signup" variant="secondary">
            Create an account
          </ButtonLink>
          <ButtonLink href="/login" variant="secondary">
            Sign in
          </ButtonLink>
        </div>
      </div>
      <Card title="What you will learn">
        <ul className="list-disc space-y-2 pl-5 text-slate-700">
          <li>Why three segments open a connection: old duplicate SYNs.</li>
          <li>Why four close it: full duplex and the half-close.</li>
          <li>Why TIME_WAIT lasts twice the maximum segment lifetime.</li>
          <li>The SYN and accept queues behind listen().</li>
        </ul>
      </Card>
    </div>
  );
}
