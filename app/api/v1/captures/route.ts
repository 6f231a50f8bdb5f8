// POST /api/v1/captures: a capture file's bytes in, its connections and one compared with the
// engine out (lib/api/operations/captures.ts). The body is binary, so it is read here with the
// capture reader's own limit rather than as JSON.
import { importCaptureOp } from "@/lib/api/operations/captures";
import { apiRoute } from "@/lib/api/route";
import { checkCaptureMediaType, importCapture, type CaptureQuery } from "@/lib/authoring/capture-import";
import { MAX_CAPTURE_BYTES } from "@/lib/capture";
import { textIn } from "@/lib/i18n/translate";
import { readBody } from "@/lib/server/body";
import { otherMethods } from "@/lib/server/route";

const handler = apiRoute(importCaptureOp, async ({ request, query, locale }) => {
  checkCaptureMediaType(request.headers.get("content-type"));
  const bytes = await readBody(request, MAX_CAPTURE_BYTES);
  // apiRoute parsed the query with CaptureQuerySchema; its context type loses an optional `query` schema's output.
  return importCapture(bytes, query as unknown as CaptureQuery, textIn(locale));
});

// A route without dynamic segments is called without `params`; apiRoute awaits them.
export const POST = (request: Request) => handler(request, { params: Promise.resolve({}) });

// The other methods: 405, naming the ones this address takes.
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
