// One question variant: a template and a seed, turned into a scenario, its setup text and
// the engine's trace. Everything the browser sees and the server grades starts here.
import type { Msg } from "../i18n/msg";
import { generateVariant, type Family } from "../scenarios";
import { simulateParsed, type Scenario, type Trace } from "../tcp";
import type { QuestionTemplate } from "./schema";
import { validTemplate } from "./template-cache";
import { TemplateError } from "./template-error";

export { TemplateError };

export interface QuestionInstance {
  template: QuestionTemplate;
  seed: number;
  family: Family;
  scenario: Scenario;
  setup: Msg[];
  trace: Trace;
}

/** Validates the template (unknown JSON, e.g. from the database) and runs its variant for `seed`. */
export function instantiate(template: unknown, seed: number): QuestionInstance {
  const valid = validTemplate(template);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffff_ffff)
    throw new TemplateError(`a seed is a whole number from 0 to 2^32-1, not ${seed}`);
  const variant = generateVariant(valid.family, valid.params, seed);
  // generateVariant has validated the scenario already.
  return {
    template: valid,
    seed,
    family: variant.family,
    scenario: variant.scenario,
    setup: variant.setup,
    trace: simulateParsed(variant.scenario),
  };
}
