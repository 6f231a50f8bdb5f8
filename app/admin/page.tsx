import type { Metadata } from "next";
import { DataTable } from "@/components/data-table";
import { Badge, Card, PageHeader } from "@/components/ui";
import { UserFlagToggle } from "@/components/user-flag-toggle";
import { requireAdmin } from "@/lib/auth/session";
import { accountService } from "@/lib/accounts";
import { courseService } from "@/lib/courses";

export const metadata: Metadata = { title: "Site administration" };

export default async function AdminPage() {
  await requireAdmin("/admin");
  const [users, courses] = await Promise.all([accountService.accounts(500), courseService.courseCount()]);
  return (
    <>
      <PageHeader title="Site administration" description={`${users.length} accounts (first 500 shown) · ${courses} courses`} />
      <Card title="Accounts">
        <DataTable
          caption="Accounts, whether each may create courses, and whether each is an administrator"
          hideCaption
          empty="No accounts yet."
          columns={[
            { key: "name", header: "Name", sortable: true },
            { key: "email", header: "Email", sortable: true, className: "font-mono text-xs" },
            { key: "canTeach", header: "Can create courses" },
            { key: "isAdmin", header: "Administrator" },
          ]}
          rows={users.map((u) => ({
            key: u.id,
            sortValues: { name: u.name },
            cells: {
              name: (
                <>
                  {u.name} {u.invited ? <Badge tone="amber">Invited</Badge> : null}
                </>
              ),
              email: u.email,
              canTeach: <UserFlagToggle userId={u.id} flag="canTeach" value={u.canTeach} label={`${u.name} can create courses`} />,
              isAdmin: <UserFlagToggle userId={u.id} flag="isAdmin" value={u.isAdmin} label={`${u.name} is an administrator`} />,
            },
          }))}
        />
      </Card>
    </>
  );
}
