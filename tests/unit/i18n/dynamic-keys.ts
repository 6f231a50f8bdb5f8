// Message ids the code builds from data rather than quoting: a prefix and the ids it takes
// (and, optionally, the leaves under each id). The catalog test checks the catalog holds
// exactly these under each prefix, so a new rule or family cannot go untranslated.
import { editorCatalog } from "@/lib/authoring/param-fields";
import { CUSTOM_FAMILY, families } from "@/lib/scenarios";
import { RULES } from "@/lib/tcp/transitions";

export type DynamicKeys = { prefix: string; ids: () => string[]; leaves?: string[] };

export const DYNAMIC_KEYS: DynamicKeys[] = [
  // A state change's reason: `rules.<ruleId>` (lib/tcp/describe.ts ruleReason).
  { prefix: "rules.", ids: () => Object.keys(RULES) },
  // A family's title and concept (lib/scenarios/families.ts define), and the custom pseudo-family's.
  { prefix: "families.", ids: () => [...families.map((f) => f.id), CUSTOM_FAMILY.id], leaves: ["title", "concept"] },
  // The question editor's labels of the fields it derives from the schemas (lib/authoring/param-fields.ts).
  ...editorKeys(),
];

function editorKeys(): DynamicKeys[] {
  const catalog = editorCatalog();
  const fields = [...catalog.families.flatMap((f) => f.fields), ...catalog.kinds.flatMap((k) => k.fields)];
  // State names read the same in every language: the `state` field's options are shown as they are.
  const options = new Map(
    fields.flatMap((f) => ((f.type === "enum" || f.type === "set") && f.name !== "state" ? [[f.name, f.options] as const] : [])),
  );
  return [
    { prefix: "editor.field.", ids: () => [...new Set(fields.map((f) => f.name))] },
    { prefix: "editor.kind.", ids: () => catalog.kinds.map((k) => k.kind) },
    { prefix: "editor.policy.", ids: () => [...catalog.policies] },
    ...[...options].map(([name, values]) => ({ prefix: `editor.option.${name}.`, ids: () => values })),
  ];
}
