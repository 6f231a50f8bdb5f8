// The editor's form is derived from the schemas it edits: each family's parameters and each
// answer kind's ask. For every family and kind, the derived fields name exactly the schema's
// properties, and their bounds and options are the ones the schema accepts — a value at a
// bound parses, one past it does not — so the form neither offers what would be refused nor
// hides what is allowed.
import { describe, expect, it } from "vitest";
import { askFields, editorCatalog, paramFields, type FormField } from "@/lib/authoring/param-fields";
import { AskSchema, POLICIES } from "@/lib/questions";
import { asks } from "@/lib/questions/kinds";
import { families } from "@/lib/scenarios";

const kinds = asks.map((a) => a.shape.kind.value);

/** Values a field offers (at its bounds, each option) and values just outside it. */
function inside(field: FormField): unknown[] {
  switch (field.type) {
    case "integer":
      return [field.min ?? 0, field.max ?? (field.min ?? 0) + 1000];
    case "boolean":
      return [true, false];
    case "enum":
      return field.options;
    case "set":
      return [field.options.slice(0, field.minItems), field.options.slice(0, field.maxItems)];
  }
}
function outside(field: FormField): unknown[] {
  switch (field.type) {
    case "integer":
      return [(field.min ?? 0) - 1, ...(field.max !== undefined ? [field.max + 1] : []), (field.min ?? 0) + 0.5];
    case "boolean":
      return ["yes"];
    case "enum":
      return ["not-an-option"];
    case "set":
      return [field.options.slice(0, field.minItems - 1), [...field.options, field.options[0]].slice(0, field.maxItems + 1)];
  }
}

describe("a family's parameters as form fields", () => {
  for (const family of families) {
    const fields = paramFields(family.id);
    const shape = Object.keys((family.params as unknown as { shape: Record<string, unknown> }).shape);
    it(`${family.id}: one field per parameter, each picked by the seed when left out`, () => {
      expect(fields.map((f) => f.name)).toEqual(shape);
      expect(fields.every((f) => f.optional)).toBe(true);
      expect(family.params.safeParse({}).success).toBe(true);
    });
    for (const field of fields) {
      it(`${family.id}.${field.name}: the form's bounds are the schema's`, () => {
        for (const value of inside(field))
          expect(family.params.safeParse({ [field.name]: value }).success, `${String(value)} accepted`).toBe(true);
        for (const value of outside(field))
          expect(family.params.safeParse({ [field.name]: value }).success, `${String(value)} refused`).toBe(false);
      });
    }
  }

  it("reads numbers, yes/no and options as the families declare them", () => {
    expect(paramFields("lost-syn")).toEqual([{ name: "losses", type: "integer", min: 1, max: 4, optional: true }]);
    expect(paramFields("syn-queue-overflow")).toEqual([
      { name: "backlog", type: "integer", min: 1, max: 8, optional: true },
      { name: "full", type: "boolean", optional: true },
    ]);
    expect(paramFields("active-close")).toEqual([{ name: "closer", type: "enum", options: ["client", "server"], optional: true }]);
    expect(paramFields("handshake")).toEqual([]);
  });

  it("has no fields for a family that does not exist", () => {
    expect(paramFields("no-such-family")).toEqual([]);
  });
});

describe("an answer kind's ask as form fields", () => {
  for (const kind of kinds) {
    const fields = askFields(kind);
    /** The ask with every required field at its first allowed value (what the editor starts from). */
    const start = Object.fromEntries([
      ["kind", kind],
      ...fields.filter((f) => !f.optional).map((f) => [f.name, inside(f)[f.type === "set" ? 1 : 0]]),
    ]);
    it(`${kind}: the required fields alone make a valid ask`, () => {
      expect(AskSchema.safeParse(start).success).toBe(true);
    });
    for (const field of fields) {
      it(`${kind}.${field.name}: the form's bounds are the schema's${field.optional ? "; leaving it out is allowed" : "; it is required"}`, () => {
        for (const value of inside(field))
          expect(AskSchema.safeParse({ ...start, [field.name]: value }).success, `${JSON.stringify(value)} accepted`).toBe(true);
        for (const value of outside(field))
          expect(AskSchema.safeParse({ ...start, [field.name]: value }).success, `${JSON.stringify(value)} refused`).toBe(false);
        const { [field.name]: _left, ...without } = start;
        expect(AskSchema.safeParse(without).success).toBe(field.optional);
      });
    }
  }

  it("reads the kinds' fields, defaults and sets of endpoints", () => {
    expect(askFields("segments")).toEqual([
      { name: "given", type: "integer", min: 0, max: 40, optional: true, defaultValue: 0 },
      { name: "count", type: "integer", min: 1, max: 16, optional: true, defaultValue: 8 },
    ]);
    expect(askFields("states")).toEqual([
      { name: "endpoints", type: "set", options: ["client", "server"], minItems: 1, maxItems: 2, optional: false },
    ]);
    const time = askFields("time");
    expect(time.map((f) => f.name)).toEqual(["endpoint", "state", "measure", "toleranceMs"]);
    // No upper bound a person would type: none is offered.
    expect(time[3]).toEqual({ name: "toleranceMs", type: "integer", min: 0, optional: true, defaultValue: 0 });
    expect(askFields("final-state").find((f) => f.name === "atMs")).toEqual({ name: "atMs", type: "integer", min: 0, optional: true });
    expect(askFields("choice")[0]).toMatchObject({ name: "topic", type: "enum", optional: false });
  });
});

describe("the editor's catalog", () => {
  it("offers every family with its parameters, every kind and every policy", () => {
    const catalog = editorCatalog();
    expect(catalog.families.map((f) => f.id)).toEqual(families.map((f) => f.id));
    expect(catalog.families.find((f) => f.id === "lost-syn")).toMatchObject({
      title: { key: "families.lost-syn.title" },
      concept: { key: "families.lost-syn.concept" },
      counterfactual: false,
      fields: paramFields("lost-syn"),
    });
    expect(catalog.families.find((f) => f.id === "no-time-wait")?.counterfactual).toBe(true);
    expect(catalog.kinds.map((k) => k.kind)).toEqual(kinds);
    expect(catalog.policies).toEqual(POLICIES);
  });

  it("is plain data the page can hand to the browser", () => {
    const catalog = editorCatalog();
    expect(JSON.parse(JSON.stringify(catalog))).toEqual(catalog);
  });
});
