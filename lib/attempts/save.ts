// Saving a draft answer: the hottest path in the app (every student, every few seconds).
import "server-only";
import type { Db } from "../db/client";
import { parseDraft } from "../questions";
import { templateOf } from "../questions/template-cache";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import { saveTarget, writeDraft } from "./queries";
import { expireIfDue, ownAttempt } from "./submit";

/**
 * The refusal of a save older than one already stored (its number `seq` is not higher): the
 * caller learns the stored number, to tell its own newer save from another device's.
 */
function staleSave(stored: number): AppError {
  return new AppError("CONFLICT", msg("attempt.errors.staleSave"), { stale: true, seq: stored });
}

/**
 * Saves a draft answer. 404: not yours; 409: submitted or past the deadline, or `seq` (the
 * client's save number for this answer, counting up) not higher than one stored; 422:
 * malformed (the last good save stays). Two prepared statements: one read that joins what a
 * save checks, and one guarded UPDATE.
 */
export async function saveResponse(
  db: Db,
  userId: string,
  attemptId: string,
  position: number,
  draft: unknown,
  now = new Date(),
  seq: number | null = null,
): Promise<{ savedAt: Date }> {
  const target = await saveTarget(db, attemptId, position);
  if (!target) {
    await ownAttempt(db, userId, attemptId); // 404 for an attempt that is not yours, whatever the position
    throw new AppError("NOT_FOUND", msg("attempt.errors.noSuchQuestion", { position }));
  }
  if (target.userId !== userId) throw new AppError("NOT_FOUND", msg("attempt.errors.attemptNotFound"));
  if (target.status !== "IN_PROGRESS") throw new AppError("CONFLICT", msg("attempt.errors.submitted"));
  if (await expireIfDue(db, userId, { ...target, id: attemptId }, now)) {
    throw new AppError("CONFLICT", msg("attempt.errors.timeUp"));
  }
  const parsed = parseDraft(templateOf({ id: target.questionId, template: target.template }).ask, draft);
  if (!parsed.ok) throw new AppError("UNPROCESSABLE", msg("attempt.errors.notSaved", { problems: parsed.errors }));
  if (seq !== null && target.saveSeq !== null && seq <= target.saveSeq) throw staleSave(target.saveSeq);
  if ((await writeDraft(db, target.id, attemptId, JSON.stringify(parsed.draft), now, seq)) === 0) {
    // A submit, or a newer save through another instance, came between the read and the write.
    const after = await saveTarget(db, attemptId, position);
    if (seq !== null && after?.status === "IN_PROGRESS" && after.saveSeq !== null && seq <= after.saveSeq) throw staleSave(after.saveSeq);
    throw new AppError("CONFLICT", msg("attempt.errors.submitted"));
  }
  return { savedAt: now };
}
