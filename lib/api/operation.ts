// One /api/v1 operation, declared once: its method and path, who may call it, and the zod
// schemas of its path parameters, query, body and response. The route handler is built from
// it (lib/api/route.ts) and the OpenAPI document is generated from it (lib/api/openapi.ts), so
// the validator, the types and the documentation cannot drift apart.
import type { z } from "zod";
import type { Permission } from "../auth/permissions";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Who may call: a member of the course holding the permission (lib/auth/permissions.ts), or any
 * signed-in user (the sandbox, the starter library, one's own tokens). The course is the one the
 * `courseId` path parameter names, or with `course: "bank"` the course of the bank the `bankId`
 * parameter names (a path that names only the bank); a bank the caller cannot see is a 404.
 */
export type Access = { permission: Permission; course?: "bank" } | "signed-in";

/** A multipart/form-data body: its text fields (validated; 422) and the names of its file fields, at most `limitBytes` in all (413). */
export interface FormBody<F extends z.ZodType = z.ZodType> {
  fields: F;
  files: readonly string[];
  limitBytes: number;
}

export interface Operation<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
  R extends z.ZodType = z.ZodType,
> {
  /** operationId in the OpenAPI document: camelCase, unique. */
  id: string;
  method: HttpMethod;
  /** Below /api/v1, OpenAPI style: "/courses/{courseId}/banks". */
  path: string;
  /** One line for the API's readers (the document is for developers, in English). */
  summary: string;
  description?: string;
  /** The group it is listed under ("Banks", "Questions", …). */
  tag: string;
  access: Access;
  params: P;
  query?: Q;
  body?: B;
  /** The body is a form with files rather than JSON (then there is no `body`). */
  form?: FormBody;
  response: R;
  /** The success status: 200 unless said (201 for a creation, 204 for nothing to say). */
  status?: 200 | 201 | 204;
  /** The error statuses this operation may answer besides 400/401/403/404/413/415/422/429. */
  errors?: readonly (409 | 503)[];
  /** The success body is a file of this type (a CSV download), or of one of these types, rather than JSON; `response` is then z.string(). */
  produces?: "text/csv" | readonly string[];
  /** Session callers only: a token may not call it (creating tokens with a token would outlive a revocation). */
  sessionOnly?: boolean;
}

/**
 * Declares an operation; the identity, typed. Its `access` keeps its literal type, so a handler
 * of a "signed-in" operation is told there is no course access to read.
 */
export function defineOperation<
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
  R extends z.ZodType,
  const A extends Access = Access,
>(op: Operation<P, Q, B, R> & { access: A }): Operation<P, Q, B, R> & { access: A } {
  return op;
}
