// Practice progress per topic, for the student's home.
import type { Db } from "../db/client";
import { practiceScoresOf } from "./queries";

export interface TopicMastery {
  family: string;
  attempts: number;
  /** Variants whose answer the student asked to see instead of answering: not attempts. */
  revealed: number;
  /** Best and most recent score, 0..1. */
  best: number;
  last: number;
}

/** A topic needs work until the student has scored this well on it. */
export const MASTERED = 0.8;

export async function masteryOf(db: Db, userId: string): Promise<TopicMastery[]> {
  const rows = await practiceScoresOf(db, userId);
  const byFamily = new Map<string, TopicMastery>();
  for (const r of rows) {
    const m = byFamily.get(r.family) ?? { family: r.family, attempts: 0, revealed: 0, best: 0, last: 0 };
    byFamily.set(r.family, m);
    if (r.revealed) {
      m.revealed++;
      continue;
    }
    const ratio = r.maxScore > 0 ? r.score / r.maxScore : 0;
    m.attempts++;
    m.best = Math.max(m.best, ratio);
    m.last = ratio;
    byFamily.set(r.family, m);
  }
  return [...byFamily.values()];
}
