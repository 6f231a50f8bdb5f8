// The misconceptions report of a course (staff), and a student's own top misconceptions
// (their home page). The grouping is pure (misconceptions.ts); here the rows are read, their
// stored feedback parsed, and, for a student, only feedback already released to them kept.
import "server-only";
import type { Db } from "../db/client";
import type { FeedbackRelease } from "../db/quiz-values";
import { releaseOf } from "../attempts/release";
import { templateOf } from "../questions";
import {
  featureLabel,
  groupMisconceptions,
  ownMisconceptions,
  readFeedback,
  type GradedRow,
  type Misconception,
  type MisconceptionReport,
} from "./misconceptions";
import { courseQuizzes, courseResponses, ownPracticeMistakes, ownResponses, type QuizChoiceRow } from "./misconception-queries";
import type { Msg } from "../i18n/msg";

/** The "quiz" of a practice answer in a student's own report (which lists no quizzes). */
const PRACTICE = "practice";

function parseAnswer(json: string | null): unknown {
  if (json === null) return null;
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return null;
  }
}

function familyOf(question: { id: string; template: string }): string {
  try {
    return templateOf(question).family;
  } catch {
    return "";
  }
}

export interface ClassMisconceptions {
  quizzes: QuizChoiceRow[];
  quizId: string | null;
  feature: string | null;
  /** Every feature seen on the chosen quizzes' variants, for the filter. */
  featureOptions: { feature: string; label: Msg }[];
  report: MisconceptionReport;
}

/** The course's misconceptions on one quiz (or all), on the variants with `feature` (or all). */
export async function classMisconceptions(
  db: Db,
  courseId: string,
  filter: { quizId?: string | null; feature?: string | null } = {},
): Promise<ClassMisconceptions> {
  const [quizzes, responses] = await Promise.all([courseQuizzes(db, courseId), courseResponses(db, courseId, filter.quizId ?? "")]);
  const rows: GradedRow[] = responses.map((r) => ({
    responseId: r.id,
    userId: r.userId,
    userName: r.userName,
    quizId: r.quizId,
    family: familyOf({ id: r.questionId, template: r.template }),
    feedback: readFeedback(r.feedback),
    answer: parseAnswer(r.answer),
  }));
  const all = groupMisconceptions(rows);
  const report = filter.feature ? groupMisconceptions(rows, { feature: filter.feature }) : all;
  const featureOptions = all.features
    .map((f) => ({ feature: f.feature, label: featureLabel(f.feature) }))
    .sort((a, b) => (a.feature < b.feature ? -1 : a.feature > b.feature ? 1 : 0));
  return { quizzes, quizId: filter.quizId ?? null, feature: filter.feature ?? null, featureOptions, report };
}

/**
 * A student's own commonest misconceptions, from their graded quiz answers whose feedback is
 * released to them and from their practice answers (whose feedback they saw at once).
 */
export async function studentMisconceptions(db: Db, userId: string, now: Date, limit = 3): Promise<Misconception[]> {
  const [responses, practice] = await Promise.all([ownResponses(db, userId), ownPracticeMistakes(db, userId)]);
  const rows: GradedRow[] = practice.map((p) => ({
    responseId: p.id,
    userId,
    userName: "",
    quizId: PRACTICE,
    family: p.family,
    feedback: readFeedback(p.mistake),
    answer: null,
  }));
  for (const r of responses) {
    const quiz = { feedbackRelease: r.feedbackRelease as FeedbackRelease, closesAt: r.closesAt, releaseAt: r.releaseAt };
    if (!releaseOf(quiz, r.status === "SUBMITTED" ? "SUBMITTED" : "IN_PROGRESS", now).released) continue;
    rows.push({
      responseId: r.id,
      userId,
      userName: "",
      quizId: r.quizId,
      family: familyOf({ id: r.questionId, template: r.template }),
      feedback: readFeedback(r.feedback),
      answer: parseAnswer(r.answer),
    });
  }
  return ownMisconceptions(rows, limit);
}
