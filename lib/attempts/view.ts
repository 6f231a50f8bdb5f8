// What a student may see of their own attempt (the attempt and review pages), and what the
// course's staff see of any attempt in it (the review, always with the expected answers).
import "server-only";
import type { Db } from "../db/client";
import type { AttemptStatus, QuizModel } from "../db/quiz-values";
import { parseStoredFeedback, type Feedback } from "../grading";
import { expectedFor, instantiate, presentFor, type Answer, type Presentation } from "../questions";
import { templateOf } from "../questions/template-cache";
import type { Trace } from "../tcp";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import {
  attemptOwner,
  attemptWithQuiz,
  attemptsOfQuiz,
  latestAccommodatedClose,
  responsesForView,
  type AttemptRow,
  type SubmissionRow,
} from "./queries";
import { releaseOf, type Release } from "./release";
import { attemptScore, feedbackCloseOf, submitStep } from "./rules";
import { expireIfDue, ownAttempt, submitAttempt } from "./submit";

export interface AttemptItemView {
  position: number;
  presentation: Presentation;
  /** The saved draft, as the student left it. */
  draft: unknown;
  savedAt: Date | null;
  /** The highest save number stored for this answer: the page's autosave counts on from it. */
  saveSeq: number;
  maxScore: number;
  /** Only after feedback release. */
  result?: { score: number; feedback: Feedback; expected: Answer; trace: Trace };
  /** Only after feedback release: how the grade changed since the grader gave it. */
  change?: GradeChange;
}

/**
 * A grade changed after grading: a staff member's override (the score that counts now, the
 * grader's, and their reason) and/or a regrade (when it last changed the score).
 */
export interface GradeChange {
  override: { score: number; graderScore: number | null; reason: string | null } | null;
  regradedAt: Date | null;
}

function changeOf(
  graded: number | null,
  row: { overrideScore: number | null; overrideReason: string | null; regradedAt: Date | null },
): GradeChange | undefined {
  if (row.overrideScore === null && row.regradedAt === null) return undefined;
  return {
    override: row.overrideScore === null ? null : { score: row.overrideScore, graderScore: graded, reason: row.overrideReason },
    regradedAt: row.regradedAt,
  };
}

export interface AttemptView {
  attemptId: string;
  quiz: Pick<QuizModel, "id" | "courseId" | "title" | "mode" | "timeLimitSec">;
  number: number;
  status: AttemptStatus;
  startedAt: Date;
  deadlineAt: Date | null;
  submittedAt: Date | null;
  release: Release;
  /** What counts: the staff's override of the total where set, else the graded total. */
  score: number | null;
  maxScore: number | null;
  /** How the total changed since grading (override of the total, regrade); only after release. */
  change?: GradeChange;
  items: AttemptItemView[];
}

/** Everything the attempt or review page shows, for its owner. Expected answers only after release. */
export async function attemptView(db: Db, userId: string, attemptId: string, now = new Date()): Promise<AttemptView> {
  let attempt = await ownAttempt(db, userId, attemptId);
  // One claimed but never graded (a crash between the steps) is graded now; an overdue one is expired.
  const ungraded = submitStep(attempt) === "grade";
  if (ungraded) await submitAttempt(db, userId, attemptId, now);
  if (ungraded || (await expireIfDue(db, userId, { ...attempt, id: attemptId }, now))) attempt = await ownAttempt(db, userId, attemptId);
  // Feedback after the close waits for the last student's own close (rules.feedbackCloseOf).
  const closesAt =
    attempt.feedbackRelease === "AFTER_CLOSE" && attempt.closesAt
      ? feedbackCloseOf(attempt.closesAt, await latestAccommodatedClose(db, attempt.quizId))
      : attempt.closesAt;
  return build(db, attempt, attemptId, releaseOf({ ...attempt, closesAt }, attempt.status, now));
}

export interface StaffAttemptView extends AttemptView {
  student: { name: string; email: string };
  /** The student's user id (the gradebook cell's link). */
  studentId: string;
}

/**
 * A course's instructors and TAs read any attempt in it: the same review the student sees,
 * released or not (they grade it), read as stored — nothing is graded or expired on their
 * behalf. Another course's attempt is not found.
 */
export async function staffAttemptView(db: Db, courseId: string, attemptId: string): Promise<StaffAttemptView> {
  const [attempt, student] = await Promise.all([attemptWithQuiz(db, attemptId), attemptOwner(db, attemptId)]);
  if (!attempt || !student || attempt.courseId !== courseId) throw new AppError("NOT_FOUND", msg("attempt.errors.attemptNotFound"));
  const release: Release = { released: true, reason: msg("attempt.staff.staffSees") };
  return { ...(await build(db, attempt, attemptId, release)), student, studentId: attempt.userId };
}

/** The attempts at one of the course's quizzes, for its staff. */
export async function quizSubmissions(db: Db, quizId: string): Promise<SubmissionRow[]> {
  return attemptsOfQuiz(db, quizId);
}

async function build(db: Db, attempt: AttemptRow, attemptId: string, release: Release): Promise<AttemptView> {
  const responses = await responsesForView(db, attemptId);
  return {
    attemptId,
    quiz: { id: attempt.quizId, courseId: attempt.courseId, title: attempt.title, mode: attempt.mode, timeLimitSec: attempt.timeLimitSec },
    number: attempt.number,
    status: attempt.status,
    startedAt: attempt.startedAt,
    deadlineAt: attempt.deadlineAt,
    submittedAt: attempt.submittedAt,
    release,
    score: release.released ? attemptScore(attempt) : null,
    change: release.released ? changeOf(attempt.score, attempt) : undefined,
    maxScore: attempt.maxScore ?? responses.reduce((s, r) => s + r.maxScore, 0),
    items: responses.map((r) => {
      const q = instantiate(templateOf({ id: r.questionId, template: r.template }), Number(r.seed));
      const item: AttemptItemView = {
        position: r.position,
        presentation: presentFor(q),
        draft: r.answer === null ? null : JSON.parse(r.answer),
        savedAt: r.savedAt,
        saveSeq: r.saveSeq ?? 0,
        maxScore: r.maxScore,
      };
      if (release.released && attempt.status === "SUBMITTED" && r.feedback) {
        item.result = {
          score: r.overrideScore ?? r.score ?? 0,
          feedback: parseStoredFeedback(r.feedback),
          expected: expectedFor(q),
          trace: q.trace,
        };
        item.change = changeOf(r.score, r);
      }
      return item;
    }),
  };
}
