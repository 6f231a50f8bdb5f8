// Reading a JSON request body, with a size limit.
import "server-only";
import { AppError } from "./errors";

/** The request body as JSON, or a 400 saying it is not JSON. */
export async function readJson(request: Request, limitBytes = 64_000): Promise<unknown> {
  const text = await request.text();
  if (text.length > limitBytes) throw new AppError("UNPROCESSABLE", `The request is too large (over ${limitBytes} bytes).`);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not valid JSON.");
  }
}
