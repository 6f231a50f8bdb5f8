// Reads and writes of question banks and question versions. Authoring is a low-traffic staff
// path, so every statement is Prisma (docs/data-access.md). Every read names the course: a
// bank is found only through its course, so another course's bank is not there at all.
import type { Db } from "../db/client";
import type { Question, QuestionBank } from "../db/generated/sqlite/client";

export type BankRow = Pick<QuestionBank, "id" | "courseId" | "title" | "createdAt" | "updatedAt">;

const bankColumns = { id: true, courseId: true, title: true, createdAt: true, updatedAt: true } as const;

/** The banks of a course, oldest first. */
export async function banksOfCourse(db: Db, courseId: string): Promise<BankRow[]> {
  return db.questionBank.findMany({ where: { courseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: bankColumns });
}

/** The course a bank belongs to, or null when there is no such bank (the /api/v1 routes named by a bank id). */
export async function courseOfBank(db: Db, bankId: string): Promise<string | null> {
  const bank = await db.questionBank.findUnique({ where: { id: bankId }, select: { courseId: true } });
  return bank?.courseId ?? null;
}

/** The bank, when it belongs to the course. */
export async function bankInCourse(db: Db, courseId: string, bankId: string): Promise<BankRow | null> {
  return db.questionBank.findFirst({ where: { id: bankId, courseId }, select: bankColumns });
}

export async function insertBank(db: Db, courseId: string, title: string): Promise<BankRow> {
  return db.questionBank.create({ data: { courseId, title }, select: bankColumns });
}

export async function updateBankTitle(db: Db, bankId: string, title: string): Promise<BankRow> {
  return db.questionBank.update({ where: { id: bankId }, data: { title }, select: bankColumns });
}

/** Deletes the bank and its questions (the schema cascades). */
export async function removeBank(db: Db, bankId: string): Promise<void> {
  await db.questionBank.delete({ where: { id: bankId } });
}

/** How many quiz items use the bank: "draw from it", or a fixed version of one of its questions. */
export async function quizItemsUsingBank(db: Db, bankId: string): Promise<number> {
  return db.quizItem.count({ where: { OR: [{ bankId }, { question: { bankId } }] } });
}

/** Per bank of the course: its question keys, archived or not, and how many quiz items use it. */
export async function bankCounts(
  db: Db,
  courseId: string,
): Promise<Map<string, { keys: Set<string>; archived: Set<string>; items: number }>> {
  const [questions, draws, fixed] = await Promise.all([
    db.question.findMany({ where: { bank: { courseId } }, select: { bankId: true, key: true, archived: true } }),
    db.quizItem.groupBy({ by: ["bankId"], where: { bank: { courseId } }, _count: { _all: true } }),
    db.quizItem.findMany({ where: { question: { bank: { courseId } } }, select: { question: { select: { bankId: true } } } }),
  ]);
  const counts = new Map<string, { keys: Set<string>; archived: Set<string>; items: number }>();
  const of = (bankId: string) => {
    let c = counts.get(bankId);
    if (!c) counts.set(bankId, (c = { keys: new Set(), archived: new Set(), items: 0 }));
    return c;
  };
  for (const q of questions) {
    of(q.bankId).keys.add(q.key);
    if (q.archived) of(q.bankId).archived.add(q.key);
  }
  for (const d of draws) if (d.bankId) of(d.bankId).items += d._count._all;
  for (const f of fixed) if (f.question) of(f.question.bankId).items += 1;
  return counts;
}

export type VersionRow = Pick<
  Question,
  "id" | "bankId" | "key" | "version" | "title" | "template" | "tags" | "archived" | "authorId" | "createdAt"
>;

const versionColumns = {
  id: true,
  bankId: true,
  key: true,
  version: true,
  title: true,
  template: true,
  tags: true,
  archived: true,
  authorId: true,
  createdAt: true,
} as const;

/** The newest version of every key in the bank, by key. */
export async function latestVersionsOfBank(db: Db, bankId: string): Promise<VersionRow[]> {
  const rows = await db.question.findMany({ where: { bankId }, orderBy: [{ key: "asc" }, { version: "desc" }], select: versionColumns });
  const latest: VersionRow[] = [];
  for (const row of rows) if (latest.at(-1)?.key !== row.key) latest.push(row);
  return latest;
}

/** The newest version of a key in the bank. */
export async function latestVersionOf(db: Db, bankId: string, key: string): Promise<VersionRow | null> {
  return db.question.findFirst({ where: { bankId, key }, orderBy: { version: "desc" }, select: versionColumns });
}

/** One version of a key in the bank. */
export async function versionOf(db: Db, bankId: string, key: string, version: number): Promise<VersionRow | null> {
  return db.question.findFirst({ where: { bankId, key, version }, select: versionColumns });
}

/** Every version of a key in the bank, newest first. */
export async function versionsOf(db: Db, bankId: string, key: string): Promise<VersionRow[]> {
  return db.question.findMany({ where: { bankId, key }, orderBy: { version: "desc" }, select: versionColumns });
}

/** The keys the bank holds, archived ones too. */
export async function keysOfBank(db: Db, bankId: string): Promise<Set<string>> {
  const rows = await db.question.findMany({ where: { bankId }, distinct: ["key"], select: { key: true } });
  return new Set(rows.map((r) => r.key));
}

export type NewVersion = Pick<Question, "bankId" | "key" | "version" | "title" | "template" | "tags" | "archived" | "authorId">;

/**
 * Writes one version. The unique (bankId, key, version) refuses a second writer of the same
 * version number, so two saves from the same base cannot both land: the loser gets false.
 */
export async function insertVersion(db: Db, version: NewVersion): Promise<VersionRow | false> {
  try {
    return await db.question.create({ data: version, select: versionColumns });
  } catch (error) {
    if ((error as { code?: unknown }).code === "P2002") return false;
    throw error;
  }
}

/** Writes several first versions at once, all or none. */
export async function insertVersions(db: Db, versions: readonly NewVersion[]): Promise<void> {
  await db.$transaction(versions.map((data) => db.question.create({ data, select: { id: true } })));
}

/** The names of the people who saved versions, by user id (the library and the seed have none). */
export async function authorNames(db: Db, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

/** Archives or restores every version of a key; returns how many rows it touched. */
export async function setArchived(db: Db, bankId: string, key: string, archived: boolean): Promise<number> {
  const { count } = await db.question.updateMany({ where: { bankId, key }, data: { archived } });
  return count;
}
