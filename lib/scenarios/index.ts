// Public API of the scenario families (docs/api.md). Other parts of the app import from here only.
export { families, familyTitle, familyConcept, type Family, type FamilyId, type Difficulty } from "./families";
export { generate, generateVariant, getFamily, type Variant } from "./generate";
export { Rng } from "./prng";
export {
  ScenarioTemplateSchema,
  CUSTOM_FAMILY,
  customFamilyFor,
  resolveScenario,
  parseScenarioTemplate,
  templateVaries,
  type ScenarioTemplate,
  type ScenarioTemplateInput,
  type CustomFamily,
  type Between,
} from "./custom";
