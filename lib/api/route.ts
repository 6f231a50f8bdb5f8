// Route handlers of /api/v1, built from their operation (operation.ts). In order, a request:
// 1. is authenticated: `Authorization: Bearer <token>` (a personal API token) or the session
//    cookie. A cookie caller's state changes must come from this site and be declared JSON;
//    a token caller sends no cookie, so a forged cross-site request has nothing to ride on.
//    Unknown tokens spend the sign-in limiter's per-address budget (lib/auth/throttle.ts);
//    an address that has spent it is answered 429 with Retry-After before any lookup.
// 2. has its path parameters parsed (a bad one is a 404: nothing by that name),
// 3. is let in by its role in the course of `courseId` (not a member: 404; role lacking: 403),
// 4. has its query (400) and body parsed: at most JSON_BODY_LIMIT bytes (413), JSON (400),
//    valid for the operation's schema (422 with every issue and its path).
// Then the handler runs; what it throws as AppError becomes its status, anything else a 500
// that tells nothing of the cause. Messages are in the caller's language.
import "server-only";
import { z } from "zod";
import { bearerToken, userForToken } from "../auth/api-tokens";
import { clientAddress } from "../auth/client-address";
import { can } from "../auth/permissions";
import type { CourseRole } from "../auth/roles";
import { authSecret } from "../auth/secret";
import { courseAccessFor, type CourseAccess, type SessionUser } from "../auth/session";
import { sessionFromCookie } from "../auth/session-cookie";
import { recordFailedToken, tokenCheckRetryAfter } from "../auth/throttle";
import { courseOfBank } from "../authoring/bank-queries";
import { db } from "../db/client";
import { issueErrorMap } from "../i18n/field-messages";
import type { Locale } from "../i18n/locales";
import { msg } from "../i18n/msg";
import { issueText, readerLocale, textIn } from "../i18n/translate";
import { databaseAppError } from "../server/database-errors";
import { AppError } from "../server/errors";
import { readBody } from "../server/body";
import { readJson } from "../server/json";
import { JSON_BODY_LIMIT } from "../server/limits";
import { foreignOriginError, notJsonError } from "../server/origin";
import { json } from "../server/route";
import type { ApiIssue } from "./errors";
import type { FormBody, Operation } from "./operation";

/**
 * The output of an optional schema: undefined when the operation declares none (its type is
 * then the bare `z.ZodType` its declaration fell back to).
 */
type OutputOf<S> = [Exclude<S, undefined>] extends [never]
  ? undefined
  : z.ZodType extends Exclude<S, undefined>
    ? undefined
    : z.output<Exclude<S, undefined> & z.ZodType>;

export type ApiContext<O extends Operation> = {
  user: SessionUser;
  /** How the caller signed in. */
  via: "session" | "token";
  /** The caller's access to the course of `courseId`: set for course operations. */
  access: O["access"] extends "signed-in" ? null : CourseAccess;
  params: z.output<O["params"]>;
  query: OutputOf<O["query"]>;
  body: OutputOf<O["body"]>;
  form: FormOf<O>;
  request: Request;
  locale: Locale;
};

/** A form body as the handler gets it: the text fields parsed, each file field's bytes and name. */
type FormOf<O extends Operation> = O["form"] extends FormBody<infer F> ? { fields: z.output<F>; files: ReadForm["files"] } : undefined;

type ReadForm = { fields: unknown; files: Record<string, { name: string; bytes: Uint8Array }> };

/** What a handler answers: the response body (sent with the operation's status), or nothing for a 204. */
type Handler<O extends Operation> = (ctx: ApiContext<O>) => Promise<z.input<O["response"]> | Response>;

/** A validation failure: 400 for a query, 422 for a body, with every issue and its path. */
export class ApiValidationError extends AppError {
  constructor(
    code: "BAD_REQUEST" | "UNPROCESSABLE",
    readonly issues: ApiIssue[],
  ) {
    super(code, msg(code === "BAD_REQUEST" ? "errors.api.badQuery" : "errors.api.invalidBody", { count: issues.length }));
  }
}

function issuesOf(error: z.ZodError, render: ReturnType<typeof textIn>): ApiIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "number" ? p : String(p))),
    message: render(issueText(issue)),
  }));
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, code: "BAD_REQUEST" | "UNPROCESSABLE", locale: Locale): z.output<S> {
  const parsed = schema.safeParse(value, { error: issueErrorMap(locale) });
  if (parsed.success) return parsed.data;
  throw new ApiValidationError(code, issuesOf(parsed.error, textIn(locale)));
}

/** The query string as an object: one value per name (the last), so schemas see plain strings. */
function queryObject(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams.entries());
}

/** The course an operation's access is checked in: the `courseId` parameter's, or the course of the `bankId` parameter's bank. */
async function courseOf(access: Exclude<Operation["access"], "signed-in">, params: unknown): Promise<string | null> {
  const { courseId, bankId } = params as { courseId?: unknown; bankId?: unknown };
  if (access.course === "bank") return typeof bankId === "string" ? courseOfBank(db, bankId) : null;
  return typeof courseId === "string" ? courseId : null;
}

/**
 * Reads a multipart/form-data body, at most `form.limitBytes` of it (413), into its text fields
 * (parsed with `form.fields`: 422 with each issue) and its files (a missing one is a 422 too).
 */
async function readForm(request: Request, form: FormBody, locale: Locale): Promise<ReadForm> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(type))
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", msg("bankTransfer.api.notMultipart", { type: "multipart/form-data" }));
  const bytes = await readBody(request, form.limitBytes);
  let data: FormData;
  try {
    data = await new Response(bytes, { headers: { "content-type": type } }).formData();
  } catch {
    throw new AppError("BAD_REQUEST", msg("bankTransfer.api.badMultipart", { type: "multipart/form-data" }));
  }
  const fields: Record<string, string> = {};
  const files: Record<string, { name: string; bytes: Uint8Array }> = {};
  const missing: ApiIssue[] = [];
  for (const [name, value] of data.entries()) {
    if (typeof value === "string") fields[name] = value;
    else if (form.files.includes(name)) files[name] = { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) };
  }
  for (const name of form.files)
    if (!files[name]) missing.push({ path: [name], message: textIn(locale)(msg("bankTransfer.api.fileMissing", { field: name })) });
  const parsed = form.fields.safeParse(fields, { error: issueErrorMap(locale) });
  const issues = [...(parsed.success ? [] : issuesOf(parsed.error, textIn(locale))), ...missing];
  if (issues.length || !parsed.success) throw new ApiValidationError("UNPROCESSABLE", issues);
  return { fields: parsed.data, files };
}

async function authenticate(request: Request): Promise<{ user: SessionUser; via: "session" | "token" } | null> {
  const token = bearerToken(request.headers);
  if (token !== null) {
    const address = clientAddress(request.headers);
    const wait = await tokenCheckRetryAfter(db, address);
    if (wait > 0) throw new RateLimitedError(wait);
    const user = await userForToken(db, token);
    if (!user) {
      await recordFailedToken(db, address);
      throw new AppError("UNAUTHENTICATED", msg("errors.api.badToken"));
    }
    return { user, via: "token" };
  }
  const session = await sessionFromCookie(db, request.headers.get("cookie"), authSecret());
  return session ? { user: session.user, via: "session" } : null;
}

/** 429, saying when to come back (also as `Retry-After`, RFC 9110 §10.2.3). */
class RateLimitedError extends AppError {
  constructor(readonly retryAfterSec: number) {
    super("RATE_LIMITED", msg("errors.api.tooManyBadTokens", { seconds: retryAfterSec }));
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function errorBody(error: AppError, locale: Locale): Response {
  const body: Record<string, unknown> = { error: error.code, message: textIn(locale)(error.text) };
  if (error instanceof ApiValidationError) body.issues = error.issues;
  const response = json(body, error.status);
  if (error.code === "UNAUTHENTICATED") response.headers.set("WWW-Authenticate", 'Bearer realm="synack-lab"');
  if (error instanceof RateLimitedError) response.headers.set("Retry-After", String(error.retryAfterSec));
  return response;
}

/** The Next.js route handler of `op`. */
export function apiRoute<O extends Operation>(op: O, handler: Handler<O>) {
  return async (request: Request, context?: { params?: Promise<unknown> }): Promise<Response> => {
    let locale = readerLocale(request.headers);
    try {
      const caller = await authenticate(request);
      if (!caller) throw new AppError("UNAUTHENTICATED", msg("errors.api.signInOrToken"));
      locale = readerLocale(request.headers, caller.user.locale);
      if (caller.via === "session" && !SAFE_METHODS.has(request.method)) {
        const refused = foreignOriginError(request.headers) ?? (op.body ? notJsonError(request.headers) : null);
        if (refused) throw refused;
      }
      if (caller.via === "token" && op.sessionOnly) throw new AppError("FORBIDDEN", msg("errors.api.sessionOnly"));
      // Next.js decodes the path lazily: a malformed escape ("%ff") rejects here.
      // A route without dynamic segments may be given no params at all.
      const rawParams = await Promise.resolve(context?.params).catch(() => null);
      const params = op.params.safeParse(rawParams ?? {});
      if (!params.success) throw new AppError("NOT_FOUND", msg("errors.notFound"));
      let access: CourseAccess | null = null;
      if (op.access !== "signed-in") {
        const courseId = await courseOf(op.access, params.data);
        access = typeof courseId === "string" ? await courseAccessFor(caller.user, courseId) : null;
        if (!access) throw new AppError("NOT_FOUND", msg("errors.course.notFound"));
        if (!can(access.role as CourseRole, op.access.permission)) throw new AppError("FORBIDDEN", msg("errors.course.roleForbidden"));
      }
      const query = op.query ? parseOrThrow(op.query, queryObject(request.url), "BAD_REQUEST", locale) : undefined;
      const body = op.body ? parseOrThrow(op.body, await readJson(request, JSON_BODY_LIMIT), "UNPROCESSABLE", locale) : undefined;
      const form = op.form ? await readForm(request, op.form, locale) : undefined;
      const result = await handler({
        user: caller.user,
        via: caller.via,
        access,
        params: params.data,
        query,
        body,
        form,
        request,
        locale,
      } as ApiContext<O>);
      if (result instanceof Response) return result;
      if (op.status === 204) return new Response(null, { status: 204, headers: { "Cache-Control": "no-store" } });
      return json(result, op.status ?? 200);
    } catch (error) {
      if (error instanceof AppError) return errorBody(error, locale);
      const unavailable = await databaseAppError(error);
      if (unavailable) return errorBody(unavailable, locale);
      console.error("api route failed", op.id, error);
      return json({ error: "INTERNAL", message: textIn(locale)(msg("errors.unexpected")) }, 500);
    }
  };
}
