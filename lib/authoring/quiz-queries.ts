// The quiz builder's reads and writes. Staff pages and the quiz API are low-traffic, so these
// are Prisma (docs/data-access.md). Every read takes the course and scopes by it: a quiz,
// bank or question of another course is not found. Each write is one Prisma batch with its
// audit entry (lib/audit.ts), so a change is never recorded without happening or the reverse.
import type { Db } from "../db/client";
import { auditCreate, type AuditEntry } from "../audit";
import type { QuizModel } from "../db/quiz-values";
import type { Prisma } from "../db/generated/sqlite/client";

const itemInclude = {
  question: {
    select: { id: true, key: true, version: true, title: true, bankId: true, archived: true, bank: { select: { title: true } } },
  },
  bank: { select: { id: true, title: true } },
} as const;

/** A course's quizzes, drafts included, oldest first, with their item and attempt counts. */
export async function quizzesOfCourse(db: Db, courseId: string) {
  const rows = await db.quiz.findMany({
    where: { courseId },
    orderBy: { createdAt: "asc" },
    include: { _count: { select: { items: true, attempts: true } } },
  });
  return rows as (QuizModel & { _count: { items: number; attempts: number } })[];
}

/** One quiz of the course with its items (and what they point at), accommodations and attempt count; null if not this course's. */
export async function quizOfCourse(db: Db, courseId: string, quizId: string) {
  const row = await db.quiz.findFirst({
    where: { id: quizId, courseId },
    include: {
      items: { orderBy: { position: "asc" }, include: itemInclude },
      accommodations: { include: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } },
      _count: { select: { attempts: true } },
    },
  });
  return row as (typeof row & QuizModel) | null;
}
export type QuizOfCourse = NonNullable<Awaited<ReturnType<typeof quizOfCourse>>>;

/** How many attempts a quiz has (any status). */
export async function attemptCount(db: Db, quizId: string): Promise<number> {
  return db.attempt.count({ where: { quizId } });
}

export async function insertQuiz(db: Db, data: Prisma.QuizUncheckedCreateInput, audit: AuditEntry) {
  const [quiz] = await db.$transaction([db.quiz.create({ data }), auditCreate(db, audit)]);
  return quiz;
}

export async function updateQuizRow(db: Db, quizId: string, data: Prisma.QuizUncheckedUpdateInput, audit: AuditEntry) {
  await db.$transaction([db.quiz.update({ where: { id: quizId }, data }), auditCreate(db, audit)]);
}

export async function deleteQuizRow(db: Db, quizId: string, audit: AuditEntry) {
  await db.$transaction([db.quiz.delete({ where: { id: quizId } }), auditCreate(db, audit)]);
}

export type NewItemRow = Omit<Prisma.QuizItemCreateManyInput, "quizId" | "id">;

/** Replaces every item of a quiz (one without attempts: no response points at them). */
export async function replaceItems(db: Db, quizId: string, items: NewItemRow[], audit: AuditEntry) {
  await db.$transaction([
    db.quizItem.deleteMany({ where: { quizId } }),
    db.quizItem.createMany({ data: items.map((i) => ({ ...i, quizId })) }),
    db.quiz.update({ where: { id: quizId }, data: { updatedAt: new Date() } }),
    auditCreate(db, audit),
  ]);
}

/** Changes the points of items in place and appends new ones (a quiz with attempts keeps its items). */
export async function amendItems(db: Db, quizId: string, points: { id: string; points: number }[], added: NewItemRow[], audit: AuditEntry) {
  await db.$transaction([
    ...points.map((p) => db.quizItem.update({ where: { id: p.id, quizId }, data: { points: p.points } })),
    db.quizItem.createMany({ data: added.map((i) => ({ ...i, quizId })) }),
    db.quiz.update({ where: { id: quizId }, data: { updatedAt: new Date() } }),
    auditCreate(db, audit),
  ]);
}

/** The course's banks with the newest unarchived version of each question, for picking items. */
export async function banksForPicking(db: Db, courseId: string) {
  const banks = await db.questionBank.findMany({
    where: { courseId },
    orderBy: { title: "asc" },
    select: {
      id: true,
      title: true,
      questions: {
        where: { archived: false },
        orderBy: [{ key: "asc" }, { version: "desc" }],
        select: { id: true, key: true, version: true, title: true, tags: true },
      },
    },
  });
  return banks.map((b) => {
    const seen = new Set<string>();
    const latest = b.questions.filter((q) => !seen.has(q.key) && seen.add(q.key));
    return { id: b.id, title: b.title, questions: latest };
  });
}

/** The question versions among `ids` that belong to a bank of the course. */
export async function questionsOfCourse(db: Db, courseId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.question.findMany({
    where: { id: { in: ids }, bank: { courseId } },
    select: { id: true, bankId: true, key: true, version: true },
  });
}

/** The banks among `ids` that belong to the course. */
export async function banksOfCourse(db: Db, courseId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.questionBank.findMany({ where: { id: { in: ids }, courseId }, select: { id: true, title: true } });
}

/** Every version of every question of the banks, for working out what a draw can choose from. */
export async function questionRowsOfBanks(db: Db, bankIds: string[]) {
  if (bankIds.length === 0) return [];
  return db.question.findMany({
    where: { bankId: { in: bankIds } },
    select: { id: true, bankId: true, key: true, version: true, tags: true, archived: true },
  });
}

/** The newest version number of each (bank, key). */
export async function latestVersionsOf(db: Db, pairs: { bankId: string; key: string }[]) {
  if (pairs.length === 0) return new Map<string, { id: string; version: number }>();
  const rows = await db.question.findMany({
    where: { OR: pairs.map((p) => ({ bankId: p.bankId, key: p.key })) },
    orderBy: { version: "desc" },
    select: { id: true, bankId: true, key: true, version: true },
  });
  const latest = new Map<string, { id: string; version: number }>();
  for (const r of rows) if (!latest.has(`${r.bankId}/${r.key}`)) latest.set(`${r.bankId}/${r.key}`, { id: r.id, version: r.version });
  return latest;
}

/** Templates of question versions, for the preview. */
export async function questionTemplates(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.question.findMany({ where: { id: { in: ids } }, select: { id: true, template: true } });
}

/** The course's students, by name, with their section. */
export async function studentsOfCourse(db: Db, courseId: string) {
  const rows = await db.enrollment.findMany({
    where: { courseId, role: "STUDENT" },
    select: { section: true, user: { select: { id: true, name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((r) => ({ id: r.user.id, name: r.user.name, email: r.user.email, section: r.section }));
}

/** The sections the course's roster names, sorted. */
export async function sectionsOfCourse(db: Db, courseId: string): Promise<string[]> {
  const rows = await db.enrollment.findMany({
    where: { courseId, section: { not: null } },
    distinct: ["section"],
    select: { section: true },
  });
  return rows
    .map((r) => r.section)
    .filter((s): s is string => !!s)
    .sort();
}

/** Whether `userId` is a student of the course. */
export async function isStudentOf(db: Db, courseId: string, userId: string): Promise<boolean> {
  return (await db.enrollment.count({ where: { courseId, userId, role: "STUDENT" } })) > 0;
}

export type AccommodationRow = { timeFactor: number | null; extraMinutes: number | null; closesAt: Date | null };

export async function upsertAccommodation(db: Db, quizId: string, userId: string, row: AccommodationRow, audit: AuditEntry) {
  const [saved] = await db.$transaction([
    db.quizAccommodation.upsert({ where: { quizId_userId: { quizId, userId } }, create: { quizId, userId, ...row }, update: row }),
    auditCreate(db, audit),
  ]);
  return saved;
}

/** Removes a student's accommodation; false if there was none. */
export async function deleteAccommodation(db: Db, quizId: string, userId: string, audit: AuditEntry): Promise<boolean> {
  const [deleted] = await db.$transaction([db.quizAccommodation.deleteMany({ where: { quizId, userId } }), auditCreate(db, audit)]);
  return deleted.count > 0;
}
