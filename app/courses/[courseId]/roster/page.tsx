import type { Metadata } from "next";
import Link from "next/link";
import { EnrollByEmailForm } from "@/components/course-forms";
import { Badge, Card, PageHeader } from "@/components/ui";
import { inviteTokens } from "@/lib/auth/invites";
import { ROLE_LABEL, STAFF, type CourseRole } from "@/lib/auth/roles";
import { requireCourse } from "@/lib/auth/session";
import { courseService } from "@/lib/courses";
import { db } from "@/lib/db/client";
import { appUrl } from "@/lib/env";

export const metadata: Metadata = { title: "Roster" };

export default async function RosterPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const access = await requireCourse(courseId, STAFF, `/courses/${courseId}/roster`);
  const enrollments = await courseService.rosterOf(courseId);
  const tokens = await inviteTokens(db, enrollments.filter((e) => e.user.invited).map((e) => e.user.id));
  return (
    <>
      <PageHeader
        title="Roster"
        description={
          <Link href={`/courses/${courseId}`} className="text-accent-700 underline">
            {access.course.code} · {access.course.title}
          </Link>
        }
      />
      <div className="grid gap-6">
        <Card title="Enrol by email">
          <EnrollByEmailForm courseId={courseId} canAddStaff={access.role === "INSTRUCTOR"} />
        </Card>
        <Card title={`People (${enrollments.length})`}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Everyone enrolled in this course, with role, section and account status</caption>
              <thead className="border-b border-slate-200 text-slate-600">
                <tr>
                  <th scope="col" className="py-2 pr-4 font-medium">Name</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Email</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Role</th>
                  <th scope="col" className="py-2 pr-4 font-medium">Section</th>
                  <th scope="col" className="py-2 font-medium">Account</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {enrollments.map((e) => {
                  const token = tokens.get(e.user.id);
                  return (
                    <tr key={e.id}>
                      <td className="py-2 pr-4">{e.user.name}</td>
                      <td className="py-2 pr-4 font-mono text-xs">{e.user.email}</td>
                      <td className="py-2 pr-4">{ROLE_LABEL[e.role as CourseRole]}</td>
                      <td className="py-2 pr-4">{e.section ?? "—"}</td>
                      <td className="py-2">
                        {e.user.invited ? (
                          <div className="flex flex-col gap-1">
                            <Badge tone="amber">Invited</Badge>
                            {token ? (
                              <label className="text-xs text-slate-600">
                                Invite link for {e.user.email}
                                <input readOnly value={`${appUrl()}/invite/${token}`} className="mt-1 block w-64 rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs" />
                              </label>
                            ) : null}
                          </div>
                        ) : (
                          <Badge tone="accent">Active</Badge>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      </div>
    </>
  );
}
