// Which requests may change state: only those a page of this app sent. Browsers name the page
// that sent a request in Origin (on every POST, PUT, PATCH and DELETE) and in Sec-Fetch-Site;
// a page on a sibling origin (another port or subdomain, which SameSite=Lax cookies do not
// stop) names itself, and is refused. The app's own origin is APP_URL's when set; otherwise
// the host the request was sent to, as Next.js decides it for server actions: X-Forwarded-Host
// (which Next.js sets from Host, and which no page can set on another site's request), else
// Host. Next.js forwards an action to the page that holds it with the first request's headers
// and a new Host, so the forwarded request passes the same check.
import { msg } from "../i18n/msg";
import { AppError } from "./errors";
import { env } from "../env";

/** A 403 saying why, when the request did not come from a page of this app; else null. */
export function foreignOriginError(headers: Headers, appUrl: string | undefined = env.APP_URL): AppError | null {
  const origin = headers.get("origin");
  if (origin === null) {
    if (headers.get("sec-fetch-site") === "same-origin") return null;
    return new AppError("FORBIDDEN", msg("errors.origin.missing", { header: "Origin" }));
  }
  let sender: URL | null = null;
  try {
    sender = origin === "null" ? null : new URL(origin);
  } catch {
    sender = null;
  }
  const host = (headers.get("x-forwarded-host") ?? headers.get("host") ?? "").split(",")[0].trim().toLowerCase();
  const own = appUrl ? sender?.origin === new URL(appUrl).origin : sender !== null && sender.host === host;
  if (own) return null;
  return new AppError("FORBIDDEN", msg("errors.origin.foreign", { origin: origin.slice(0, 100) }));
}

/** A 415 unless the request declares a JSON body (forms cannot send one to another site). */
export function notJsonError(headers: Headers): AppError | null {
  const type = (headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/json") return null;
  return new AppError("UNSUPPORTED_MEDIA_TYPE", msg("errors.request.notJsonType", { header: "Content-Type: application/json" }));
}
