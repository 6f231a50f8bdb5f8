// Arbitraries for fuzzing the app's doors: values shaped by a door's zod schema (so some get
// past parsing and reach the handler) mixed with hostile ones (huge strings, "__proto__"
// keys, NaN and Infinity, deep nesting, React's "$" reference syntax, broken text).
import fc from "fast-check";
import { z } from "zod";

const hostileStrings = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    " ",
    "__proto__",
    "constructor",
    "$K1",
    "$@1",
    "$Q1",
    "$T",
    "$undefined",
    "$NaN",
    "$Infinity",
    "$-Infinity",
    "$n1",
    "$D",
    "$toLocaleStr",
    "$1",
    "$F1",
    "$0:constructor:constructor",
    "\u0000",
    "\ud800",
    "/\t/evil.example",
    "javascript:alert(1)",
    "%00",
    "<script>",
  ),
  fc.integer({ min: 1_000, max: 120_000 }).map((n) => "x".repeat(n)),
);

const hostileNumbers = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, Number.MAX_SAFE_INTEGER + 2),
);

/** Any JSON-like value, including what JSON cannot say (NaN, Infinity, undefined) and "__proto__" keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    hostileStrings,
    hostileNumbers,
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constant("__proto__")), tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** An array nested `depth` deep. */
export const deepValue = fc
  .integer({ min: 33, max: 2_000 })
  .map((depth) => JSON.parse(`${"[".repeat(depth)}${"]".repeat(depth)}`) as unknown);

/** Values a zod schema would accept, from its JSON Schema; anything else for what it cannot say. */
export function fromSchema(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fromJsonSchema(z.toJSONSchema(schema, { unrepresentable: "any", io: "input" }) as JsonSchema);
}

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  format?: string;
  minimum?: number;
  maximum?: number;
  items?: JsonSchema;
};

function fromJsonSchema(s: JsonSchema): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map(fromJsonSchema));
  switch (s.type) {
    case "object": {
      const entries = Object.entries(s.properties ?? {}).map(([k, v]) => [k, fromJsonSchema(v)] as const);
      return fc.record(Object.fromEntries(entries), { requiredKeys: (s.required ?? []).filter((k) => k in (s.properties ?? {})) });
    }
    case "string":
      if (s.format === "email") return fc.emailAddress();
      return fc.string({ minLength: Math.min(s.minLength ?? 0, 50), maxLength: Math.min(s.maxLength ?? 60, 200) });
    case "integer":
      return fc.integer({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6 });
    case "number":
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case "boolean":
      return fc.boolean();
    case "array":
      return fc.array(s.items ? fromJsonSchema(s.items) : hostileValue, { maxLength: 5 });
    default:
      return hostileValue;
  }
}

/** Per field of an object schema: a value it accepts, or a hostile one. */
export function fieldsFor(schema: z.ZodType): fc.Arbitrary<Record<string, unknown>> {
  return fc.oneof(
    { weight: 2, arbitrary: fromSchema(schema) as fc.Arbitrary<Record<string, unknown>> },
    { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 12 }), hostileValue, { maxKeys: 5 }) },
    {
      weight: 1,
      arbitrary: (fromSchema(schema) as fc.Arbitrary<Record<string, unknown>>).chain((ok) =>
        fc.constantFrom(...Object.keys(ok), "x").chain((key) => hostileValue.map((bad) => ({ ...ok, [key]: bad }))),
      ),
    },
  );
}
