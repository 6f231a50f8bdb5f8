// The outbox's start in a server process, for instrumentation.ts: the listener that queues
// changed scores (sent after the response by `schedule`) and the periodic sweep, both on the
// app's database. Not "server-only": the instrumentation hook is not built for React's server.
import { db } from "../db/client";
import { installScoreOutbox, startScoreSweep, type Schedule } from "./score-outbox-sweep";

export function startScoreOutbox(schedule: Schedule): void {
  installScoreOutbox(schedule);
  startScoreSweep(db);
}
