// What runs the outbox in a server process: the listener that queues a changed score on the
// request that changed it and has it sent right after the response, and a sweep every 30
// seconds that sends whatever is due (retries, rows another request queued, leases of a sender
// that died). instrumentation.ts starts both once per process; on several instances each runs
// its own sweep, and the claim (a conditional UPDATE) keeps a row to one sender.
import { setScoreChangeListener } from "../attempts/score-changes";
import type { Db } from "../db/client";
import { queueScores, sendDueScores } from "./score-outbox";

export const SWEEP_INTERVAL_MS = 30_000;

/** Runs a task after the response is sent (next/server after()); throws outside a request. */
export type Schedule = (task: () => Promise<unknown>) => void;

const process_ = globalThis as unknown as { synackScoreSweep?: ReturnType<typeof setInterval> };

/** Queues changed scores and sends them after the response; the sweep picks up what `schedule` cannot. */
export function installScoreOutbox(schedule: Schedule): void {
  setScoreChangeListener(async (db, change, now) => {
    if ((await queueScores(db, change, now)) === 0) return;
    const send = () => sendDueScores(db).catch((error: unknown) => console.error("sending scores failed", error));
    try {
      schedule(send);
    } catch {
      // Not on a request (a job already off the request path): on the next turn instead.
      setTimeout(send, 0);
    }
  });
}

/** Starts the process's sweep once; it never keeps the process alive on its own. */
export function startScoreSweep(db: Db, intervalMs = SWEEP_INTERVAL_MS): void {
  if (process_.synackScoreSweep) return;
  let running = false;
  process_.synackScoreSweep = setInterval(() => {
    if (running) return;
    running = true;
    sendDueScores(db)
      .catch((error: unknown) => console.error("the score sweep failed", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  process_.synackScoreSweep.unref();
}
