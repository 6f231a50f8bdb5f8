// Question banks and question versions as instructors write them: the rules in the order the
// steps run. A question is a key with versions; an edit adds a version and never changes one
// (attempts keep the version they were given: docs/architecture.md §4), a save from an old
// version is refused with the current one so nothing is lost, a save that changes nothing adds
// nothing, and archiving flags every version of a key. Every function takes the course first:
// a bank of another course is not found. Messages are catalog ids (banks.*).
import type { Db } from "../db/client";
import { writeAudit } from "../audit";
import { localized, type Localized } from "../i18n/localized";
import type { Locale } from "../i18n/locales";
import { msg, type Msg } from "../i18n/msg";
import { textIn } from "../i18n/translate";
import { expectedAnswer, present, starterLibrary, type QuestionTemplate } from "../questions";
import { families, familyConcept, familyTitle } from "../scenarios";
import { AppError } from "../server/errors";
import {
  authorNames,
  bankCounts,
  bankInCourse,
  banksOfCourse,
  insertBank,
  insertVersion,
  insertVersions,
  keysOfBank,
  latestVersionOf,
  latestVersionsOfBank,
  quizItemsUsingBank,
  removeBank,
  setArchived,
  updateBankTitle,
  versionOf,
  versionsOf,
  type BankRow,
  type NewVersion,
  type VersionRow,
} from "./bank-queries";
import { templateDiff, type TemplateChange } from "./diff";

/** Who acts, in which course: the audit entry and the version's author. */
export type Actor = { userId: string; courseId: string };

export type BankSummary = {
  id: string;
  title: string;
  /** Question keys not archived. */
  questions: number;
  archived: number;
  /** Quiz items that draw from the bank or use one of its questions. */
  usedBy: number;
  createdAt: string;
  updatedAt: string;
};

export type QuestionSummary = {
  key: string;
  version: number;
  title: string;
  family: string;
  familyTitle: string;
  kind: string;
  tags: string[];
  archived: boolean;
  savedAt: string;
  author: string | null;
};

export type QuestionDetail = QuestionSummary & { bankId: string; template: Record<string, unknown> };

/** A save from a version that is no longer the newest: nothing was written; `current` is what is there now. */
export class VersionConflict extends AppError {
  constructor(readonly current: QuestionDetail) {
    super("CONFLICT", msg("banks.errors.changedMeanwhile", { version: current.version }));
  }
}

/** A template the engine cannot use: a 422 naming the part of the body at fault. */
export class TemplateRefused extends AppError {
  constructor(readonly issues: { path: (string | number)[]; message: string }[]) {
    super("UNPROCESSABLE", msg("banks.errors.templateRefused", { count: issues.length }));
  }
}

const iso = (d: Date) => d.toISOString();

function notFoundBank(): AppError {
  return new AppError("NOT_FOUND", msg("banks.errors.bankNotFound"));
}
function notFoundQuestion(): AppError {
  return new AppError("NOT_FOUND", msg("banks.errors.questionNotFound"));
}

async function bankOrThrow(db: Db, courseId: string, bankId: string): Promise<BankRow> {
  const bank = await bankInCourse(db, courseId, bankId);
  if (!bank) throw notFoundBank();
  return bank;
}

function parsedTemplate(row: Pick<VersionRow, "template">): Record<string, unknown> {
  const value: unknown = JSON.parse(row.template);
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function parsedTags(row: Pick<VersionRow, "tags">): string[] {
  const value: unknown = JSON.parse(row.tags);
  return Array.isArray(value) ? value.filter((t): t is string => typeof t === "string") : [];
}

function summaryOf(row: VersionRow, locale: Locale, authors: Map<string, string>): QuestionDetail {
  const template = parsedTemplate(row);
  const family = typeof template.family === "string" ? template.family : "";
  const ask = template.ask as { kind?: unknown } | undefined;
  const title = template.title as Localized | undefined;
  return {
    key: row.key,
    version: row.version,
    title:
      title !== undefined && (typeof title === "string" || typeof title === "object") ? localized(title, locale) || row.title : row.title,
    family,
    familyTitle: textIn(locale)(familyTitle(family)),
    kind: typeof ask?.kind === "string" ? ask.kind : "",
    tags: parsedTags(row),
    archived: row.archived,
    savedAt: iso(row.createdAt),
    author: row.authorId ? (authors.get(row.authorId) ?? null) : null,
    bankId: row.bankId,
    template,
  };
}

async function detailOf(db: Db, row: VersionRow, locale: Locale): Promise<QuestionDetail> {
  return summaryOf(row, locale, await authorNames(db, [row.authorId]));
}

const summaryOnly = ({ bankId: _bankId, template: _template, ...summary }: QuestionDetail): QuestionSummary => summary;

// --- Banks -----------------------------------------------------------------------------

export async function listBanks(db: Db, courseId: string): Promise<BankSummary[]> {
  const [banks, counts] = await Promise.all([banksOfCourse(db, courseId), bankCounts(db, courseId)]);
  return banks.map((b) => {
    const c = counts.get(b.id);
    return {
      id: b.id,
      title: b.title,
      questions: c ? c.keys.size - c.archived.size : 0,
      archived: c?.archived.size ?? 0,
      usedBy: c?.items ?? 0,
      createdAt: iso(b.createdAt),
      updatedAt: iso(b.updatedAt),
    };
  });
}

/** One bank of the course, with its counts. */
export async function getBank(db: Db, courseId: string, bankId: string): Promise<BankSummary> {
  await bankOrThrow(db, courseId, bankId);
  const bank = (await listBanks(db, courseId)).find((b) => b.id === bankId);
  if (!bank) throw notFoundBank();
  return bank;
}

export async function createBank(db: Db, actor: Actor, title: string): Promise<BankSummary> {
  const bank = await insertBank(db, actor.courseId, title);
  await writeAudit(db, { action: "bank.create", actorId: actor.userId, courseId: actor.courseId, target: bank.id, detail: { title } });
  return getBank(db, actor.courseId, bank.id);
}

export async function renameBank(db: Db, actor: Actor, bankId: string, title: string): Promise<BankSummary> {
  const before = await bankOrThrow(db, actor.courseId, bankId);
  await updateBankTitle(db, bankId, title);
  await writeAudit(db, {
    action: "bank.rename",
    actorId: actor.userId,
    courseId: actor.courseId,
    target: bankId,
    detail: { from: before.title, to: title },
  });
  return getBank(db, actor.courseId, bankId);
}

/** Deletes a bank and its questions; refused while a quiz item draws from it or uses one of its questions. */
export async function deleteBank(db: Db, actor: Actor, bankId: string): Promise<void> {
  const bank = await bankOrThrow(db, actor.courseId, bankId);
  const items = await quizItemsUsingBank(db, bankId);
  if (items > 0) throw new AppError("CONFLICT", msg("banks.errors.bankInUse", { count: items }));
  await removeBank(db, bankId);
  await writeAudit(db, {
    action: "bank.delete",
    actorId: actor.userId,
    courseId: actor.courseId,
    target: bankId,
    detail: { title: bank.title },
  });
}

// --- Questions ---------------------------------------------------------------------------

export type QuestionFilter = { q?: string; tag?: string; family?: string; kind?: string; archived?: boolean };

/** The words a search looks through: the key and the title in every language. */
function searchable(d: QuestionDetail): string {
  const title = d.template.title;
  const titles = typeof title === "object" && title !== null ? Object.values(title as Record<string, unknown>) : [title];
  return [d.key, d.title, ...titles.filter((t): t is string => typeof t === "string")].join("\n").toLocaleLowerCase();
}

/** The newest version of each key in the bank that passes the filter (archived ones only when asked), by title. */
export async function listQuestions(
  db: Db,
  courseId: string,
  bankId: string,
  filter: QuestionFilter,
  locale: Locale,
): Promise<QuestionSummary[]> {
  await bankOrThrow(db, courseId, bankId);
  const rows = await latestVersionsOfBank(db, bankId);
  const authors = await authorNames(
    db,
    rows.map((r) => r.authorId),
  );
  const words = filter.q?.trim().toLocaleLowerCase();
  const archived = filter.archived ?? false;
  return rows
    .map((r) => summaryOf(r, locale, authors))
    .filter(
      (d) =>
        d.archived === archived &&
        (!words || searchable(d).includes(words)) &&
        (!filter.tag || d.tags.includes(filter.tag)) &&
        (!filter.family || d.family === filter.family) &&
        (!filter.kind || d.kind === filter.kind),
    )
    .sort((a, b) => a.title.localeCompare(b.title, locale) || a.key.localeCompare(b.key))
    .map(summaryOnly);
}

/** The tags, families and kinds the bank's questions use, for the list's filters. */
export async function questionFacets(
  db: Db,
  courseId: string,
  bankId: string,
): Promise<{ tags: string[]; families: string[]; kinds: string[] }> {
  await bankOrThrow(db, courseId, bankId);
  const rows = (await latestVersionsOfBank(db, bankId)).map((r) => summaryOf(r, "en", new Map()));
  const sorted = (values: Iterable<string>) => [...new Set(values)].filter(Boolean).sort();
  return { tags: sorted(rows.flatMap((r) => r.tags)), families: sorted(rows.map((r) => r.family)), kinds: sorted(rows.map((r) => r.kind)) };
}

export async function getQuestion(db: Db, courseId: string, bankId: string, key: string, locale: Locale): Promise<QuestionDetail> {
  await bankOrThrow(db, courseId, bankId);
  const row = await latestVersionOf(db, bankId, key);
  if (!row) throw notFoundQuestion();
  return detailOf(db, row, locale);
}

/** Seeds a new or changed template is tried on before it is saved. */
const TRIAL_SEEDS = [1, 2, 3];

/** Why the engine cannot present or answer a template (unknown family, parameters it rejects, an ask a variant cannot answer), or null. */
export function unusableReason(template: QuestionTemplate): Msg | null {
  for (const seed of TRIAL_SEEDS) {
    try {
      present(template, seed);
      expectedAnswer(template, seed);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return msg("banks.errors.templateUnusable", { seed, reason });
    }
  }
  return null;
}

/** Refuses a template the engine cannot present or answer. */
function assertUsable(template: QuestionTemplate, locale: Locale): void {
  const reason = unusableReason(template);
  if (reason) throw new TemplateRefused([{ path: ["template"], message: textIn(locale)(reason) }]);
}

/** The template as it is stored: JSON, without undefined members. */
const stored = (template: QuestionTemplate) => JSON.stringify(template);

function newVersion(
  template: QuestionTemplate,
  bankId: string,
  key: string,
  version: number,
  authorId: string,
  archived = false,
): NewVersion {
  return {
    bankId,
    key,
    version,
    // The row's title is one string, for staff lists and the audit; the template keeps every language.
    title: localized(template.title, "en"),
    template: stored({ ...template, id: key }),
    tags: JSON.stringify(template.tags),
    archived,
    authorId,
  };
}

/** Saves a new question as version 1 of the key `template.id`; refused when the bank has that key. */
export async function createQuestion(
  db: Db,
  actor: Actor,
  bankId: string,
  template: QuestionTemplate,
  locale: Locale,
): Promise<QuestionDetail> {
  await bankOrThrow(db, actor.courseId, bankId);
  if ((await keysOfBank(db, bankId)).has(template.id)) throw new AppError("CONFLICT", msg("banks.errors.keyTaken", { key: template.id }));
  assertUsable(template, locale);
  const row = await insertVersion(db, newVersion(template, bankId, template.id, 1, actor.userId));
  if (!row) throw new AppError("CONFLICT", msg("banks.errors.keyTaken", { key: template.id }));
  await writeAudit(db, {
    action: "question.create",
    actorId: actor.userId,
    courseId: actor.courseId,
    target: row.id,
    detail: { bankId, key: row.key },
  });
  return detailOf(db, row, locale);
}

export type SaveResult = QuestionDetail & { changed: boolean };

/**
 * Saves `template` as the next version of `key`, if the newest version is still `baseVersion`;
 * else nothing is written and the caller gets the current version (VersionConflict). A
 * template equal to the newest version's saves nothing.
 */
export async function updateQuestion(
  db: Db,
  actor: Actor,
  bankId: string,
  key: string,
  template: QuestionTemplate,
  baseVersion: number,
  locale: Locale,
): Promise<SaveResult> {
  await bankOrThrow(db, actor.courseId, bankId);
  const latest = await latestVersionOf(db, bankId, key);
  if (!latest) throw notFoundQuestion();
  if (template.id !== key) {
    const message = textIn(locale)(msg("banks.errors.keyFixed", { key }));
    throw new TemplateRefused([{ path: ["template", "id"], message }]);
  }
  if (latest.version !== baseVersion) throw new VersionConflict(await detailOf(db, latest, locale));
  if (templateDiff(parsedTemplate(latest), JSON.parse(stored(template))).length === 0)
    return { ...(await detailOf(db, latest, locale)), changed: false };
  assertUsable(template, locale);
  const row = await insertVersion(db, newVersion(template, bankId, key, latest.version + 1, actor.userId, latest.archived));
  if (!row) {
    // Someone saved the same next version first: theirs stands.
    const current = await latestVersionOf(db, bankId, key);
    throw new VersionConflict(await detailOf(db, current ?? latest, locale));
  }
  await writeAudit(db, {
    action: "question.update",
    actorId: actor.userId,
    courseId: actor.courseId,
    target: row.id,
    detail: { bankId, key, version: row.version },
  });
  return { ...(await detailOf(db, row, locale)), changed: true };
}

export type VersionSummary = { version: number; title: string; savedAt: string; author: string | null };

/** Every version of a question, newest first. */
export async function listVersions(db: Db, courseId: string, bankId: string, key: string, locale: Locale): Promise<VersionSummary[]> {
  await bankOrThrow(db, courseId, bankId);
  const rows = await versionsOf(db, bankId, key);
  if (rows.length === 0) throw notFoundQuestion();
  const authors = await authorNames(
    db,
    rows.map((r) => r.authorId),
  );
  return rows.map((r) => {
    const s = summaryOf(r, locale, authors);
    return { version: s.version, title: s.title, savedAt: s.savedAt, author: s.author };
  });
}

export async function getVersion(
  db: Db,
  courseId: string,
  bankId: string,
  key: string,
  version: number,
  locale: Locale,
): Promise<QuestionDetail> {
  await bankOrThrow(db, courseId, bankId);
  const row = await versionOf(db, bankId, key, version);
  if (!row) throw new AppError("NOT_FOUND", msg("banks.errors.versionNotFound", { version }));
  return detailOf(db, row, locale);
}

export type VersionDiff = { key: string; from: number; to: number; changes: TemplateChange[] };

/** What changed from one version of a question to another. */
export async function diffVersions(db: Db, courseId: string, bankId: string, key: string, from: number, to: number): Promise<VersionDiff> {
  await bankOrThrow(db, courseId, bankId);
  const [a, b] = await Promise.all([versionOf(db, bankId, key, from), versionOf(db, bankId, key, to)]);
  if (!a) throw new AppError("NOT_FOUND", msg("banks.errors.versionNotFound", { version: from }));
  if (!b) throw new AppError("NOT_FOUND", msg("banks.errors.versionNotFound", { version: to }));
  return { key, from, to, changes: templateDiff(parsedTemplate(a), parsedTemplate(b)) };
}

/** Longest key a template id allows (lib/questions/schema.ts). */
const MAX_KEY = 81;

/** `base`, or `base-2`, `base-3`, … : the first the bank does not hold. */
export function freeKey(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, MAX_KEY - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** A new question (version 1, a key of its own) with the newest version's template. */
export async function duplicateQuestion(db: Db, actor: Actor, bankId: string, key: string, locale: Locale): Promise<QuestionDetail> {
  await bankOrThrow(db, actor.courseId, bankId);
  const latest = await latestVersionOf(db, bankId, key);
  if (!latest) throw notFoundQuestion();
  const copyKey = freeKey(key, await keysOfBank(db, bankId));
  const template = { ...parsedTemplate(latest), id: copyKey };
  const row = await insertVersion(db, {
    bankId,
    key: copyKey,
    version: 1,
    title: latest.title,
    template: JSON.stringify(template),
    tags: latest.tags,
    archived: false,
    authorId: actor.userId,
  });
  if (!row) throw new AppError("CONFLICT", msg("banks.errors.keyTaken", { key: copyKey }));
  await writeAudit(db, {
    action: "question.duplicate",
    actorId: actor.userId,
    courseId: actor.courseId,
    target: row.id,
    detail: { bankId, from: key, key: copyKey },
  });
  return detailOf(db, row, locale);
}

/** Archives (hidden from the list and never drawn; attempts keep it) or restores every version of a key. */
export async function archiveQuestion(
  db: Db,
  actor: Actor,
  bankId: string,
  key: string,
  archived: boolean,
  locale: Locale,
): Promise<QuestionDetail> {
  await bankOrThrow(db, actor.courseId, bankId);
  if ((await setArchived(db, bankId, key, archived)) === 0) throw notFoundQuestion();
  await writeAudit(db, {
    action: archived ? "question.archive" : "question.unarchive",
    actorId: actor.userId,
    courseId: actor.courseId,
    detail: { bankId, key },
  });
  return getQuestion(db, actor.courseId, bankId, key, locale);
}

/** An answer kind's id as the catalog's `banks.kind` select names it (ICU selectors take no dash). */
export const kindSelector = (kind: string) => kind.replace(/-/g, "_");

// --- The starter library -------------------------------------------------------------------

export type LibraryTemplate = { id: string; title: string; kind: string; tags: string[] };
export type LibraryFamily = { id: string; title: string; concept: string; templates: LibraryTemplate[] };

/** The starter library by family, in the families' order, each with what it teaches, in `locale`. */
export function starterCatalog(locale: Locale): LibraryFamily[] {
  const text = textIn(locale);
  const byFamily = new Map<string, LibraryTemplate[]>();
  for (const t of starterLibrary) {
    const list = byFamily.get(t.family) ?? [];
    list.push({ id: t.id, title: localized(t.title, locale), kind: t.ask.kind, tags: t.tags });
    byFamily.set(t.family, list);
  }
  const ids = [...families.map((f) => f.id as string), ...[...byFamily.keys()].filter((id) => !families.some((f) => f.id === id))];
  return ids
    .filter((id) => byFamily.has(id))
    .map((id) => ({ id, title: text(familyTitle(id)), concept: text(familyConcept(id)), templates: byFamily.get(id)! }));
}

export type CopiedTemplate = { templateId: string; key: string };

/** Copies starter templates into the bank as new questions; a key the bank holds gets a -2 (-3, …) suffix. All or none. */
export async function copyFromLibrary(
  db: Db,
  actor: Actor,
  bankId: string,
  templateIds: readonly string[],
  locale: Locale,
): Promise<CopiedTemplate[]> {
  await bankOrThrow(db, actor.courseId, bankId);
  const byId = new Map(starterLibrary.map((t) => [t.id, t]));
  const unknown = templateIds.flatMap((id, i) =>
    byId.has(id) ? [] : [{ path: ["templateIds", i], message: textIn(locale)(msg("banks.errors.notInLibrary", { id })) }],
  );
  if (unknown.length) throw new TemplateRefused(unknown);
  const ids = [...new Set(templateIds)];
  const keys = keysFor(ids, await keysOfBank(db, bankId));
  const copied: CopiedTemplate[] = ids.map((templateId, i) => ({ templateId, key: keys[i] }));
  await insertNewQuestions(
    db,
    ids.map((id, i) => newVersion(byId.get(id)!, bankId, keys[i], 1, actor.userId)),
  );
  await writeAudit(db, {
    action: "question.copyFromLibrary",
    actorId: actor.userId,
    courseId: actor.courseId,
    target: bankId,
    detail: { copied },
  });
  return copied;
}

/**
 * New questions' first versions, in one statement: a key another request took since the keys
 * were chosen is a 409 (the unique index says so), never a 500.
 */
async function insertNewQuestions(db: Db, versions: NewVersion[]): Promise<void> {
  try {
    await insertVersions(db, versions);
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") throw new AppError("CONFLICT", msg("banks.errors.copyRaced"));
    throw error;
  }
}

export type ImportedTemplate = { key: string; title: string };

/**
 * Adds templates read from a file as new questions (version 1 each), in one transaction: all or
 * none. A key the bank holds, or one an earlier template of the same file took, gets a -2 (-3,
 * …) suffix, as keysFor says before anything is written. Each template must be usable.
 */
export async function importTemplates(
  db: Db,
  actor: Actor,
  bankId: string,
  templates: readonly QuestionTemplate[],
  locale: Locale,
  source: string,
): Promise<ImportedTemplate[]> {
  await bankOrThrow(db, actor.courseId, bankId);
  const refused = templates.flatMap((t, i) => {
    const reason = unusableReason(t);
    return reason ? [{ path: ["questions", i], message: textIn(locale)(reason) }] : [];
  });
  if (refused.length) throw new TemplateRefused(refused);
  const keys = keysFor(
    templates.map((t) => t.id),
    await keysOfBank(db, bankId),
  );
  const versions = templates.map((t, i) => newVersion(t, bankId, keys[i], 1, actor.userId));
  await insertNewQuestions(db, versions);
  await writeAudit(db, {
    action: "question.import",
    actorId: actor.userId,
    courseId: actor.courseId,
    target: bankId,
    detail: { source, keys },
  });
  return versions.map((v) => ({ key: v.key, title: v.title }));
}

/** The key each id gets in a bank that holds `taken`: the id, or the first free suffixed one. */
export function keysFor(ids: readonly string[], taken: ReadonlySet<string>): string[] {
  const used = new Set(taken);
  return ids.map((id) => {
    const key = freeKey(id, used);
    used.add(key);
    return key;
  });
}
