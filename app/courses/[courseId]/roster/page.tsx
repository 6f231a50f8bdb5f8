import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CopyLink } from "@/components/copy-link";
import { EnrollByEmailForm } from "@/components/course-forms";
import { DataTable } from "@/components/data-table";
import { StaffInviteList } from "@/components/staff-invite-list";
import { Badge, ButtonLink, Card, PageHeader } from "@/components/ui";
import { authService } from "@/lib/auth/service";
import { can } from "@/lib/auth/permissions";
import { STAFF } from "@/lib/auth/roles";
import { requireCourse } from "@/lib/auth/session";
import { courseService, enrollmentService } from "@/lib/courses";
import { rosterSync } from "@/lib/lti/roster-sync-service";
import { appUrl } from "@/lib/env";
import { isPlaceholderEmail } from "@/lib/lti/placeholder-email";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("roster");
  return { title: t("title") };
}

export default async function RosterPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<{ removed?: string }>;
}) {
  const { courseId } = await params;
  const { removed } = await searchParams;
  const access = await requireCourse(courseId, STAFF, `/courses/${courseId}/roster`);
  const enrollments = await courseService.rosterOf(courseId);
  // Invite links are bearer secrets: only instructors, who send them, see them.
  const instructor = access.role === "INSTRUCTOR";
  const tokens = instructor
    ? await authService.inviteTokens(enrollments.filter((e) => e.user.invited).map((e) => e.user.id))
    : new Map<string, string>();
  const staffInvites = instructor ? await enrollmentService.staffInvitesOf(courseId) : [];
  const [t, tc, ti, tl, tCommon] = await Promise.all([
    getTranslations("roster"),
    getTranslations("courses"),
    getTranslations("rosterImport"),
    getTranslations("ltiRoster"),
    getTranslations("common"),
  ]);
  const editable = can(access.role, "roster.import");
  const syncable = can(access.role, "roster.sync") && (await rosterSync.canSyncRoster(courseId));
  const leftLms = (e: (typeof enrollments)[number]) => e.lmsStatus === "Inactive" || e.lmsStatus === "Deleted";
  const identifiers = (e: (typeof enrollments)[number]) =>
    (
      [
        ["sisUserId", e.sisUserId],
        ["sisLoginId", e.sisLoginId],
        ["username", e.username],
        ["orgDefinedId", e.orgDefinedId],
      ] as const
    )
      .filter(([, value]) => value)
      .map(([field, value]) => `${ti(`field.${field}`)}: ${value}`)
      .join(" · ") || "—";
  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          editable || syncable ? (
            <div className="flex flex-wrap gap-2">
              {syncable ? (
                <ButtonLink href={`/courses/${courseId}/roster/sync`} variant="secondary">
                  {tl("link")}
                </ButtonLink>
              ) : null}
              {editable ? (
                <ButtonLink href={`/courses/${courseId}/roster/import`} variant="secondary">
                  {ti("link")}
                </ButtonLink>
              ) : null}
            </div>
          ) : null
        }
      />
      <div className="grid gap-6">
        {removed ? (
          <p role="status" className="rounded-lg bg-accent-50 px-3 py-2 text-sm text-accent-800">
            {t("removed")}
          </p>
        ) : null}
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
              { key: "identifiers", header: ti("column.identifiers"), className: "text-xs" },
              { key: "account", header: t("account") },
              ...(editable ? [{ key: "edit" as const, header: ti("edit.link") }] : []),
            ]}
            rows={enrollments.map((e) => {
              const token = tokens.get(e.user.id);
              return {
                key: e.id,
                cells: {
                  name: e.user.name,
                  email: isPlaceholderEmail(e.user.email) ? tCommon("noEmail") : e.user.email,
                  role: tc("role", { role: e.role }),
                  section: e.section ?? "—",
                  identifiers: identifiers(e),
                  edit: (
                    <Link
                      href={`/courses/${courseId}/roster/${e.id}`}
                      aria-label={ti("edit.linkLabel", { name: e.user.name })}
                      className="font-medium text-accent-800 underline"
                    >
                      {ti("edit.link")}
                    </Link>
                  ),
                  account: leftLms(e) ? (
                    <div className="flex flex-col gap-1">
                      <Badge tone="rose">{tl("leftBadge")}</Badge>
                      {e.user.invited ? <Badge tone="amber">{t("invited")}</Badge> : null}
                    </div>
                  ) : e.user.invited ? (
                    <div className="flex flex-col gap-1">
                      <Badge tone="amber">{t("invited")}</Badge>
                      {token ? (
                        <div className="w-72 max-w-full">
                          <CopyLink
                            url={`${appUrl()}/invite/${token}`}
                            label={t("inviteLink", { email: e.user.email })}
                            what={t("person.invite.what", { email: e.user.email })}
                          />
                        </div>
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
