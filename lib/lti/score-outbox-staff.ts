// The outbox as the course's staff see it (permission grades.lti, checked by the caller): each
// score's status — sent, waiting, failed and why — and "send again", for one student at one
// quiz or for every failed score of the course. Sending again queues the student's counted
// score as it is now, with a new timestamp, even when it did not change.
import { writeAudit } from "../audit";
import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { queueScores } from "./score-outbox";
import {
  cellScores,
  courseFailedScores,
  courseHasLinks,
  courseScoreCounts,
  courseUnsentScores,
  quizLinkCount,
  type ScoreStatusRow,
} from "./score-outbox-queries";

export type { ScoreStatusRow };

/** The course's rows not sent yet that the gradebook lists; beyond this it says how many more. */
const LISTED = 200;

export type CourseScores = {
  /** Rows per status: PENDING (waiting, retries included), SENDING, SENT, FAILED. */
  counts: { waiting: number; failed: number; sent: number };
  unsent: ScoreStatusRow[];
};

/** The course's LMS scores, or null when none of its quizzes is linked to an LMS. */
export async function courseScores(db: Db, courseId: string): Promise<CourseScores | null> {
  if (!(await courseHasLinks(db, courseId))) return null;
  const [counts, unsent] = await Promise.all([courseScoreCounts(db, courseId), courseUnsentScores(db, courseId, LISTED)]);
  return {
    counts: { waiting: (counts.PENDING ?? 0) + (counts.SENDING ?? 0), failed: counts.FAILED ?? 0, sent: counts.SENT ?? 0 },
    unsent,
  };
}

/** One student's LMS scores at a quiz, or null when the quiz is not linked to an LMS. */
export async function studentQuizScores(db: Db, courseId: string, quizId: string, userId: string): Promise<ScoreStatusRow[] | null> {
  if ((await quizLinkCount(db, courseId, quizId)) === 0) return null;
  return cellScores(db, courseId, quizId, userId);
}

export type Actor = { userId: string; courseId: string };

/** Queues the student's score at the quiz again for every LMS link; how many rows were queued. */
export async function resendScore(db: Db, actor: Actor, quizId: string, userId: string, now = new Date()): Promise<number> {
  if ((await quizLinkCount(db, actor.courseId, quizId)) === 0) throw new AppError("NOT_FOUND", msg("ltiScores.errors.notLinked"));
  const queued = await queueScores(db, { quizId, userIds: [userId] }, now, { force: true });
  if (queued === 0) throw new AppError("CONFLICT", msg("ltiScores.errors.nothingToSend"));
  await writeAudit(db, {
    actorId: actor.userId,
    courseId: actor.courseId,
    action: "lti.score.resend",
    target: `${quizId}/${userId}`,
    at: now,
  });
  return queued;
}

/** Queues every failed score of the course again; how many rows were queued. */
export async function resendFailedScores(db: Db, actor: Actor, now = new Date()): Promise<number> {
  const byQuiz = new Map<string, string[]>();
  for (const { quizId, userId } of await courseFailedScores(db, actor.courseId))
    (byQuiz.get(quizId) ?? byQuiz.set(quizId, []).get(quizId)!).push(userId);
  let queued = 0;
  for (const [quizId, userIds] of byQuiz) queued += await queueScores(db, { quizId, userIds }, now, { force: true });
  if (queued > 0)
    await writeAudit(db, {
      actorId: actor.userId,
      courseId: actor.courseId,
      action: "lti.score.resendFailed",
      detail: { queued },
      at: now,
    });
  return queued;
}
