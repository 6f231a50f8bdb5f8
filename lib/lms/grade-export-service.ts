// The grade export's services: the file for an LMS from the course's gradebook (checked first,
// so the page shows who the LMS could not match before anything is downloaded), the download
// recorded (GradeExport: who, when, what, a checksum of the bytes), the list of those records,
// and the quizzes' columns in each LMS. Callers pass the time: it decides what has closed in the
// gradebook and the date in the file's name.
import { createHash } from "node:crypto";
import { z } from "zod";
import { fileNameWith } from "../api/csv";
import type { Db } from "../db/client";
import { gradebookQuizzes } from "../gradebook/queries";
import { courseGradebook } from "../gradebook/service";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { gradeFile, type GradeFile, type SheetColumn } from "./grade-file";
import {
  courseCode,
  courseQuizIds,
  gradeExportRows,
  insertGradeExport,
  lmsColumnRows,
  studentIdentifiers,
  writeLmsColumns,
} from "./grade-export-queries";
import { LMS_FORMATS, type GradeExportView, type GradeFileOptions, type LmsColumns, type LmsColumnsBody } from "./grade-options";
import { gradeSheet, unknownColumns, type LmsColumnOf } from "./grade-sheet";

export type GradeFileRequest = { columns: readonly string[] | null; options: GradeFileOptions };

export type PreparedGradeFile = GradeFile & { columns: SheetColumn[]; fileName: string };

/** The file's name: the course, "grades", the LMS, the day (UTC); a tab-delimited file is .txt. */
export function gradeFileName(code: string, options: GradeFileOptions, now: Date): string {
  const tab = options.format === "blackboard" && options.delimiter === "tab";
  return fileNameWith(tab ? "txt" : "csv", [code, "grades", options.format, now.toISOString().slice(0, 10)]);
}

/** The file `request` asks for, not yet recorded: what the export page checks before the download. */
export async function prepareGradeFile(
  db: Db,
  courseId: string,
  request: GradeFileRequest,
  now: Date = new Date(),
): Promise<PreparedGradeFile> {
  const [book, identifiers, mapping, code] = await Promise.all([
    courseGradebook(db, courseId, now),
    studentIdentifiers(db, courseId),
    lmsColumnRows(db, courseId, request.options.format),
    courseCode(db, courseId),
  ]);
  if (code === null) throw new AppError("NOT_FOUND", msg("errors.course.notFound"));
  if (request.columns !== null) {
    const unknown = unknownColumns(book, request.columns);
    if (unknown.length > 0) throw new AppError("BAD_REQUEST", msg("lmsGrades.errors.unknownQuiz", { ids: unknown.join(", ") }));
  }
  const sheet = gradeSheet(book, {
    columns: request.columns,
    mapping: new Map(mapping.map((m): [string, LmsColumnOf] => [m.quizId, { externalId: m.externalId, title: m.title }])),
    identifiers: new Map(identifiers.map((i) => [i.userId, i])),
  });
  if (sheet.columns.length === 0) throw new AppError("BAD_REQUEST", msg("lmsGrades.errors.noColumns"));
  return { ...gradeFile(sheet, request.options), columns: [...sheet.columns], fileName: gradeFileName(code, request.options, now) };
}

export type GradeDownload =
  { ok: true; id: string; text: string; fileName: string; rowCount: number } | { ok: false; leftOut: GradeFile["leftOut"] };

/**
 * The file, recorded as downloaded by `actor`. Students the LMS could not match refuse it unless
 * `skipMissing`: the file is then written without them, and the record says how many.
 */
export async function downloadGradeFile(
  db: Db,
  actor: { userId: string; courseId: string },
  request: GradeFileRequest & { skipMissing: boolean },
  now: Date = new Date(),
): Promise<GradeDownload> {
  const file = await prepareGradeFile(db, actor.courseId, request, now);
  if (file.leftOut.length > 0 && !request.skipMissing) return { ok: false, leftOut: file.leftOut };
  const { id } = await insertGradeExport(db, {
    courseId: actor.courseId,
    byId: actor.userId,
    format: request.options.format,
    columns: file.columns.map((c) => c.key),
    options: { ...request.options, leftOut: file.leftOut.length },
    rowCount: file.rowCount,
    checksum: createHash("sha256").update(file.text, "utf8").digest("hex"),
    fileName: file.fileName,
    createdAt: now,
  });
  return { ok: true, id, text: file.text, fileName: file.fileName, rowCount: file.rowCount };
}

/** The course's last 50 grade files, newest first. */
export async function gradeExports(db: Db, courseId: string): Promise<GradeExportView[]> {
  const rows = await gradeExportRows(db, courseId, 50);
  return rows.map((r) => ({
    id: r.id,
    format: z.enum(LMS_FORMATS).parse(r.format),
    columns: z.array(z.string()).parse(JSON.parse(r.columns)),
    options: z.record(z.string(), z.unknown()).parse(JSON.parse(r.options)),
    rowCount: r.rowCount,
    checksum: r.checksum,
    fileName: r.fileName,
    createdAt: r.createdAt.toISOString(),
    by: r.by,
  }));
}

/** The course's published quizzes, each with its column in every LMS that has one. */
export async function lmsColumns(db: Db, courseId: string): Promise<LmsColumns> {
  const [quizzes, rows] = await Promise.all([gradebookQuizzes(db, courseId), lmsColumnRows(db, courseId)]);
  return {
    quizzes: quizzes.map((q) => ({
      quizId: q.id,
      title: q.title,
      maxScore: q.maxScore,
      columns: rows
        .filter((r) => r.quizId === q.id)
        .map((r) => ({ lms: z.enum(LMS_FORMATS).parse(r.lms), externalId: r.externalId, title: r.title }))
        .sort((a, b) => LMS_FORMATS.indexOf(a.lms) - LMS_FORMATS.indexOf(b.lms)),
    })),
  };
}

/**
 * Sets the quizzes' columns in one LMS (a quiz of another course is not found, and nothing
 * changes), recorded in the AuditLog (`grades.lmsColumns`) with the old and new values.
 */
export async function setLmsColumns(db: Db, actor: { userId: string; courseId: string }, body: LmsColumnsBody): Promise<LmsColumns> {
  const ids = body.columns.map((c) => c.quizId);
  const [found, before] = await Promise.all([courseQuizIds(db, actor.courseId, ids), lmsColumnRows(db, actor.courseId, body.lms)]);
  if (found.size !== ids.length) throw new AppError("NOT_FOUND", msg("lmsGrades.errors.quizNotFound"));
  const old = new Map(before.map((r) => [r.quizId, { externalId: r.externalId, title: r.title }]));
  const changes = body.columns
    .map((c) => ({
      quizId: c.quizId,
      old: old.get(c.quizId) ?? { externalId: null, title: null },
      new: { externalId: c.externalId, title: c.title },
    }))
    .filter((c) => c.old.externalId !== c.new.externalId || c.old.title !== c.new.title);
  if (changes.length > 0) {
    await writeLmsColumns(
      db,
      body.lms,
      changes.map((c) => ({ quizId: c.quizId, ...c.new })),
      {
        action: "grades.lmsColumns",
        actorId: actor.userId,
        courseId: actor.courseId,
        target: actor.courseId,
        detail: { lms: body.lms, changes },
      },
    );
  }
  return lmsColumns(db, actor.courseId);
}
