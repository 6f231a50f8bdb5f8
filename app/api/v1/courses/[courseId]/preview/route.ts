// POST /api/v1/courses/{courseId}/preview: one variant of a template being written (lib/api/operations/preview.ts).
import { can } from "@/lib/auth/permissions";
import { previewVariant } from "@/lib/authoring/preview";
import { previewOp } from "@/lib/api/operations/preview";
import { apiRoute } from "@/lib/api/route";
import { json, otherMethods } from "@/lib/server/route";

export const POST = apiRoute(previewOp, async ({ access, body }) => {
  const started = performance.now();
  const { template, seed } = body!;
  const result = previewVariant(template, seed, can(access.role, "questions.expected"));
  const response = json(result);
  // What the variant cost the server, for the editor's latency figures (docs/performance.md).
  response.headers.set("Server-Timing", `preview;dur=${(performance.now() - started).toFixed(1)}`);
  return response;
});

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
