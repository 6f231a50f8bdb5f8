// Submitting an attempt, and the one way an overdue attempt is expired.
import "server-only";
import { auditOnceStatement } from "../audit";
import type { Db } from "../db/client";
import { GRADER_VERSION } from "../grading";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { gradeStoredAnswer } from "./grade-response";
import { answersToGrade, attemptWithQuiz, claimAttempt, timedAttemptsInProgress, writeGrades, type AttemptRow } from "./queries";
import { isOverdue, submitStep, submittedAtFor } from "./rules";
import { scoreChanged } from "./score-changes";

export interface SubmitResult {
  status: "SUBMITTED";
  submittedAt: Date;
  score: number;
  maxScore: number;
}

/** The caller's attempt; someone else's is answered exactly like one that does not exist. */
export async function ownAttempt(db: Db, userId: string, attemptId: string): Promise<AttemptRow> {
  const attempt = await attemptWithQuiz(db, attemptId);
  if (!attempt || attempt.userId !== userId) throw new AppError("NOT_FOUND", msg("attempt.errors.attemptNotFound"));
  return attempt;
}

/**
 * Grades and submits an attempt. Idempotent: a second call returns the first result.
 *
 * No interactive transaction (on SQLite the driver adapter serializes them on one connection,
 * and other requests' statements would run inside it): one conditional UPDATE claims the
 * attempt, which stops every later save; then the saved answers are graded and recorded.
 * Grading is deterministic, so a concurrent submit, or a crash between the two steps, is
 * repaired by grading again. The submit's audit entry is written in the grades' transaction,
 * under an id derived from the attempt's: an attempt has it exactly when it has its grades,
 * once, however a crash or a retry interleaves. At an exam's deadline everyone submits at
 * once, so this is five statements whatever the number of questions, and one more for the LMS score outbox
 * (score-changes.ts), two or three when the quiz is linked to an LMS.
 */
export async function submitAttempt(db: Db, userId: string, attemptId: string, now = new Date()): Promise<SubmitResult> {
  let attempt = await ownAttempt(db, userId, attemptId);
  if (submitStep(attempt) === "claim") {
    const submittedAt = submittedAtFor(attempt.deadlineAt, now);
    if ((await claimAttempt(db, attemptId, submittedAt, isOverdue(attempt, now))) === 1) {
      const result = await recordGrades(db, userId, attempt.courseId, attemptId, now);
      await scoreChanged(db, { quizId: attempt.quizId, userIds: [attempt.userId] }, now);
      return { status: "SUBMITTED", submittedAt, ...result };
    }
    attempt = await ownAttempt(db, userId, attemptId); // lost the claim to a concurrent submit
  }
  if (submitStep(attempt) === "grade") {
    await recordGrades(db, userId, attempt.courseId, attemptId, now);
    await scoreChanged(db, { quizId: attempt.quizId, userIds: [attempt.userId] }, now);
    attempt = await ownAttempt(db, userId, attemptId);
  }
  return { status: "SUBMITTED", submittedAt: attempt.submittedAt!, score: attempt.score ?? 0, maxScore: attempt.maxScore ?? 0 };
}

/**
 * Submits `attempt`, with what was saved, if its time has run out (rules.isOverdue). Called
 * wherever an attempt is met: starting, saving, viewing, and the course page's list. True if
 * it was expired now.
 */
export async function expireIfDue(
  db: Db,
  userId: string,
  attempt: { id: string } & Parameters<typeof isOverdue>[0],
  now: Date,
): Promise<boolean> {
  if (!isOverdue(attempt, now)) return false;
  await submitAttempt(db, userId, attempt.id, now);
  return true;
}

async function recordGrades(
  db: Db,
  userId: string,
  courseId: string,
  attemptId: string,
  now: Date,
): Promise<{ score: number; maxScore: number }> {
  let score = 0;
  let maxScore = 0;
  const graded = (await answersToGrade(db, attemptId)).map((r) => {
    const result = gradeStoredAnswer({ ...r, points: Number(r.maxScore) });
    score += result.points;
    maxScore += result.maxScore;
    return { id: r.id, points: result.points, feedback: result.feedback };
  });
  const audit = auditOnceStatement(`attempt.submit:${attemptId}`, {
    actorId: userId,
    courseId,
    action: "attempt.submit",
    target: attemptId,
    detail: { score, maxScore },
    at: now,
  });
  await writeGrades(db, attemptId, graded, { maxScore }, GRADER_VERSION, now, [audit]);
  return { score, maxScore };
}

/** Expires every overdue attempt of a student, in any course: before a list of their attempts is shown. */
export async function expireAllDue(db: Db, userId: string, now: Date): Promise<number> {
  let expired = 0;
  for (const a of await timedAttemptsInProgress(db, userId)) if (await expireIfDue(db, userId, a, now)) expired++;
  return expired;
}
