// Message ids the code builds from data rather than quoting: a prefix and the ids it takes
// (and, optionally, the leaves under each id). The catalog test checks the catalog holds
// exactly these under each prefix, so a new rule or family cannot go untranslated.
export type DynamicKeys = { prefix: string; ids: () => string[]; leaves?: string[] };

export const DYNAMIC_KEYS: DynamicKeys[] = [];
