// Layered server-action builders (dub's pattern): check who is calling, parse the input with
// zod, then run the handler. An action built here cannot skip its check; every server action
// in app/actions is built here. Two shapes: form actions (useActionState, FormData in,
// FormState out) and call actions (a plain object in, the handler's own result out).
//
// Everything said to the person is rendered here, in their language: an AppError's text, a
// handler's message (Text: a catalog message or a plain string), zod's field messages (see
// issueText for the convention of messages written in schemas), and this module's own.
import "server-only";
import { getLocale } from "next-intl/server";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { databaseAppError } from "./database-errors";
import { AppError } from "./errors";
import { textRenderer } from "./text";
import type { FormState } from "../forms";
import { courseAccessFor, getSessionUser, type CourseAccess, type SessionUser } from "../auth/session";
import type { CourseRole } from "../auth/roles";
import { issueErrorMap } from "../i18n/field-messages";
import { msg, type Text } from "../i18n/msg";
import { issueText } from "../i18n/translate";

export type { FormState } from "../forms";

/** What a form handler may answer: FormState, with its messages as Text (rendered before the form sees them). */
export type FormResult = Omit<FormState, "message" | "fieldErrors"> & { message?: Text; fieldErrors?: Record<string, Text[]> };

const UNEXPECTED = msg("errors.unexpected");

type Reader = { render: (text: Text | null | undefined) => string; errorMap: z.core.$ZodErrorMap };

/** The person's language and a renderer for it, looked up only when there is something to say. */
function lazyReader(): () => Promise<Reader> {
  let reader: Promise<Reader> | null = null;
  return () =>
    (reader ??= Promise.all([textRenderer(), getLocale()]).then(([render, locale]) => ({ render, errorMap: issueErrorMap(locale) })));
}

function rendered(result: FormResult, render: (text: Text) => string): FormState {
  const { message, fieldErrors, ...rest } = result;
  const state: FormState = { ...rest };
  if (message !== undefined) state.message = render(message);
  if (fieldErrors) state.fieldErrors = Object.fromEntries(Object.entries(fieldErrors).map(([k, v]) => [k, v.map(render)]));
  return state;
}

function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !/password/i.test(key) && !key.startsWith("$")) values[key] = value;
  }
  return values;
}

type Handler<S extends z.ZodType, C> = (input: z.infer<S>, ctx: C) => Promise<FormResult | void>;

function build<S extends z.ZodType, C>(schema: S, context: (form: FormData) => Promise<C>, handler: Handler<S, C>) {
  return async (prev: FormState | FormData, received: FormData | undefined): Promise<FormState> => {
    // useActionState calls (state, form); a form posted before the page's JavaScript ran
    // calls the action with the form alone; anything else is an empty form.
    const form = received instanceof FormData ? received : prev instanceof FormData ? prev : new FormData();
    const values = formValues(form);
    const reader = lazyReader();
    try {
      const ctx = await context(form);
      const input = Object.fromEntries(form.entries());
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        // Parsed again with the reader's language for the messages zod writes itself: failures are rare.
        const { render, errorMap } = await reader();
        const issues = schema.safeParse(input, { error: errorMap }).error?.issues ?? parsed.error.issues;
        const fieldErrors: Record<string, string[]> = {};
        for (const issue of issues) {
          const key = issue.path.join(".") || "form";
          (fieldErrors[key] ??= []).push(render(issueText(issue)));
        }
        return { ok: false, message: render(msg("errors.form.invalid")), fieldErrors, values };
      }
      const result = await handler(parsed.data, ctx);
      return result ? rendered(result, (await reader()).render) : { ok: true };
    } catch (error) {
      unstable_rethrow(error); // redirect(), notFound() and forbidden() are not failures
      const { render } = await reader();
      const known = error instanceof AppError ? error : await databaseAppError(error);
      if (known) return { ok: false, message: render(known.text), values };
      console.error("action failed", error);
      return { ok: false, message: render(UNEXPECTED), values };
    }
  };
}

async function signedIn(): Promise<{ user: SessionUser }> {
  const user = await getSessionUser();
  if (!user) throw new AppError("UNAUTHENTICATED", msg("errors.session.ended"));
  return { user };
}

async function siteAdmin(): Promise<{ user: SessionUser }> {
  const { user } = await signedIn();
  if (!user.isAdmin) throw new AppError("FORBIDDEN", msg("errors.forbidden.adminOnly"));
  return { user };
}

/** Accounts a site administrator allowed to create courses (and admins). */
async function courseCreator(): Promise<{ user: SessionUser }> {
  const { user } = await signedIn();
  if (!user.canTeach && !user.isAdmin) throw new AppError("FORBIDDEN", msg("errors.forbidden.teacherOnly"));
  return { user };
}

/** Anyone, signed in or not (sign-in, sign-up, the language switch); `user` is the caller or null. */
export function publicAction<S extends z.ZodType>(schema: S, handler: Handler<S, { user: SessionUser | null }>) {
  return build(schema, async () => ({ user: await getSessionUser() }), handler);
}

/** A signed-in user. */
export function userAction<S extends z.ZodType>(schema: S, handler: Handler<S, { user: SessionUser }>) {
  return build(schema, signedIn, handler);
}

/** A site administrator. */
export function adminAction<S extends z.ZodType>(schema: S, handler: Handler<S, { user: SessionUser }>) {
  return build(schema, siteAdmin, handler);
}

/** An account that may create courses (a teacher, or a site administrator). */
export function teacherAction<S extends z.ZodType>(schema: S, handler: Handler<S, { user: SessionUser }>) {
  return build(schema, courseCreator, handler);
}

/** A member of the course named by the form's courseId field, in one of `roles`. */
export function courseAction<S extends z.ZodType>(roles: readonly CourseRole[], schema: S, handler: Handler<S, CourseAccess>) {
  return build(
    schema,
    async (form) => {
      const { user } = await signedIn();
      const courseId = form.get("courseId");
      const access = typeof courseId === "string" ? await courseAccessFor(user, courseId) : null;
      if (!access) throw new AppError("NOT_FOUND", msg("errors.course.notFound"));
      if (!roles.includes(access.role)) throw new AppError("FORBIDDEN", msg("errors.course.roleForbidden"));
      return access;
    },
    handler,
  );
}

/** What a call action answers when it fails: a message for people, never a stack trace. */
export type CallFailure = { ok: false; message: string };

type CallHandler<S extends z.ZodType, C, R> = (input: z.infer<S>, ctx: C) => Promise<R>;

function buildCall<S extends z.ZodType, C, R>(
  schema: S,
  context: (input: unknown) => Promise<C>,
  invalid: Text,
  handler: CallHandler<S, C, R>,
) {
  return async (input: unknown): Promise<R | CallFailure> => {
    const reader = lazyReader();
    try {
      const ctx = await context(input);
      const parsed = schema.safeParse(input);
      if (!parsed.success) return { ok: false, message: (await reader()).render(invalid) };
      return await handler(parsed.data, ctx);
    } catch (error) {
      unstable_rethrow(error);
      const { render } = await reader();
      const known = error instanceof AppError ? error : await databaseAppError(error);
      if (known) return { ok: false, message: render(known.text) };
      console.error("action failed", error);
      return { ok: false, message: render(UNEXPECTED) };
    }
  };
}

/** A call action for anyone; `user` is the signed-in caller or null. `invalid` is said when the input does not parse. */
export function publicCall<S extends z.ZodType, R>(schema: S, invalid: Text, handler: CallHandler<S, { user: SessionUser | null }, R>) {
  return buildCall(schema, async () => ({ user: await getSessionUser() }), invalid, handler);
}

/** A call action for a signed-in user. */
export function userCall<S extends z.ZodType, R>(schema: S, invalid: Text, handler: CallHandler<S, { user: SessionUser }, R>) {
  return buildCall(schema, signedIn, invalid, handler);
}

/** A call action for a site administrator. */
export function adminCall<S extends z.ZodType, R>(schema: S, invalid: Text, handler: CallHandler<S, { user: SessionUser }, R>) {
  return buildCall(schema, siteAdmin, invalid, handler);
}

/** A call action for a member of the course named by the input's `courseId`, in one of `roles`. */
export function courseCall<S extends z.ZodType, R>(
  roles: readonly CourseRole[],
  schema: S,
  invalid: Text,
  handler: CallHandler<S, CourseAccess, R>,
) {
  return buildCall(
    schema,
    async (input) => {
      const { user } = await signedIn();
      const courseId = typeof input === "object" && input !== null ? (input as { courseId?: unknown }).courseId : undefined;
      const access = typeof courseId === "string" ? await courseAccessFor(user, courseId) : null;
      if (!access) throw new AppError("NOT_FOUND", msg("errors.course.notFound"));
      if (!roles.includes(access.role)) throw new AppError("FORBIDDEN", msg("errors.course.roleForbidden"));
      return access;
    },
    invalid,
    handler,
  );
}

/**
 * A button form with no fields (`<form action={…}>`), for anyone; `user` is the caller or null.
 * It ends in a redirect; an unexpected failure is logged and sends the caller to the error page.
 */
export function buttonAction(handler: (ctx: { user: SessionUser | null }) => Promise<void>) {
  return async (_form: FormData): Promise<void> => {
    await handler({ user: await getSessionUser() });
  };
}
