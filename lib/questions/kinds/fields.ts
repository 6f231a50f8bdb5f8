// The zod pieces the answer kinds share: endpoints in an ask, state names, flags and
// sequence numbers in an answer, and the segment row of answers and drafts.
import { z } from "zod";
import { ENDPOINTS, formatFlags, parseFlags, type EndpointName } from "../../tcp";
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

// ---------------------------------------------------------------- answers (strict)

export const stateName = z.string({ error: "a state name is text, like SYN_SENT" }).transform((text, ctx) => {
  const parsed = parseStateName(text);
  if ("error" in parsed) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  return parsed.state;
});

const flags = z.string({ error: 'flags are text, like "SYN+ACK"' }).transform((text, ctx) => {
  const parsed = parseFlags(text);
  if ("error" in parsed) {
    ctx.addIssue({ code: "custom", message: parsed.error });
    return z.NEVER;
  }
  // Canonical order, so "ACK+SYN" and "SYN+ACK" compare equal.
  return formatFlags(parsed.bits);
});

const seqNumber = z
  .number({ error: "expected a number" })
  .int("expected a whole number")
  .min(0, "sequence numbers are not negative")
  .max(0xffff_ffff, "sequence numbers are below 2^32");
const answerEndpoint = z.enum(ENDPOINTS, { error: "expected client or server" });

// A blank field ("" or null) is an unanswered part: it earns nothing but is not an error,
// so a half-finished answer still gets credit for the half that is there.
export function orBlank<T extends z.ZodType>(schema: T) {
  return z
    .unknown()
    .optional()
    .transform((value, ctx): "" | z.output<T> => {
      if (value === "" || value === null || value === undefined) return "";
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      // Keep the inner schema's own message ("SYN appears twice"), not a generic one.
      for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
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
export const shortText = z.string().max(40, "too long");
const draftNumber = z.number().int().min(0).max(0xffff_ffff).nullable();
export const SegmentDraftSchema = z
  .object({ from: z.enum([...ENDPOINTS, ""]), flags: z.string().max(30), seq: draftNumber, ack: draftNumber })
  .strict();
export type SegmentDraft = z.infer<typeof SegmentDraftSchema>;

/** The parts of a segment row that are graded, in the order the feedback names them. */
export const SEGMENT_FIELDS = ["from", "flags", "seq", "ack"] as const;
