// The rules that protect a grade, with no database, no clock and no randomness of their own:
// the time and the random source are arguments, so tests/unit/attempts/rules.test.ts checks
// them directly. The orchestration (start.ts, save.ts, submit.ts, view.ts) reads the rows,
// asks these, and writes. Every time is the server's: a browser's clock decides nothing.
import type { QuizAccommodation } from "../db/generated/sqlite/client";
import { quizIsForSection, type AttemptModel, type QuizModel, type ScoreRule } from "../db/quiz-values";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";

export type StartableQuiz = Pick<QuizModel, "published" | "sections" | "opensAt" | "closesAt" | "attemptsAllowed">;

/** A student's accommodation on one quiz (null: none): more time, and or a later close. */
export type Accommodation = Pick<QuizAccommodation, "timeFactor" | "extraMinutes" | "closesAt"> | null;

/**
 * The time limit a student with `accommodation` gets: the quiz's limit times the factor, plus
 * the extra minutes, in whole seconds. A quiz without a limit stays without one: extra time
 * is added to a limit, it does not create one.
 */
export function timeLimitFor(timeLimitSec: number | null, accommodation: Accommodation = null): number | null {
  if (!timeLimitSec) return null;
  const factor = accommodation?.timeFactor ?? 1;
  const extra = accommodation?.extraMinutes ?? 0;
  return Math.round(timeLimitSec * factor) + extra * 60;
}

/** When the quiz closes for this student: their own later close replaces the quiz's. */
export function closesAtFor(closesAt: Date | null, accommodation: Accommodation = null): Date | null {
  return accommodation?.closesAt ?? closesAt;
}

/**
 * The student's own window of a quiz: when it opens, when it closes for them and their time
 * limit. What the course page shows them and what starting and the deadline use.
 */
export function studentWindow<Q extends Pick<QuizModel, "closesAt" | "timeLimitSec">>(quiz: Q, accommodation: Accommodation = null): Q {
  return { ...quiz, closesAt: closesAtFor(quiz.closesAt, accommodation), timeLimitSec: timeLimitFor(quiz.timeLimitSec, accommodation) };
}

/**
 * When "feedback after the quiz closes" may come, for everyone: once the last student's
 * window has closed too, so that no one still writing can read the expected answers from a
 * classmate. The quiz's close, or a later close an accommodation gives; none without a close.
 */
export function feedbackCloseOf(closesAt: Date | null, latestAccommodatedClose: Date | null): Date | null {
  if (!closesAt || !latestAccommodatedClose) return closesAt ?? null;
  return latestAccommodatedClose > closesAt ? latestAccommodatedClose : closesAt;
}

/**
 * Why a student of `section` who has used `used` attempts may not start a new one now, or
 * null if they may: unpublished or another section's quiz (answered as not found), not open
 * yet, closed (for them: an accommodation's later close counts), or out of attempts.
 */
export function refusalToStart(
  quiz: StartableQuiz,
  section: string | null,
  used: number,
  now: Date,
  accommodation: Accommodation = null,
): AppError | null {
  if (!quiz.published || !quizIsForSection(quiz.sections, section)) return new AppError("NOT_FOUND", msg("attempt.errors.quizNotFound"));
  if (quiz.opensAt && now < quiz.opensAt) return new AppError("CONFLICT", msg("attempt.errors.opensAt", { at: quiz.opensAt.getTime() }));
  const closesAt = closesAtFor(quiz.closesAt, accommodation);
  if (closesAt && now >= closesAt) return new AppError("CONFLICT", msg("attempt.errors.closed"));
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
  accommodation: Accommodation = null,
): boolean {
  return !attempts.some((a) => a.status === "IN_PROGRESS") && refusalToStart(quiz, section, attempts.length, now, accommodation) === null;
}

/**
 * When an attempt started at `start` must be in: the time limit, cut short by the closing
 * time, both the student's own (an accommodation's longer limit and later close).
 */
export function deadlineOf(
  quiz: Pick<QuizModel, "timeLimitSec" | "closesAt">,
  start: Date,
  accommodation: Accommodation = null,
): Date | null {
  const { timeLimitSec, closesAt } = studentWindow(quiz, accommodation);
  const limit = timeLimitSec ? new Date(start.getTime() + timeLimitSec * 1000) : null;
  if (limit && closesAt) return limit < closesAt ? limit : closesAt;
  return limit ?? closesAt;
}

// ---------------------------------------------------------------- the access password

/** Wrong access passwords a student may try per quiz in a window; a right one clears the count. */
export const ACCESS_PASSWORD_LIMIT = { max: 5, windowMs: 15 * 60_000 } as const;

/** The throttle key of one student's password tries at one quiz. */
export function accessPasswordKey(quizId: string, userId: string): string {
  return `quiz-password:${quizId}|${userId}`;
}

/** The refusals about the access password: the start form shows them beside its password field. */
export class AccessPasswordError extends AppError {}

/** What starting says when the access password is missing, wrong (with the tries left), or tried too often. */
export function accessPasswordRefusal(outcome: "missing" | "wrong" | "limited", triesLeft = 0, retryAfterSec = 0): AccessPasswordError {
  if (outcome === "missing") return new AccessPasswordError("FORBIDDEN", msg("attempt.errors.passwordMissing"));
  if (outcome === "wrong") return new AccessPasswordError("FORBIDDEN", msg("attempt.errors.passwordWrong", { left: triesLeft }));
  return new AccessPasswordError(
    "RATE_LIMITED",
    msg("attempt.errors.passwordLimited", { minutes: Math.max(1, Math.ceil(retryAfterSec / 60)) }),
  );
}

// ---------------------------------------------------------------- which attempt counts

export type ScoredAttempt = Pick<AttemptModel, "number" | "status" | "score" | "maxScore"> & Partial<Pick<AttemptModel, "overrideScore">>;

/**
 * What a graded attempt scores where a score counts: the staff's override of the whole attempt
 * when there is one, else the graded total (which already holds any override of one answer).
 * Null: not submitted, or not graded yet.
 */
export function attemptScore(
  attempt: Pick<AttemptModel, "status" | "score"> & Partial<Pick<AttemptModel, "overrideScore">>,
): number | null {
  if (attempt.status !== "SUBMITTED" || attempt.score === null) return null;
  return attempt.overrideScore ?? attempt.score;
}

/** The score that counts for a quiz, and the attempts it comes from (by number). */
export type CountedScore = { rule: ScoreRule; score: number; maxScore: number; numbers: number[] };

const fraction = (a: { score: number; maxScore: number }) => (a.maxScore > 0 ? a.score / a.maxScore : 0);

/**
 * Which of a student's attempts counts, by the quiz's rule, over the graded ones (submitted,
 * with a score; one in progress or not graded yet counts for nothing), each at its
 * attemptScore (an override replaces the graded total): HIGHEST the best
 * fraction of its points (the earlier of a tie), LATEST the highest number, AVERAGE every
 * graded attempt, points summed (the mean score over the mean maximum). Null: none graded.
 */
export function countedScore(rule: ScoreRule, attempts: readonly ScoredAttempt[]): CountedScore | null {
  const graded = attempts
    .filter((a) => attemptScore(a) !== null)
    .map((a) => ({ number: a.number, score: attemptScore(a)!, maxScore: a.maxScore ?? 0 }))
    .sort((a, b) => a.number - b.number);
  if (graded.length === 0) return null;
  if (rule === "AVERAGE") {
    const n = graded.length;
    return {
      rule,
      score: graded.reduce((s, a) => s + a.score, 0) / n,
      maxScore: graded.reduce((s, a) => s + a.maxScore, 0) / n,
      numbers: graded.map((a) => a.number),
    };
  }
  const pick =
    rule === "LATEST" ? graded[graded.length - 1] : graded.reduce((best, a) => (fraction(a) > fraction(best) ? a : best), graded[0]);
  return { rule, score: pick.score, maxScore: pick.maxScore, numbers: [pick.number] };
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
 * ordered by key, newest version first; `tags` is the stored JSON array. An archived key is
 * not drawn (archiving marks every version; the newest decides).
 */
export function latestVersions(
  rows: readonly { id: string; key: string; tags: string; archived?: boolean }[],
  tag: string | null,
): string[] {
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.key)) latest.set(r.key, r);
  return [...latest.values()].filter((q) => !q.archived && (!tag || (JSON.parse(q.tags) as string[]).includes(tag))).map((q) => q.id);
}

/**
 * `items` in a random order (Fisher–Yates: every order equally likely with a uniform source);
 * `randomIndex(n)` gives an integer in [0, n). A shuffled quiz gives each attempt its own order.
 */
export function shuffled<T>(items: readonly T[], randomIndex: (n: number) => number): T[] {
  const out = [...items];
  for (let k = out.length - 1; k > 0; k--) {
    const j = randomIndex(k + 1);
    [out[k], out[j]] = [out[j], out[k]];
  }
  return out;
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
