import type { Metadata } from "next";
import { ClaimInviteForm } from "@/components/auth-forms";
import { Card, StatusPage } from "@/components/ui";
import { findInvite } from "@/lib/auth/invites";
import { db } from "@/lib/db/client";

export const metadata: Metadata = { title: "Accept your invitation" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findInvite(db, token);
  if (!invite) {
    return (
      <StatusPage code="Invite" title="This invite link cannot be used">
        It has expired or was already used. If you already set a password, <a className="text-accent-700 underline" href="/login">sign in</a>;
        otherwise ask your instructor for a new link.
      </StatusPage>
    );
  }
  const user = await db.user.findUnique({ where: { id: invite.userId }, select: { name: true } });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-1 text-2xl font-semibold">Welcome to SynAck Lab</h1>
      <p className="mb-4 text-slate-600">Your instructor enrolled you. Choose a password to finish setting up your account.</p>
      <Card>
        <ClaimInviteForm token={token} email={invite.email} name={user?.name ?? ""} />
      </Card>
    </div>
  );
}
