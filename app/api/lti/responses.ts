// What the LTI protocol routes share: they are posted by the LMS (another site, by design, so
// the origin check of lib/server/route.ts does not apply: the id_token and the state cookie are
// what prove a launch), they read forms, and a refusal is an HTML page shown in the LMS's frame.
import "server-only";
import { databaseAppError } from "@/lib/server/database-errors";
import { appUrl, env } from "@/lib/env";
import { msg } from "@/lib/i18n/msg";
import { readerLocale, textIn } from "@/lib/i18n/translate";
import { launchService } from "@/lib/lti";
import type { LaunchRefusal } from "@/lib/lti/launch-refusal";
import { refusalPageCsp, refusalPageHtml } from "@/lib/lti/refusal-page";
import { decodeUtf8, readBody } from "@/lib/server/body";
import { AppError } from "@/lib/server/errors";
import { errorResponse, json } from "@/lib/server/route";
import { commonSecurityHeaders, servedOverHttps } from "@/lib/server/security-headers";

/** A login or launch form: a few kilobytes (an id_token with its claims, a message hint). */
export const LTI_FORM_LIMIT = 64_000;

export function toolOrigin(): string {
  return new URL(appUrl()).origin;
}

export function https(): boolean {
  return servedOverHttps(env.APP_URL);
}

/** The form's fields; a body that is not a form is a 415. */
export async function readForm(request: Request): Promise<URLSearchParams> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded")
    throw new AppError(
      "UNSUPPORTED_MEDIA_TYPE",
      msg("ltiLaunch.notForm", { expected: "application/x-www-form-urlencoded", type: type || "—" }),
    );
  return new URLSearchParams(decodeUtf8(await readBody(request, LTI_FORM_LIMIT)));
}

function withHeaders(response: Response): Response {
  response.headers.set("Cache-Control", "no-store");
  for (const { key, value } of commonSecurityHeaders(https())) response.headers.set(key, value);
  return response;
}

export function redirectTo(location: string, status: 302 | 303, setCookies: string[] = []): Response {
  const headers = new Headers({ Location: location });
  for (const cookie of setCookies) headers.append("Set-Cookie", cookie);
  return withHeaders(new Response(null, { status, headers }));
}

/** The refusal page, framed by the registered platforms only. */
export async function refusalResponse(request: Request, refusal: LaunchRefusal, retryLogin: string | null = null): Promise<Response> {
  const html = refusalPageHtml(refusal, readerLocale(request.headers), retryLogin);
  const response = new Response(html, {
    status: refusal.status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": refusalPageCsp(await launchService.framingOrigins()),
    },
  });
  return withHeaders(response);
}

/** Runs a protocol route: bad input is a 4xx JSON error, a busy or absent database a 503, never a stack trace. */
export async function ltiRoute(request: Request, handler: () => Promise<Response>): Promise<Response> {
  const locale = readerLocale(request.headers);
  try {
    return await handler();
  } catch (error) {
    if (error instanceof AppError) return errorResponse(error, locale);
    const unavailable = await databaseAppError(error);
    if (unavailable) return errorResponse(unavailable, locale);
    console.error("LTI route failed", error);
    return json({ error: "INTERNAL", message: textIn(locale)(msg("errors.unexpected")) }, 500);
  }
}
