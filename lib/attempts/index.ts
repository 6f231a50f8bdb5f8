// Quiz attempts, for the app: the services bound to the app's database. Server only (they
// read and write the database); tests import the modules (start.ts, save.ts, submit.ts,
// view.ts) and pass a database of their own. Scripts run under tsx cannot import this file
// ("server-only" throws outside Next's server build), nor do they need to.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { saveResponse } from "./save";
import { startAttempt } from "./start";
import { submitAttempt } from "./submit";
import { attemptView, quizSubmissions, staffAttemptView } from "./view";

export const attempts = bound(db, {
  start: startAttempt,
  save: saveResponse,
  submit: submitAttempt,
  view: attemptView,
  staffView: staffAttemptView,
  submissions: quizSubmissions,
});
export type { AttemptItemView, AttemptView, GradeChange, StaffAttemptView } from "./view";
export type { SubmissionRow } from "./queries";
export type { SubmitResult } from "./submit";
