// Reading a request body with a byte limit that holds while the body streams in: a declared
// Content-Length over the limit is refused before a byte is read, and a chunked body (no
// Content-Length) is cut off at the limit, so a client cannot make the server hold more than
// `limitBytes` of its body in memory.
import { msg } from "../i18n/msg";
import { AppError } from "./errors";

function tooLarge(limitBytes: number): AppError {
  // The limit as digits, as a program reads it (no thousands separator).
  return new AppError("PAYLOAD_TOO_LARGE", msg("errors.request.tooLarge", { limit: String(limitBytes) }));
}

/** Refuses a declared Content-Length over the limit (a 413) without reading the body. */
export function checkDeclaredLength(headers: Headers, limitBytes: number): void {
  const declared = headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limitBytes) throw tooLarge(limitBytes);
}

/** The body's bytes, at most `limitBytes` of them; more is a 413 and the rest is not read. */
export async function readBody(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  checkDeclaredLength(request.headers, limitBytes);
  if (!request.body) return new Uint8Array(new ArrayBuffer(0));
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw new AppError("BAD_REQUEST", msg("errors.request.cutOff"));
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > limitBytes) {
      void reader.cancel().catch(() => undefined);
      throw tooLarge(limitBytes);
    }
    chunks.push(chunk.value);
  }
  reader.releaseLock();
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return bytes;
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** The bytes as text; bytes that are not UTF-8 are a 400 rather than silently replaced. */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", msg("errors.request.notUtf8"));
  }
}
