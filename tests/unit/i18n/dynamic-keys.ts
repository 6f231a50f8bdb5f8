// Message ids the code builds from data rather than quoting: a prefix and the ids it takes
// (and, optionally, the leaves under each id). The catalog test checks the catalog holds
// exactly these under each prefix, so a new rule or family cannot go untranslated.
import { CUSTOM_FAMILY, families } from "@/lib/scenarios";
import { RULES } from "@/lib/tcp/transitions";

export type DynamicKeys = { prefix: string; ids: () => string[]; leaves?: string[] };

export const DYNAMIC_KEYS: DynamicKeys[] = [
  // A state change's reason: `rules.<ruleId>` (lib/tcp/describe.ts ruleReason).
  { prefix: "rules.", ids: () => Object.keys(RULES) },
  // A family's title and concept (lib/scenarios/families.ts define), and the custom pseudo-family's.
  { prefix: "families.", ids: () => [...families.map((f) => f.id), CUSTOM_FAMILY.id], leaves: ["title", "concept"] },
];
