import { useTranslations } from "next-intl";
import { Card } from "./ui";
import type { StaffInviteView } from "@/lib/courses/enrollment-queries";

/** Staff roles offered to existing accounts, each waiting for its owner to open the link. */
export function StaffInviteList({ invites, baseUrl }: { invites: StaffInviteView[]; baseUrl: string }) {
  const t = useTranslations("roster.staffInvites");
  return (
    <Card title={t("title", { count: invites.length })}>
      <p className="mb-3 text-sm text-slate-600">{t("body")}</p>
      <ul className="flex flex-col gap-3">
        {invites.map((i) => (
          <li key={i.id}>
            <label className="text-xs text-slate-600">
              {t("link", { email: i.user.email, role: i.role })}
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
