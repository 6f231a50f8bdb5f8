// generate(family, params, seed): the same inputs always give the same scenario.
import type { Msg } from "../i18n/msg";
import { parseScenario, ScenarioError, type Scenario } from "../tcp";
import { families, type Family } from "./families";
import { Rng } from "./prng";

export interface Variant {
  family: Family;
  scenario: Scenario;
  /** The setup as catalog messages, for the student to read in their language. */
  setup: Msg[];
}

const byId = new Map<string, Family>(families.map((f) => [f.id, f as Family]));

export function getFamily(id: string): Family {
  const family = byId.get(id);
  if (!family) throw new ScenarioError([`family: "${id}" is not a scenario family (expected one of ${[...byId.keys()].join(", ")})`]);
  return family;
}

/** The scenario and its description for one variant. Throws ScenarioError on unknown families or bad parameters. */
export function generateVariant(familyId: string, params: unknown, seed: number): Variant {
  const family = getFamily(familyId);
  const parsed = family.params.safeParse(params ?? {});
  if (!parsed.success) {
    throw new ScenarioError(parsed.error.issues.map((i) => `params${i.path.length ? "." + i.path.join(".") : ""}: ${i.message}`));
  }
  const built = family.build(parsed.data, new Rng(seed));
  return { family, scenario: parseScenario(built.scenario), setup: built.setup };
}

export function generate(familyId: string, params: unknown, seed: number): Scenario {
  return generateVariant(familyId, params, seed).scenario;
}
