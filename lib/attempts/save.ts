// Saving a draft answer: the hottest path in the app (every student, every few seconds).
import "server-only";
import type { Db } from "../db/client";
import { parseDraft } from "../questions";
import { templateOf } from "../questions/template-cache";
import { AppError } from "../server/errors";
import { saveTarget, writeDraft } from "./queries";
import { expireIfDue, ownAttempt } from "./submit";

/**
 * Saves a draft answer. 404: not yours; 409: submitted or past the deadline; 422: malformed
 * (the last good save stays). Two prepared statements: one read that joins what a save
 * checks, and one guarded UPDATE.
 */
export async function saveResponse(
  db: Db,
  userId: string,
  attemptId: string,
  position: number,
  draft: unknown,
  now = new Date(),
): Promise<{ savedAt: Date }> {
  const target = await saveTarget(db, attemptId, position);
  if (!target) {
    await ownAttempt(db, userId, attemptId); // 404 for an attempt that is not yours, whatever the position
    throw new AppError("NOT_FOUND", `This attempt has no question ${position}.`);
  }
  if (target.userId !== userId) throw new AppError("NOT_FOUND", "That attempt does not exist.");
  if (target.status !== "IN_PROGRESS") throw new AppError("CONFLICT", "This attempt has been submitted; answers can no longer change.");
  if (await expireIfDue(db, userId, { ...target, id: attemptId }, now)) {
    throw new AppError("CONFLICT", "Time is up: the attempt was submitted with your last saved answers.");
  }
  const parsed = parseDraft(templateOf({ id: target.questionId, template: target.template }).ask, draft);
  if (!parsed.ok) throw new AppError("UNPROCESSABLE", `The answer was not saved: ${parsed.errors.join("; ")}`);
  if ((await writeDraft(db, target.id, attemptId, JSON.stringify(parsed.draft), now)) === 0) {
    throw new AppError("CONFLICT", "This attempt has been submitted; answers can no longer change.");
  }
  return { savedAt: now };
}
