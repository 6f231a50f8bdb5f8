import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { ResetLinkMaker } from "@/components/reset-link-maker";
import { Badge, ButtonLink, Card, PageHeader } from "@/components/ui";
import { UserFlagToggle } from "@/components/user-flag-toggle";
import { requireAdmin } from "@/lib/auth/session";
import { accountService } from "@/lib/accounts";
import { courseService } from "@/lib/courses";
import { isPlaceholderEmail } from "@/lib/lti/placeholder-email";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("metaTitle") };
}

const SHOWN = 500;

export default async function AdminPage() {
  const admin = await requireAdmin("/admin");
  const [users, courses, t, lti, tCommon] = await Promise.all([
    accountService.accounts(SHOWN),
    courseService.courseCount(),
    getTranslations("admin"),
    getTranslations("ltiAdmin"),
    getTranslations("common"),
  ]);
  return (
    <>
      <PageHeader
        title={t("heading")}
        description={t("summary", { accounts: users.length, limit: SHOWN, courses })}
        actions={
          <ButtonLink href="/admin/lti" variant="secondary">
            {lti("open")}
          </ButtonLink>
        }
      />
      <Card title={t("accounts")}>
        <DataTable
          caption={t("caption")}
          hideCaption
          empty={t("empty")}
          columns={[
            { key: "name", header: t("column.name"), sortable: true },
            { key: "email", header: t("column.email"), sortable: true, className: "font-mono text-xs" },
            { key: "canTeach", header: t("column.canTeach") },
            { key: "isAdmin", header: t("column.isAdmin") },
            { key: "reset", header: t("column.reset") },
          ]}
          rows={users.map((u) => ({
            key: u.id,
            sortValues: { name: u.name },
            cells: {
              name: (
                <>
                  {u.name} {u.invited ? <Badge tone="amber">{t("invited")}</Badge> : null}
                </>
              ),
              email: isPlaceholderEmail(u.email) ? tCommon("noEmail") : u.email,
              canTeach: <UserFlagToggle userId={u.id} flag="canTeach" value={u.canTeach} label={t("canTeachLabel", { name: u.name })} />,
              isAdmin: <UserFlagToggle userId={u.id} flag="isAdmin" value={u.isAdmin} label={t("isAdminLabel", { name: u.name })} />,
              // Invited accounts have no password yet, and one's own is changed on the Account page.
              reset: u.invited || u.id === admin.id ? "—" : <ResetLinkMaker userId={u.id} label={t("resetLabel", { name: u.name })} />,
            },
          }))}
        />
      </Card>
    </>
  );
}
