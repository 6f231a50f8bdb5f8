// The body of the roster routes: a CSV file, not JSON, read with the import's own limit.
import "server-only";
import { msg } from "../i18n/msg";
import { MAX_ROSTER_BYTES } from "../lms/roster-schemas";
import { decodeUtf8, readBody } from "../server/body";
import { AppError } from "../server/errors";

const MEDIA_TYPES = ["text/csv", "text/plain", "application/octet-stream"];

/** The roster file's text: a 415 for another media type, a 413 over the limit, a 400 for bytes that are not UTF-8. */
export async function rosterText(request: Request): Promise<string> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "" && !MEDIA_TYPES.includes(type))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", msg("rosterImport.problem.mediaType", { types: MEDIA_TYPES.join(", ") }));
  return decodeUtf8(await readBody(request, MAX_ROSTER_BYTES));
}
