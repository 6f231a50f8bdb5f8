// The OpenAPI 3.1 document of /api/v1, generated from the operations' own zod schemas with
// zod's JSON Schema output (OpenAPI 3.1's schema objects are JSON Schema 2020-12). Served at
// /api/v1/openapi.json; nothing in it is written by hand but the summaries.
import { z } from "zod";
import { ApiErrorSchema } from "./errors";
import type { Operation } from "./operation";

type JsonSchema = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: "The query or the body is not valid JSON, or the query does not validate (issues)",
  401: "Neither a session nor a valid API token",
  403: "The caller's role in the course does not allow this",
  404: "No such course, or the caller is not part of it; or no such resource",
  409: "The resource changed meanwhile, or the change would make grades inconsistent",
  413: "The body is larger than the limit",
  415: "A cookie caller's body is not declared application/json",
  422: "The body does not validate: every issue with its path",
  429: "Too many unknown tokens from this address",
  503: "The database is busy or unreachable: retry",
};

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const out = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
}

function parametersOf(op: Operation): unknown[] {
  const list: unknown[] = [];
  for (const [where, schema] of [
    ["path", op.params],
    ["query", op.query],
  ] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, "input");
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

export function openApiDocument(operations: readonly Operation[], info: { version: string; serverUrl: string }): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorResponse = { description: "", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
  for (const op of operations) {
    const statuses = [400, 401, 404, 413, 422, 429, 503, ...(op.access === "signed-in" ? [] : [403]), ...(op.errors ?? [])];
    if (op.body) statuses.push(415);
    const responses: Record<string, unknown> = {};
    const status = op.status ?? 200;
    responses[String(status)] =
      status === 204
        ? { description: "Done" }
        : { description: "Success", content: { "application/json": { schema: schemaOf(op.response, "output") } } };
    for (const code of [...new Set(statuses)].sort()) responses[String(code)] = { ...errorResponse, description: ERROR_TEXT[code] };
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: [op.tag],
      parameters: parametersOf(op),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body, "input") } } } } : {}),
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
      schemas: { Error: schemaOf(ApiErrorSchema, "output") },
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "A personal API token (synack_…)" },
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
      },
    },
  };
}
