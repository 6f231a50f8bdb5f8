// Checks against the /api/v1 OpenAPI document with a JSON Schema 2020-12 validator (Ajv): that
// each of its schemas is a valid schema, and that an answer matches what the document says.
import { Ajv2020 } from "ajv/dist/2020.js";

type Json = Record<string, unknown>;

function ajv() {
  // Formats (date-time) are documentation here; the types, shapes and limits are checked.
  return new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
}

/** Every schema object of the document: components, parameters, bodies, answers. */
export function schemasOf(doc: Json): { at: string; schema: Json }[] {
  const found: { at: string; schema: Json }[] = [];
  for (const [name, schema] of Object.entries(((doc.components as Json).schemas ?? {}) as Record<string, Json>))
    found.push({ at: `components.schemas.${name}`, schema });
  for (const [path, methods] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
    for (const [method, op] of Object.entries(methods)) {
      const at = `${method.toUpperCase()} ${path}`;
      for (const p of (op.parameters ?? []) as Json[]) found.push({ at: `${at} parameter ${String(p.name)}`, schema: p.schema as Json });
      const body = ((op.requestBody as Json | undefined)?.content as Json | undefined)?.["application/json"] as Json | undefined;
      if (body) found.push({ at: `${at} body`, schema: body.schema as Json });
      for (const [status, response] of Object.entries(op.responses as Record<string, Json>)) {
        const content = (response.content as Json | undefined)?.["application/json"] as Json | undefined;
        if (content) found.push({ at: `${at} ${status}`, schema: content.schema as Json });
      }
    }
  }
  return found;
}

/** The problems of `schema` as a JSON Schema 2020-12 schema, or []. */
export function schemaProblems(schema: Json): string[] {
  const checker = ajv();
  if (checker.validateSchema(schema)) return [];
  return (checker.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** A validator of the answer `status` of `method path`, with the document's components in reach of its $refs. */
export function answerValidator(doc: Json, method: string, path: string, status: number): (value: unknown) => string[] {
  const op = (doc.paths as Record<string, Record<string, Json>>)[path][method.toLowerCase()];
  const response = (op.responses as Record<string, Json>)[String(status)];
  if (!response) throw new Error(`${method} ${path} documents no ${status}`);
  const schema = ((response.content as Json)["application/json"] as Json).schema as Json;
  const validate = ajv().compile({ ...schema, components: doc.components });
  return (value) => (validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));
}
