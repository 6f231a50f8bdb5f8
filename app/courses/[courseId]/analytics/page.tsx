// Item analysis of a quiz, for the course's staff: pick a quiz; its score histogram, every
// question's facility, discrimination, credit and time, the facility-against-discrimination
// chart, and the answers pooled per family, answer kind and section. Each table downloads as
// CSV through /api/v1 (getItemAnalyticsCsv). Statistics: lib/analytics/stats.ts, defined in
// docs/analytics.md.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { FacilityScatter } from "@/components/charts/facility-scatter";
import { ScoreHistogram } from "@/components/charts/score-histogram";
import { DataTable } from "@/components/data-table";
import { buttonStyles, Card, EmptyState, FilterSelect, PageHeader } from "@/components/ui";
import { analytics, type GroupRow } from "@/lib/analytics";
import { rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import { kindSelector } from "@/lib/authoring";
import { familyTitle } from "@/lib/scenarios";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("analytics");
  return { title: t("pageTitle") };
}
export const dynamic = "force-dynamic";

export default async function AnalyticsPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string }>;
  searchParams: Promise<{ quiz?: string | string[] }>;
}) {
  const { courseId } = await params;
  const { quiz: asked } = await searchParams;
  const here = `/courses/${courseId}/analytics`;
  await requireCourse(courseId, rolesFor("analytics.view"), here);
  const [quizzes, t, tb, format, text] = await Promise.all([
    analytics.quizzes(courseId),
    getTranslations("analytics"),
    getTranslations("banks"),
    getFormatter(),
    textRenderer(),
  ]);

  const header = <PageHeader title={t("pageTitle")} description={t("description")} />;
  if (quizzes.length === 0)
    return (
      <>
        {header}
        <EmptyState title={t("empty.noQuizzes")}>{t("empty.noQuizzesBody")}</EmptyState>
      </>
    );

  const askedId = typeof asked === "string" ? asked : undefined;
  const quizId = askedId ?? ([...quizzes].reverse().find((q) => q.submitted > 0) ?? quizzes[0]!).id;
  if (!quizzes.some((q) => q.id === quizId)) notFound();
  const data = await analytics.items(courseId, quizId);

  const percent = (v: number | null) => (v === null ? t("undefined") : format.number(v, { style: "percent", maximumFractionDigits: 0 }));
  const decimal = (v: number | null) =>
    v === null ? t("undefined") : format.number(v, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const points = (v: number | null) => (v === null ? t("undefined") : format.number(v, { maximumFractionDigits: 2 }));
  const duration = (sec: number | null) =>
    sec === null
      ? t("undefined")
      : sec < 120
        ? format.number(Math.round(sec), { style: "unit", unit: "second", unitDisplay: "short" })
        : format.number(sec / 60, { style: "unit", unit: "minute", unitDisplay: "short", maximumFractionDigits: 1 });
  const kindName = (kind: string) => tb("kind", { kind: kindSelector(kind) });
  const csv = (table: string, name: string) => (
    <a
      href={`/api/v1/courses/${courseId}/analytics/quizzes/${quizId}/csv?table=${table}`}
      download
      className={buttonStyles.secondary}
      aria-label={t("csvLabel", { table: name })}
    >
      {t("csv")}
    </a>
  );

  const picker = (
    <form method="get" action={here} className="mb-6 flex flex-wrap items-end gap-3">
      <FilterSelect
        id="analytics-quiz"
        name="quiz"
        label={t("picker.quiz")}
        defaultValue={quizId}
        options={quizzes.map((q) => ({
          value: q.id,
          label: t("picker.option", { title: q.published ? q.title : t("picker.draft", { title: q.title }), count: q.submitted }),
        }))}
      />
      <button type="submit" className={buttonStyles.primary}>
        {t("picker.show")}
      </button>
    </form>
  );

  if (data.summary.students === 0)
    return (
      <>
        {header}
        {picker}
        <EmptyState title={t("empty.noAttempts", { quiz: data.quiz.title })}>{t("empty.noAttemptsBody")}</EmptyState>
      </>
    );

  const { summary } = data;
  const bars = summary.histogram.map((bin) => {
    const range = t("histogram.bin", {
      from: format.number(bin.from, { style: "percent", maximumFractionDigits: 0 }),
      to: format.number(bin.to, { style: "percent", maximumFractionDigits: 0 }),
    });
    return { range, from: bin.from, count: bin.count, label: t("histogram.bar", { range, count: bin.count }) };
  });
  const plotted = data.items.filter((i) => i.facility !== null && i.discrimination !== null);
  const unplotted = data.items.filter((i) => i.facility === null || i.discrimination === null);
  const groupTable = (rows: GroupRow[], kind: "families" | "kinds") => (
    <DataTable
      caption={kind === "families" ? t("families.caption") : t("kinds.caption")}
      hideCaption
      empty={t("items.empty")}
      columns={[
        { key: "group", header: kind === "families" ? t("families.group") : t("kinds.group"), sortable: true },
        { key: "items", header: t("groups.items"), sortable: true },
        { key: "answers", header: t("groups.answers"), sortable: true },
        { key: "facility", header: t("groups.facility"), sortable: true },
        { key: "discrimination", header: t("groups.discrimination"), sortable: true },
        { key: "time", header: t("groups.time"), sortable: true },
      ]}
      rows={rows.map((g) => ({
        key: g.group,
        cells: {
          group: kind === "families" ? text(familyTitle(g.group)) : kindName(g.group),
          items: g.items,
          answers: g.n,
          facility: percent(g.facility),
          discrimination: decimal(g.discrimination),
          time: duration(g.meanTimeSec),
        },
        sortValues: { facility: g.facility ?? -1, discrimination: g.discrimination ?? -2, time: g.meanTimeSec ?? -1 },
      }))}
    />
  );

  return (
    <>
      {header}
      {picker}
      <div className="flex flex-col gap-6">
        <Card title={t("summary.title", { quiz: data.quiz.title })}>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {(
              [
                [t("summary.students"), format.number(summary.students)],
                [t("summary.mean"), percent(summary.mean)],
                [t("summary.median"), percent(summary.median)],
                [t("summary.sd"), summary.sd === null ? t("undefined") : format.number(summary.sd * 100, { maximumFractionDigits: 1 })],
              ] as const
            ).map(([term, value]) => (
              <div key={term}>
                <dt className="text-sm text-slate-600">{term}</dt>
                <dd className="text-xl font-semibold text-slate-900">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-4 text-sm text-slate-600">{t("definitions")}</p>
        </Card>

        <Card title={t("histogram.title")}>
          <div className="mb-3 flex justify-end">{csv("histogram", t("histogram.title"))}</div>
          <ScoreHistogram
            bars={bars}
            name={t("histogram.chartName", { quiz: data.quiz.title })}
            description={t("histogram.description", { count: summary.students, max: Math.max(...bars.map((b) => b.count)) })}
            labels={{
              x: t("histogram.x"),
              y: t("histogram.y"),
              tableView: t("tableView"),
              caption: t("histogram.caption"),
              range: t("histogram.range"),
              count: t("histogram.students"),
              empty: t("items.empty"),
              percent: (v) => format.number(v, { style: "percent", maximumFractionDigits: 0 }),
            }}
          />
        </Card>

        <Card title={t("items.title")}>
          <div className="mb-3 flex justify-end">{csv("items", t("items.title"))}</div>
          <DataTable
            caption={t("items.caption")}
            hideCaption
            empty={t("items.empty")}
            columns={[
              { key: "position", header: t("items.position"), sortable: true },
              { key: "question", header: t("items.question"), sortable: true },
              { key: "family", header: t("items.family"), sortable: true },
              { key: "kind", header: t("items.kind"), sortable: true },
              { key: "answers", header: t("items.answers"), sortable: true },
              { key: "meanScore", header: t("items.meanScore"), sortable: true, className: "whitespace-nowrap" },
              { key: "facility", header: t("items.facility"), sortable: true },
              { key: "discrimination", header: t("items.discrimination"), sortable: true },
              { key: "distribution", header: t("items.distribution"), className: "whitespace-nowrap" },
              { key: "time", header: t("items.time"), sortable: true, className: "whitespace-nowrap" },
            ]}
            rows={data.items.map((i) => ({
              key: i.item,
              cells: {
                position: i.position,
                question: i.title,
                family: text(familyTitle(i.family)),
                kind: kindName(i.kind),
                answers: i.n,
                meanScore: t("items.meanScoreValue", { score: points(i.meanScore), max: points(i.maxScore) }),
                facility: percent(i.facility),
                discrimination: decimal(i.discrimination),
                distribution: t("items.distributionValue", i.distribution),
                time: duration(i.meanTimeSec),
              },
              sortValues: {
                meanScore: i.meanScore ?? -1,
                facility: i.facility ?? -1,
                discrimination: i.discrimination ?? -2,
                time: i.meanTimeSec ?? -1,
              },
            }))}
          />
        </Card>

        <Card title={t("scatter.title")}>
          <FacilityScatter
            points={plotted.map((i) => ({
              key: i.item,
              position: i.position,
              title: i.title,
              facility: i.facility!,
              discrimination: i.discrimination!,
              facilityText: percent(i.facility),
              discriminationText: decimal(i.discrimination),
              label: t("scatter.point", {
                position: i.position,
                title: i.title,
                facility: percent(i.facility),
                discrimination: decimal(i.discrimination),
              }),
            }))}
            name={t("scatter.chartName", { quiz: data.quiz.title })}
            description={t("scatter.description", { low: plotted.filter((i) => i.discrimination! < 0.2).length })}
            labels={{
              x: t("scatter.x"),
              y: t("scatter.y"),
              threshold: t("scatter.threshold"),
              tableView: t("tableView"),
              caption: t("scatter.caption"),
              position: t("items.position"),
              question: t("items.question"),
              facility: t("items.facility"),
              discrimination: t("items.discrimination"),
              empty: t("items.empty"),
              percent: (v) => format.number(v, { style: "percent", maximumFractionDigits: 0 }),
            }}
          />
          {unplotted.length > 0 ? (
            <p className="mt-3 text-sm text-slate-600">
              {t("scatter.notPlotted", { questions: format.list(unplotted.map((i) => `${i.position}. ${i.title}`)) })}
            </p>
          ) : null}
        </Card>

        <div className="grid gap-6 lg:grid-cols-2">
          <Card title={t("families.title")}>
            <div className="mb-3 flex justify-end">{csv("families", t("families.title"))}</div>
            {groupTable(data.families, "families")}
          </Card>
          <Card title={t("kinds.title")}>
            <div className="mb-3 flex justify-end">{csv("kinds", t("kinds.title"))}</div>
            {groupTable(data.kinds, "kinds")}
          </Card>
        </div>

        <Card title={t("sections.title")}>
          <div className="mb-3 flex justify-end">{csv("sections", t("sections.title"))}</div>
          <DataTable
            caption={t("sections.caption")}
            hideCaption
            empty={t("items.empty")}
            columns={[
              { key: "section", header: t("sections.section"), sortable: true },
              { key: "students", header: t("sections.students"), sortable: true },
              { key: "mean", header: t("sections.mean"), sortable: true },
              { key: "sd", header: t("sections.sd"), sortable: true },
              { key: "range", header: t("sections.range"), className: "whitespace-nowrap" },
              { key: "facility", header: t("sections.facility"), sortable: true },
            ]}
            rows={data.sections.map((s) => ({
              key: s.section ?? "",
              cells: {
                section: s.section ?? t("sections.none"),
                students: s.students,
                mean: percent(s.mean),
                sd: s.sd === null ? t("undefined") : format.number(s.sd * 100, { maximumFractionDigits: 1 }),
                range: t("sections.rangeValue", { min: percent(s.min), max: percent(s.max) }),
                facility: percent(s.facility),
              },
              sortValues: { mean: s.mean ?? -1, sd: s.sd ?? -1, facility: s.facility ?? -1 },
            }))}
          />
        </Card>
      </div>
    </>
  );
}
