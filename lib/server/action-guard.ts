// Checks a POST to a page (a server action) before Next.js runs it, so that what Next.js would
// answer with a 500 (a foreign Origin, a body over the limit, arguments it cannot decode) is a
// 4xx with a message instead. Runs in proxy.ts. Next.js buffers a proxied request's body for
// the page (up to experimental.proxyClientMaxBodySize); this reads the proxy's copy, so the
// body is read once more, never held twice past ACTION_BODY_LIMIT.
import { decodeUtf8, readBody } from "./body";
import { msg } from "../i18n/msg";
import { AppError } from "./errors";
import { parseJsonText } from "./json-text";
import { ACTION_BODY_LIMIT } from "./limits";
import { foreignOriginError } from "./origin";

/** Fields of React's action encoding that hold JSON: "0", "1", … (fetch actions), "$ACTION_1:0" (forms). */
const JSON_FIELD = /^(?:\d+|\$ACTION_\d+:\d+)$/;

function mediaType(headers: Headers): string {
  return (headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
}

/** Parses a multipart body as the action handler will, and checks the JSON fields in it. */
async function checkMultipart(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<void> {
  let form: FormData;
  try {
    form = await new Request("http://action.invalid/", {
      method: "POST",
      headers: { "content-type": contentType },
      body: bytes,
    }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", msg("errors.request.badMultipart"));
  }
  for (const [name, value] of form.entries()) if (typeof value === "string" && JSON_FIELD.test(name)) parseJsonText(value);
}

/** Why this POST to a page is refused, or null to let Next.js run it. */
export async function actionRequestError(request: Request): Promise<AppError | null> {
  try {
    const foreign = foreignOriginError(request.headers);
    if (foreign) return foreign;
    const bytes = await readBody(request, ACTION_BODY_LIMIT);
    const type = mediaType(request.headers);
    if (type === "multipart/form-data") await checkMultipart(bytes, request.headers.get("content-type") ?? "");
    // A fetch action whose arguments need no multipart encoding sends them as one JSON text.
    else if (request.headers.has("next-action")) parseJsonText(decodeUtf8(bytes));
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}
