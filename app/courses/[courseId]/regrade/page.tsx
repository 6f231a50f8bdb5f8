// Starting a regrade, for the course's staff (regrade.preview): a quiz, or one question in every
// quiz of the course, with its options, as a dry run; and the course's recent regrades. The
// quiz's submissions page and the question's page link here with their scope chosen.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { RegradeStartForm } from "@/components/regrade/start-form";
import { Card, EmptyState, PageHeader } from "@/components/ui";
import { rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { regrade } from "@/lib/regrade";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("regrade.start");
  return { title: t("pageTitle") };
}
export const dynamic = "force-dynamic";

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

export default async function RegradeStartPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId } = await params;
  const query = await searchParams;
  await requireCourse(courseId, rolesFor("regrade.preview"), `/courses/${courseId}/regrade`);
  const [choices, recent, t, tj, format] = await Promise.all([
    regrade.choices(courseId),
    regrade.recent(courseId),
    getTranslations("regrade.start"),
    getTranslations("regrade.job"),
    getFormatter(),
  ]);
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card>
        {choices.quizzes.length === 0 && choices.questions.length === 0 ? (
          <EmptyState title={t("noQuizzes")} />
        ) : (
          <RegradeStartForm
            courseId={courseId}
            quizzes={choices.quizzes}
            questions={choices.questions.map((q) => ({ bankId: q.bankId, key: q.key, title: q.title, bankTitle: q.bankTitle }))}
            initial={{ quizId: one(query.quizId), bankId: one(query.bankId), key: one(query.key) }}
          />
        )}
      </Card>
      <Card title={t("recentTitle")} className="mt-6">
        <DataTable
          caption={t("recentCaption")}
          hideCaption
          empty={t("noJobs")}
          columns={[
            { key: "started", header: t("colStarted"), sortable: true },
            { key: "scope", header: t("colScope"), sortable: true },
            { key: "mode", header: t("colMode"), sortable: true },
            { key: "status", header: t("colStatus"), sortable: true },
            { key: "changed", header: t("colChanged"), sortable: true },
          ]}
          rows={recent.map((j) => ({
            key: j.id,
            sortValues: { started: j.createdAt, scope: j.title },
            cells: {
              started: (
                <Link href={`/courses/${courseId}/regrade/${j.id}`} className="text-accent-700 underline">
                  {format.dateTime(new Date(j.createdAt), { dateStyle: "medium", timeStyle: "short" })}
                </Link>
              ),
              scope: j.title,
              mode: tj("mode", { mode: j.mode }),
              status: tj("status", { status: j.status }),
              changed: j.changed,
            },
          }))}
        />
      </Card>
    </>
  );
}
