// The feedback of a grade as it is stored with a response: catalog messages and their
// parameters, never sentences in one language, so a student reading Chinese and an
// instructor reading English see the same grade explained each in their own. Feedback stored
// before it was structured holds English strings in the same places; a Text may be a string,
// so those rows still read (in English, as they were written).
import { z } from "zod";
import { LOCALES } from "../i18n/locales";
import type { Localized } from "../i18n/localized";
import { msg, type Msg, type MsgValue, type Text } from "../i18n/msg";
import { MistakeKeySchema, ScenarioFeaturesSchema, type FirstMistake } from "../questions";

export type { FirstMistake };

// Generous bounds: they keep a corrupt row from being read as feedback, never a real one out.
const MAX_TEXT = 100_000;

const MsgSchema: z.ZodType<Msg> = z.lazy(() =>
  z.object({
    // The catalogs decide what exists; a stored id is taken as written (an unknown one renders as the id, it does not throw).
    key: z.string().min(1).max(200) as unknown as z.ZodType<Msg["key"]>,
    values: z.record(z.string().max(60), MsgValueSchema).optional(),
  }),
);
const MsgValueSchema: z.ZodType<MsgValue> = z.union([z.string().max(MAX_TEXT), z.number(), MsgSchema, z.array(MsgSchema).max(200)]);

/** A message, or a plain string (an author's words, or feedback stored before messages). */
export const TextSchema: z.ZodType<Text> = z.union([z.string().max(MAX_TEXT), MsgSchema]);

const LocalizedSchema: z.ZodType<Localized> = z.union([
  z.string().max(MAX_TEXT),
  z.partialRecord(z.enum(LOCALES), z.string().max(MAX_TEXT)),
]);

const FirstMistakeSchema = z.object({
  said: TextSchema,
  actual: TextSchema,
  cause: TextSchema.optional(),
  reason: TextSchema.optional(),
  rule: z.string().max(200).optional(),
  eventIndex: z.number().int().min(0).optional(),
  /** The misconception, language-free; absent from feedback graded before GRADER_VERSION 2026.12.01-4. */
  key: MistakeKeySchema.optional(),
}) satisfies z.ZodType<Omit<FirstMistake, "key"> & { key?: FirstMistake["key"] }>;

/** The one definition of stored feedback; the Feedback type is what it reads. */
export const FeedbackSchema = z.object({
  correct: z.boolean(),
  /** One line: what the score means. */
  summary: TextSchema,
  /** For an invalid answer: what is wrong with it. Otherwise: the explanation, step by step. */
  messages: z.array(TextSchema).max(1000),
  firstMistake: FirstMistakeSchema.optional(),
  /** Credit per part (endpoint, segment, field), 0..1. */
  parts: z.array(z.object({ label: TextSchema, credit: z.number() })).max(1000),
  /** The template's explanation of the idea behind the answer, in the words its author wrote. */
  explanation: LocalizedSchema.optional(),
  /** What the question's topic teaches (shown after grading, never with the question). */
  concept: TextSchema,
  /** The variant's scenario features (faults that fired, who opened and closed first, profile); absent before 2026.12.01-4. */
  features: ScenarioFeaturesSchema.optional(),
});

export type Feedback = z.output<typeof FeedbackSchema>;

/**
 * Feedback read back from storage (a response's JSON column). Accepts what the grader writes
 * now and the all-strings feedback of older rows; never throws: a row it cannot read says so
 * instead of breaking the page it is on.
 */
export function parseStoredFeedback(json: string): Feedback {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = null;
  }
  const parsed = FeedbackSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const correct = typeof value === "object" && value !== null && (value as { correct?: unknown }).correct === true;
  return { correct, summary: msg("feedback.summary.unreadableStored"), messages: [], parts: [], concept: "" };
}

/**
 * What the misconception report reads of a wrong answer's feedback — the verdict, the first
 * mistake's key and the variant's features — as JSON, for a practice result to keep beside its
 * score (a quiz response keeps the whole feedback). Null for a right answer.
 */
export function mistakeRecord(feedback: Feedback): string | null {
  if (feedback.correct) return null;
  const key = feedback.firstMistake?.key;
  return JSON.stringify({
    correct: false,
    ...(key ? { firstMistake: { key } } : {}),
    ...(feedback.features ? { features: feedback.features } : {}),
  });
}
