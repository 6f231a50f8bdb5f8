// Route handlers built here refuse a state change that another site's page sent (403) or that
// is not declared JSON (415), read the caller from the session, parse input with zod, and turn
// every failure into a JSON error with the right status: never a stack trace, never a 500
// for bad input. An error's body is `{ error: <code>, message }`, the message in the caller's
// language (their account's choice, else the language cookie, else Accept-Language).
import "server-only";
import { z } from "zod";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { msg } from "../i18n/msg";
import { readerLocale, textIn } from "../i18n/translate";
import { db } from "../db/client";
import { databaseAppError } from "./database-errors";
import { AppError } from "./errors";
import { foreignOriginError, notJsonError } from "./origin";
import { commonSecurityHeaders, servedOverHttps } from "./security-headers";
import { env } from "../env";
import { authSecret } from "../auth/secret";
import { sessionFromCookie } from "../auth/session-cookie";

export type RouteUser = { id: string; email: string };

type Handler<P> = (ctx: { user: RouteUser; params: P; request: Request }) => Promise<Response>;

/**
 * A JSON response. `no-transform` keeps the server's gzip off these small bodies:
 * compressing a 40-byte answer costs more CPU than it saves bytes, on every autosave.
 */
export function json(data: unknown, status = 200): Response {
  const headers = new Headers({ "Cache-Control": "no-store, no-transform" });
  // HSTS follows APP_URL at run time; next.config.ts sets the other headers at build time.
  for (const { key, value } of commonSecurityHeaders(servedOverHttps(env.APP_URL))) headers.set(key, value);
  return Response.json(data, { status, headers });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Why a state-changing request is refused before anything else runs, or null. */
function forgeryError(request: Request): AppError | null {
  if (SAFE_METHODS.has(request.method)) return null;
  return foreignOriginError(request.headers) ?? notJsonError(request.headers);
}

/** The JSON error for `error`, its message in `locale` (readerLocale(request.headers) gives the caller's). */
export function errorResponse(error: AppError, locale: Locale = DEFAULT_LOCALE): Response {
  return json({ ...error.details, error: error.code, message: textIn(locale)(error.text) }, error.status);
}

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

/**
 * Handlers for the methods a route file does not serve: each answers 405 with the methods it
 * does (in `Allow`, and in words), as every other refusal is answered. Next.js's own 405 has an
 * empty body, and a path with `..` in it can land on a route by another way than its own link.
 * In a route file: `export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");`
 */
export function otherMethods(...served: Method[]): Record<Method, (request: Request) => Response> {
  const allowed = served.join(", ");
  const refuse = (request: Request) => {
    const response = errorResponse(
      new AppError("METHOD_NOT_ALLOWED", msg("errors.request.methodNotAllowed", { method: request.method, allowed })),
      readerLocale(request.headers),
    );
    response.headers.set("Allow", allowed);
    return response;
  };
  return Object.fromEntries(METHODS.map((m) => [m, refuse])) as Record<Method, (request: Request) => Response>;
}

/** The caller a request's session cookie names, or null: for a route that answers a browser's form rather than JSON. */
export async function sessionUserOf(request: Request) {
  return (await sessionFromCookie(db, request.headers.get("cookie"), authSecret()))?.user ?? null;
}

/** A route for a signed-in user; `params` is parsed with `paramsSchema`. */
export function userRoute<S extends z.ZodType>(paramsSchema: S, handler: Handler<z.infer<S>>) {
  return async (request: Request, context: { params: Promise<unknown> }): Promise<Response> => {
    let saved: string | null = null;
    const locale = () => readerLocale(request.headers, saved);
    try {
      const refused = forgeryError(request);
      if (refused) throw refused;
      const session = await sessionFromCookie(db, request.headers.get("cookie"), authSecret());
      if (!session) throw new AppError("UNAUTHENTICATED", msg("errors.session.routeEnded"));
      const { user } = session;
      saved = user.locale;
      // Next.js decodes the path lazily: a malformed escape ("%ff") rejects here.
      const params = paramsSchema.safeParse(await context.params.catch(() => null));
      if (!params.success) throw new AppError("NOT_FOUND", msg("errors.notFound"));
      return await handler({ user, params: params.data, request });
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error, locale());
      // The database is busy, out of reach or cannot be written: say so (503), so clients retry; their work is kept.
      const unavailable = await databaseAppError(error);
      if (unavailable) return errorResponse(unavailable, locale());
      console.error("route failed", error);
      return json({ error: "INTERNAL", message: textIn(locale())(msg("errors.unexpected")) }, 500);
    }
  };
}
