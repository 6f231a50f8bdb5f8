// The question editor's preview: one variant of a template being written, as a student sees
// it (and, for those who may, its expected answer and the engine's trace), and the variety
// report over many seeds (variety.ts). The template has been parsed by the API boundary with
// EditableTemplateSchema, which adds what QuestionTemplateSchema cannot know by itself: that
// the family exists and that the parameters are the family's, each issue at its path, so the
// editor can show it beside the field it names.
import { z } from "zod";
import { issueErrorMap } from "../i18n/field-messages";
import { fieldMessage } from "../i18n/field-messages";
import { msg } from "../i18n/msg";
import {
  expectedFor,
  instantiate,
  presentFor,
  QuestionTemplateSchema,
  TemplateError,
  type Answer,
  type Presentation,
  type QuestionTemplate,
} from "../questions";
import { families } from "../scenarios";
import { AppError } from "../server/errors";
import { ScenarioError, type Trace } from "../tcp";
import { varietyReport, type VarietyReport } from "./variety";

/** The family id of a question whose scenario is written out (docs/scenario-format.md). */
const CUSTOM = "custom";

function limitsOf(issue: z.core.$ZodIssue): Record<string, number> {
  const out: Record<string, number> = {};
  const limits = issue as { minimum?: unknown; maximum?: unknown };
  for (const name of ["minimum", "maximum"] as const) {
    const limit = limits[name];
    if (typeof limit === "number" || typeof limit === "bigint") out[name] = Number(limit);
  }
  return out;
}

/** QuestionTemplateSchema, plus: the family exists, and `params` are valid for it (issues under `params`). */
export const EditableTemplateSchema = QuestionTemplateSchema.superRefine((template, ctx) => {
  if (template.family === CUSTOM) return;
  const family = families.find((f) => f.id === template.family);
  if (!family) {
    ctx.addIssue({
      code: "custom",
      path: ["family"],
      message: fieldMessage("editor.issues.unknownFamily"),
      params: { family: template.family },
    });
    return;
  }
  // Message ids for the generic cases (too small, not an option…), rendered at the boundary.
  const parsed = family.params.safeParse(template.params, { error: issueErrorMap("en") });
  if (parsed.success) return;
  for (const issue of parsed.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        ctx.addIssue({ code: "custom", path: ["params", key], message: fieldMessage("editor.issues.unknownParam"), params: { name: key } });
    } else {
      ctx.addIssue({
        code: "custom",
        path: ["params", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
        message: issue.message,
        params: limitsOf(issue),
      });
    }
  }
});

export interface PreviewResult {
  presentation: Presentation;
  expected?: Answer;
  trace?: Trace;
}

function seedFailure(seed: number, error: unknown): never {
  if (error instanceof TemplateError || error instanceof ScenarioError)
    throw new AppError("UNPROCESSABLE", msg("editor.errors.seedFails", { seed, reason: error.message }));
  throw error;
}

/** One variant for the editor's preview; the expected answer and the trace only when `withAnswer`. */
export function previewVariant(template: QuestionTemplate, seed: number, withAnswer: boolean): PreviewResult {
  try {
    const q = instantiate(template, seed);
    const presentation = presentFor(q);
    if (!withAnswer) return { presentation };
    return { presentation, expected: expectedFor(q), trace: q.trace };
  } catch (error) {
    return seedFailure(seed, error);
  }
}

/** The variety report for the editor's panel. */
export function previewVariety(template: QuestionTemplate, samples: number, firstSeed: number): VarietyReport {
  try {
    return varietyReport(template, { samples, firstSeed });
  } catch (error) {
    return seedFailure(firstSeed, error);
  }
}
