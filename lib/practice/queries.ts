// The statements of practice, as named functions. Row types come from the generated Prisma models.
import { randomUUID } from "node:crypto";
import { sqlOf, type Db } from "../db/client";
import type { PracticeResult } from "../db/generated/sqlite/client";

export type PracticeResultInput = Pick<
  PracticeResult,
  "userId" | "family" | "templateId" | "score" | "maxScore" | "graderVersion" | "revealed" | "mistake"
> & {
  tokenId: NonNullable<PracticeResult["tokenId"]>;
};
export type PracticeScoreRow = Pick<PracticeResult, "family" | "score" | "maxScore" | "revealed">;

/** Records a result unless one was recorded for the same token: true when this one was. */
export async function recordPracticeResultOnce(db: Db, r: PracticeResultInput, at = new Date()): Promise<boolean> {
  const changed = await sqlOf(db).run(
    `INSERT INTO "PracticeResult" ("id", "userId", "family", "templateId", "score", "maxScore", "graderVersion", "at", "tokenId", "revealed", "mistake")
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT ("tokenId") DO NOTHING`,
    [randomUUID(), r.userId, r.family, r.templateId, r.score, r.maxScore, r.graderVersion, at, r.tokenId, r.revealed, r.mistake],
  );
  return changed === 1;
}

/** The user's practice scores, oldest first. */
export function practiceScoresOf(db: Db, userId: string): Promise<PracticeScoreRow[]> {
  return db.practiceResult.findMany({
    where: { userId },
    orderBy: { at: "asc" },
    select: { family: true, score: true, maxScore: true, revealed: true },
  });
}
