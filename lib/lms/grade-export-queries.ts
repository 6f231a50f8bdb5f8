// Every statement of the grade export, each a named function: the students' LMS identifiers, the
// quizzes' columns in each LMS (QuizLmsColumn), and the record of each file downloaded
// (GradeExport). The gradebook's own rows come from lib/gradebook.
import { auditCreate, type AuditEntry } from "../audit";
import type { Db } from "../db/client";
import type { LmsFormat } from "./grade-options";

export type StudentIdentifiers = {
  userId: string;
  sisUserId: string | null;
  sisLoginId: string | null;
  username: string | null;
  orgDefinedId: string | null;
};

/** The LMS identifiers of the course's students (their enrolments). */
export async function studentIdentifiers(db: Db, courseId: string): Promise<StudentIdentifiers[]> {
  return db.enrollment.findMany({
    where: { courseId, role: "STUDENT" },
    select: { userId: true, sisUserId: true, sisLoginId: true, username: true, orgDefinedId: true },
  });
}

export type LmsColumnRow = { quizId: string; lms: string; externalId: string | null; title: string | null };

/** The columns of the course's quizzes in every LMS (or in `lms` only). */
export async function lmsColumnRows(db: Db, courseId: string, lms?: LmsFormat): Promise<LmsColumnRow[]> {
  return db.quizLmsColumn.findMany({
    where: { quiz: { courseId }, ...(lms ? { lms } : {}) },
    select: { quizId: true, lms: true, externalId: true, title: true },
  });
}

/** Which of `quizIds` are quizzes of the course. */
export async function courseQuizIds(db: Db, courseId: string, quizIds: readonly string[]): Promise<Set<string>> {
  const rows = await db.quiz.findMany({ where: { courseId, id: { in: [...quizIds] } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/**
 * Sets the quizzes' columns in `lms` in one transaction with its audit entry: a column with
 * neither an id nor a title is removed (the quiz is then matched by its own title).
 */
export async function writeLmsColumns(
  db: Db,
  lms: LmsFormat,
  columns: readonly { quizId: string; externalId: string | null; title: string | null }[],
  audit: AuditEntry,
): Promise<void> {
  await db.$transaction([
    ...columns.map((c) =>
      c.externalId === null && c.title === null
        ? db.quizLmsColumn.deleteMany({ where: { quizId: c.quizId, lms } })
        : db.quizLmsColumn.upsert({
            where: { quizId_lms: { quizId: c.quizId, lms } },
            create: { quizId: c.quizId, lms, externalId: c.externalId, title: c.title },
            update: { externalId: c.externalId, title: c.title },
          }),
    ),
    auditCreate(db, audit),
  ]);
}

/** The course's code, for file names; null: no such course. */
export async function courseCode(db: Db, courseId: string): Promise<string | null> {
  const course = await db.course.findUnique({ where: { id: courseId }, select: { code: true } });
  return course?.code ?? null;
}

export type GradeExportRecord = {
  courseId: string;
  byId: string;
  format: LmsFormat;
  columns: readonly string[];
  options: Record<string, unknown>;
  rowCount: number;
  checksum: string;
  fileName: string;
  createdAt: Date;
};

/** Records a file downloaded. */
export async function insertGradeExport(db: Db, record: GradeExportRecord): Promise<{ id: string }> {
  return db.gradeExport.create({
    data: { ...record, columns: JSON.stringify(record.columns), options: JSON.stringify(record.options) },
    select: { id: true },
  });
}

export type GradeExportRow = {
  id: string;
  format: string;
  columns: string;
  options: string;
  rowCount: number;
  checksum: string;
  fileName: string;
  createdAt: Date;
  by: { name: string; email: string };
};

/** The course's last `take` grade files, newest first. */
export async function gradeExportRows(db: Db, courseId: string, take: number): Promise<GradeExportRow[]> {
  return db.gradeExport.findMany({
    where: { courseId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      format: true,
      columns: true,
      options: true,
      rowCount: true,
      checksum: true,
      fileName: true,
      createdAt: true,
      by: { select: { name: true, email: true } },
    },
  });
}
