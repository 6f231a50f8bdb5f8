// The class's misconceptions, for the course's staff: wrong answers grouped by the key of their
// first mistake, for one quiz or all, on every variant or those with one scenario feature; a bar
// chart of the top ones by share of the class with its table view, the full table with two
// example answers and the practice topic of each, the table by scenario feature, and both as CSV.
import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { MisconceptionBars } from "@/components/charts/misconception-bars";
import { DataTable } from "@/components/data-table";
import { ButtonLink, Card, EmptyState, FilterSelect, PageHeader } from "@/components/ui";
import { misconceptionService } from "@/lib/analytics/misconception-index";
import { rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { familyTitle } from "@/lib/scenarios";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("misconceptions.page");
  return { title: t("title") };
}
export const dynamic = "force-dynamic";

/** How many misconceptions the chart draws (the table lists them all). */
const CHART_TOP = 8;

const one = (value: string | string[] | undefined): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v.slice(0, 120) : undefined;
};

export default async function MisconceptionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId } = await params;
  const raw = await searchParams;
  const here = `/courses/${courseId}/analytics/misconceptions`;
  await requireCourse(courseId, rolesFor("analytics.view"), here);
  const data = await misconceptionService.classMisconceptions(courseId, { quizId: one(raw.quizId), feature: one(raw.feature) });
  const quizId = data.quizzes.some((q) => q.id === data.quizId) ? data.quizId : null;
  const [t, text, format] = await Promise.all([getTranslations("misconceptions.page"), textRenderer(), getFormatter()]);
  const { report } = data;
  const percent = (x: number) => format.number(x, { style: "percent", maximumFractionDigits: 0 });
  const query = new URLSearchParams();
  if (quizId) query.set("quizId", quizId);
  if (data.feature) query.set("feature", data.feature);
  const csv = (table: string) => {
    const q = new URLSearchParams(query);
    q.set("table", table);
    return `/api/v1/courses/${courseId}/analytics/misconceptions/csv?${q.toString()}`;
  };
  const sentence = new Map(report.misconceptions.map((m) => [m.id, text(m.sentence)]));

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <div className="grid gap-6">
        <Card title={t("filters")}>
          <form method="get" action={here} aria-label={t("filters")} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
            <FilterSelect
              id="filter-quiz"
              name="quizId"
              label={t("quiz")}
              defaultValue={quizId ?? ""}
              options={[{ value: "", label: t("allQuizzes") }, ...data.quizzes.map((q) => ({ value: q.id, label: q.title }))]}
            />
            <FilterSelect
              id="filter-feature"
              name="feature"
              label={t("feature")}
              defaultValue={data.feature ?? ""}
              options={[
                { value: "", label: t("allFeatures") },
                ...data.featureOptions.map((f) => ({ value: f.feature, label: text(f.label) })),
              ]}
            />
            <button
              type="submit"
              className="inline-flex items-center justify-center rounded-lg bg-accent-700 px-4 py-2 text-sm font-medium text-white hover:bg-accent-800"
            >
              {t("show")}
            </button>
          </form>
          <p className="mt-3 text-sm text-slate-700">{t("summary", { answered: report.answered, wrong: report.wrong })}</p>
          {report.unkeyed > 0 ? <p className="mt-1 text-sm text-slate-600">{t("unkeyed", { count: report.unkeyed })}</p> : null}
        </Card>

        {report.misconceptions.length === 0 ? (
          <EmptyState title={t("emptyTitle")}>{t("emptyBody")}</EmptyState>
        ) : (
          <>
            <Card>
              <MisconceptionBars
                title={t("chartTitle")}
                description={t("chartDescription")}
                axis={t("axis")}
                tableView={t("tableView")}
                labelHeader={t("misconception")}
                valueHeader={t("share")}
                bars={report.misconceptions.slice(0, CHART_TOP).map((m) => ({
                  id: m.id,
                  label: sentence.get(m.id) ?? "",
                  value: m.share,
                  short: percent(m.share),
                  valueText: t("barValue", { share: m.share, students: m.students }),
                }))}
              />
            </Card>
            <Card title={t("caption")}>
              <div className="mb-3 flex justify-end">
                <ButtonLink variant="secondary" href={csv("misconceptions")} prefetch={false} aria-label={t("downloadLabel")}>
                  {t("download")}
                </ButtonLink>
              </div>
              <DataTable
                caption={t("caption")}
                hideCaption
                empty={t("emptyTitle")}
                columns={[
                  { key: "misconception", header: t("misconception"), sortable: true },
                  { key: "answers", header: t("answers"), sortable: true },
                  { key: "students", header: t("students"), sortable: true },
                  { key: "share", header: t("share"), sortable: true, className: "whitespace-nowrap" },
                  { key: "examples", header: t("examples") },
                  { key: "practice", header: t("practice") },
                ]}
                rows={report.misconceptions.map((m) => ({
                  key: m.id,
                  sortValues: { misconception: sentence.get(m.id), share: m.share },
                  cells: {
                    misconception: sentence.get(m.id) ?? "",
                    answers: m.count,
                    students: m.students,
                    share: percent(m.share),
                    examples: (
                      <ul className="space-y-1">
                        {m.examples.map((e) => (
                          <li key={e.responseId} className="font-mono text-xs break-words">
                            {t("example", { name: e.userName, answer: text(e.answer) })}
                          </li>
                        ))}
                      </ul>
                    ),
                    practice: m.practice ? (
                      <Link href={m.practice} className="text-accent-700 underline">
                        {t("practiceLink", { topic: text(familyTitle(m.family)) })}
                      </Link>
                    ) : (
                      t("noPractice")
                    ),
                  },
                }))}
              />
            </Card>
          </>
        )}

        <Card title={t("featuresTitle")}>
          <p className="mb-3 text-sm text-slate-700">{t("featuresDescription")}</p>
          {report.features.length > 0 ? (
            <div className="mb-3 flex justify-end">
              <ButtonLink variant="secondary" href={csv("features")} prefetch={false} aria-label={t("downloadFeaturesLabel")}>
                {t("downloadFeatures")}
              </ButtonLink>
            </div>
          ) : null}
          <DataTable
            caption={t("featuresCaption")}
            hideCaption
            empty={t("emptyTitle")}
            columns={[
              { key: "feature", header: t("featureColumn"), sortable: true },
              { key: "answers", header: t("answers"), sortable: true },
              { key: "wrong", header: t("wrong"), sortable: true },
              { key: "students", header: t("students"), sortable: true },
              { key: "share", header: t("share"), sortable: true, className: "whitespace-nowrap" },
              { key: "top", header: t("top") },
            ]}
            rows={report.features.map((f) => ({
              key: f.feature,
              sortValues: { feature: text(f.label), share: f.share },
              cells: {
                feature: (
                  <Link
                    href={`${here}?${new URLSearchParams({ ...(quizId ? { quizId } : {}), feature: f.feature }).toString()}`}
                    className="text-accent-700 underline"
                  >
                    {text(f.label)}
                  </Link>
                ),
                answers: f.answers,
                wrong: f.wrong,
                students: f.students,
                share: percent(f.share),
                top: f.top ? (sentence.get(f.top) ?? t("noTop")) : t("noTop"),
              },
            }))}
          />
        </Card>
      </div>
    </>
  );
}
