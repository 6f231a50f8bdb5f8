// The OpenAPI 3.1 document of /api/v1, generated from the operations' own zod schemas with
// zod's JSON Schema output (OpenAPI 3.1's schema objects are JSON Schema 2020-12). Served at
// /api/v1/openapi.json; nothing in it is written by hand but the summaries.
import { z } from "zod";
import { ApiErrorSchema } from "./errors";
import type { FormBody, Operation } from "./operation";

type JsonSchema = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: "The query or the body is not valid JSON, or the query does not validate (issues)",
  401: "Neither a session nor a valid API token",
  403: "The caller's role in the course does not allow this, or an API token called a session-only operation",
  404: "No such course, or the caller is not part of it; or no such resource",
  409: "The resource changed meanwhile, or the change would make grades inconsistent",
  413: "The body is larger than the limit",
  415: "A cookie caller's body is not declared application/json",
  422: "The body does not validate: every issue with its path",
  429: "Too many unknown tokens from this address",
  503: "The database is busy or unreachable: retry",
};

/**
 * The document's shared schemas. zod puts a schema used twice under a `meta({ id })`, or a
 * recursive one (z.lazy), in `$defs` with `$ref: "#/$defs/…"` — or `"#"` for the root itself.
 * Inside an OpenAPI document those references would resolve against the document, so every
 * definition moves to `components.schemas` and its references follow it.
 */
class Components {
  readonly schemas: Record<string, JsonSchema> = {};

  private place(wanted: string, schema: JsonSchema): string {
    const text = JSON.stringify(schema);
    let name = wanted;
    for (let n = 2; this.schemas[name] && JSON.stringify(this.schemas[name]) !== text; n++) name = `${wanted}${n}`;
    this.schemas[name] = schema;
    return name;
  }

  /** The JSON Schema of `schema`, its definitions placed in the components; `name` names the root if it refers to itself. */
  schemaOf(schema: z.ZodType, io: "input" | "output", name: string): JsonSchema {
    const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
    delete out.$schema;
    const defs = (out.$defs ?? {}) as Record<string, JsonSchema>;
    delete out.$defs;
    const names = new Map<string, string>();
    for (const key of Object.keys(defs)) names.set(key, key.startsWith("__schema") ? `${name}${key.slice("__schema".length)}` : key);
    let selfName: string | null = null;
    const rewrite = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (!value || typeof value !== "object") return value;
      const entries = Object.entries(value as JsonSchema).map(([key, v]) => {
        if (key !== "$ref" || typeof v !== "string") return [key, rewrite(v)];
        if (v === "#") return [key, `#/components/schemas/${(selfName ??= name)}`];
        const def = /^#\/\$defs\/(.+)$/.exec(v);
        return [key, def ? `#/components/schemas/${names.get(def[1]) ?? def[1]}` : v];
      });
      return Object.fromEntries(entries);
    };
    const root = rewrite(out) as JsonSchema;
    for (const [key, def] of Object.entries(defs)) {
      const placed = this.place(names.get(key)!, rewrite(def) as JsonSchema);
      if (placed !== names.get(key)) throw new Error(`openApiDocument: two different schemas are both named ${names.get(key)}`);
    }
    if (selfName === null) return root;
    if (this.place(selfName, root) !== selfName) throw new Error(`openApiDocument: two different schemas are both named ${selfName}`);
    return { $ref: `#/components/schemas/${selfName}` };
  }
}

const capitalized = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);

function parametersOf(op: Operation, components: Components): unknown[] {
  const list: unknown[] = [];
  for (const [where, schema] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!schema) continue;
    const json = components.schemaOf(schema, "input", `${capitalized(op.id)}${where === "path" ? "Path" : "Query"}`);
    const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
    const required = new Set((json.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(properties)) {
      const { description, ...rest } = property;
      list.push({
        name,
        in: where,
        required: where === "path" || required.has(name),
        schema: rest,
        ...(description ? { description } : {}),
      });
    }
  }
  return list;
}

/** A form body's schema: its text fields, and each file field as binary. */
function formSchemaOf(op: Operation, form: FormBody, components: Components): JsonSchema {
  const fields = components.schemaOf(form.fields, "input", `${capitalized(op.id)}Form`);
  const inline = (fields.$ref ? components.schemas[String(fields.$ref).split("/").pop()!] : fields) as JsonSchema;
  const properties = { ...((inline.properties ?? {}) as Record<string, JsonSchema>) };
  for (const name of form.files) properties[name] = { type: "string", format: "binary" };
  return { type: "object", properties, required: [...((inline.required as string[] | undefined) ?? []), ...form.files] };
}

export function openApiDocument(operations: readonly Operation[], info: { version: string; serverUrl: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const components = new Components();
  components.schemas.Error = components.schemaOf(ApiErrorSchema, "output", "Error");
  const errorResponse = { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  for (const op of operations) {
    const refusable = op.access !== "signed-in" || op.sessionOnly;
    const statuses = [400, 401, 404, 413, 422, 429, 503, ...(refusable ? [403] : []), ...(op.errors ?? [])];
    if (op.body || op.form) statuses.push(415);
    const responses: Record<string, unknown> = {};
    const status = op.status ?? 200;
    responses[String(status)] =
      status === 204
        ? { description: "Done" }
        : {
            description: "Success",
            content: op.produces
              ? Object.fromEntries(
                  (typeof op.produces === "string" ? [op.produces] : op.produces).map((type) => [type, { schema: { type: "string" } }]),
                )
              : { "application/json": { schema: components.schemaOf(op.response, "output", `${capitalized(op.id)}Response`) } },
          };
    for (const code of [...new Set(statuses)].sort()) responses[String(code)] = { ...errorResponse, description: ERROR_TEXT[code] };
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      parameters: parametersOf(op, components),
      ...(op.form
        ? {
            requestBody: {
              required: true,
              content: { "multipart/form-data": { schema: formSchemaOf(op, op.form, components) } },
            },
          }
        : {}),
      ...(op.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: components.schemaOf(op.body, "input", `${capitalized(op.id)}Body`) } },
            },
          }
        : {}),
      responses,
      security: op.sessionOnly ? [{ session: [] }] : [{ bearer: [] }, { session: [] }],
      "x-access": op.access === "signed-in" ? "any signed-in user" : op.access.permission,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "SynAck Lab API",
      version: info.version,
      description:
        "Banks, questions with their versions, quizzes, the starter library, previews and the scenario sandbox, for scripts. " +
        "Authenticate with a personal API token (Account page) as `Authorization: Bearer <token>`, or the session cookie.",
    },
    servers: [{ url: `${info.serverUrl.replace(/\/$/, "")}/api/v1` }],
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal API token (synack_…)" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
    },
  };
}
