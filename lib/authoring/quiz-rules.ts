// The quiz builder's rules, pure: the shapes a quiz's settings, items and accommodations take
// at the API boundary; which item changes are refused once students have attempts (their
// responses point at the items, and a grade must stay explainable from what they were given);
// when a quiz may be published; and the preview's draw, made from one seed with the seeded Rng
// so that a preview seed always shows the same questions with the same variants.
import { z } from "zod";
import { draw, latestVersions } from "../attempts/rules";
import { FeedbackReleaseSchema, QUIZ_MODES, QuizSectionsSchema, ScoreRuleSchema } from "../db/quiz-values";
import { fieldMessage } from "../i18n/field-messages";
import { msg, type Msg } from "../i18n/msg";
import { Rng } from "../scenarios/prng";

const Id = z.string().min(1).max(64);
const Instant = z.iso.datetime({ offset: true }).meta({ description: "An instant, ISO 8601 with its offset: 2026-12-01T09:00:00Z" });

export const MAX_ITEMS = 100;
export const MAX_DRAW = 50;
export const MAX_TIME_LIMIT_MINUTES = 24 * 60;
export const MAX_ATTEMPTS = 100;

/** Every setting of a quiz a builder may set, each optional (a PATCH changes only what it names). */
const settingsFields = {
  title: z.string().trim().min(1, fieldMessage("quizBuilder.errors.titleRequired")).max(200),
  mode: z.enum(QUIZ_MODES),
  opensAt: Instant.nullable(),
  closesAt: Instant.nullable(),
  timeLimitMinutes: z.int().min(1).max(MAX_TIME_LIMIT_MINUTES).nullable().meta({ description: "null: no time limit" }),
  attemptsAllowed: z.int().min(1).max(MAX_ATTEMPTS).nullable().meta({ description: "null: unlimited" }),
  scoreRule: ScoreRuleSchema,
  feedbackRelease: FeedbackReleaseSchema,
  releaseAt: Instant.nullable().meta({ description: "When feedback is released, for feedbackRelease ON_DATE" }),
  shuffle: z.boolean(),
  sections: QuizSectionsSchema.meta({ description: "Only these sections see the quiz; [] is everyone" }),
  accessPassword: z
    .string()
    .min(4)
    .max(128)
    .nullable()
    .meta({ description: "Sets or changes the access password (stored hashed); null removes it; absent keeps it" }),
};

type SettingsShape = { [K in keyof typeof settingsFields]?: z.output<(typeof settingsFields)[K]> };

/** The rules between settings, on what a body says: a close after the opening, a release date when releasing on a date. */
function crossChecks(s: SettingsShape, ctx: z.core.$RefinementCtx) {
  if (s.opensAt && s.closesAt && Date.parse(s.closesAt) <= Date.parse(s.opensAt)) {
    ctx.addIssue({ code: "custom", path: ["closesAt"], message: fieldMessage("quizBuilder.errors.closesBeforeOpens") });
  }
  if (s.feedbackRelease === "ON_DATE" && s.releaseAt === null) {
    ctx.addIssue({ code: "custom", path: ["releaseAt"], message: fieldMessage("quizBuilder.errors.releaseAtRequired") });
  }
}

export const QuizSettingsPatchSchema = z.strictObject(settingsFields).partial().superRefine(crossChecks);
export type QuizSettingsPatch = z.output<typeof QuizSettingsPatchSchema>;

export const NewQuizSchema = z
  .strictObject({ ...settingsFields, title: settingsFields.title, mode: settingsFields.mode })
  .partial()
  .required({ title: true, mode: true })
  .superRefine(crossChecks);
export type NewQuiz = z.output<typeof NewQuizSchema>;

/** Settings as stored: what a merged patch must satisfy before it is written. */
export type StoredSettings = {
  opensAt: Date | null;
  closesAt: Date | null;
  feedbackRelease: z.output<typeof FeedbackReleaseSchema>;
  releaseAt: Date | null;
};

/** The first rule a quiz's settings break once a patch is applied to what is stored, or null. */
export function settingsRefusal(s: StoredSettings): { path: string; message: Msg } | null {
  if (s.opensAt && s.closesAt && s.closesAt <= s.opensAt) return { path: "closesAt", message: msg("quizBuilder.errors.closesBeforeOpens") };
  if (s.feedbackRelease === "ON_DATE" && !s.releaseAt) return { path: "releaseAt", message: msg("quizBuilder.errors.releaseAtRequired") };
  return null;
}

const Points = z.number().min(0).max(1000).meta({ description: "Points for each question the item gives" });

export const FixedItemInputSchema = z.strictObject({
  kind: z.literal("fixed"),
  id: Id.optional().meta({ description: "The item's id, when it is already in the quiz" }),
  questionId: Id.meta({ description: "The question VERSION the item is pinned to" }),
  points: Points,
});
export const DrawItemInputSchema = z.strictObject({
  kind: z.literal("draw"),
  id: Id.optional().meta({ description: "The item's id, when it is already in the quiz" }),
  bankId: Id,
  tag: z.string().trim().min(1).max(40).nullable().optional().meta({ description: "Only questions with this tag; absent or null: any" }),
  count: z.int().min(1).max(MAX_DRAW),
  points: Points,
});
export const ItemInputSchema = z.discriminatedUnion("kind", [FixedItemInputSchema, DrawItemInputSchema]);
export type ItemInput = z.output<typeof ItemInputSchema>;
export const ItemsBodySchema = z.strictObject({ items: z.array(ItemInputSchema).max(MAX_ITEMS) });

export const AccommodationBodySchema = z
  .strictObject({
    timeFactor: z.number().min(1).max(5).nullable().optional().meta({ description: "The time limit times this (1.5: time and a half)" }),
    extraMinutes: z.int().min(0).max(MAX_TIME_LIMIT_MINUTES).nullable().optional().meta({ description: "Minutes added after the factor" }),
    closesAt: Instant.nullable().optional().meta({ description: "A later close for this student" }),
  })
  .refine((a) => (a.timeFactor ?? null) !== null || (a.extraMinutes ?? null) !== null || (a.closesAt ?? null) !== null, {
    message: fieldMessage("quizBuilder.errors.accommodationEmpty"),
    path: ["timeFactor"],
  });
export type AccommodationBody = z.output<typeof AccommodationBodySchema>;

/** A stored item, as far as the rules need it. */
export type StoredItem = {
  id: string;
  position: number;
  questionId: string | null;
  bankId: string | null;
  tag: string | null;
  drawCount: number;
};

/**
 * Why `next` may not replace `existing` on a quiz that has attempts, or null. Every response
 * of an attempt points at its item and keeps the question version it was given, so an item
 * may not go, move, or start asking something else; its points may change (for attempts
 * started afterwards: a started attempt keeps the points it was given), and new items may
 * follow the existing ones.
 */
export function itemsChangeRefusal(existing: readonly StoredItem[], next: readonly ItemInput[]): Msg | null {
  const ordered = [...existing].sort((a, b) => a.position - b.position);
  const nextIds = new Set(next.map((n) => n.id).filter(Boolean));
  for (const [i, item] of ordered.entries()) {
    const position = i + 1;
    if (!nextIds.has(item.id)) return msg("quizBuilder.refusals.removeItem", { position });
    const wanted = next[i];
    if (wanted?.id !== item.id) return msg("quizBuilder.refusals.reorder");
    if (item.questionId !== null) {
      if (wanted.kind !== "fixed" || wanted.questionId !== item.questionId) return msg("quizBuilder.refusals.changeVersion", { position });
    } else if (
      wanted.kind !== "draw" ||
      wanted.bankId !== item.bankId ||
      (wanted.tag ?? null) !== item.tag ||
      wanted.count !== item.drawCount
    ) {
      return msg("quizBuilder.refusals.changeDraw", { position });
    }
  }
  for (const extra of next.slice(ordered.length)) if (extra.id) return msg("quizBuilder.refusals.reorder");
  return null;
}

/** An item ready for publishing checks: how many questions its draw could choose from. */
export type PublishableItem = {
  position: number;
  kind: "fixed" | "draw";
  count: number;
  available: number;
  bankTitle: string;
  tag: string | null;
};

/** Why a quiz may not be published, or null: it gives no question, or a draw asks more than its bank holds. */
export function publishRefusal(items: readonly PublishableItem[]): Msg | null {
  if (items.length === 0) return msg("quizBuilder.refusals.noItems");
  for (const item of items) {
    if (item.kind === "draw" && item.available < item.count) {
      const values = { position: item.position, count: item.count, available: item.available, bank: item.bankTitle };
      return item.tag === null
        ? msg("quizBuilder.refusals.bankTooSmall", values)
        : msg("quizBuilder.refusals.bankTooSmallTagged", { ...values, tag: item.tag });
    }
  }
  return null;
}

/** The question ids a draw may choose from: the newest unarchived version of each key, with the tag if one is asked. */
export function drawCandidates(
  rows: readonly { id: string; key: string; version: number; tags: string; archived: boolean }[],
  tag: string | null,
): string[] {
  const sorted = rows.filter((r) => !r.archived).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : b.version - a.version));
  return latestVersions(sorted, tag);
}

export type PreviewSource = { position: number; points: number } & (
  { kind: "fixed"; questionId: string } | { kind: "draw"; candidates: string[]; count: number }
);
export type PreviewPick = { itemPosition: number; questionId: string; seed: number; points: number };

/**
 * What a student would be given for preview seed `seed`: each draw made and each variant's
 * seed chosen from one Rng, in item order, and the order shuffled when the quiz shuffles. The
 * same seed always gives the same picks; nothing of it is stored.
 */
export function previewPicks(items: readonly PreviewSource[], seed: number, shuffle: boolean): PreviewPick[] {
  const rng = new Rng(seed);
  const picks: PreviewPick[] = [];
  for (const item of [...items].sort((a, b) => a.position - b.position)) {
    const ids = item.kind === "fixed" ? [item.questionId] : draw(item.candidates, item.count, (n) => rng.int(0, n - 1));
    for (const questionId of ids) picks.push({ itemPosition: item.position, questionId, seed: rng.u32(), points: item.points });
  }
  if (shuffle) {
    for (let i = picks.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [picks[i], picks[j]] = [picks[j], picks[i]];
    }
  }
  return picks;
}
