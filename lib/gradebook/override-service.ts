// Grade changes and the gradebook cell, bound to the app's database (lib/db/bind.ts): what the
// cell page, the staff attempt page and the /api/v1 override routes call. Server only; tests
// import grade-changes.ts and pass a database of their own.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import {
  attemptDetails,
  clearAttemptOverride,
  clearResponseOverride,
  excuseStudent,
  gradeCell,
  overrideAttempt,
  overrideResponse,
  unexcuseStudent,
} from "./grade-changes";

export const gradeChanges = bound(db, {
  cell: gradeCell,
  attemptDetails,
  overrideResponse,
  clearResponseOverride,
  overrideAttempt,
  clearAttemptOverride,
  excuse: excuseStudent,
  unexcuse: unexcuseStudent,
});
export type { GradeCell, ResponseDetail } from "./grade-changes";
export type { HistoryEntry } from "./history";
