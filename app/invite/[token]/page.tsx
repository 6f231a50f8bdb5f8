import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AcceptStaffInviteForm, ClaimInviteForm } from "@/components/auth-forms";
import { Card, StatusPage } from "@/components/ui";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/constants";
import { authService } from "@/lib/auth/service";
import { COURSE_ROLES, type CourseRole } from "@/lib/auth/roles";
import { getSessionUser, requireUser } from "@/lib/auth/session";
import { enrollmentService } from "@/lib/courses";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth");
  return { title: t("invite.metaTitle") };
}

function link(href: string) {
  return function InviteLink(chunks: ReactNode) {
    return (
      <a className="text-accent-700 underline" href={href}>
        {chunks}
      </a>
    );
  };
}

async function Unusable() {
  const t = await getTranslations("auth");
  return (
    <StatusPage code={t("invite.code")} title={t("invite.unusableTitle")}>
      {t.rich("invite.unusableBody", { link: link("/login") })}
    </StatusPage>
  );
}

function roleOf(role: string): CourseRole {
  return (COURSE_ROLES as readonly string[]).includes(role) ? (role as CourseRole) : "STUDENT";
}

/**
 * Two kinds of link: an invitation to set up a new account (claimed signed out), and an offer
 * of a staff role to an existing account (accepted signed in as that account, which proves the
 * account's owner received the link sent to its address).
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (token.length > 200) return <Unusable />;
  const t = await getTranslations("auth");
  const invite = await authService.findInvite(token);
  if (invite) {
    const caller = await getSessionUser();
    if (caller) {
      return (
        <StatusPage code={t("invite.code")} title={t("invite.signOutTitle")}>
          {t.rich("invite.signOutBody", { email: caller.email, link: link("/account") })}
        </StatusPage>
      );
    }
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-1 text-2xl font-semibold">{t("invite.welcome")}</h1>
        <p className="mb-4 text-slate-600">{t("invite.welcomeIntro")}</p>
        <Card>
          <ClaimInviteForm token={token} email={invite.email} name={invite.name} minPasswordLength={MIN_PASSWORD_LENGTH} />
        </Card>
      </div>
    );
  }
  const offer = await enrollmentService.findStaffInvite(token);
  if (!offer) return <Unusable />;
  const caller = await requireUser(`/invite/${token}`);
  if (caller.id !== offer.userId) {
    return (
      <StatusPage code={t("invite.code")} title={t("invite.otherAccountTitle")}>
        {t("invite.otherAccountBody", { email: caller.email })}
      </StatusPage>
    );
  }
  const role = roleOf(offer.role);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">{t("invite.staffTitle")}</h1>
      <p className="mb-4 text-slate-600">{t("invite.staffIntro", { code: offer.course.code, title: offer.course.title, role })}</p>
      <Card>
        <AcceptStaffInviteForm token={token} email={offer.user.email} role={role} />
      </Card>
    </div>
  );
}
