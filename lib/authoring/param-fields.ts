// The question editor's form, derived from the schemas it edits: a family's `params` schema
// and each answer kind's `ask` schema become lists of fields (a whole number with its bounds,
// a yes/no, one of a few options, a set of options). Derived from zod's JSON Schema output, so
// a parameter added to a family or a kind shows in the editor with no change here. A family
// parameter left out is picked by the seed (lib/scenarios/families.ts), so every one of them
// is optional; an ask field is optional when its schema has a default or allows leaving it out.
// Pure: the editor's page calls it on the server and hands the lists to the client.
import { z } from "zod";
import type { Msg } from "../i18n/msg";
import { POLICIES } from "../questions/schema";
import { asks } from "../questions/kinds";
import { families } from "../scenarios";

type JsonSchema = {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  default?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
};

interface FieldBase {
  /** The property's name in `params` or `ask`. */
  name: string;
  /** Absent is allowed: for a family parameter, the seed picks it; for an ask field, its default applies. */
  optional: boolean;
  /** The value used when it is left out, if the schema has one. */
  defaultValue?: unknown;
}

export type FormField =
  | (FieldBase & { type: "integer"; min?: number; max?: number })
  | (FieldBase & { type: "boolean" })
  | (FieldBase & { type: "enum"; options: string[] })
  | (FieldBase & { type: "set"; options: string[]; minItems: number; maxItems: number });

/** Bounds beyond this are no bound a person would type (zod writes MAX_SAFE_INTEGER for "none"). */
const NO_BOUND = 2 ** 32;

function fieldOf(name: string, schema: JsonSchema, optional: boolean): FormField | null {
  const base: FieldBase = { name, optional: optional || schema.default !== undefined };
  if (schema.default !== undefined) base.defaultValue = schema.default;
  if (schema.type === "integer" || schema.type === "number") {
    const field: FormField = { ...base, type: "integer" };
    if (schema.minimum !== undefined && Math.abs(schema.minimum) < NO_BOUND) field.min = schema.minimum;
    if (schema.maximum !== undefined && Math.abs(schema.maximum) < NO_BOUND) field.max = schema.maximum;
    return field;
  }
  if (schema.type === "boolean") return { ...base, type: "boolean" };
  if (schema.enum) return { ...base, type: "enum", options: schema.enum.map(String) };
  if (schema.type === "array" && schema.items?.enum) {
    const options = schema.items.enum.map(String);
    return { ...base, type: "set", options, minItems: schema.minItems ?? 0, maxItems: schema.maxItems ?? options.length };
  }
  return null;
}

/** The fields of an object schema, in its order; a `const` property (an ask's `kind`) is no field. */
export function fieldsOf(schema: z.ZodType, { allOptional = false } = {}): FormField[] {
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
  const required = new Set(json.required ?? []);
  const out: FormField[] = [];
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    if (property.const !== undefined) continue;
    const field = fieldOf(name, property, allOptional || !required.has(name));
    if (field) out.push(field);
  }
  return out;
}

/** A family's parameters: every one optional, the seed picks what is left out. */
export function paramFields(familyId: string): FormField[] {
  const family = families.find((f) => f.id === familyId);
  return family ? fieldsOf(family.params, { allOptional: true }) : [];
}

export type AskKindName = (typeof asks)[number]["shape"]["kind"]["value"];

/** The fields of an answer kind's ask, `kind` itself left out. */
export function askFields(kind: string): FormField[] {
  const ask = asks.find((a) => a.shape.kind.value === kind);
  return ask ? fieldsOf(ask) : [];
}

export interface EditorFamily {
  id: string;
  title: Msg;
  concept: Msg;
  counterfactual: boolean;
  fields: FormField[];
}

/** What the editor's form offers: every family with its parameters, every kind with its fields, the policies. */
export interface EditorCatalog {
  families: EditorFamily[];
  kinds: { kind: string; fields: FormField[] }[];
  policies: readonly string[];
}

export function editorCatalog(): EditorCatalog {
  return {
    families: families.map((f) => ({
      id: f.id,
      title: f.title,
      concept: f.concept,
      counterfactual: Boolean((f as { counterfactual?: boolean }).counterfactual),
      fields: fieldsOf(f.params, { allOptional: true }),
    })),
    kinds: asks.map((a) => ({ kind: a.shape.kind.value, fields: fieldsOf(a) })),
    policies: POLICIES,
  };
}
