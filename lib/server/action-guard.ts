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

// React encodes an action's arguments as JSON in which a string that starts with "$" is a
// reference: "$$…" is a string that starts with "$", "$D…" a Date, "$undefined" and the like
// plain values, "$K1" a FormData whose fields are in the body, "$1" or "$1:key" a part written
// separately (in a multipart body only). A reference React's client would never write for
// these arguments — to a part the body does not hold, a path through "constructor", an unknown
// tag ("$toLocaleStr") — makes React's decoder throw, which Next.js answers with a 500.
const PLAIN_VALUES = new Set(["$undefined", "$NaN", "$Infinity", "$-Infinity", "$-0", "$T"]);
const PLAIN_TAGGED = /^\$(?:D.*|n-?\d+|[@K][0-9a-f]+)$/s;
/** A part of the body ("$1"), a Map or Set of it ("$Q1", "$W1"), or a path into one ("$1:items:0"). */
const PART_REFERENCE = /^\$[QW]?([0-9a-f]+)((?::[^:]*)*)$/;
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "constructor", "prototype"]);
/** A JSON body is the one part "0": a value met twice is written the second time as a path into it ("$0:1"). */
const ROOT_ONLY: ReadonlySet<string> = new Set(["0"]);

/** Whether React's decoder can read `text` as this body's reference; `parts`: the multipart field names. */
function readableReference(text: string, parts: ReadonlySet<string>): boolean {
  if (text.startsWith("$$") || PLAIN_VALUES.has(text) || PLAIN_TAGGED.test(text)) return true;
  const part = PART_REFERENCE.exec(text);
  if (!part || !parts.has(String(parseInt(part[1], 16)))) return false;
  return part[2].split(":").every((segment) => !FORBIDDEN_SEGMENTS.has(segment));
}

/** Refuses (400) an argument list holding a reference React cannot decode. */
function checkReferences(value: unknown, parts: ReadonlySet<string>): void {
  if (typeof value === "string") {
    if (value.startsWith("$") && !readableReference(value, parts)) {
      throw new AppError("BAD_REQUEST", msg("errors.request.badReference", { value: value.slice(0, 40) }));
    }
  } else if (Array.isArray(value)) for (const item of value) checkReferences(item, parts);
  else if (value !== null && typeof value === "object") for (const item of Object.values(value)) checkReferences(item, parts);
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
  const parts = new Set([...form.keys()]);
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && JSON_FIELD.test(name)) checkReferences(parseJsonText(value), parts);
  }
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
    else if (request.headers.has("next-action")) checkReferences(parseJsonText(decodeUtf8(bytes)), ROOT_ONLY);
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}
