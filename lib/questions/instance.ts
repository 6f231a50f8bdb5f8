// One question variant: a template and a seed, turned into a scenario (by its family, or
// resolved from the template's own scenario), its setup text and the engine's trace. Everything the browser sees and the server grades starts here.
import type { Msg } from "../i18n/msg";
import { customFamilyFor, generateVariant, resolveScenario, type CustomFamily, type Family } from "../scenarios";
import { simulateParsed, type Scenario, type Trace } from "../tcp";
import type { QuestionTemplate } from "./schema";
import { validTemplate } from "./template-cache";
import { TemplateError } from "./template-error";

export { TemplateError };

export interface QuestionInstance {
  template: QuestionTemplate;
  seed: number;
  /** The scenario family, or the custom pseudo-family of a question with its own scenario. */
  family: Family | CustomFamily;
  scenario: Scenario;
  setup: Msg[];
  trace: Trace;
}

/** Validates the template (unknown JSON, e.g. from the database) and runs its variant for `seed`. */
export function instantiate(template: unknown, seed: number): QuestionInstance {
  const valid = validTemplate(template);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff)
    throw new TemplateError(`a seed is a whole number from 0 to 2^32-1, not ${seed}`);
  const variant = variantOf(valid, seed);
  return {
    template: valid,
    seed,
    family: variant.family,
    scenario: variant.scenario,
    setup: variant.setup,
    trace: simulateParsed(variant.scenario),
  };
}

/** The scenario and its setup: the family's for (params, seed), or the template's own resolved for seed. Both are validated. */
function variantOf(template: QuestionTemplate, seed: number): Pick<QuestionInstance, "family" | "scenario" | "setup"> {
  if (!template.scenario) return generateVariant(template.family, template.params, seed);
  const { scenario, setup } = resolveScenario(template.scenario, seed);
  return { family: customFamilyFor(scenario.profile), scenario, setup };
}
