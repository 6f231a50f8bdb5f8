import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EnrollByEmailForm } from "@/components/course-forms";
import { DataTable } from "@/components/data-table";
import { StaffInviteList } from "@/components/staff-invite-list";
import { Badge, Card, PageHeader } from "@/components/ui";
import { authService } from "@/lib/auth/service";
import { STAFF } from "@/lib/auth/roles";
import { requireCourse } from "@/lib/auth/session";
import { courseService, enrollmentService } from "@/lib/courses";
import { appUrl } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roster");
  return { title: t("title") };
}

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
  const [t, tc] = await Promise.all([getTranslations("roster"), getTranslations("courses")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        <Card title={t("enrolTitle")}>
          <EnrollByEmailForm courseId={courseId} canAddStaff={access.role === "INSTRUCTOR"} />
        </Card>
        <Card title={t("people", { count: enrollments.length })}>
          <DataTable
            caption={t("caption")}
            hideCaption
            empty={t("empty")}
            columns={[
              { key: "name", header: t("name"), sortable: true },
              { key: "email", header: t("email"), sortable: true, className: "font-mono text-xs" },
              { key: "role", header: t("role"), sortable: true },
              { key: "section", header: t("section"), sortable: true },
              { key: "account", header: t("account") },
            ]}
            rows={enrollments.map((e) => {
              const token = tokens.get(e.user.id);
              return {
                key: e.id,
                cells: {
                  name: e.user.name,
                  email: e.user.email,
                  role: tc("role", { role: e.role }),
                  section: e.section ?? "—",
                  account: e.user.invited ? (
                    <div className="flex flex-col gap-1">
                      <Badge tone="amber">{t("invited")}</Badge>
                      {token ? (
                        <label className="text-xs text-slate-600">
                          {t("inviteLink", { email: e.user.email })}
                          <input
                            readOnly
                            value={`${appUrl()}/invite/${token}`}
                            className="mt-1 block w-64 rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs"
                          />
                        </label>
                      ) : null}
                    </div>
                  ) : (
                    <Badge tone="accent">{t("active")}</Badge>
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
