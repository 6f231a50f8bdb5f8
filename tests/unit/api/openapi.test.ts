// The OpenAPI document of /api/v1 (lib/api/openapi.ts): valid OpenAPI 3.1 by the specification's
// own JSON Schema, every operation of lib/api/operations in it once with its parameters, body,
// success and error answers, and every $ref pointing at something that is there.
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { openApiDocument } from "@/lib/api/openapi";
import { defineOperation, type Operation } from "@/lib/api/operation";
import { operations } from "@/lib/api/operations";
import { tokensOperations } from "@/lib/api/operations/tokens";
import { answerValidator, schemaProblems, schemasOf } from "../../support/openapi-check";

type Json = Record<string, unknown>;
const INFO = { version: "0.1.0", serverUrl: "https://synack.example.edu/" };

async function validity(doc: unknown): Promise<{ valid: boolean; errors: unknown }> {
  const validator = new Validator();
  const result = await validator.validate(structuredClone(doc) as Parameters<Validator["validate"]>[0]);
  return { valid: result.valid, errors: result.errors };
}

/** Every `$ref` in `doc`, with where it was found. */
function refsOf(value: unknown, at = "#"): { ref: string; at: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => refsOf(v, `${at}/${i}`));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === "$ref" && typeof v === "string" ? [{ ref: v, at }] : refsOf(v, `${at}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}`),
  );
}

function resolve(doc: unknown, ref: string): unknown {
  if (!ref.startsWith("#/")) return undefined;
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Json)[part] : undefined), doc);
}

const operationOf = (doc: Json, op: Operation) => (doc.paths as Record<string, Json>)[op.path][op.method.toLowerCase()] as Json;

describe("the /api/v1 OpenAPI document", () => {
  const doc = openApiDocument(operations, INFO);

  it("is valid OpenAPI 3.1", async () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(await validity(doc)).toEqual({ valid: true, errors: undefined });
  });

  it("a document the validator refuses is reported: the check can fail", async () => {
    const broken = structuredClone(doc) as Json;
    (broken.info as Json).version = 3;
    expect((await validity(broken)).valid).toBe(false);
  });

  it("every schema in it is a valid JSON Schema 2020-12 schema (OpenAPI 3.1's dialect)", () => {
    const schemas = schemasOf(doc);
    expect(schemas.length).toBeGreaterThan(operations.length);
    for (const { at, schema } of schemas) expect(schemaProblems(schema), at).toEqual([]);
    expect(schemaProblems({ type: 5 })).not.toEqual([]);
  });

  it("answers match their documented schemas; an answer that does not is caught", () => {
    const created = answerValidator(doc, "POST", "/tokens", 201);
    const token = {
      id: "tok1",
      name: "grading scripts",
      prefix: "synack_Ab3dE9",
      createdAt: "2026-12-01T10:00:00.000Z",
      lastUsedAt: null,
      expiresAt: "2026-12-31T10:00:00.000Z",
      token: "synack_Ab3dE9xyz",
    };
    expect(created(token)).toEqual([]);
    expect(created({ ...token, token: undefined })).not.toEqual([]);
    expect(created({ ...token, lastUsedAt: 5 })).not.toEqual([]);
    const refused = answerValidator(doc, "POST", "/tokens", 422);
    expect(refused({ error: "UNPROCESSABLE", message: "…", issues: [{ path: ["name"], message: "Too short" }] })).toEqual([]);
    expect(refused({ error: "UNPROCESSABLE", issues: [] })).not.toEqual([]);
  });

  it("points at the server's /api/v1 and names the package version", () => {
    expect(doc.servers).toEqual([{ url: "https://synack.example.edu/api/v1" }]);
    expect((doc.info as Json).version).toBe("0.1.0");
  });

  it("lists every operation once, by a unique operationId, with a parameter for each {name} of its path", () => {
    const ids = operations.map((op) => op.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(operations.length).toBeGreaterThanOrEqual(tokensOperations.length);
    for (const op of operations) {
      const entry = operationOf(doc, op);
      expect(entry.operationId).toBe(op.id);
      const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const pathParams = (entry.parameters as Json[]).filter((p) => p.in === "path");
      expect(pathParams.map((p) => p.name).sort(), op.id).toEqual([...names].sort());
      for (const p of pathParams) expect(p.required).toBe(true);
    }
  });

  it("every $ref resolves inside the document", () => {
    const refs = refsOf(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const { ref, at } of refs) expect(resolve(doc, ref), `${ref} at ${at}`).toBeDefined();
  });

  it("the token operations: list and revoke take a session or a token, create only a session; 201 with the token, 204 on revoke", () => {
    const list = operationOf(
      doc,
      tokensOperations.find((op) => op.id === "listTokens")!,
    );
    const create = operationOf(
      doc,
      tokensOperations.find((op) => op.id === "createToken")!,
    );
    const revoke = operationOf(
      doc,
      tokensOperations.find((op) => op.id === "revokeToken")!,
    );
    expect(list.security).toEqual([{ bearer: [] }, { session: [] }]);
    expect(create.security).toEqual([{ session: [] }]);
    const created = (create.responses as Json)["201"] as Json;
    const schema = (created.content as Json)["application/json"] as { schema: Json };
    expect((schema.schema.required as string[]).sort()).toEqual(["createdAt", "expiresAt", "id", "lastUsedAt", "name", "prefix", "token"]);
    expect(Object.keys(create.responses as Json)).toEqual(expect.arrayContaining(["201", "403", "409", "415", "422"]));
    const body = ((create.requestBody as Json).content as Json)["application/json"] as { schema: Json };
    expect(body.schema).toMatchObject({
      type: "object",
      required: ["name"],
      additionalProperties: false,
      properties: { name: { type: "string", minLength: 1, maxLength: 80 }, expiresInDays: { type: "integer", minimum: 1, maximum: 365 } },
    });
    expect((revoke.responses as Json)["204"]).toEqual({ description: "Done" });
    expect((revoke.responses as Json)["200"]).toBeUndefined();
    expect(revoke.parameters).toEqual([
      { name: "tokenId", in: "path", required: true, schema: { type: "string", minLength: 1, maxLength: 64 } },
    ]);
    // A signed-in operation that a token may call has no role to lack: no 403.
    expect((list.responses as Json)["403"]).toBeUndefined();
  });

  it("every error answer is the one Error schema", () => {
    for (const op of operations) {
      for (const [status, response] of Object.entries(operationOf(doc, op).responses as Record<string, Json>)) {
        if (Number(status) < 400) continue;
        expect(response.description, `${op.id} ${status}`).toBeTruthy();
        expect(response.content).toEqual({ "application/json": { schema: { $ref: "#/components/schemas/Error" } } });
      }
    }
    expect((doc.components as Json).schemas).toHaveProperty("Error.required", ["error", "message"]);
  });

  it("query parameters: optional ones are not required, descriptions move to the parameter", () => {
    const op = defineOperation({
      id: "searchThings",
      method: "GET",
      path: "/courses/{courseId}/things",
      summary: "Things",
      tag: "Things",
      access: { permission: "banks.view" },
      params: z.object({ courseId: z.string().min(1).max(64) }),
      query: z.object({ q: z.string().max(100).optional().meta({ description: "Words in the title" }), page: z.string().max(4) }),
      response: z.object({ items: z.array(z.string()) }),
    });
    const entry = operationOf(openApiDocument([op], INFO), op);
    expect(entry.parameters).toEqual([
      { name: "courseId", in: "path", required: true, schema: { type: "string", minLength: 1, maxLength: 64 } },
      { name: "q", in: "query", required: false, schema: { type: "string", maxLength: 100 }, description: "Words in the title" },
      { name: "page", in: "query", required: true, schema: { type: "string", maxLength: 4 } },
    ]);
    expect(entry["x-access"]).toBe("banks.view");
    expect(Object.keys(entry.responses as Json)).toContain("403");
  });

  it("a recursive or shared schema lands in components, and the document stays valid", async () => {
    type Tree = { label: string; children: Tree[] };
    const TreeSchema: z.ZodType<Tree> = z.lazy(() => z.object({ label: z.string().max(20), children: z.array(TreeSchema) }));
    const Point = z.object({ x: z.number(), y: z.number() }).meta({ id: "OpenApiTestPoint" });
    const op = defineOperation({
      id: "plantTree",
      method: "POST",
      path: "/trees",
      summary: "Plant a tree",
      tag: "Trees",
      access: "signed-in",
      params: z.object({}),
      body: z.object({ tree: TreeSchema, from: Point, to: Point }),
      response: TreeSchema,
      status: 201,
    });
    const built = openApiDocument([op], INFO);
    expect(await validity(built)).toMatchObject({ valid: true });
    for (const { ref, at } of refsOf(built)) {
      expect(ref, at).toMatch(/^#\/components\/schemas\//);
      expect(resolve(built, ref), `${ref} at ${at}`).toBeDefined();
    }
    const schemas = (built.components as Json).schemas as Json;
    expect(schemas.OpenApiTestPoint).toEqual({
      type: "object",
      properties: { x: { type: "number" }, y: { type: "number" } },
      required: ["x", "y"],
    });
    // The response is the tree itself: its self-reference becomes a named component.
    const response = (((operationOf(built, op).responses as Json)["201"] as Json).content as Json)["application/json"] as Json;
    expect(response.schema).toEqual({ $ref: "#/components/schemas/PlantTreeResponse" });
    expect(JSON.stringify(schemas.PlantTreeResponse)).toContain('"#/components/schemas/PlantTreeResponse"');
    const planted = answerValidator(built, "POST", "/trees", 201);
    expect(planted({ label: "root", children: [{ label: "leaf", children: [] }] })).toEqual([]);
    expect(planted({ label: "root", children: [{ label: 7, children: [] }] })).not.toEqual([]);
  });
});
