// Reads of the question editor's pages: the bank a question is written in (only when it belongs
// to the course in the address: a bank of another course is not found), and the latest version
// of a question by its key. Low-traffic staff pages, so Prisma (docs/data-access.md).
import "server-only";
import type { Db } from "../db/client";
import type { Question, QuestionBank } from "../db/generated/sqlite/client";

type BankRow = Pick<QuestionBank, "id" | "title">;
type QuestionRow = Pick<Question, "key" | "version" | "title" | "template" | "archived">;

/** The bank, when it is one of the course's. */
export async function bankOfCourse(db: Db, courseId: string, bankId: string): Promise<BankRow | null> {
  return db.questionBank.findFirst({ where: { id: bankId, courseId }, select: { id: true, title: true } });
}

/** The latest version of the question `key` in the bank, with its template parsed from JSON. */
export async function latestQuestion(
  db: Db,
  bankId: string,
  key: string,
): Promise<(Omit<QuestionRow, "template"> & { template: unknown }) | null> {
  const row = await db.question.findFirst({
    where: { bankId, key },
    orderBy: { version: "desc" },
    select: { key: true, version: true, title: true, template: true, archived: true },
  });
  return row ? { ...row, template: JSON.parse(row.template) as unknown } : null;
}
