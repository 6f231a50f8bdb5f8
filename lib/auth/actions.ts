// Layered server-action builders (dub's pattern): parse the form with zod, check who is
// calling, then run the handler. An action built here cannot skip its check.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError } from "./errors";
import type { FormState } from "./form-state";
import { courseAccessFor, getSessionUser, type CourseAccess, type SessionUser } from "./session";
import type { CourseRole } from "./roles";

export type { FormState } from "./form-state";

function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !/password/i.test(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

type Handler<S extends z.ZodType, C> = (input: z.infer<S>, ctx: C) => Promise<FormState | void>;

function build<S extends z.ZodType, C>(schema: S, context: (form: FormData) => Promise<C>, handler: Handler<S, C>) {
  return async (_prev: FormState, form: FormData): Promise<FormState> => {
    const values = formValues(form);
    try {
      const ctx = await context(form);
      const parsed = schema.safeParse(Object.fromEntries(form.entries()));
      if (!parsed.success) {
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of parsed.error.issues) {
          const key = issue.path.join(".") || "form";
          (fieldErrors[key] ??= []).push(issue.message);
        }
        return { ok: false, message: "Please correct the highlighted fields.", fieldErrors, values };
      }
      return (await handler(parsed.data, ctx)) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and forbidden() are not failures
      if (error instanceof AppError) return { ok: false, message: error.message, values };
      console.error("action failed", error);
      return { ok: false, message: "Something went wrong on our side; nothing was changed. Please try again.", values };
    }
  };
}

/** Anyone, signed in or not (sign-in and sign-up). */
export function publicAction<S extends z.ZodType>(schema: S, handler: Handler<S, Record<string, never>>) {
  return build(schema, async () => ({}) as Record<string, never>, handler);
}

/** A signed-in user. */
export function userAction<S extends z.ZodType>(schema: S, handler: Handler<S, { user: SessionUser }>) {
  return build(
    schema,
    async () => {
      const user = await getSessionUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
      return { user };
    },
    handler,
  );
}

/** A member of the course named by the form's courseId field, in one of `roles`. */
export function courseAction<S extends z.ZodType>(roles: readonly CourseRole[], schema: S, handler: Handler<S, CourseAccess>) {
  return build(
    schema,
    async (form) => {
      const user = await getSessionUser();
      if (!user) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again to continue.");
      const courseId = form.get("courseId");
      const access = typeof courseId === "string" ? await courseAccessFor(user, courseId) : null;
      if (!access) throw new AppError("NOT_FOUND", "That course does not exist.");
      if (!roles.includes(access.role)) throw new AppError("FORBIDDEN", "Your role in this course does not allow that.");
      return access;
    },
    handler,
  );
}
