// Question templates (DESIGN.md §4): a family, its parameters, what is shown, what is
// asked, points and a partial-credit policy. Stored as JSON, validated here.
import { z } from "zod";
import { ENDPOINTS, STATES } from "../tcp";

const endpoint = z.enum(ENDPOINTS);
const endpoints = z
  .array(endpoint)
  .min(1)
  .max(2)
  .refine((list) => new Set(list).size === list.length, "each endpoint at most once");

export const CHOICE_TOPICS = ["time-wait-endpoint", "rst-sender", "connect-outcome", "segments-to-open", "segments-to-close"] as const;
export const POLICIES = ["all-or-nothing", "prefix", "alignment", "per-field"] as const;

export const AskSchema = z.discriminatedUnion("kind", [
  /** The state sequence of one or both endpoints. */
  z.object({ kind: z.literal("states"), endpoints }).strict(),
  /** The segments in order (sender, flags, seq, ack), after the first `given` ones, which are shown. */
  z
    .object({ kind: z.literal("segments"), given: z.number().int().min(0).max(40).default(0), count: z.number().int().min(1).max(16).default(8) })
    .strict(),
  /** Given the first `given` segments, the next segment sent and the state its sender is in after sending it. */
  z.object({ kind: z.literal("next"), given: z.number().int().min(0).max(40) }).strict(),
  /** When an endpoint leaves a state (ms since the start), or how long it stays in it. */
  z
    .object({
      kind: z.literal("time"),
      endpoint,
      state: z.enum(STATES),
      measure: z.enum(["leave", "duration"]),
      /** Accept answers this close (ms). */
      toleranceMs: z.number().int().min(0).default(0),
    })
    .strict(),
  /** Where each endpoint is at time `atMs` (absent: when everything has settled). */
  z.object({ kind: z.literal("final-state"), endpoints, atMs: z.number().int().min(0).optional() }).strict(),
  /** A conceptual multiple-choice question whose options come from the scenario. */
  z.object({ kind: z.literal("choice"), topic: z.enum(CHOICE_TOPICS) }).strict(),
]);
export type Ask = z.infer<typeof AskSchema>;
export type AskKind = Ask["kind"];

export const QuestionTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,80}$/, "an id is lowercase letters, digits and dashes"),
    title: z.string().min(3).max(120),
    family: z.string().min(1),
    /** Fixed family parameters; what is left out, the seed picks. */
    params: z.record(z.string(), z.unknown()).default({}),
    /** What is asked, in plain words for students. */
    prompt: z.string().min(10).max(2000),
    ask: AskSchema,
    points: z.number().positive().max(100).default(1),
    policy: z.enum(POLICIES).optional(),
    /** Shown with the feedback after grading: the idea behind the answer. */
    explanation: z.string().max(2000).optional(),
    tags: z.array(z.string().min(1).max(40)).max(20).default([]),
  })
  .strict();

export type QuestionTemplate = z.output<typeof QuestionTemplateSchema>;
export type QuestionTemplateInput = z.input<typeof QuestionTemplateSchema>;
export type Policy = (typeof POLICIES)[number];

const DEFAULT_POLICY: Record<AskKind, Policy> = {
  states: "alignment",
  segments: "per-field",
  next: "per-field",
  time: "all-or-nothing",
  "final-state": "per-field",
  choice: "all-or-nothing",
};

export function policyOf(template: QuestionTemplate): Policy {
  return template.policy ?? DEFAULT_POLICY[template.ask.kind];
}
