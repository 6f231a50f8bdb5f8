// Where to go after signing in: a path on this site, never another origin. The value is
// resolved with the URL parser, as a browser would resolve it, and kept only if it stays on
// the app's origin; browsers strip tabs and newlines and read "\" as "/", so "/\t/evil" and
// "/\evil" are protocol-relative URLs to another host. The answer is the parser's own
// serialization (percent-encoded ASCII), so it is always a valid Location header.
import { appUrl } from "../env";

/** Longer values are not return addresses the app makes. */
export const MAX_RETURN_URL_LENGTH = 2048;

export function safeReturnUrl(next: unknown, fallback = "/", origin = new URL(appUrl()).origin): string {
  if (typeof next !== "string" || next.length > MAX_RETURN_URL_LENGTH || !next.startsWith("/")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return fallback;
  }
  // "/.//evil" normalizes to the path "//evil", which a browser reads as another host.
  if (url.origin !== origin || url.pathname.startsWith("//")) return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}
