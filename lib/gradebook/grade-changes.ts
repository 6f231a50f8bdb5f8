// Grade changes by staff and the gradebook cell's page (unbound: the database is the first argument): override an answer's or an attempt's
// score with a reason, clear an override, excuse a student from a quiz or take the excusal
// back. Every change is one transaction with its AuditLog entry (override-queries.ts), and an
// answer's override recomputes the attempt's total in the same statement batch. The rules are
// in overrides.ts; docs/grade-changes.md says what each change does to what students see.
import "server-only";
import { attemptScore } from "../attempts/rules";
import { scoreChanged } from "../attempts/score-changes";
import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { cellHistory, readableAnswer, type HistoryEntry } from "./history";
import {
  answerSaves,
  attemptForOverride,
  cellAttempts,
  cellAudit,
  cellHeader,
  deleteExcusal,
  responseDetails,
  responseForOverride,
  upsertExcusal,
  writeAttemptOverride,
  writeResponseOverride,
  type CellAttemptRow,
  type CellHeaderRow,
  type OverrideAttemptRow,
} from "./override-queries";
import { statusOf, type CellStatus } from "./gradebook";
import {
  GRADE_ACTIONS,
  cellTarget,
  overrideRefusal,
  roundScore,
  type AttemptGrade,
  type ExcusalView,
  type ExcuseBody,
  type GradeChangeDetail,
  type OverrideBody,
  type ResponseGrade,
} from "./overrides";
import { countedScore, type CountedScore } from "../attempts/rules";

/** Who changes a grade, in which course (checked by the caller: grades.override). */
export type Actor = { userId: string; courseId: string };

const attemptNotFound = () => new AppError("NOT_FOUND", msg("gradeChanges.errors.attemptNotFound"));

async function loadAttempt(db: Db, courseId: string, attemptId: string): Promise<OverrideAttemptRow> {
  const attempt = await attemptForOverride(db, courseId, attemptId);
  if (!attempt) throw attemptNotFound();
  return attempt;
}

function gradeOf(
  a: Pick<CellAttemptRow, "id" | "number" | "status" | "score" | "maxScore" | "overrideScore" | "overrideReason">,
): AttemptGrade {
  return {
    attemptId: a.id,
    number: a.number,
    score: a.score,
    maxScore: a.maxScore,
    overrideScore: a.overrideScore,
    overrideReason: a.overrideReason,
    counted: attemptScore(a),
  };
}

async function attemptGrade(db: Db, attempt: OverrideAttemptRow): Promise<AttemptGrade> {
  const row = (await cellAttempts(db, attempt.quizId, attempt.userId)).find((a) => a.id === attempt.id);
  if (!row) throw attemptNotFound();
  return gradeOf(row);
}

function audit(actor: Actor, action: string, detail: GradeChangeDetail, at: Date) {
  return { actorId: actor.userId, courseId: actor.courseId, action, target: cellTarget(detail.quizId, detail.userId), detail, at };
}

// ---------------------------------------------------------------- an answer's override

/** Overrides the score of the answer at `position` of a submitted attempt; its attempt's total follows. */
export async function overrideResponse(
  db: Db,
  actor: Actor,
  attemptId: string,
  position: number,
  body: OverrideBody,
  now = new Date(),
): Promise<{ attempt: AttemptGrade; response: ResponseGrade }> {
  return changeResponse(db, actor, attemptId, position, body, now);
}

/** Clears the override of the answer at `position`: the grader's score counts again. Nothing to clear: nothing is written. */
export async function clearResponseOverride(db: Db, actor: Actor, attemptId: string, position: number, now = new Date()) {
  return changeResponse(db, actor, attemptId, position, null, now);
}

async function changeResponse(db: Db, actor: Actor, attemptId: string, position: number, body: OverrideBody | null, now: Date) {
  const attempt = await loadAttempt(db, actor.courseId, attemptId);
  const response = Number.isSafeInteger(position) && position > 0 ? await responseForOverride(db, attemptId, position) : undefined;
  if (!response) throw new AppError("NOT_FOUND", msg("gradeChanges.errors.responseNotFound"));
  const graded = attempt.status === "SUBMITTED" && response.gradedAt !== null;
  if (body) {
    const score = roundScore(body.score);
    const refusal = overrideRefusal(score, response.maxScore, graded);
    if (refusal) throw new AppError(graded ? "UNPROCESSABLE" : "CONFLICT", refusal);
    const detail = {
      old: response.overrideScore,
      new: score,
      reason: body.reason,
      quizId: attempt.quizId,
      userId: attempt.userId,
      attemptId,
      position,
    };
    const changed = await writeResponseOverride(
      db,
      attemptId,
      response.id,
      { score, reason: body.reason, byId: actor.userId, at: now },
      audit(actor, GRADE_ACTIONS.override, detail, now),
    );
    if (changed === 0) throw new AppError("CONFLICT", msg("gradeChanges.errors.notGraded"));
    await scoreChanged(db, { quizId: attempt.quizId, userIds: [attempt.userId] }, now);
  } else if (response.overrideScore !== null) {
    const detail = {
      old: response.overrideScore,
      new: null,
      reason: null,
      quizId: attempt.quizId,
      userId: attempt.userId,
      attemptId,
      position,
    };
    await writeResponseOverride(db, attemptId, response.id, null, audit(actor, GRADE_ACTIONS.clear, detail, now));
    await scoreChanged(db, { quizId: attempt.quizId, userIds: [attempt.userId] }, now);
  }
  const after = (await responseForOverride(db, attemptId, position))!;
  const details = (await responseDetails(db, attemptId)).find((r) => r.position === position);
  return {
    attempt: await attemptGrade(db, attempt),
    response: {
      position,
      score: after.score,
      maxScore: after.maxScore,
      overrideScore: after.overrideScore,
      overrideReason: details?.overrideReason ?? null,
    },
  };
}

// ---------------------------------------------------------------- an attempt's override

/** Overrides a submitted attempt's total: it replaces the graded total wherever a score counts. */
export async function overrideAttempt(
  db: Db,
  actor: Actor,
  attemptId: string,
  body: OverrideBody,
  now = new Date(),
): Promise<{ attempt: AttemptGrade }> {
  const attempt = await loadAttempt(db, actor.courseId, attemptId);
  const score = roundScore(body.score);
  const graded = attempt.status === "SUBMITTED" && attempt.score !== null;
  const refusal = overrideRefusal(score, attempt.maxScore ?? 0, graded);
  if (refusal) throw new AppError(graded ? "UNPROCESSABLE" : "CONFLICT", refusal);
  const detail = { old: attempt.overrideScore, new: score, reason: body.reason, quizId: attempt.quizId, userId: attempt.userId, attemptId };
  const changed = await writeAttemptOverride(
    db,
    attemptId,
    { score, reason: body.reason, byId: actor.userId, at: now },
    audit(actor, GRADE_ACTIONS.override, detail, now),
  );
  if (changed === 0) throw new AppError("CONFLICT", msg("gradeChanges.errors.notGraded"));
  await scoreChanged(db, { quizId: attempt.quizId, userIds: [attempt.userId] }, now);
  return { attempt: await attemptGrade(db, attempt) };
}

/** Clears an attempt's override: its graded total counts again. Nothing to clear: nothing is written. */
export async function clearAttemptOverride(db: Db, actor: Actor, attemptId: string, now = new Date()): Promise<{ attempt: AttemptGrade }> {
  const attempt = await loadAttempt(db, actor.courseId, attemptId);
  if (attempt.overrideScore !== null) {
    const detail = { old: attempt.overrideScore, new: null, reason: null, quizId: attempt.quizId, userId: attempt.userId, attemptId };
    await writeAttemptOverride(db, attemptId, null, audit(actor, GRADE_ACTIONS.clear, detail, now));
    await scoreChanged(db, { quizId: attempt.quizId, userIds: [attempt.userId] }, now);
  }
  return { attempt: await attemptGrade(db, attempt) };
}

// ---------------------------------------------------------------- excusals

async function loadCell(db: Db, courseId: string, quizId: string, userId: string): Promise<CellHeaderRow> {
  const header = await cellHeader(db, courseId, quizId, userId);
  if (!header) throw new AppError("NOT_FOUND", msg("gradeChanges.errors.cellNotFound"));
  return header;
}

/** Excuses a student from a quiz: it counts for nothing in their total. Excusing again changes the reason. */
export async function excuseStudent(
  db: Db,
  actor: Actor,
  quizId: string,
  userId: string,
  body: ExcuseBody,
  now = new Date(),
): Promise<{ excusal: ExcusalView }> {
  const header = await loadCell(db, actor.courseId, quizId, userId);
  const detail = { old: header.excusedAt !== null, new: true, reason: body.reason, quizId, userId };
  await upsertExcusal(db, quizId, userId, body.reason, actor.userId, now, audit(actor, GRADE_ACTIONS.excuse, detail, now));
  await scoreChanged(db, { quizId, userIds: [userId] }, now);
  return { excusal: { quizId, userId, reason: body.reason, createdAt: now.toISOString() } };
}

/** Takes an excusal back: the quiz counts again. Not excused: 404. */
export async function unexcuseStudent(db: Db, actor: Actor, quizId: string, userId: string, now = new Date()): Promise<void> {
  const header = await loadCell(db, actor.courseId, quizId, userId);
  if (header.excusedAt === null) throw new AppError("NOT_FOUND", msg("gradeChanges.errors.notExcused"));
  const detail = { old: true, new: false, reason: null, quizId, userId };
  await deleteExcusal(db, quizId, userId, audit(actor, GRADE_ACTIONS.unexcuse, detail, now));
  await scoreChanged(db, { quizId, userIds: [userId] }, now);
}

// ---------------------------------------------------------------- the cell's page

export type GradeCell = {
  quiz: { id: string; title: string; scoreRule: CellHeaderRow["scoreRule"]; closesAt: Date | null };
  student: { id: string; name: string; email: string; section: string | null };
  status: CellStatus;
  excused: { reason: string; at: Date; byName: string | null } | null;
  /** What counts by the quiz's rule (overrides applied); null: nothing graded. */
  counted: CountedScore | null;
  attempts: (CellAttemptRow & { counts: boolean })[];
  history: HistoryEntry[];
};

/** One student on one quiz, for the staff: attempts, status, excusal, what counts, and the history of every change. */
export async function gradeCell(db: Db, courseId: string, quizId: string, userId: string): Promise<GradeCell> {
  const header = await loadCell(db, courseId, quizId, userId);
  const attempts = await cellAttempts(db, quizId, userId);
  const audits = await cellAudit(
    db,
    courseId,
    cellTarget(quizId, userId),
    attempts.map((a) => a.id),
  );
  const counted = countedScore(header.scoreRule, attempts);
  const excused = header.excusedAt ? { reason: header.excusedReason ?? "", at: header.excusedAt, byName: header.excusedByName } : null;
  return {
    quiz: { id: header.quizId, title: header.title, scoreRule: header.scoreRule, closesAt: header.closesAt },
    student: { id: userId, name: header.studentName, email: header.studentEmail, section: header.section },
    // The cell's page opens from the gradebook, where the student has a column for this quiz.
    status: statusOf(attempts, excused !== null, true),
    excused,
    counted,
    attempts: attempts.map((a) => ({ ...a, counts: counted?.numbers.includes(a.number) ?? false })),
    history: cellHistory(audits, attempts),
  };
}

// ---------------------------------------------------------------- the staff attempt page

export type ResponseDetail = {
  position: number;
  seed: number;
  questionKey: string;
  questionVersion: number;
  graderVersion: string | null;
  gradedAt: Date | null;
  /** The grader's score. */
  score: number | null;
  override: { score: number; reason: string | null; at: Date | null; byName: string | null } | null;
  regradedAt: Date | null;
  /** Every accepted autosave, oldest first, as a readable line. */
  saves: { savedAt: Date; answer: string }[];
};

/** Per question of an attempt of the course, what its staff page shows beside the review. */
export async function attemptDetails(db: Db, courseId: string, attemptId: string): Promise<ResponseDetail[]> {
  await loadAttempt(db, courseId, attemptId);
  const [rows, saves] = await Promise.all([responseDetails(db, attemptId), answerSaves(db, attemptId)]);
  const readable = (text: string) => {
    try {
      return readableAnswer(JSON.parse(text));
    } catch {
      return text;
    }
  };
  return rows.map((r) => ({
    position: r.position,
    seed: Number(r.seed),
    questionKey: r.key,
    questionVersion: r.version,
    graderVersion: r.graderVersion,
    gradedAt: r.gradedAt,
    score: r.score,
    override:
      r.overrideScore === null ? null : { score: r.overrideScore, reason: r.overrideReason, at: r.overrideAt, byName: r.overrideByName },
    regradedAt: r.regradedAt,
    saves: saves.filter((s) => s.position === r.position).map((s) => ({ savedAt: s.savedAt, answer: readable(s.answer) })),
  }));
}
