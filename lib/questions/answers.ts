// What a student's answer looks like for each kind of question, parsed from unknown JSON.
// Parsing is separate from grading (PrairieLearn's parse step): a malformed answer gets
// messages naming the problem and is never graded.
import { z } from "zod";
import { ENDPOINTS, parseFlags, type EndpointName, type State } from "../tcp";
import type { Ask } from "./schema";
import { parseStateName } from "./state-names";

const stateName = z.string({ error: "a state name is text, like SYN_SENT" }).transform((text, ctx) => {
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
  return ["SYN", "FIN", "RST", "PSH", "ACK"].filter((f, i) => parsed.bits & (1 << i)).join("+");
});

const seqNumber = z.number({ error: "expected a number" }).int("expected a whole number").min(0, "sequence numbers are not negative").max(0xffff_ffff, "sequence numbers are below 2^32");
const endpoint = z.enum(ENDPOINTS, { error: "expected client or server" });

// A blank field ("" or null) is an unanswered part: it earns nothing but is not an error,
// so a half-finished answer still gets credit for the half that is there.
function orBlank<T extends z.ZodType>(schema: T) {
  return z.unknown().optional().transform((value, ctx): "" | z.output<T> => {
    if (value === "" || value === null || value === undefined) return "";
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    // Keep the inner schema's own message ("SYN appears twice"), not a generic one.
    for (const issue of result.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  });
}

export const SegmentAnswerSchema = z.object({
  from: orBlank(endpoint),
  flags: orBlank(flags),
  seq: z.union([z.null(), seqNumber]).default(null),
  ack: z.union([z.null(), seqNumber]).default(0),
});
export type SegmentAnswer = { from: EndpointName | ""; flags: string; seq: number | null; ack: number | null };

/** An answer; "" and null mark parts left unanswered. */
export type Answer =
  | { kind: "states"; states: Partial<Record<EndpointName, State[]>> }
  | { kind: "segments"; segments: SegmentAnswer[] }
  | { kind: "next"; segment: SegmentAnswer; state: State | "" }
  | { kind: "time"; ms: number | "never" | null }
  | { kind: "final-state"; states: Partial<Record<EndpointName, State | "">> }
  | { kind: "choice"; choice: string | null };

function schemaFor(ask: Ask): z.ZodType {
  switch (ask.kind) {
    case "states": {
      const shape = Object.fromEntries(ask.endpoints.map((e) => [e, z.array(stateName).max(40).default([])]));
      return z.object({ states: z.object(shape, { error: `expected the states of ${ask.endpoints.join(" and ")}` }).default(() => ({})) });
    }
    case "segments":
      return z.object({ segments: z.array(SegmentAnswerSchema).max(40).default([]) });
    case "next":
      return z.object({ segment: SegmentAnswerSchema.default({ from: "", flags: "", seq: null, ack: null }), state: orBlank(stateName) });
    case "time":
      return z.object({
        ms: z.union([z.null(), z.number().int("give whole milliseconds").min(0, "a time is not negative"), z.literal("never")], { error: 'a number of milliseconds, or "never"' }).default(null),
      });
    case "final-state": {
      const shape = Object.fromEntries(ask.endpoints.map((e) => [e, orBlank(stateName)]));
      return z.object({ states: z.object(shape).default(() => ({})) });
    }
    case "choice":
      return z.object({ choice: z.union([z.null(), z.string().max(60)]).default(null) });
  }
}

// Building a zod schema costs far more than using one: one per distinct question shape.
const schemas = new Map<string, z.ZodType>();

function cachedSchemaFor(ask: Ask): z.ZodType {
  const key = ask.kind === "states" || ask.kind === "final-state" ? `${ask.kind}:${ask.endpoints.join(",")}` : ask.kind;
  let schema = schemas.get(key);
  if (!schema) schemas.set(key, (schema = schemaFor(ask)));
  return schema;
}

/** Parses an answer for a question, or lists what is wrong with it (path: message). */
export function parseAnswer(ask: Ask, input: unknown): { ok: true; answer: Answer } | { ok: false; errors: string[] } {
  const result = cachedSchemaFor(ask).safeParse(input);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)) };
  }
  return { ok: true, answer: { kind: ask.kind, ...(result.data as object) } as Answer };
}

// ---------------------------------------------------------------- drafts

// A draft is an answer still being written: it may be incomplete (an empty list, a blank
// field), so saving it checks only its shape and size. Grading parses it strictly.
const shortText = z.string().max(40, "too long");
const draftNumber = z.number().int().min(0).max(0xffff_ffff).nullable();
const draftSegment = z
  .object({ from: z.enum([...ENDPOINTS, ""]), flags: z.string().max(30), seq: draftNumber, ack: draftNumber })
  .strict();

function draftSchemaFor(ask: Ask): z.ZodType {
  switch (ask.kind) {
    case "states":
      return z.object({ states: z.object(Object.fromEntries(ask.endpoints.map((e) => [e, z.array(shortText).max(40).optional()]))).strict() }).strict();
    case "segments":
      return z.object({ segments: z.array(draftSegment).max(40) }).strict();
    case "next":
      return z.object({ segment: draftSegment, state: z.string().max(40) }).strict();
    case "time":
      return z.object({ ms: z.union([z.number().int().min(0).max(1e12), z.literal("never")]).nullable() }).strict();
    case "final-state":
      return z.object({ states: z.object(Object.fromEntries(ask.endpoints.map((e) => [e, z.string().max(40).optional()]))).strict() }).strict();
    case "choice":
      return z.object({ choice: z.string().max(60).nullable() }).strict();
  }
}

const draftSchemas = new Map<string, z.ZodType>();

/** Checks a draft's shape for saving; the reasons are returned for a 422. */
export function parseDraft(ask: Ask, input: unknown): { ok: true; draft: unknown } | { ok: false; errors: string[] } {
  const key = ask.kind === "states" || ask.kind === "final-state" ? `${ask.kind}:${ask.endpoints.join(",")}` : ask.kind;
  let schema = draftSchemas.get(key);
  if (!schema) draftSchemas.set(key, (schema = draftSchemaFor(ask)));
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, draft: result.data };
  return { ok: false, errors: result.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)) };
}
