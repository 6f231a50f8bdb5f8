// The gradebook's rules, with no database and no clock of their own (the time is an argument):
// one cell per student and quiz — its status, the score that counts by the quiz's rule, the time
// used, late and timed-out marks — and the student's course total, a weighted mean of quiz
// fractions. The staff matrix and the student's own grades page are both built from these, so
// they cannot disagree. tests/unit/gradebook/gradebook.test.ts checks them.
import { z } from "zod";
import { closesAtFor, countedScore, type CountedScore } from "../attempts/rules";
import type { QuizAccommodation, QuizExcusal, User } from "../db/generated/sqlite/client";
import { CELL_STATUSES } from "./client";
export { CELL_STATUSES, cellHref, filterRows } from "./client";
import { quizIsForSection, quizSections, SCORE_RULES, type AttemptModel, type QuizModel } from "../db/quiz-values";

export type GradebookQuiz = Pick<QuizModel, "id" | "title" | "scoreRule" | "closesAt" | "weight" | "sections"> & {
  /** The quiz's points: the sum over its items of points × questions drawn. */
  maxScore: number;
};
export type GradebookStudent = Pick<User, "id" | "name" | "email"> & { section: string | null };
export type GradebookAttempt = Pick<
  AttemptModel,
  | "id"
  | "quizId"
  | "userId"
  | "number"
  | "status"
  | "score"
  | "maxScore"
  | "overrideScore"
  | "startedAt"
  | "submittedAt"
  | "timedOut"
  | "regradedAt"
>;
export type GradebookExcusal = Pick<QuizExcusal, "quizId" | "userId">;
export type GradebookAccommodation = Pick<QuizAccommodation, "quizId" | "userId" | "closesAt">;

/**
 * What a cell says: the quiz is not for the student's section, not started, in progress (no
 * attempt submitted yet), submitted (at least one attempt in), or the student is excused.
 */
export type CellStatus = (typeof CELL_STATUSES)[number];

/** How a cell enters the course total: at its fraction, as 0 (closed with nothing graded), or not at all. */
export type TotalPart = "COUNTED" | "ZERO" | "LEFT_OUT";

export type Cell = {
  quizId: string;
  status: CellStatus;
  /** The score that counts by the quiz's rule, and its maximum; null: nothing graded. */
  score: number | null;
  maxScore: number | null;
  /** score / maxScore, 0–1; null: nothing graded. */
  fraction: number | null;
  /** The numbers of the attempts the score comes from. */
  counted: number[];
  /** How many attempts the student has started. */
  attempts: number;
  /** An attempt is open now (also beside a submitted one). */
  inProgress: boolean;
  /** Seconds from start to submit of the counted attempts, summed; null: nothing graded. */
  timeUsedSec: number | null;
  /** A counted attempt came in after the quiz's own close (an accommodation's later close allowed it). */
  late: boolean;
  /** A counted attempt was submitted by the clock: its time ran out. */
  timedOut: boolean;
  /** A counted attempt's score was set by staff. */
  overridden: boolean;
  /** A regrade changed a counted attempt's score. */
  regraded: boolean;
  total: TotalPart;
};

export type GradebookRow = GradebookStudent & {
  cells: Cell[];
  /** The course total, 0–1: the weighted mean of the counted cells' fractions; null when nothing counts yet. */
  total: number | null;
};

export type GradebookInput = {
  quizzes: readonly GradebookQuiz[];
  students: readonly GradebookStudent[];
  attempts: readonly GradebookAttempt[];
  excusals: readonly GradebookExcusal[];
  accommodations: readonly GradebookAccommodation[];
};

export type Gradebook = {
  quizzes: GradebookQuiz[];
  rows: GradebookRow[];
  /** Every section a student is in, sorted; for the section filter. */
  sections: string[];
};

const pairKey = (quizId: string, userId: string) => `${quizId}\u0000${userId}`;

/**
 * What a cell says, the same in the gradebook and on the cell's own page: excused wins; then
 * submitted once any attempt is in (an attempt open beside it is marked, not the status); in
 * progress; not started, or not for the student's section when they have no attempt at it.
 */
export function statusOf(attempts: readonly { status: string }[], excused: boolean, assigned: boolean): CellStatus {
  if (excused) return "EXCUSED";
  if (attempts.some((a) => a.status === "SUBMITTED")) return "SUBMITTED";
  if (attempts.some((a) => a.status === "IN_PROGRESS")) return "IN_PROGRESS";
  return attempts.length === 0 && !assigned ? "NOT_ASSIGNED" : "NOT_STARTED";
}

/**
 * The cell of `student` at `quiz`: their attempts at it, whether they are excused, their own
 * close; `assigned` (the quiz is for their section) may be given when already known.
 */
export function cellOf(
  quiz: GradebookQuiz,
  student: Pick<GradebookStudent, "section">,
  attempts: readonly GradebookAttempt[],
  excused: boolean,
  accommodatedClose: Date | null,
  now: Date,
  assigned: boolean = quizIsForSection(quiz.sections, student.section),
): Cell {
  const status = statusOf(attempts, excused, assigned);
  const result: CountedScore | null = countedScore(quiz.scoreRule, attempts);
  const counted = result ? attempts.filter((a) => result.numbers.includes(a.number)) : [];
  const timeUsedSec = result
    ? counted.reduce((sum, a) => sum + (a.submittedAt ? Math.max(0, (a.submittedAt.getTime() - a.startedAt.getTime()) / 1000) : 0), 0)
    : null;
  const fraction = result ? (result.maxScore > 0 ? result.score / result.maxScore : 0) : null;
  const closesAt = closesAtFor(
    quiz.closesAt,
    accommodatedClose ? { timeFactor: null, extraMinutes: null, closesAt: accommodatedClose } : null,
  );
  const total: TotalPart =
    status === "EXCUSED" || status === "NOT_ASSIGNED" || quiz.weight <= 0
      ? "LEFT_OUT"
      : result && result.maxScore > 0
        ? "COUNTED"
        : closesAt && now >= closesAt
          ? "ZERO"
          : "LEFT_OUT";
  return {
    quizId: quiz.id,
    status,
    score: result?.score ?? null,
    maxScore: result?.maxScore ?? null,
    fraction,
    counted: result?.numbers ?? [],
    attempts: attempts.length,
    inProgress: attempts.some((a) => a.status === "IN_PROGRESS"),
    timeUsedSec,
    late: counted.some((a) => quiz.closesAt !== null && a.submittedAt !== null && a.submittedAt > quiz.closesAt),
    timedOut: counted.some((a) => a.timedOut),
    overridden: counted.some((a) => a.overrideScore !== null),
    regraded: counted.some((a) => a.regradedAt !== null),
    total,
  };
}

/**
 * The course total of a row of cells: Σ weight × fraction over Σ weight, over the cells that
 * count (a closed quiz with nothing graded at 0); null when none does.
 */
export function courseTotal(quizzes: readonly Pick<GradebookQuiz, "id" | "weight">[], cells: readonly Cell[]): number | null {
  const weights = new Map(quizzes.map((q) => [q.id, q.weight]));
  let sum = 0;
  let weight = 0;
  for (const cell of cells) {
    if (cell.total === "LEFT_OUT") continue;
    const w = weights.get(cell.quizId) ?? 0;
    sum += w * (cell.total === "COUNTED" ? (cell.fraction ?? 0) : 0);
    weight += w;
  }
  return weight > 0 ? sum / weight : null;
}

/** Every student's row: one cell per quiz (in the quizzes' order) and the course total. */
export function buildGradebook(input: GradebookInput, now: Date): Gradebook {
  const attemptsBy = new Map<string, GradebookAttempt[]>();
  for (const a of input.attempts) {
    const key = pairKey(a.quizId, a.userId);
    const list = attemptsBy.get(key);
    if (list) list.push(a);
    else attemptsBy.set(key, [a]);
  }
  const excused = new Set(input.excusals.map((e) => pairKey(e.quizId, e.userId)));
  const closes = new Map(input.accommodations.filter((a) => a.closesAt).map((a) => [pairKey(a.quizId, a.userId), a.closesAt!]));
  // Which sections each quiz is for, read once per quiz rather than once per cell.
  const forSection = input.quizzes.map((quiz) => {
    const sections = quizSections(quiz.sections);
    return (section: string | null) => sections.length === 0 || (section !== null && sections.includes(section));
  });
  const rows = input.students.map((student) => {
    const cells = input.quizzes.map((quiz, i) => {
      const key = pairKey(quiz.id, student.id);
      return cellOf(
        quiz,
        student,
        attemptsBy.get(key) ?? [],
        excused.has(key),
        closes.get(key) ?? null,
        now,
        forSection[i](student.section),
      );
    });
    return { ...student, cells, total: courseTotal(input.quizzes, cells) };
  });
  const sections = [...new Set(input.students.map((s) => s.section).filter((s): s is string => !!s))].sort();
  return { quizzes: [...input.quizzes], rows, sections };
}

// ---------------------------------------------------------------- the API's shapes

const Iso = z.string().meta({ description: "ISO 8601 instant" });

export const GradebookQuizSchema = z.object({
  id: z.string(),
  title: z.string(),
  scoreRule: z.enum(SCORE_RULES),
  closesAt: Iso.nullable(),
  weight: z.number().meta({ description: "The quiz's weight in the course total; 0: not counted" }),
  maxScore: z.number(),
});

export const CellSchema = z.object({
  quizId: z.string(),
  status: z.enum(CELL_STATUSES),
  score: z.number().nullable().meta({ description: "The score that counts by the quiz's rule (overrides applied); null: nothing graded" }),
  maxScore: z.number().nullable(),
  fraction: z.number().nullable(),
  counted: z.array(z.number().int()).meta({ description: "The attempt numbers the score comes from" }),
  attempts: z.number().int(),
  inProgress: z.boolean(),
  timeUsedSec: z.number().nullable(),
  late: z.boolean(),
  timedOut: z.boolean(),
  overridden: z.boolean(),
  regraded: z.boolean(),
  total: z.enum(["COUNTED", "ZERO", "LEFT_OUT"]).meta({ description: "How the cell enters the course total" }),
});

export const GradebookRowSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  section: z.string().nullable(),
  total: z.number().nullable().meta({ description: "The course total, 0–1; null while nothing counts" }),
  cells: z.array(CellSchema),
});

export const GradebookSchema = z.object({
  quizzes: z.array(GradebookQuizSchema),
  sections: z.array(z.string()),
  rows: z.array(GradebookRowSchema),
});
export type GradebookView = z.infer<typeof GradebookSchema>;

/** A weight: a number from 0 (the quiz counts for nothing) to 100. */
export const WeightSchema = z.number().min(0).max(100);

export const WeightsBodySchema = z.strictObject({
  weights: z
    .array(z.strictObject({ quizId: z.string().min(1).max(64), weight: WeightSchema }))
    .min(1)
    .max(200)
    .refine((list) => new Set(list.map((w) => w.quizId)).size === list.length, { message: "Each quiz at most once" }),
});
export type WeightsBody = z.infer<typeof WeightsBodySchema>;

export const WeightsSchema = z.object({ weights: z.array(z.object({ quizId: z.string(), title: z.string(), weight: z.number() })) });

/** The gradebook as JSON: instants as ISO strings. */
export function gradebookView(book: Gradebook): GradebookView {
  return {
    quizzes: book.quizzes.map((q) => ({
      id: q.id,
      title: q.title,
      scoreRule: q.scoreRule,
      closesAt: q.closesAt ? q.closesAt.toISOString() : null,
      weight: q.weight,
      maxScore: q.maxScore,
    })),
    sections: book.sections,
    rows: book.rows.map((r) => ({ userId: r.id, name: r.name, email: r.email, section: r.section, total: r.total, cells: r.cells })),
  };
}
