import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BankActions, NewBankForm } from "@/components/banks/bank-forms";
import { DataTable } from "@/components/data-table";
import { Card, PageHeader } from "@/components/ui";
import { authoring } from "@/lib/authoring";
import { can, rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("banks");
  return { title: t("title") };
}

export default async function BanksPage({ params }: { params: Promise<{ courseId: string }> }) {
  const { courseId } = await params;
  const access = await requireCourse(courseId, rolesFor("banks.view"), `/courses/${courseId}/banks`);
  const editor = can(access.role, "banks.edit");
  const [banks, t] = await Promise.all([authoring.listBanks(courseId), getTranslations("banks")]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        {editor ? (
          <Card title={t("newBank.heading")}>
            <NewBankForm courseId={courseId} />
          </Card>
        ) : (
          <p className="text-sm text-slate-600">{t("bank.readOnly")}</p>
        )}
        <Card title={t("list.heading")}>
          <DataTable
            caption={t("list.caption")}
            hideCaption
            empty={t("list.empty")}
            columns={[
              { key: "title", header: t("list.bank"), sortable: true },
              { key: "questions", header: t("list.questions"), sortable: true },
              { key: "archived", header: t("list.archived"), sortable: true },
              { key: "usedBy", header: t("list.usedBy"), sortable: true },
              ...(editor ? [{ key: "actions" as const, header: t("list.actions") }] : []),
            ]}
            rows={banks.map((b) => ({
              key: b.id,
              cells: {
                title: (
                  <Link href={`/courses/${courseId}/banks/${b.id}`} className="font-medium text-accent-700 underline">
                    {b.title}
                  </Link>
                ),
                questions: b.questions,
                archived: b.archived,
                usedBy: b.usedBy,
                actions: editor ? (
                  <BankActions courseId={courseId} bank={{ id: b.id, title: b.title }} questions={b.questions + b.archived} />
                ) : null,
              },
              sortValues: { title: b.title },
            }))}
          />
        </Card>
      </div>
    </>
  );
}
