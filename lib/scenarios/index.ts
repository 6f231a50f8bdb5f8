// Public API of the scenario families (DESIGN.md §4).
export { families, type Family, type FamilyId, type Difficulty } from "./families";
export { generate, generateVariant, getFamily, type Variant } from "./generate";
export { Rng } from "./prng";
