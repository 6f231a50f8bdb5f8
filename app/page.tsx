import Link from "next/link";
import { Badge, ButtonLink, Card, EmptyState, PageHeader } from "@/components/ui";
import { ROLE_LABEL, type CourseRole } from "@/lib/auth/roles";
import { getSessionUser } from "@/lib/auth/session";
import { courseService } from "@/lib/courses";
import { db } from "@/lib/db/client";
import { MASTERED, masteryOf } from "@/lib/practice/mastery";
import { families } from "@/lib/scenarios";

export default async function HomePage() {
  const user = await getSessionUser();
  if (!user) return <Landing />;
  const enrollments = await courseService.enrollmentsOfUser(user.id);
  const canCreate = user.canTeach || user.isAdmin;
  const mastery = await masteryOf(db, user.id);
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
          {canCreate ? "Create a course, or join one with a code." : "Ask your instructor for the course's join code, then choose “Join with a code”."}
        </EmptyState>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2" aria-label="Courses">
          {enrollments.map(({ course, role }) => (
            <li key={course.id}>
              <Link href={`/courses/${course.id}`} className="block rounded-xl border border-slate-200 bg-white p-5 shadow-sm hover:border-accent-600">
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

function MasteryCard({ mastery }: { mastery: Awaited<ReturnType<typeof masteryOf>> }) {
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
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Practice progress per topic</caption>
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Topic</th>
                <th scope="col" className="py-1 pr-3 font-medium">Answers</th>
                <th scope="col" className="py-1 pr-3 font-medium">Best</th>
                <th scope="col" className="py-1 pr-3 font-medium">Last</th>
                <th scope="col" className="py-1 font-medium">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {mastery.map((m) => (
                <tr key={m.family}>
                  <td className="py-1.5 pr-3">
                    <Link href={`/practice/${m.family}`} className="text-accent-700 underline">
                      {title(m.family)}
                    </Link>
                  </td>
                  <td className="py-1.5 pr-3">{m.attempts}</td>
                  <td className="py-1.5 pr-3">{Math.round(m.best * 100)}%</td>
                  <td className="py-1.5 pr-3">{Math.round(m.last * 100)}%</td>
                  <td className="py-1.5">{m.best >= MASTERED ? <Badge tone="accent">Mastered</Badge> : <Badge tone="amber">Needs work</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
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
          Predict what two endpoints do — the states they pass through and the segments on the wire — then watch a TCP engine that
          follows RFC 9293 play the same scenario, and see exactly where your prediction went wrong.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <ButtonLink href="/practice">Try it now, no account needed</ButtonLink>
          <ButtonLink href="/signup" variant="secondary">Create an account</ButtonLink>
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
