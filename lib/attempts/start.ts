// Starting an attempt (or resuming the one in progress): the quiz's window as this student
// has it (an accommodation's longer limit and later close), its access password, the draw
// (archived questions are not drawn) and, for a shuffled quiz, this attempt's own order.
import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import {
  attemptInProgress,
  attemptsOf,
  bankQuestions,
  clearPasswordTries,
  insertAttempt,
  itemsOf,
  passwordTries,
  quizForStart,
  releasePasswordTry,
  takePasswordTry,
  type NewResponse,
  type StartQuizRow,
} from "./queries";
import {
  ACCESS_PASSWORD_LIMIT,
  accessPasswordKey,
  accessPasswordRefusal,
  deadlineOf,
  draw,
  latestVersions,
  refusalToStart,
  shuffled,
  type Accommodation,
} from "./rules";
import { expireIfDue } from "./submit";

/** A fresh seed from a cryptographic source (stored with the response, never sent to the browser). */
export function newSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}

/**
 * Checks a password against its stored hash. The app passes lib/auth/password-hashing.ts's
 * `verifyPassword`, which bounds how many hashes run at once (this layer may not import
 * lib/auth: docs/architecture.md §1); it throws when the server is too busy to check.
 */
export type PasswordCheck = (input: { hash: string; password: string }) => Promise<boolean>;

/** What a student brings to a start: the exam's access password, if it has one, and how to check it. */
export type StartEntry = { password?: string; checkPassword?: PasswordCheck };

function accommodationOf(quiz: StartQuizRow): Accommodation {
  if (quiz.accTimeFactor === null && quiz.accExtraMinutes === null && quiz.accClosesAt === null) return null;
  return { timeFactor: quiz.accTimeFactor, extraMinutes: quiz.accExtraMinutes, closesAt: quiz.accClosesAt };
}

/**
 * The access password, checked before anything is drawn: missing or wrong refuses the start
 * and stores nothing. Each check takes a try first (ACCESS_PASSWORD_LIMIT per student and
 * quiz), so many guesses at once still get only that many checks; a right password clears them.
 */
async function checkAccessPassword(db: Db, quizId: string, hash: string, userId: string, entry: StartEntry, now: Date): Promise<void> {
  if (!entry.password) throw accessPasswordRefusal("missing");
  if (!entry.checkPassword) throw new Error("startAttempt: a quiz with an access password needs a password check");
  const key = accessPasswordKey(quizId, userId);
  const { max, windowMs } = ACCESS_PASSWORD_LIMIT;
  if (!(await takePasswordTry(db, key, max, windowMs, now))) {
    const row = await passwordTries(db, key);
    const ends = (row?.windowStart.getTime() ?? now.getTime()) + windowMs;
    throw accessPasswordRefusal("limited", 0, (ends - now.getTime()) / 1000);
  }
  let right: boolean;
  try {
    right = await entry.checkPassword({ hash, password: entry.password });
  } catch {
    await releasePasswordTry(db, key);
    throw new AppError("UNAVAILABLE", msg("attempt.errors.passwordBusy"));
  }
  if (right) return clearPasswordTries(db, key);
  const used = (await passwordTries(db, key))?.failures ?? max;
  throw accessPasswordRefusal("wrong", Math.max(0, max - used));
}

/**
 * Starts an attempt for a student, or returns the one in progress (resuming needs no
 * password). Items are drawn and seeds chosen here, on the server. A whole class starts an
 * exam at once, so this is a few prepared statements and one atomic write of the attempt
 * with its items.
 */
export async function startAttempt(
  db: Db,
  userId: string,
  quizId: string,
  now = new Date(),
  entry: StartEntry = {},
): Promise<{ attemptId: string; resumed: boolean }> {
  const quiz = await quizForStart(db, quizId, userId);
  if (!quiz || quiz.role !== "STUDENT") throw new AppError("NOT_FOUND", msg("attempt.errors.quizNotFound"));
  const attempts = await attemptsOf(db, quizId, userId);
  for (const a of attempts) {
    if (a.status !== "IN_PROGRESS") continue;
    if (!(await expireIfDue(db, userId, a, now))) return { attemptId: a.id, resumed: true }; // expired: time ran out while away
  }
  const accommodation = accommodationOf(quiz);
  const refusal = refusalToStart(quiz, quiz.enrolledSection, attempts.length, now, accommodation);
  if (refusal) throw refusal;
  if (quiz.accessPasswordHash !== null) await checkAccessPassword(db, quizId, quiz.accessPasswordHash, userId, entry, now);
  const items = await itemsOf(db, quizId);
  if (items.length === 0) throw new AppError("CONFLICT", msg("attempt.errors.noQuestions"));

  let picks: Omit<NewResponse, "position" | "seed">[] = [];
  for (const item of items) {
    const questions = item.questionId
      ? [item.questionId]
      : draw(latestVersions(await bankQuestions(db, item.bankId!), item.tag), item.drawCount, randomInt);
    for (const questionId of questions) picks.push({ questionId, quizItemId: item.id, maxScore: item.points });
  }
  if (quiz.shuffle) picks = shuffled(picks, randomInt);
  const attemptId = randomUUID();
  try {
    await insertAttempt(
      db,
      attemptId,
      { quizId, userId, number: attempts.length + 1, startedAt: now, deadlineAt: deadlineOf(quiz, now, accommodation) },
      picks.map((p, i) => ({ ...p, position: i + 1, seed: String(newSeed()) })),
      { actorId: userId, courseId: quiz.courseId, action: "attempt.start", target: attemptId, at: now },
    );
    return { attemptId, resumed: false };
  } catch (error) {
    // Two tabs starting at once: the unique (quiz, user, number) lets one win; resume it.
    const raced = await attemptInProgress(db, quizId, userId);
    if (raced) return { attemptId: raced, resumed: true };
    throw error;
  }
}
