// A path Next.js cannot decode ("%ff", "%zz") it answers with a 500; proxy.ts refuses it first.
import { msg } from "../i18n/msg";
import { AppError } from "./errors";

/** A 400 when the path holds a %-escape that does not decode, else null. */
export function undecodablePathError(pathname: string): AppError | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return new AppError("BAD_REQUEST", msg("errors.request.badEscape"));
  }
}
