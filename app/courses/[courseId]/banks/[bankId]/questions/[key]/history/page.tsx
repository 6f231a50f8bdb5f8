import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/data-table";
import { ButtonLink, Card, fieldClass, PageHeader } from "@/components/ui";
import { authoring, type VersionDiff } from "@/lib/authoring";
import { changeSentence } from "@/lib/authoring/diff";
import { rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locales";
import { AppError } from "@/lib/server/errors";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("banks.history");
  return { title: t("metaTitle") };
}

const whole = (value: string | string[] | undefined): number | null => {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 ? n : null;
};

export default async function HistoryPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; bankId: string; key: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId, bankId, key: rawKey } = await params;
  const key = rawKey;
  const raw = await searchParams;
  const base = `/courses/${courseId}/banks/${bankId}`;
  const here = `${base}/questions/${encodeURIComponent(key)}`;
  await requireCourse(courseId, rolesFor("banks.view"), `${here}/history`);
  const [t, format, text, locale] = await Promise.all([
    getTranslations("banks.history"),
    getFormatter(),
    textRenderer(),
    getLocale() as Promise<Locale>,
  ]);
  const [question, versions] = await Promise.all([
    authoring.getQuestion(courseId, bankId, key, locale),
    authoring.listVersions(courseId, bankId, key, locale),
  ]).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const numbers = versions.map((v) => v.version);
  // Each version beside the one before it: newest first, as the table lists them.
  const steps: { version: number; diff: VersionDiff | null }[] = await Promise.all(
    versions.map(async (v, i) => ({
      version: v.version,
      diff: i + 1 < versions.length ? await authoring.diffVersions(courseId, bankId, key, versions[i + 1].version, v.version) : null,
    })),
  );
  const from = whole(raw.from);
  const to = whole(raw.to);
  const comparison =
    from && to && numbers.includes(from) && numbers.includes(to) ? await authoring.diffVersions(courseId, bankId, key, from, to) : null;
  const select = fieldClass;

  const changeList = (diff: VersionDiff) =>
    diff.changes.length === 0 ? (
      <p className="text-sm text-slate-600">{t("noChanges")}</p>
    ) : (
      <ul className="flex list-disc flex-col gap-1 pl-5 text-sm text-slate-800 [overflow-wrap:anywhere]">
        {diff.changes.map((c, i) => (
          <li key={i}>{text(changeSentence(c))}</li>
        ))}
      </ul>
    );

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={base} className="text-accent-700 underline">
          {t("back")}
        </Link>
      </p>
      <PageHeader
        title={t("title", { title: question.title })}
        description={t("description", { key })}
        actions={<ButtonLink href={here}>{t("open")}</ButtonLink>}
      />
      <div className="grid gap-6">
        <Card title={t("versionsCaption")}>
          <DataTable
            caption={t("versionsCaption")}
            hideCaption
            empty={t("first")}
            columns={[
              { key: "version", header: t("version"), sortable: true },
              { key: "title", header: t("versionTitle") },
              { key: "saved", header: t("saved"), sortable: true },
              { key: "author", header: t("author") },
            ]}
            rows={versions.map((v) => ({
              key: String(v.version),
              cells: {
                version: v.version,
                title: v.title,
                saved: format.dateTime(new Date(v.savedAt), { dateStyle: "medium", timeStyle: "short" }),
                author: v.author ?? t("noAuthor"),
              },
              sortValues: { saved: v.savedAt },
            }))}
          />
        </Card>
        {numbers.length > 1 ? (
          <Card title={t("compareHeading")}>
            <form method="get" action={`${here}/history`} className="flex flex-wrap items-end gap-3">
              <div className="flex flex-col gap-1">
                <label htmlFor="compare-from" className="text-sm font-medium text-slate-800">
                  {t("from")}
                </label>
                <select id="compare-from" name="from" defaultValue={String(from ?? numbers[1])} className={select}>
                  {numbers.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </div>
              <div className="flex flex-col gap-1">
                <label htmlFor="compare-to" className="text-sm font-medium text-slate-800">
                  {t("to")}
                </label>
                <select id="compare-to" name="to" defaultValue={String(to ?? numbers[0])} className={select}>
                  {numbers.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="submit"
                className="inline-flex items-center justify-center rounded-lg bg-accent-700 px-4 py-2 text-sm font-medium text-white hover:bg-accent-800"
              >
                {t("compare")}
              </button>
            </form>
            {comparison ? (
              <section aria-labelledby="comparison-heading" className="mt-4">
                <h3 id="comparison-heading" className="mb-2 font-medium text-slate-900">
                  {t("comparison", { from: comparison.from, to: comparison.to, count: comparison.changes.length })}
                </h3>
                {changeList(comparison)}
              </section>
            ) : null}
          </Card>
        ) : null}
        {steps.map((step) => (
          <section
            key={step.version}
            aria-labelledby={`version-${step.version}`}
            className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
          >
            <h2 id={`version-${step.version}`} className="mb-1 text-lg font-semibold text-slate-900">
              {t("changesHeading", { version: step.version })}
            </h2>
            {step.diff ? (
              <>
                <p className="mb-2 text-sm text-slate-600">{t("changesFrom", { from: step.diff.from, count: step.diff.changes.length })}</p>
                {changeList(step.diff)}
              </>
            ) : (
              <p className="text-sm text-slate-600">{t("first")}</p>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
