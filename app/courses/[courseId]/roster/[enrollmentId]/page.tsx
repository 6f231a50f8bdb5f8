import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { CopyLink } from "@/components/copy-link";
import { ResetLinkMaker } from "@/components/reset-link-maker";
import { EnrollmentFieldsForm } from "@/components/roster/enrollment-fields-form";
import { RemoveForm, RoleForm } from "@/components/roster/person-forms";
import { Card, PageHeader } from "@/components/ui";
import { RESET_LINK_HOURS } from "@/lib/auth/constants";
import { can, rolesFor } from "@/lib/auth/permissions";
import { CourseRoleSchema } from "@/lib/auth/roles";
import { authService } from "@/lib/auth/service";
import { requireCourse } from "@/lib/auth/session";
import { rosterEdits } from "@/lib/courses";
import { appUrl } from "@/lib/env";
import { rosterImport } from "@/lib/lms/roster-service";
import { isPlaceholderEmail } from "@/lib/lti/placeholder-email";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rosterImport.edit");
  return { title: t("title") };
}

/**
 * One person of the roster: their section and LMS identifiers (staff who import rosters), and for
 * instructors their role, a password reset link or their invite link, and removing them.
 */
export default async function RosterPersonPage({ params }: { params: Promise<{ courseId: string; enrollmentId: string }> }) {
  const { courseId, enrollmentId } = await params;
  const access = await requireCourse(courseId, rolesFor("roster.import"), `/courses/${courseId}/roster/${enrollmentId}`);
  const [member, fields] = await Promise.all([
    rosterEdits.memberOf(courseId, enrollmentId),
    rosterImport.courseMember(courseId, enrollmentId),
  ]);
  if (!member || !fields) notFound();
  const [t, tp] = await Promise.all([getTranslations("rosterImport"), getTranslations("roster.person")]);
  const manages = can(access.role, "roster.roles");
  const self = member.userId === access.user.id;
  const role = CourseRoleSchema.catch("STUDENT").parse(member.role);
  const invite = manages && member.user.invited ? (await authService.inviteTokens([member.userId])).get(member.userId) : undefined;
  const { name } = member.user;
  const email = isPlaceholderEmail(member.user.email) ? (await getTranslations("common"))("noEmail") : member.user.email;
  return (
    <>
      <PageHeader
        title={name}
        description={tp("summary", { email, role, section: member.section ?? "none" })}
        actions={
          <Link href={`/courses/${courseId}/roster`} className="text-sm font-medium text-accent-800 underline">
            {tp("back")}
          </Link>
        }
      />
      <div className="grid gap-6">
        <Card title={t("edit.title")}>
          <p className="mb-4 text-sm text-slate-600">{t("edit.description", { name, email })}</p>
          <EnrollmentFieldsForm courseId={courseId} enrollmentId={enrollmentId} values={{ section: fields.section, ...fields.ids }} />
        </Card>
        {manages && !self ? (
          <>
            <Card title={tp("role.title")}>
              <RoleForm courseId={courseId} enrollmentId={enrollmentId} role={role} />
            </Card>
            {invite ? (
              <Card title={tp("invite.title")}>
                <CopyLink url={`${appUrl()}/invite/${invite}`} label={tp("invite.label", { email })} what={tp("invite.what", { email })} />
              </Card>
            ) : member.user.invited ? null : (
              <Card title={tp("reset.title")}>
                <p className="mb-3 text-sm text-slate-700">{tp("reset.body", { name, email, hours: RESET_LINK_HOURS })}</p>
                <ResetLinkMaker courseId={courseId} userId={member.userId} />
              </Card>
            )}
            <Card title={tp("remove.title")}>
              <RemoveForm courseId={courseId} enrollmentId={enrollmentId} name={name} code={access.course.code} />
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
