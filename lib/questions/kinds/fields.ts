// The zod pieces the answer kinds share: endpoints in an ask, state names, flags and
// sequence numbers in an answer, and the segment row of answers and drafts.
import { z } from "zod";
import { isMsg, msg, type Msg } from "../../i18n/msg";
import { ENDPOINTS, formatFlags, parseFlags, type EndpointName } from "../../tcp";
import { FLAG_ORDER } from "../../tcp/flags";
import { parseStateName } from "../state-names";

export const endpoint = z.enum(ENDPOINTS);
export const endpoints = z
  .array(endpoint)
  .min(1)
  .max(2)
  .refine((list) => new Set(list).size === list.length, "each endpoint at most once");

/** The asked endpoints as a zod pick mask, in the ask's order (so parsed objects keep it). */
export function endpointMask(list: readonly EndpointName[]): Partial<Record<EndpointName, true>> {
  return Object.fromEntries(list.map((e) => [e, true]));
}

/**
 * An object with an `entry` for each asked endpoint, in the ask's order; absent altogether,
 * `{}` (every endpoint unanswered).
 */
export function askedEndpoints<T extends z.ZodType>(entry: T, list: readonly EndpointName[], params?: { error: string }) {
  const both = z.object({ client: entry, server: entry }, params);
  return both
    .pick(endpointMask(list))
    .optional()
    .transform((entries): Partial<Record<EndpointName, z.output<T>>> => entries ?? {});
}

// ---------------------------------------------------------------- what is wrong, in words

// Zod carries an issue's message as a string; ours are catalog messages, serialized, so the
// feedback says what is wrong in the reader's language (issueText reads them back).
/** A catalog message as a zod error message. */
export const says = (text: Msg): string => JSON.stringify(text);

function readMsg(message: string): Msg | null {
  if (!message.startsWith('{"key":')) return null;
  try {
    const parsed: unknown = JSON.parse(message);
    return isMsg(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

const TYPE_NAMES: Record<string, Msg> = {
  string: msg("feedback.parse.type.string"),
  number: msg("feedback.parse.type.number"),
  boolean: msg("feedback.parse.type.boolean"),
  null: msg("feedback.parse.type.null"),
  undefined: msg("feedback.parse.type.undefined"),
  array: msg("feedback.parse.type.array"),
  object: msg("feedback.parse.type.object"),
};
const typeName = (type: string): Msg => TYPE_NAMES[type] ?? msg("feedback.parse.type.other", { type });
/** What JSON value was sent, as zod names types. */
function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number" && Number.isNaN(value)) return "nan";
  return typeof value;
}

/** An issue of a parse (run with reportInput) in words: ours as we wrote them, zod's own by its code. */
export function issueText(issue: z.core.$ZodIssue): Msg {
  const ours = readMsg(issue.message);
  if (ours) return ours;
  switch (issue.code) {
    case "invalid_type":
      return msg("feedback.parse.invalidType", { expected: typeName(issue.expected), received: typeName(typeOf(issue.input)) });
    case "too_big":
      return msg("feedback.parse.tooBig", { origin: issue.origin, originName: typeName(issue.origin), maximum: Number(issue.maximum) });
    case "too_small":
      return msg("feedback.parse.tooSmall", { origin: issue.origin, originName: typeName(issue.origin), minimum: Number(issue.minimum) });
    default:
      return msg("feedback.parse.invalid");
  }
}

/** The issues of a failed parse, each with where it is in the answer ("states.server.2"). */
export function issueTexts(error: z.ZodError): Msg[] {
  return error.issues.map((i) => {
    const text = issueText(i);
    return i.path.length ? msg("feedback.parse.at", { path: i.path.join("."), problem: text }) : text;
  });
}

// ---------------------------------------------------------------- answers (strict)

export const stateName = z.string({ error: says(msg("feedback.parse.stateText")) }).transform((text, ctx) => {
  const parsed = parseStateName(text);
  if ("error" in parsed) {
    ctx.addIssue({ code: "custom", message: says(parsed.error) });
    return z.NEVER;
  }
  return parsed.state;
});

/** Why a text is not a flag set, as parseFlags finds it (the first problem, reading left to right). */
function flagsProblem(text: string): Msg {
  const seen = new Set<string>();
  for (const part of text.split("+").map((p) => p.trim().toUpperCase())) {
    if (part === "") return msg("feedback.parse.flagsEmpty", { text });
    if (!(FLAG_ORDER as readonly string[]).includes(part))
      return msg("feedback.parse.notFlag", { flag: part, flags: FLAG_ORDER.join(", ") });
    if (seen.has(part)) return msg("feedback.parse.flagTwice", { flag: part, text });
    seen.add(part);
  }
  return msg("feedback.parse.flagsText");
}

const flags = z.string({ error: says(msg("feedback.parse.flagsText")) }).transform((text, ctx) => {
  const parsed = parseFlags(text);
  if ("error" in parsed) {
    ctx.addIssue({ code: "custom", message: says(flagsProblem(text)) });
    return z.NEVER;
  }
  // Canonical order, so "ACK+SYN" and "SYN+ACK" compare equal.
  return formatFlags(parsed.bits);
});

const seqNumber = z
  .number({ error: says(msg("feedback.parse.number")) })
  .int(says(msg("feedback.parse.wholeNumber")))
  .min(0, says(msg("feedback.parse.seqNegative")))
  .max(0xffff_ffff, says(msg("feedback.parse.seqTooBig")));
const answerEndpoint = z.enum(ENDPOINTS, { error: says(msg("feedback.parse.endpoint")) });

// As parseAnswer's options (answers.ts): `async: false` is zod's own, so its copy keeps one shape.
const INNER_OPTIONS = { reportInput: true, async: false } as const;

// A blank field ("" or null) is an unanswered part: it earns nothing but is not an error,
// so a half-finished answer still gets credit for the half that is there.
export function orBlank<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): "" | z.output<T> => {
      if (value === "" || value === null || value === undefined) return "";
      const result = schema.safeParse(value, INNER_OPTIONS);
      if (result.success) return result.data;
      // Keep the inner schema's own message ("SYN appears twice"), not a generic one.
      for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: says(issueText(issue)), path: issue.path });
      return z.NEVER;
    });
}

export const SegmentAnswerSchema = z.object({
  from: orBlank(answerEndpoint),
  flags: orBlank(flags),
  seq: z.union([z.null(), seqNumber]).default(null),
  ack: z.union([z.null(), seqNumber]).default(0),
});
/** A segment as a student gave it; "" and null mark parts left unanswered. */
export type SegmentAnswer = z.output<typeof SegmentAnswerSchema>;

/** A segment of the trace as an answer row. */
export const segmentAnswer = (s: { from: EndpointName; flags: string; seq: number; ack: number }): SegmentAnswer => ({
  from: s.from,
  flags: s.flags,
  seq: s.seq,
  ack: s.ack,
});

// ---------------------------------------------------------------- drafts (shape and size only)

// A draft is an answer still being written: it may be incomplete (an empty list, a blank
// field), so saving it checks only its shape and size. Grading parses it strictly.
export const shortText = z.string().max(40, says(msg("feedback.parse.tooLong")));
const draftNumber = z.number().int().min(0).max(0xffff_ffff).nullable();
export const SegmentDraftSchema = z
  .object({ from: z.enum([...ENDPOINTS, ""]), flags: z.string().max(30), seq: draftNumber, ack: draftNumber })
  .strict();
export type SegmentDraft = z.infer<typeof SegmentDraftSchema>;

/** The parts of a segment row that are graded, in the order the feedback names them. */
export const SEGMENT_FIELDS = ["from", "flags", "seq", "ack"] as const;

/** Each graded part of a segment row, as the feedback names it. */
export const FIELD_LABELS: Record<(typeof SEGMENT_FIELDS)[number], Msg> = {
  from: msg("feedback.parts.field.from"),
  flags: msg("feedback.parts.field.flags"),
  seq: msg("feedback.parts.field.seq"),
  ack: msg("feedback.parts.field.ack"),
};
