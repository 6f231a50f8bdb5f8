// Reading a JSON request body: at most JSON_BODY_LIMIT bytes, valid UTF-8, nested at most
// MAX_JSON_DEPTH deep (lib/server/limits.ts), and no "__proto__" keys. JSON itself has no NaN
// or Infinity, so those are refused as not JSON. Each refusal is a 4xx with a message.
import "server-only";
import { decodeUtf8, readBody } from "./body";
import { parseJsonText } from "./json-text";
import { JSON_BODY_LIMIT } from "./limits";

/** The request body as JSON, or a 4xx saying what is wrong with it. */
export async function readJson(request: Request, limitBytes = JSON_BODY_LIMIT): Promise<unknown> {
  return parseJsonText(decodeUtf8(await readBody(request, limitBytes)));
}
