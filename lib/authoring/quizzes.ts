// Building a quiz: the services behind the quiz API and the builder's pages. Each takes the
// database first (bound for the app in quiz-service.ts), checks the rules in quiz-rules.ts,
// writes through quiz-queries.ts with an audit entry, and answers the quiz as the API shows
// it. Everything is scoped by the course: another course's quiz, bank or question is a 404.
// The access password arrives already hashed (the API layer hashes it with
// lib/auth/password-hashing.ts): the plain password never reaches this module or the log.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { FeedbackReleaseSchema, QuizModeSchema, quizSections, ScoreRuleSchema } from "../db/quiz-values";
import { msg } from "../i18n/msg";
import { present } from "../questions";
import { templateOf } from "../questions/template-cache";
import { AppError } from "../server/errors";
import {
  amendItems,
  attemptCount,
  banksForPicking,
  banksOfCourse,
  deleteAccommodation,
  deleteQuizRow,
  insertQuiz,
  isStudentOf,
  latestVersionsOf,
  questionRowsOfBanks,
  questionsOfCourse,
  questionTemplates,
  quizOfCourse,
  quizzesOfCourse,
  replaceItems,
  sectionsOfCourse,
  studentsOfCourse,
  updateQuizRow,
  upsertAccommodation,
  type NewItemRow,
  type QuizOfCourse,
} from "./quiz-queries";
import {
  drawCandidates,
  itemsChangeRefusal,
  previewPicks,
  publishRefusal,
  settingsRefusal,
  type AccommodationBody,
  type ItemInput,
  type NewQuiz,
  type PreviewSource,
  type QuizSettingsPatch,
} from "./quiz-rules";

const Iso = z.string().meta({ description: "ISO 8601 instant" });

export const QuizSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  mode: QuizModeSchema,
  published: z.boolean(),
  opensAt: Iso.nullable(),
  closesAt: Iso.nullable(),
  items: z.int(),
  attempts: z.int(),
});
export type QuizSummary = z.infer<typeof QuizSummarySchema>;

export const QuizItemViewSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("fixed"),
    id: z.string(),
    position: z.int(),
    points: z.number(),
    questionId: z.string(),
    bankId: z.string(),
    bankTitle: z.string(),
    key: z.string(),
    title: z.string(),
    version: z.int(),
    latestVersion: z
      .int()
      .meta({ description: "The newest version of the question's key (a newer one can be pinned while no attempt exists)" }),
    latestQuestionId: z.string(),
    archived: z.boolean(),
  }),
  z.object({
    kind: z.literal("draw"),
    id: z.string(),
    position: z.int(),
    points: z.number(),
    bankId: z.string(),
    bankTitle: z.string(),
    tag: z.string().nullable(),
    count: z.int(),
    available: z.int().meta({ description: "How many questions the draw can choose from now" }),
  }),
]);
export type QuizItemView = z.infer<typeof QuizItemViewSchema>;

export const AccommodationViewSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  timeFactor: z.number().nullable(),
  extraMinutes: z.int().nullable(),
  closesAt: Iso.nullable(),
});
export type AccommodationView = z.infer<typeof AccommodationViewSchema>;

export const QuizDetailSchema = QuizSummarySchema.extend({
  timeLimitMinutes: z.int().nullable(),
  attemptsAllowed: z.int().nullable(),
  scoreRule: ScoreRuleSchema,
  feedbackRelease: FeedbackReleaseSchema,
  releaseAt: Iso.nullable(),
  shuffle: z.boolean(),
  sections: z.array(z.string()),
  hasPassword: z.boolean(),
  itemList: z.array(QuizItemViewSchema),
  accommodations: z.array(AccommodationViewSchema),
});
export type QuizDetail = z.infer<typeof QuizDetailSchema>;

export const QuizPreviewSchema = z.object({
  seed: z.int(),
  shuffle: z.boolean(),
  questions: z.array(
    z.object({
      position: z.int(),
      itemPosition: z.int(),
      points: z.number(),
      presentation: z.record(z.string(), z.unknown()).meta({ description: "What the student is shown (lib/questions/present.ts)" }),
    }),
  ),
});
export type QuizPreview = z.infer<typeof QuizPreviewSchema>;

/** Who acts, for the audit log. */
export type Actor = { userId: string; courseId: string };

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const dateOf = (s: string | null | undefined) => (s === undefined ? undefined : s === null ? null : new Date(s));
const notFound = () => new AppError("NOT_FOUND", msg("quizBuilder.errors.quizNotFound"));

async function loadQuiz(db: Db, courseId: string, quizId: string): Promise<QuizOfCourse> {
  const quiz = await quizOfCourse(db, courseId, quizId);
  if (!quiz) throw notFound();
  return quiz;
}

/** How many questions each draw item of `items` can choose from now. */
async function availability(db: Db, items: readonly { bankId: string | null; tag: string | null; questionId: string | null }[]) {
  const bankIds = [...new Set(items.filter((i) => !i.questionId && i.bankId).map((i) => i.bankId!))];
  const rows = await questionRowsOfBanks(db, bankIds);
  return (bankId: string, tag: string | null) =>
    drawCandidates(
      rows.filter((r) => r.bankId === bankId),
      tag,
    );
}

async function detailOf(db: Db, quiz: QuizOfCourse): Promise<QuizDetail> {
  const candidates = await availability(db, quiz.items);
  const latest = await latestVersionsOf(
    db,
    quiz.items.filter((i) => i.question).map((i) => ({ bankId: i.question!.bankId, key: i.question!.key })),
  );
  const itemList: QuizItemView[] = quiz.items.map((item) => {
    if (item.question) {
      const q = item.question;
      const newest = latest.get(`${q.bankId}/${q.key}`) ?? { id: q.id, version: q.version };
      return {
        kind: "fixed",
        id: item.id,
        position: item.position,
        points: item.points,
        questionId: q.id,
        bankId: q.bankId,
        bankTitle: q.bank.title,
        key: q.key,
        title: q.title,
        version: q.version,
        latestVersion: newest.version,
        latestQuestionId: newest.id,
        archived: q.archived,
      };
    }
    return {
      kind: "draw",
      id: item.id,
      position: item.position,
      points: item.points,
      bankId: item.bankId ?? "",
      bankTitle: item.bank?.title ?? "",
      tag: item.tag,
      count: item.drawCount,
      available: item.bankId ? candidates(item.bankId, item.tag).length : 0,
    };
  });
  return {
    id: quiz.id,
    title: quiz.title,
    mode: quiz.mode,
    published: quiz.published,
    opensAt: iso(quiz.opensAt),
    closesAt: iso(quiz.closesAt),
    items: quiz.items.length,
    attempts: quiz._count.attempts,
    timeLimitMinutes: quiz.timeLimitSec === null ? null : Math.round(quiz.timeLimitSec / 60),
    attemptsAllowed: quiz.attemptsAllowed,
    scoreRule: quiz.scoreRule,
    feedbackRelease: quiz.feedbackRelease,
    releaseAt: iso(quiz.releaseAt),
    shuffle: quiz.shuffle,
    sections: quizSections(quiz.sections),
    hasPassword: quiz.accessPasswordHash !== null,
    itemList,
    accommodations: quiz.accommodations.map((a) => ({
      userId: a.userId,
      name: a.user.name,
      email: a.user.email,
      timeFactor: a.timeFactor,
      extraMinutes: a.extraMinutes,
      closesAt: iso(a.closesAt),
    })),
  };
}

/** The course's quizzes for the list page and GET /quizzes. */
export async function listQuizzes(db: Db, courseId: string): Promise<QuizSummary[]> {
  return (await quizzesOfCourse(db, courseId)).map((q) => ({
    id: q.id,
    title: q.title,
    mode: q.mode,
    published: q.published,
    opensAt: iso(q.opensAt),
    closesAt: iso(q.closesAt),
    items: q._count.items,
    attempts: q._count.attempts,
  }));
}

export async function getQuiz(db: Db, courseId: string, quizId: string): Promise<QuizDetail> {
  return detailOf(db, await loadQuiz(db, courseId, quizId));
}

/** Settings with the password already hashed (undefined: keep, null: remove). */
export type SettingsInput = Omit<QuizSettingsPatch, "accessPassword"> & { accessPasswordHash?: string | null };

/** The columns a settings input writes, and the names of what it changes (for the audit entry: never the hash). */
function columnsOf(s: SettingsInput) {
  const data = {
    title: s.title,
    mode: s.mode,
    opensAt: dateOf(s.opensAt),
    closesAt: dateOf(s.closesAt),
    timeLimitSec: s.timeLimitMinutes === undefined ? undefined : s.timeLimitMinutes === null ? null : s.timeLimitMinutes * 60,
    attemptsAllowed: s.attemptsAllowed,
    scoreRule: s.scoreRule,
    feedbackRelease: s.feedbackRelease,
    releaseAt: dateOf(s.releaseAt),
    shuffle: s.shuffle,
    sections: s.sections === undefined ? undefined : JSON.stringify([...new Set(s.sections)]),
    accessPasswordHash: s.accessPasswordHash,
  };
  const changed = Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k]) => k);
  return { data, changed };
}

function passwordNote(hash: string | null | undefined) {
  return hash === undefined ? undefined : hash === null ? "removed" : "set";
}

export async function createQuiz(db: Db, actor: Actor, input: Omit<NewQuiz, "accessPassword"> & { accessPasswordHash?: string | null }) {
  const { data } = columnsOf(input);
  const refusal = settingsRefusal({
    opensAt: data.opensAt ?? null,
    closesAt: data.closesAt ?? null,
    feedbackRelease: data.feedbackRelease ?? "IMMEDIATELY",
    releaseAt: data.releaseAt ?? null,
  });
  if (refusal) throw new AppError("UNPROCESSABLE", refusal.message);
  const id = randomUUID();
  await insertQuiz(
    db,
    { ...data, id, title: input.title, mode: input.mode, courseId: actor.courseId, published: false },
    {
      action: "quiz.create",
      actorId: actor.userId,
      courseId: actor.courseId,
      target: id,
      detail: { title: input.title, mode: input.mode, password: passwordNote(input.accessPasswordHash) },
    },
  );
  return getQuiz(db, actor.courseId, id);
}

/** Changes settings. Windows, release, time limit and the rest may change while attempts exist: items are what attempts hold on to. */
export async function updateQuiz(db: Db, actor: Actor, quizId: string, input: SettingsInput) {
  const quiz = await loadQuiz(db, actor.courseId, quizId);
  const { data, changed } = columnsOf(input);
  const refusal = settingsRefusal({
    opensAt: data.opensAt === undefined ? quiz.opensAt : data.opensAt,
    closesAt: data.closesAt === undefined ? quiz.closesAt : data.closesAt,
    feedbackRelease: data.feedbackRelease ?? quiz.feedbackRelease,
    releaseAt: data.releaseAt === undefined ? quiz.releaseAt : data.releaseAt,
  });
  if (refusal) throw new AppError("UNPROCESSABLE", refusal.message);
  if (changed.length > 0) {
    await updateQuizRow(db, quizId, data, {
      action: "quiz.update",
      actorId: actor.userId,
      courseId: actor.courseId,
      target: quizId,
      detail: {
        changed: changed.map((c) => (c === "accessPasswordHash" ? "accessPassword" : c)),
        password: passwordNote(input.accessPasswordHash),
      },
    });
  }
  return getQuiz(db, actor.courseId, quizId);
}

/**
 * Replaces the item list. Every question and bank named must be the course's (else 422 with
 * the item). With attempts, itemsChangeRefusal decides (409 with the reason), and the items
 * are amended in place so the responses keep pointing at them.
 */
export async function putItems(db: Db, actor: Actor, quizId: string, items: ItemInput[]) {
  const quiz = await loadQuiz(db, actor.courseId, quizId);
  const questions = await questionsOfCourse(
    db,
    actor.courseId,
    items.flatMap((i) => (i.kind === "fixed" ? [i.questionId] : [])),
  );
  const banks = await banksOfCourse(
    db,
    actor.courseId,
    items.flatMap((i) => (i.kind === "draw" ? [i.bankId] : [])),
  );
  for (const [index, item] of items.entries()) {
    const known = item.kind === "fixed" ? questions.some((q) => q.id === item.questionId) : banks.some((b) => b.id === item.bankId);
    if (!known) {
      throw new AppError(
        "UNPROCESSABLE",
        msg(item.kind === "fixed" ? "quizBuilder.errors.unknownQuestion" : "quizBuilder.errors.unknownBank", { position: index + 1 }),
      );
    }
  }
  const row = (item: ItemInput, position: number): NewItemRow =>
    item.kind === "fixed"
      ? { position, questionId: item.questionId, bankId: null, tag: null, drawCount: 1, points: item.points }
      : { position, questionId: null, bankId: item.bankId, tag: item.tag ?? null, drawCount: item.count, points: item.points };
  const audit = {
    action: "quiz.items",
    actorId: actor.userId,
    courseId: actor.courseId,
    target: quizId,
    detail: {
      items: items.map((i) =>
        i.kind === "fixed"
          ? { question: i.questionId, points: i.points }
          : { bank: i.bankId, tag: i.tag ?? null, count: i.count, points: i.points },
      ),
    },
  };
  const attempts = await attemptCount(db, quizId);
  if (attempts === 0) {
    await replaceItems(
      db,
      quizId,
      items.map((item, i) => row(item, i + 1)),
      audit,
    );
  } else {
    const refusal = itemsChangeRefusal(quiz.items, items);
    if (refusal) throw new AppError("CONFLICT", msg("quizBuilder.refusals.hasAttempts", { count: attempts, reason: refusal }));
    const kept = quiz.items.length;
    await amendItems(
      db,
      quizId,
      items.slice(0, kept).map((item, i) => ({ id: quiz.items[i].id, points: item.points })),
      items.slice(kept).map((item, i) => row(item, kept + i + 1)),
      audit,
    );
  }
  return getQuiz(db, actor.courseId, quizId);
}

/** Publishes (refused while the quiz gives no question, or a draw asks more than its bank holds) or unpublishes. */
export async function setPublished(db: Db, actor: Actor, quizId: string, published: boolean) {
  const quiz = await loadQuiz(db, actor.courseId, quizId);
  if (published) {
    const candidates = await availability(db, quiz.items);
    const refusal = publishRefusal(
      quiz.items.map((item) => ({
        position: item.position,
        kind: item.questionId ? "fixed" : "draw",
        count: item.drawCount,
        available: item.questionId || !item.bankId ? 1 : candidates(item.bankId, item.tag).length,
        bankTitle: item.bank?.title ?? "",
        tag: item.tag,
      })),
    );
    if (refusal) throw new AppError("CONFLICT", refusal);
  }
  if (quiz.published !== published) {
    await updateQuizRow(
      db,
      quizId,
      { published },
      { action: published ? "quiz.publish" : "quiz.unpublish", actorId: actor.userId, courseId: actor.courseId, target: quizId },
    );
  }
  return getQuiz(db, actor.courseId, quizId);
}

/** Deletes a quiz; refused once it has attempts (the students' work and grades would go with it): unpublish it instead. */
export async function deleteQuiz(db: Db, actor: Actor, quizId: string): Promise<void> {
  const quiz = await loadQuiz(db, actor.courseId, quizId);
  if (quiz._count.attempts > 0)
    throw new AppError("CONFLICT", msg("quizBuilder.refusals.deleteWithAttempts", { count: quiz._count.attempts }));
  await deleteQuizRow(db, quizId, {
    action: "quiz.delete",
    actorId: actor.userId,
    courseId: actor.courseId,
    target: quizId,
    detail: { title: quiz.title },
  });
}

/** Sets a student's accommodation (more time, a later close). The later close must come after the quiz's. */
export async function setAccommodation(db: Db, actor: Actor, quizId: string, userId: string, body: AccommodationBody) {
  const quiz = await loadQuiz(db, actor.courseId, quizId);
  if (!(await isStudentOf(db, actor.courseId, userId))) throw new AppError("NOT_FOUND", msg("quizBuilder.errors.studentNotFound"));
  const closesAt = body.closesAt ? new Date(body.closesAt) : null;
  if (closesAt && quiz.closesAt && closesAt <= quiz.closesAt) throw new AppError("UNPROCESSABLE", msg("quizBuilder.errors.closeNotLater"));
  const row = { timeFactor: body.timeFactor ?? null, extraMinutes: body.extraMinutes ?? null, closesAt };
  await upsertAccommodation(db, quizId, userId, row, {
    action: "quiz.accommodation.set",
    actorId: actor.userId,
    courseId: actor.courseId,
    target: quizId,
    detail: { userId, ...row, closesAt: iso(closesAt) },
  });
  return getQuiz(db, actor.courseId, quizId);
}

export async function removeAccommodation(db: Db, actor: Actor, quizId: string, userId: string): Promise<void> {
  const quiz = await loadQuiz(db, actor.courseId, quizId);
  if (!quiz.accommodations.some((a) => a.userId === userId))
    throw new AppError("NOT_FOUND", msg("quizBuilder.errors.accommodationNotFound"));
  await deleteAccommodation(db, quizId, userId, {
    action: "quiz.accommodation.remove",
    actorId: actor.userId,
    courseId: actor.courseId,
    target: quizId,
    detail: { userId },
  });
}

/**
 * The quiz as a student would get it for preview seed `seed`: the draws made and each
 * variant's seed derived from it (previewPicks), each question presented. Nothing is stored:
 * no attempt, no response. A draw its bank cannot fill is a 409 saying so.
 */
export async function previewQuiz(db: Db, courseId: string, quizId: string, seed: number): Promise<QuizPreview> {
  const quiz = await loadQuiz(db, courseId, quizId);
  const candidates = await availability(db, quiz.items);
  const sources: PreviewSource[] = quiz.items.map((item) =>
    item.questionId
      ? { kind: "fixed", position: item.position, points: item.points, questionId: item.questionId }
      : {
          kind: "draw",
          position: item.position,
          points: item.points,
          count: item.drawCount,
          candidates: item.bankId ? candidates(item.bankId, item.tag) : [],
        },
  );
  let picks;
  try {
    picks = previewPicks(sources, seed, quiz.shuffle);
  } catch (error) {
    if (error instanceof AppError) throw new AppError("CONFLICT", msg("quizBuilder.errors.previewBankTooSmall"));
    throw error;
  }
  const templates = new Map((await questionTemplates(db, [...new Set(picks.map((p) => p.questionId))])).map((q) => [q.id, q]));
  return {
    seed,
    shuffle: quiz.shuffle,
    questions: picks.map((p, i) => ({
      position: i + 1,
      itemPosition: p.itemPosition,
      points: p.points,
      presentation: present(templateOf(templates.get(p.questionId)!), p.seed) as unknown as Record<string, unknown>,
    })),
  };
}

/** What the builder's pickers offer: banks with their newest questions, the roster's sections and students. */
export async function builderChoices(db: Db, courseId: string) {
  const [banks, sections, students] = await Promise.all([
    banksForPicking(db, courseId),
    sectionsOfCourse(db, courseId),
    studentsOfCourse(db, courseId),
  ]);
  return {
    banks: banks.map((b) => ({
      id: b.id,
      title: b.title,
      questions: b.questions.map((q) => ({
        id: q.id,
        key: q.key,
        version: q.version,
        title: q.title,
        tags: JSON.parse(q.tags) as string[],
      })),
    })),
    sections,
    students,
  };
}
export type BuilderChoices = Awaited<ReturnType<typeof builderChoices>>;
