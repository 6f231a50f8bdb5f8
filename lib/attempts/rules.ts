// The rules that protect a grade, with no database, no clock and no randomness of their own:
// the time and the random source are arguments, so tests/unit/attempts/rules.test.ts checks
// them directly. The orchestration (start.ts, save.ts, submit.ts, view.ts) reads the rows,
// asks these, and writes. Every time is the server's: a browser's clock decides nothing.
import { quizIsForSection, type AttemptModel, type QuizModel } from "../db/quiz-values";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";

export type StartableQuiz = Pick<QuizModel, "published" | "sections" | "opensAt" | "closesAt" | "attemptsAllowed">;

/**
 * Why a student of `section` who has used `used` attempts may not start a new one now, or
 * null if they may: unpublished or another section's quiz (answered as not found), not open
 * yet, closed, or out of attempts.
 */
export function refusalToStart(quiz: StartableQuiz, section: string | null, used: number, now: Date): AppError | null {
  if (!quiz.published || !quizIsForSection(quiz.sections, section)) return new AppError("NOT_FOUND", msg("attempt.errors.quizNotFound"));
  if (quiz.opensAt && now < quiz.opensAt) return new AppError("CONFLICT", msg("attempt.errors.opensAt", { at: quiz.opensAt.getTime() }));
  if (quiz.closesAt && now >= quiz.closesAt) return new AppError("CONFLICT", msg("attempt.errors.closed"));
  if (quiz.attemptsAllowed !== null && used >= quiz.attemptsAllowed) {
    return new AppError("CONFLICT", msg("attempt.errors.usedAll", { count: quiz.attemptsAllowed }));
  }
  return null;
}

/**
 * Whether the course page offers "Start": no attempt in progress (that one is resumed instead)
 * and nothing refuses a new one. The same rule startAttempt enforces.
 */
export function canStart(
  quiz: StartableQuiz,
  section: string | null,
  attempts: readonly Pick<AttemptModel, "status">[],
  now: Date,
): boolean {
  return !attempts.some((a) => a.status === "IN_PROGRESS") && refusalToStart(quiz, section, attempts.length, now) === null;
}

/** When an attempt started at `start` must be in: the time limit, cut short by the quiz's closing time. */
export function deadlineOf(quiz: Pick<QuizModel, "timeLimitSec" | "closesAt">, start: Date): Date | null {
  const limit = quiz.timeLimitSec ? new Date(start.getTime() + quiz.timeLimitSec * 1000) : null;
  if (limit && quiz.closesAt) return limit < quiz.closesAt ? limit : quiz.closesAt;
  return limit ?? quiz.closesAt;
}

/**
 * The expiry rule: an attempt in progress whose deadline has come is over, and is submitted
 * with what was saved (lazily, by whichever request notices first: there is no background job).
 */
export function isOverdue(attempt: Pick<AttemptModel, "status" | "deadlineAt">, now: Date): boolean {
  return attempt.status === "IN_PROGRESS" && attempt.deadlineAt !== null && now >= attempt.deadlineAt;
}

/** A late submit counts as made at the deadline, not when it was noticed. */
export function submittedAtFor(deadline: Date | null, now: Date): Date {
  return deadline && now > deadline ? deadline : now;
}

/**
 * What submitting an attempt in this state does: claim it (in progress), grade it (claimed
 * but its grades not recorded: a crash or a concurrent submit), or nothing but return the
 * stored result. Submitting twice gives the first result.
 */
export function submitStep(attempt: Pick<AttemptModel, "status" | "score">): "claim" | "grade" | "done" {
  if (attempt.status === "IN_PROGRESS") return "claim";
  return attempt.score === null ? "grade" : "done";
}

/**
 * The newest version of each question key, optionally only those tagged `tag`. `rows` come
 * ordered by key, newest version first; `tags` is the stored JSON array.
 */
export function latestVersions(rows: readonly { id: string; key: string; tags: string }[], tag: string | null): string[] {
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.key)) latest.set(r.key, r);
  return [...latest.values()].filter((q) => !tag || (JSON.parse(q.tags) as string[]).includes(tag)).map((q) => q.id);
}

/**
 * `count` different questions drawn from `candidates`, each uniformly from those left;
 * `randomIndex(n)` gives an integer in [0, n). Refused when the bank holds too few.
 */
export function draw(candidates: readonly string[], count: number, randomIndex: (n: number) => number): string[] {
  if (candidates.length < count) throw new AppError("CONFLICT", msg("attempt.errors.bankTooSmall"));
  const pool = [...candidates];
  const chosen: string[] = [];
  for (let k = 0; k < count; k++) chosen.push(pool.splice(randomIndex(pool.length), 1)[0]);
  return chosen;
}
