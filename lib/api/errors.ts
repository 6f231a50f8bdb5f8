// The one error body of /api/v1: `{ error, message, issues? }`. `error` is the machine's code
// (lib/server/errors.ts), `message` a sentence in the caller's language, and `issues` — for a
// body or query that does not validate — every problem with the path of the field it names.
import { z } from "zod";

export const ApiIssueSchema = z.object({
  /** The field's path in the body or query: ["ask", "endpoint"]. */
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

export const ApiErrorSchema = z.object({
  error: z.string().meta({ description: "BAD_REQUEST, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, UNPROCESSABLE, …" }),
  message: z.string(),
  issues: z.array(ApiIssueSchema).optional(),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
