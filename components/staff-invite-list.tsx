import { Card } from "./ui";
import { ROLE_LABEL, type CourseRole } from "@/lib/auth/roles";
import type { StaffInviteView } from "@/lib/courses/enrollment-queries";

/** Staff roles offered to existing accounts, each waiting for its owner to open the link. */
export function StaffInviteList({ invites, baseUrl }: { invites: StaffInviteView[]; baseUrl: string }) {
  return (
    <Card title={`Waiting for confirmation (${invites.length})`}>
      <p className="mb-3 text-sm text-slate-600">
        These people already had an account whose email was never confirmed. Send each link to that address; the role is granted when its
        owner opens it signed in as that account.
      </p>
      <ul className="flex flex-col gap-3">
        {invites.map((i) => (
          <li key={i.id}>
            <label className="text-xs text-slate-600">
              Confirmation link for {i.user.email} ({ROLE_LABEL[i.role as CourseRole]})
              <input
                readOnly
                value={`${baseUrl}/invite/${i.token}`}
                className="mt-1 block w-full max-w-md rounded border border-slate-300 bg-slate-50 px-2 py-1 font-mono text-xs"
              />
            </label>
          </li>
        ))}
      </ul>
    </Card>
  );
}
