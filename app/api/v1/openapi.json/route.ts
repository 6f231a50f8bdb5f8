// GET /api/v1/openapi.json: the OpenAPI 3.1 document of /api/v1, public, generated from the
// operations' own schemas (lib/api/openapi.ts).
import packageJson from "@/package.json" with { type: "json" };
import { openApiDocument } from "@/lib/api/openapi";
import { operations } from "@/lib/api/operations";
import { appUrl } from "@/lib/env";
import { json, otherMethods } from "@/lib/server/route";

export const dynamic = "force-dynamic";

export function GET() {
  return json(openApiDocument(operations, { version: packageJson.version, serverUrl: appUrl() }));
}

// The other methods: 405, naming the ones this address takes.
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
