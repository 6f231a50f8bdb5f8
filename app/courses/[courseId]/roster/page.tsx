import type { Metadata } from "next";
import { EnrollByEmailForm } from "@/components/course-forms";
import { DataTable } from "@/components/data-table";
import { StaffInviteList } from "@/components/staff-invite-list";
import { Badge, Card, PageHeader } from "@/components/ui";
import { authService } from "@/lib/auth/service";
import { ROLE_LABEL, STAFF, type CourseRole } from "@/lib/auth/roles";
import { requireCourse } from "@/lib/auth/session";
import { courseService, enrollmentService } from "@/lib/courses";
import { appUrl } from "@/lib/env";

export const metadata: Metadata = { title: "Roster" };

export default async function RosterPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const access = await requireCourse(courseId, STAFF, `/courses/${courseId}/roster`);
  const enrollments = await courseService.rosterOf(courseId);
  // Invite links are bearer secrets: only instructors, who send them, see them.
  const instructor = access.role === "INSTRUCTOR";
  const tokens = instructor
    ? await authService.inviteTokens(enrollments.filter((e) => e.user.invited).map((e) => e.user.id))
    : new Map<string, string>();
  const staffInvites = instructor ? await enrollmentService.staffInvitesOf(courseId) : [];
  return (
    <>
      <PageHeader title="Roster" description="Everyone in the course: enrol people by email, share invite links, see roles and sections." />
      <div className="grid gap-6">
        <Card title="Enrol by email">
          <EnrollByEmailForm courseId={courseId} canAddStaff={access.role === "INSTRUCTOR"} />
        </Card>
        <Card title={`People (${enrollments.length})`}>
          <DataTable
            caption="Everyone enrolled in this course, with role, section and account status"
            hideCaption
            empty="Nobody is enrolled yet."
            columns={[
              { key: "name", header: "Name", sortable: true },
              { key: "email", header: "Email", sortable: true, className: "font-mono text-xs" },
              { key: "role", header: "Role", sortable: true },
              { key: "section", header: "Section", sortable: true },
              { key: "account", header: "Account" },
            ]}
            rows={enrollments.map((e) => {
              const token = tokens.get(e.user.id);
              return {
                key: e.id,
                cells: {
                  name: e.user.name,
                  email: e.user.email,
                  role: ROLE_LABEL[e.role as CourseRole],
                  section: e.section ?? "—",
                  account: e.user.invited ? (
                    <div className="flex flex-col gap-1">
                      <Badge tone="amber">Invited</Badge>
                      {token ? (
                        <label className="text-xs text-slate-600">
                          Invite link for {e.user.email}
                          <input
                            readOnly
                            value={`${appUrl()}/invite/${token}`}
                            className="mt-1 block w-64 rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs"
                          />
                        </label>
                      ) : null}
                    </div>
                  ) : (
                    <Badge tone="accent">Active</Badge>
                  ),
                },
              };
            })}
          />
        </Card>
        {staffInvites.length ? <StaffInviteList invites={staffInvites} baseUrl={appUrl()} /> : null}
      </div>
    </>
  );
}
