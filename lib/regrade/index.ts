// Regrade, for the app: the services bound to the app's database. Server only; tests import
// the modules (service.ts, jobs.ts) and pass a database of their own.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { applyRegrade, getRegrade, recentRegrades, regradeChoices, startRegrade } from "./service";

export const regrade = bound(db, {
  start: startRegrade,
  get: getRegrade,
  apply: applyRegrade,
  recent: recentRegrades,
  choices: regradeChoices,
});
export type { RecentRegrade, RegradeActor, Schedule } from "./service";
