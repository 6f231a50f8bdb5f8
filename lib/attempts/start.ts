// Starting an attempt (or resuming the one in progress).
import "server-only";
import { randomInt, randomUUID } from "node:crypto";
import type { Db } from "../db/client";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { attemptInProgress, attemptsOf, bankQuestions, insertAttempt, itemsOf, quizForStart, type NewResponse } from "./queries";
import { deadlineOf, draw, latestVersions, refusalToStart } from "./rules";
import { expireIfDue } from "./submit";

/** A fresh seed from a cryptographic source (stored with the response, never sent to the browser). */
export function newSeed(): number {
  return randomInt(0, 2 ** 32 - 1);
}

/**
 * Starts an attempt for a student, or returns the one in progress. Items are drawn and
 * seeds chosen here, on the server. A whole class starts an exam at once, so this is a few
 * prepared statements and one atomic write of the attempt with its items.
 */
export async function startAttempt(
  db: Db,
  userId: string,
  quizId: string,
  now = new Date(),
): Promise<{ attemptId: string; resumed: boolean }> {
  const quiz = await quizForStart(db, quizId, userId);
  if (!quiz || quiz.role !== "STUDENT") throw new AppError("NOT_FOUND", msg("attempt.errors.quizNotFound"));
  const attempts = await attemptsOf(db, quizId, userId);
  for (const a of attempts) {
    if (a.status !== "IN_PROGRESS") continue;
    if (!(await expireIfDue(db, userId, a, now))) return { attemptId: a.id, resumed: true }; // expired: time ran out while away
  }
  const refusal = refusalToStart(quiz, quiz.enrolledSection, attempts.length, now);
  if (refusal) throw refusal;
  const items = await itemsOf(db, quizId);
  if (items.length === 0) throw new AppError("CONFLICT", msg("attempt.errors.noQuestions"));

  const picks: Omit<NewResponse, "position" | "seed">[] = [];
  for (const item of items) {
    const questions = item.questionId
      ? [item.questionId]
      : draw(latestVersions(await bankQuestions(db, item.bankId!), item.tag), item.drawCount, randomInt);
    for (const questionId of questions) picks.push({ questionId, quizItemId: item.id, maxScore: item.points });
  }
  const attemptId = randomUUID();
  try {
    await insertAttempt(
      db,
      attemptId,
      { quizId, userId, number: attempts.length + 1, startedAt: now, deadlineAt: deadlineOf(quiz, now) },
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
