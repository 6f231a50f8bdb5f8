import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth-forms";
import { Card } from "@/components/ui";
import { safeReturnUrl } from "@/lib/auth/return-url";
import { getSessionUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in" };

const REASONS: Record<string, string> = {
  expired: "Your session has expired. Sign in again to continue.",
  "signed-out": "You have signed out.",
  "signed-out-everywhere": "You have signed out on every device.",
};

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeReturnUrl(params.next);
  if (await getSessionUser()) redirect(next);
  const reason = typeof params.reason === "string" ? REASONS[params.reason] : undefined;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-4 text-2xl font-semibold">Sign in to SynAck Lab</h1>
      {reason ? (
        <p role="status" className="mb-4 rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {reason}
        </p>
      ) : null}
      <Card>
        <SignInForm next={next} />
      </Card>
    </div>
  );
}
