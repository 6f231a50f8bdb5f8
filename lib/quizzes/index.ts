// Quiz reads, for the app: bound to the app's database (see lib/db/bind.ts). Server only.
import "server-only";
import { bound } from "../db/bind";
import { db } from "../db/client";
import { quizzesForStudent } from "./for-student";
import { banksWithCounts, quizzesWithCounts } from "./queries";

export const quizService = bound(db, { forStudent: quizzesForStudent, withCounts: quizzesWithCounts, banksWithCounts });
export type { StudentQuiz, StudentAttemptSummary } from "./for-student";
