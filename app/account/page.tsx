import type { Metadata } from "next";
import { signOutAction } from "@/app/actions/sign-out";
import { signOutEverywhereAction } from "@/app/actions/sign-out-everywhere";
import { buttonStyles, Card, PageHeader } from "@/components/ui";
import { authService } from "@/lib/auth/service";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const user = await requireUser("/account");
  const sessions = await authService.liveSessionCount(user.id);
  return (
    <div className="max-w-xl">
      <PageHeader title="Account and sessions" />
      <Card>
        <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
          <dt className="text-slate-600">Name</dt>
          <dd>{user.name}</dd>
          <dt className="text-slate-600">Email</dt>
          <dd>{user.email}</dd>
          <dt className="text-slate-600">Signed in on</dt>
          <dd>
            {sessions} device{sessions === 1 ? "" : "s"} or browser{sessions === 1 ? "" : "s"}
          </dd>
        </dl>
        <div className="mt-6 flex flex-wrap gap-3">
          <form action={signOutAction}>
            <button type="submit" className={buttonStyles.secondary}>
              Sign out here
            </button>
          </form>
          <form action={signOutEverywhereAction}>
            <button type="submit" className={buttonStyles.danger}>
              Sign out everywhere
            </button>
          </form>
        </div>
      </Card>
    </div>
  );
}
