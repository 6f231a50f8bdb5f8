import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { QuestionActions } from "@/components/banks/question-actions";
import { DataTable } from "@/components/data-table";
import { Badge, ButtonLink, Card, fieldClass, PageHeader } from "@/components/ui";
import { authoring, kindSelector } from "@/lib/authoring";
import { can, rolesFor } from "@/lib/auth/permissions";
import { requireCourse } from "@/lib/auth/session";
import type { Locale } from "@/lib/i18n/locales";
import { familyTitle } from "@/lib/scenarios";
import { AppError } from "@/lib/server/errors";
import { textRenderer } from "@/lib/server/text";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("banks.bank");
  return { title: t("metaTitle") };
}

type Search = { q?: string; tag?: string; family?: string; kind?: string; archived?: string };

const one = (value: string | string[] | undefined): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  return v ? v.slice(0, 200) : undefined;
};

export default async function BankPage({
  params,
  searchParams,
}: {
  params: Promise<{ courseId: string; bankId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { courseId, bankId } = await params;
  const raw = await searchParams;
  const search: Search = { q: one(raw.q), tag: one(raw.tag), family: one(raw.family), kind: one(raw.kind), archived: one(raw.archived) };
  const access = await requireCourse(courseId, rolesFor("banks.view"), `/courses/${courseId}/banks/${bankId}`);
  const editor = can(access.role, "banks.edit");
  const [t, format, text, locale] = await Promise.all([
    getTranslations("banks"),
    getFormatter(),
    textRenderer(),
    getLocale() as Promise<Locale>,
  ]);
  const loaded = await Promise.all([
    authoring.getBank(courseId, bankId),
    authoring.questionFacets(courseId, bankId),
    authoring.listQuestions(
      courseId,
      bankId,
      { q: search.q, tag: search.tag, family: search.family, kind: search.kind, archived: search.archived === "true" },
      locale,
    ),
  ]).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const [bank, facets, questions] = loaded;
  const filtered = Boolean(search.q || search.tag || search.family || search.kind);
  const showingArchived = search.archived === "true";
  const base = `/courses/${courseId}/banks/${bankId}`;
  const select = `w-full ${fieldClass}`;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/courses/${courseId}/banks`} className="text-accent-700 underline">
          {t("bank.back")}
        </Link>
      </p>
      <PageHeader
        title={bank.title}
        description={t("bank.description", { active: bank.questions, archived: bank.archived })}
        actions={
          editor ? (
            <>
              <ButtonLink href={`${base}/questions/new`}>{t("bank.newQuestion")}</ButtonLink>
              <ButtonLink href={`${base}/library`} variant="secondary">
                {t("bank.addFromLibrary")}
              </ButtonLink>
            </>
          ) : null
        }
      />
      {editor ? null : <p className="mb-4 text-sm text-slate-600">{t("bank.readOnly")}</p>}
      <div className="grid gap-6">
        <Card title={t("search.heading")}>
          <form
            key={JSON.stringify(search)}
            method="get"
            action={base}
            role="search"
            aria-label={t("search.heading")}
            className="grid gap-3 sm:grid-cols-2 lg:grid-cols-6 lg:items-end"
          >
            <div className="flex min-w-0 flex-col gap-1 lg:col-span-2">
              <label htmlFor="search-q" className="text-sm font-medium text-slate-800">
                {t("search.q")}
              </label>
              <input id="search-q" name="q" type="search" defaultValue={search.q} maxLength={200} className={select} />
            </div>
            <div className="flex min-w-0 flex-col gap-1">
              <label htmlFor="search-tag" className="text-sm font-medium text-slate-800">
                {t("search.tag")}
              </label>
              <select id="search-tag" name="tag" defaultValue={search.tag ?? ""} className={select}>
                <option value="">{t("search.any")}</option>
                {facets.tags.map((tag) => (
                  <option key={tag} value={tag}>
                    {tag}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex min-w-0 flex-col gap-1">
              <label htmlFor="search-family" className="text-sm font-medium text-slate-800">
                {t("search.family")}
              </label>
              <select id="search-family" name="family" defaultValue={search.family ?? ""} className={select}>
                <option value="">{t("search.any")}</option>
                {facets.families.map((f) => (
                  <option key={f} value={f}>
                    {text(familyTitle(f))}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex min-w-0 flex-col gap-1">
              <label htmlFor="search-kind" className="text-sm font-medium text-slate-800">
                {t("search.kind")}
              </label>
              <select id="search-kind" name="kind" defaultValue={search.kind ?? ""} className={select}>
                <option value="">{t("search.any")}</option>
                {facets.kinds.map((k) => (
                  <option key={k} value={k}>
                    {t("kind", { kind: kindSelector(k) })}
                  </option>
                ))}
              </select>
            </div>
            <div className="flex min-w-0 flex-col gap-1">
              <label htmlFor="search-archived" className="text-sm font-medium text-slate-800">
                {t("search.show")}
              </label>
              <select id="search-archived" name="archived" defaultValue={showingArchived ? "true" : "false"} className={select}>
                <option value="false">{t("search.active")}</option>
                <option value="true">{t("search.archivedOnly")}</option>
              </select>
            </div>
            <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-6">
              <button
                type="submit"
                className="inline-flex items-center justify-center rounded-lg bg-accent-700 px-4 py-2 text-sm font-medium text-white hover:bg-accent-800"
              >
                {t("search.submit")}
              </button>
              {filtered || showingArchived ? (
                <Link href={base} className="text-sm text-accent-700 underline">
                  {t("search.clear")}
                </Link>
              ) : null}
            </div>
          </form>
        </Card>
        <Card title={t("questions.heading", { count: questions.length })}>
          <DataTable
            caption={t("questions.caption")}
            hideCaption
            empty={filtered ? t("questions.emptyFiltered") : showingArchived ? t("questions.emptyArchived") : t("questions.empty")}
            columns={[
              { key: "title", header: t("questions.title"), sortable: true },
              { key: "family", header: t("questions.family"), sortable: true },
              { key: "kind", header: t("questions.kind"), sortable: true },
              { key: "tags", header: t("questions.tags") },
              { key: "version", header: t("questions.version"), sortable: true },
              { key: "saved", header: t("questions.saved"), sortable: true },
              { key: "actions", header: t("questions.actions") },
            ]}
            rows={questions.map((q) => {
              const at = format.dateTime(new Date(q.savedAt), { dateStyle: "medium", timeStyle: "short" });
              const path = `${base}/questions/${encodeURIComponent(q.key)}`;
              return {
                key: q.key,
                cells: {
                  title: (
                    <div className="flex flex-col">
                      <Link
                        href={path}
                        className="font-medium text-accent-700 underline"
                        aria-label={t("questions.open", { title: q.title })}
                      >
                        {q.title}
                      </Link>
                      <span className="font-mono text-xs text-slate-600">{q.key}</span>
                    </div>
                  ),
                  family: q.familyTitle,
                  kind: t("kind", { kind: kindSelector(q.kind) }),
                  tags: (
                    <div className="flex flex-wrap gap-1">
                      {q.tags.map((tag) => (
                        <Badge key={tag}>{tag}</Badge>
                      ))}
                    </div>
                  ),
                  version: t("questions.versionNumber", { version: q.version }),
                  saved: q.author ? t("questions.savedBy", { at, author: q.author }) : at,
                  actions: (
                    <div className="flex flex-col gap-2">
                      <Link
                        href={`${path}/history`}
                        className="text-sm text-accent-700 underline"
                        aria-label={t("questions.historyOf", { title: q.title })}
                      >
                        {t("questions.history")}
                      </Link>
                      {editor ? (
                        <QuestionActions courseId={courseId} bankId={bankId} questionKey={q.key} title={q.title} archived={q.archived} />
                      ) : null}
                    </div>
                  ),
                },
                sortValues: { title: q.title, version: q.version, saved: q.savedAt },
              };
            })}
          />
        </Card>
      </div>
    </>
  );
}
