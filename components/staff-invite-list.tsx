import { useTranslations } from "next-intl";
import { CopyLink } from "./copy-link";
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
            <div className="max-w-xl">
              <CopyLink
                url={`${baseUrl}/invite/${i.token}`}
                label={t("link", { email: i.user.email, role: i.role })}
                what={t("what", { email: i.user.email })}
              />
            </div>
          </li>
        ))}
      </ul>
    </Card>
  );
}
