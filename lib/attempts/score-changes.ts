// The one place that hears "a student's counted score at a quiz may have changed": a submit, a
// regrade applied, an override or excusal given or taken back. The layers that make those
// changes (attempts, regrade, gradebook) are below the one that cares (lib/lti's score outbox,
// which posts the score to the LMS), so the listener is installed from above, once per server
// process (instrumentation.ts), and kept on globalThis because Next.js may load this module in
// more than one bundle. Telling it must never fail or slow the change: the listener is quick
// (one query when the quiz has no LMS link) and whatever it throws is logged, not passed on.
import type { Db } from "../db/client";

export type ScoreChange = { quizId: string; userIds: readonly string[] };
export type ScoreChangeListener = (db: Db, change: ScoreChange, now: Date) => Promise<void>;

const slot = globalThis as unknown as { synackScoreChangeListener?: ScoreChangeListener | null };

/** Installs (or, with null, removes) the listener; there is one per process. */
export function setScoreChangeListener(listener: ScoreChangeListener | null): void {
  slot.synackScoreChangeListener = listener;
}

/** Tells the listener, if any, that these students' counted scores at the quiz may have changed. */
export async function scoreChanged(db: Db, change: ScoreChange, now: Date = new Date()): Promise<void> {
  const listener = slot.synackScoreChangeListener;
  if (!listener || change.userIds.length === 0) return;
  try {
    await listener(db, change, now);
  } catch (error) {
    console.error("the score-change listener failed", error);
  }
}
