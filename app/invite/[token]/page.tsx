import type { Metadata } from "next";
import { AcceptStaffInviteForm, ClaimInviteForm } from "@/components/auth-forms";
import { Card, StatusPage } from "@/components/ui";
import { authService } from "@/lib/auth/service";
import { ROLE_LABEL, type CourseRole } from "@/lib/auth/roles";
import { getSessionUser, requireUser } from "@/lib/auth/session";
import { enrollmentService } from "@/lib/courses";

export const metadata: Metadata = { title: "Accept your invitation" };

function Unusable() {
  return (
    <StatusPage code="Invite" title="This invite link cannot be used">
      It has expired or was already used. If you already set a password,{" "}
      <a className="text-accent-700 underline" href="/login">
        sign in
      </a>
      ; otherwise ask your instructor for a new link.
    </StatusPage>
  );
}

/**
 * Two kinds of link: an invitation to set up a new account (claimed signed out), and an offer
 * of a staff role to an existing account (accepted signed in as that account, which proves the
 * account's owner received the link sent to its address).
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (token.length > 200) return <Unusable />;
  const invite = await authService.findInvite(token);
  if (invite) {
    const caller = await getSessionUser();
    if (caller) {
      return (
        <StatusPage code="Invite" title="Sign out to accept this invitation">
          You are signed in as {caller.email}. This link sets up a new account for the person it was sent to; if that is you, sign out first
          (
          <a className="text-accent-700 underline" href="/account">
            Account
          </a>
          ) and open the link again.
        </StatusPage>
      );
    }
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-1 text-2xl font-semibold">Welcome to SynAck Lab</h1>
        <p className="mb-4 text-slate-600">Your instructor enrolled you. Choose a password to finish setting up your account.</p>
        <Card>
          <ClaimInviteForm token={token} email={invite.email} name={invite.name} />
        </Card>
      </div>
    );
  }
  const offer = await enrollmentService.findStaffInvite(token);
  if (!offer) return <Unusable />;
  const caller = await requireUser(`/invite/${token}`);
  if (caller.id !== offer.userId) {
    return (
      <StatusPage code="Invite" title="This invitation is for another account">
        You are signed in as {caller.email}. Sign out, then sign in as the account the invitation was sent to and open the link again.
      </StatusPage>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">Join the course staff</h1>
      <p className="mb-4 text-slate-600">
        You were invited to {offer.course.code} · {offer.course.title} as {ROLE_LABEL[offer.role as CourseRole].toLowerCase()}.
      </p>
      <Card>
        <AcceptStaffInviteForm token={token} email={offer.user.email} role={ROLE_LABEL[offer.role as CourseRole]} />
      </Card>
    </div>
  );
}
