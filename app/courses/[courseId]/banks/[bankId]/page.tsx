import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { BankExport, BankImport } from "@/components/banks/bank-files";
import { QuestionActions } from "@/components/banks/question-actions";
import { DataTable } from "@/components/data-table";
import { Badge, ButtonLink, Card, fieldClass, FilterSelect, PageHeader } from "@/components/ui";
import { authoring, kindSelector } from "@/lib/authoring";
import { BANK_FORMATS, MAX_BANK_FILE_BYTES, MAX_SEEDS, MIN_SEEDS } from "@/lib/interchange";
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
  const exporter = can(access.role, "banks.export");
  const importer = can(access.role, "banks.import");
  const [t, tf, format, text, locale] = await Promise.all([
    getTranslations("banks"),
    getTranslations("bankTransfer.page"),
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
  const textField = `w-full ${fieldClass}`;

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
              <input id="search-q" name="q" type="search" defaultValue={search.q} maxLength={200} className={textField} />
            </div>
            <FilterSelect
              id="search-tag"
              name="tag"
              label={t("search.tag")}
              defaultValue={search.tag ?? ""}
              options={[{ value: "", label: t("search.any") }, ...facets.tags.map((tag) => ({ value: tag, label: tag }))]}
            />
            <FilterSelect
              id="search-family"
              name="family"
              label={t("search.family")}
              defaultValue={search.family ?? ""}
              options={[{ value: "", label: t("search.any") }, ...facets.families.map((f) => ({ value: f, label: text(familyTitle(f)) }))]}
            />
            <FilterSelect
              id="search-kind"
              name="kind"
              label={t("search.kind")}
              defaultValue={search.kind ?? ""}
              options={[
                { value: "", label: t("search.any") },
                ...facets.kinds.map((k) => ({ value: k, label: t("kind", { kind: kindSelector(k) }) })),
              ]}
            />
            <FilterSelect
              id="search-archived"
              name="archived"
              label={t("search.show")}
              defaultValue={showingArchived ? "true" : "false"}
              options={[
                { value: "false", label: t("search.active") },
                { value: "true", label: t("search.archivedOnly") },
              ]}
            />
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
        {exporter || importer ? (
          <section aria-labelledby="bank-files" className="grid gap-6">
            <h2 id="bank-files" className="text-lg font-semibold text-slate-900">
              {tf("heading")}
            </h2>
            {exporter ? <BankExport bankId={bankId} formats={BANK_FORMATS} seedRange={[MIN_SEEDS, MAX_SEEDS]} /> : null}
            {importer ? <BankImport bankId={bankId} formats={BANK_FORMATS} maxBytes={MAX_BANK_FILE_BYTES} /> : null}
          </section>
        ) : null}
      </div>
    </>
  );
}
