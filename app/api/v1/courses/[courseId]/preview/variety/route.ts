// POST /api/v1/courses/{courseId}/preview/variety: the template sampled on many seeds (lib/api/operations/preview.ts).
import { previewVariety } from "@/lib/authoring/preview";
import { varietyOp } from "@/lib/api/operations/preview";
import { apiRoute } from "@/lib/api/route";
import { json, otherMethods } from "@/lib/server/route";

export const POST = apiRoute(varietyOp, async ({ body }) => {
  const started = performance.now();
  const { template, samples, firstSeed } = body!;
  const report = previewVariety(template, samples, firstSeed);
  const response = json(report);
  response.headers.set("Server-Timing", `variety;dur=${(performance.now() - started).toFixed(1)}`);
  return response;
});

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
