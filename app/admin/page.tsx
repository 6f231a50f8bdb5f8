import type { Metadata } from "next";
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
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Accounts, whether each may create courses, and whether each is an administrator</caption>
            <thead className="border-b border-slate-200 text-slate-600">
              <tr>
                <th scope="col" className="py-2 pr-4 font-medium">Name</th>
                <th scope="col" className="py-2 pr-4 font-medium">Email</th>
                <th scope="col" className="py-2 pr-4 font-medium">Can create courses</th>
                <th scope="col" className="py-2 font-medium">Administrator</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.map((u) => (
                <tr key={u.id}>
                  <td className="py-2 pr-4">
                    {u.name} {u.invited ? <Badge tone="amber">Invited</Badge> : null}
                  </td>
                  <td className="py-2 pr-4 font-mono text-xs">{u.email}</td>
                  <td className="py-2 pr-4">
                    <UserFlagToggle userId={u.id} flag="canTeach" value={u.canTeach} label={`${u.name} can create courses`} />
                  </td>
                  <td className="py-2">
                    <UserFlagToggle userId={u.id} flag="isAdmin" value={u.isAdmin} label={`${u.name} is an administrator`} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </>
  );
}
