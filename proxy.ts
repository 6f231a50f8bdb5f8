// Runs before every page request (Next.js 16 "proxy", formerly middleware):
// - a POST to a page is a server action: refused with a 4xx and a message when another site's
//   page sent it, its body is over the limit, or its arguments cannot be decoded
//   (lib/server/action-guard.ts), where Next.js itself would answer 500; its message is in the
//   reader's language as the cookie and Accept-Language say (the account's choice is not
//   read here: the switch sets the cookie too);
// - every page gets a Content-Security-Policy with a fresh nonce, which Next.js reads from the
//   request's CSP header and puts on its scripts (lib/server/security-headers.ts), and may be
//   framed by the registered LMS platforms (lib/lti/frame-origins.ts, cached per process);
// - while the database is unreachable, pages get the 503 page; each request checks again
//   (cached for a second), so the app recovers by itself.
// The JSON APIs are not routed through here (only API paths with a %-escape that may not
// decode, which Next.js would answer with a 500): the proxy costs milliseconds on the hot
// autosave path and drains a body before the handler sees it, and the handlers check origin,
// body and database themselves (lib/server/route.ts); next.config.ts gives them, and static
// files, their headers.
import { NextResponse, type NextRequest } from "next/server";
import { databaseHealthy } from "@/lib/db/health";
import { db } from "@/lib/db/client";
import { framingOrigins } from "@/lib/lti/frame-origins";
import { env } from "@/lib/env";
import { readerLocale, textIn } from "@/lib/i18n/translate";
import { actionRequestError } from "@/lib/server/action-guard";
import type { AppError } from "@/lib/server/errors";
import { undecodablePathError } from "@/lib/server/request-path";
import { commonSecurityHeaders, frameAncestorsFor, newNonce, pageCsp, servedOverHttps } from "@/lib/server/security-headers";

function withSecurityHeaders(response: NextResponse, csp: string, https: boolean, framed: boolean): NextResponse {
  response.headers.set("Content-Security-Policy", csp);
  if (!framed) response.headers.set("X-Frame-Options", "DENY"); // for browsers without frame-ancestors
  for (const { key, value } of commonSecurityHeaders(https)) response.headers.set(key, value);
  return response;
}

/** The JSON error a refused request gets, in the reader's language. */
function refusal(request: NextRequest, error: AppError): NextResponse {
  return NextResponse.json(
    { error: error.code, message: textIn(readerLocale(request.headers))(error.text) },
    { status: error.status, headers: { "Cache-Control": "no-store" } },
  );
}

export async function proxy(request: NextRequest) {
  // Next.js answers a path it cannot decode ("%ff", "%zz") with a 500.
  const badPath = undecodablePathError(request.nextUrl.pathname);
  if (badPath) return refusal(request, badPath);
  if (request.nextUrl.pathname.startsWith("/api/")) return NextResponse.next();
  if (request.method !== "GET" && request.method !== "HEAD") {
    const refused = await actionRequestError(request);
    if (refused) return refusal(request, refused);
  }
  const https = servedOverHttps(env.APP_URL);
  const nonce = newNonce();
  // While the database is out of reach no LMS is known, and no page is framed.
  const platformOrigins = await framingOrigins(db).catch(() => [] as string[]);
  const frameAncestors = frameAncestorsFor(request.nextUrl.pathname, platformOrigins);
  const csp = pageCsp({ nonce, frameAncestors, https, dev: env.NODE_ENV === "development" });
  const framed = frameAncestors.join(" ") !== "'none'";
  // Next.js takes the nonce from the request's Content-Security-Policy header while rendering.
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", csp);
  if (request.nextUrl.pathname !== "/unavailable" && !(await databaseHealthy())) {
    return withSecurityHeaders(
      NextResponse.rewrite(new URL("/unavailable", request.url), { status: 503, headers: { "Retry-After": "5" }, request: { headers } }),
      csp,
      https,
      framed,
    );
  }
  return withSecurityHeaders(NextResponse.next({ request: { headers } }), csp, https, framed);
}

export const config = {
  matcher: [
    "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
    // API paths only when they hold a %-escape that may not decode: a high byte or a non-hex digit.
    "/api/:path(.*%(?:[89a-fA-F]|[^0-9a-fA-F]|.[^0-9a-fA-F]).*)",
  ],
};
