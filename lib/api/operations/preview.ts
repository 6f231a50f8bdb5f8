// The /api/v1 operations of the question editor's preview (lib/api/operation.ts): one variant
// of a template being written, as a student sees it, and the variety report over many seeds.
// Nothing is stored. The expected answer and the trace come only to callers who may see
// expected answers (questions.expected); a TA previews what students see.
import { z } from "zod";
import { EditableTemplateSchema } from "../../authoring/preview";
import { DEFAULT_SAMPLES, MAX_SAMPLES } from "../../authoring/variety";
import type { Operation } from "../operation";
import { defineOperation } from "../operation";

const CourseParams = z.object({ courseId: z.string().min(1).max(64) });
const Seed = z.number().int().min(0).max(0xffff_ffff).meta({ description: "A variant's seed: a whole number from 0 to 2^32-1" });

const MessageSchema = z
  .object({ key: z.string(), values: z.record(z.string(), z.unknown()).optional() })
  .meta({ description: "A catalog message id and its arguments (rendered in the reader's language by the app)" });
const LocalizedSchema = z
  .union([z.string(), z.record(z.string(), z.string())])
  .meta({ description: "The author's words: one text, or one per locale" });

const PresentationSchema = z
  .object({
    templateId: z.string(),
    title: LocalizedSchema,
    prompt: LocalizedSchema,
    family: z.object({ id: z.string(), title: MessageSchema, counterfactual: z.boolean() }),
    setup: z.array(MessageSchema),
    given: z.array(
      z.object({
        from: z.enum(["client", "server"]),
        flags: z.string(),
        seq: z.number(),
        ack: z.number(),
        len: z.number(),
        sentAt: z.number(),
        lost: z.boolean(),
      }),
    ),
    answer: z.object({ kind: z.string() }).catchall(z.unknown()).meta({ description: "The answer format of the question's kind" }),
    points: z.number(),
    policy: z.string(),
  })
  .meta({ description: "What a student is shown: no answer in it" });

const TraceSchema = z
  .object({ events: z.array(z.object({ t: z.number(), endpoint: z.string(), type: z.string() }).catchall(z.unknown())) })
  .catchall(z.unknown())
  .meta({ description: "The engine's trace of the variant (docs/engine.md)" });

export const previewOp = defineOperation({
  id: "previewQuestion",
  method: "POST",
  path: "/courses/{courseId}/preview",
  summary: "Preview one variant of a question template: what a student sees, and for instructors its expected answer and trace",
  description:
    "The template is validated as it would be saved; an invalid one is a 422 with every issue at its path (under `template`). A seed the template cannot be presented with (for instance fewer segments on the wire than it gives) is a 422 without issues.",
  tag: "Preview",
  access: { permission: "questions.preview" },
  params: CourseParams,
  body: z.object({ template: EditableTemplateSchema, seed: Seed }).strict(),
  response: z.object({
    presentation: PresentationSchema,
    expected: z
      .object({ kind: z.string() })
      .catchall(z.unknown())
      .optional()
      .meta({ description: "The true answer (questions.expected only)" }),
    trace: TraceSchema.optional(),
  }),
});

const FaultCountsSchema = z.object({ dropped: z.number(), delayed: z.number(), duplicated: z.number(), queueDrops: z.number() });

export const varietyOp = defineOperation({
  id: "previewVariety",
  method: "POST",
  path: "/courses/{courseId}/preview/variety",
  summary: "Sample a question template on many seeds: distinct scenarios and answers, faults that fired, seeds that fail",
  tag: "Preview",
  access: { permission: "questions.preview" },
  params: CourseParams,
  body: z
    .object({
      template: EditableTemplateSchema,
      samples: z.number().int().min(1).max(MAX_SAMPLES).default(DEFAULT_SAMPLES),
      firstSeed: Seed.default(1),
    })
    .strict(),
  response: z.object({
    firstSeed: z.number(),
    samples: z.number(),
    usable: z.number().meta({ description: "Seeds that present and have an expected answer" }),
    distinctScenarios: z.number(),
    distinctAnswers: z.number(),
    largestAnswerShare: z.number().meta({ description: "The most seeds sharing one expected answer" }),
    faults: FaultCountsSchema.meta({ description: "How many seeds saw each kind of fault in their trace" }),
    seedsWithRules: z.number(),
    failures: z.array(z.object({ seed: z.number(), reason: z.string() })),
    warnings: z.array(z.object({ kind: z.enum(["same-answer", "same-scenario", "faults-never-fire", "failures"]) }).catchall(z.number())),
  }),
});

export const previewOperations: readonly Operation[] = [previewOp, varietyOp];
