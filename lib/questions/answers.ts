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

export const SegmentAnswerSchema = z.object({ from: endpoint, flags, seq: seqNumber, ack: seqNumber.default(0) });
export type SegmentAnswer = z.output<typeof SegmentAnswerSchema>;

export type Answer =
  | { kind: "states"; states: Partial<Record<EndpointName, State[]>> }
  | { kind: "segments"; segments: SegmentAnswer[] }
  | { kind: "next"; segment: SegmentAnswer; state: State }
  | { kind: "time"; ms: number | "never" }
  | { kind: "final-state"; states: Partial<Record<EndpointName, State>> }
  | { kind: "choice"; choice: string };

function schemaFor(ask: Ask): z.ZodType {
  switch (ask.kind) {
    case "states": {
      const shape = Object.fromEntries(ask.endpoints.map((e) => [e, z.array(stateName).min(1, "list at least one state").max(40)]));
      return z.object({ states: z.object(shape, { error: `expected the states of ${ask.endpoints.join(" and ")}` }) });
    }
    case "segments":
      return z.object({ segments: z.array(SegmentAnswerSchema).max(40) });
    case "next":
      return z.object({ segment: SegmentAnswerSchema, state: stateName });
    case "time":
      return z.object({ ms: z.union([z.number().int("give whole milliseconds").min(0, "a time is not negative"), z.literal("never")], { error: 'a number of milliseconds, or "never"' }) });
    case "final-state": {
      const shape = Object.fromEntries(ask.endpoints.map((e) => [e, stateName]));
      return z.object({ states: z.object(shape) });
    }
    case "choice":
      return z.object({ choice: z.string().min(1, "choose one option") });
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
