// The LMS score outbox for the app's pages and actions, bound to the app's database. Server
// only; tests import score-outbox-staff.ts and score-outbox.ts with a database of their own.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { sendDueScores } from "./score-outbox";
import { courseScores, resendFailedScores, resendScore, studentQuizScores } from "./score-outbox-staff";

export const ltiScores = bound(db, {
  course: courseScores,
  cell: studentQuizScores,
  resend: resendScore,
  resendFailed: resendFailedScores,
  sendDue: sendDueScores,
});
export type { CourseScores, ScoreStatusRow } from "./score-outbox-staff";
