// One question variant: a template and a seed, turned into a scenario, its setup text and
// the engine's trace. Everything the browser sees and the server grades starts here.
import { generateVariant, type Family } from "../scenarios";
import { simulateParsed, type Scenario, type Trace } from "../tcp";
import { QuestionTemplateSchema, type QuestionTemplate } from "./schema";

export interface QuestionInstance {
  template: QuestionTemplate;
  seed: number;
  family: Family;
  scenario: Scenario;
  setup: string[];
  trace: Trace;
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

// A template object is validated once: grading the same template many times (a quiz, a
// regrade, a load test) does not pay for zod again. Keyed by identity, so nothing leaks.
const validated = new WeakMap<object, QuestionTemplate>();

function validTemplate(template: unknown): QuestionTemplate {
  if (typeof template === "object" && template !== null) {
    const cached = validated.get(template);
    if (cached) return cached;
  }
  const parsed = QuestionTemplateSchema.safeParse(template);
  if (!parsed.success) {
    throw new TemplateError(`invalid question template: ${parsed.error.issues.map((i) => `${i.path.join(".") || "template"}: ${i.message}`).join("; ")}`);
  }
  if (typeof template === "object" && template !== null) {
    validated.set(template, parsed.data);
    validated.set(parsed.data, parsed.data);
  }
  return parsed.data;
}

/** Validates the template (unknown JSON, e.g. from the database) and runs its variant for `seed`. */
export function instantiate(template: unknown, seed: number): QuestionInstance {
  const valid = validTemplate(template);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff) throw new TemplateError(`a seed is a whole number from 0 to 2^32-1, not ${seed}`);
  const variant = generateVariant(valid.family, valid.params, seed);
  // generateVariant has validated the scenario already.
  return { template: valid, seed, family: variant.family, scenario: variant.scenario, setup: variant.setup, trace: simulateParsed(variant.scenario) };
}
