// better-auth, configured once: email + password accounts (scrypt hashes, bounded by
// lib/auth/password-hashing.ts), sessions in the database (so any app instance can read them),
// httpOnly SameSite=Lax cookies. Its hooks are where every sign-in meets the one limiter
// (lib/auth/throttle.ts) and every account write meets the field rules (lib/auth/schemas.ts),
// whichever endpoint or server action it comes through. What they refuse is said in the
// caller's language (its headers: the language cookie, Accept-Language); the server actions
// say it again from the error's code (app/actions/sign-in.ts), in the reader's.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware, getSessionFromCtx } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { db, type Db } from "../db/client";
import { appUrl, env, provider, type Provider } from "../env";
import { DEFAULT_LOCALE, type Locale } from "../i18n/locales";
import { msg, type Msg } from "../i18n/msg";
import { issueText, readerLocale, textIn } from "../i18n/translate";
import { clientAddress } from "./client-address";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, SESSION_EXPIRES_SEC, SESSION_UPDATE_AGE_SEC } from "./constants";
import { hashPassword, verifyPassword } from "./password-hashing";
import { emailField, nameField } from "./schemas";
import { authSecret } from "./secret";
import { writeAudit } from "../audit";
import { reportDatabaseFault } from "../db/fault-log";
import { databaseFault } from "../db/faults";
import { deleteResetTokensOf } from "./queries";
import { recordFailedToken, reserveSignIn, reserveSignUp, settleSignIn, tokenCheckRetryAfter, type Reservation } from "./throttle";

/** Refuses with 429; the body's retryAfterSec lets a caller say the wait in its own words. */
function rateLimited(reservation: Reservation, what: "auth.signIn.tooMany" | "auth.signUp.tooMany", locale: Locale): void {
  if (reservation.ok) return;
  const seconds = reservation.retryAfterSec;
  const message = textIn(locale)(msg(what, { seconds }));
  throw new APIError("TOO_MANY_REQUESTS", { code: "RATE_LIMITED", message, retryAfterSec: seconds }, { "Retry-After": String(seconds) });
}

function invalid(text: Msg, locale: Locale): APIError {
  return new APIError("BAD_REQUEST", { code: "INVALID_INPUT", message: textIn(locale)(text) });
}

/** The sign-in's normalized email, or null when it is not one (better-auth then refuses it before any check). */
function signInEmail(body: unknown): string | null {
  const parsed = emailField.safeParse((body as { email?: unknown } | undefined)?.email);
  return parsed.success ? parsed.data : null;
}

/** The profile fields an account write may carry, checked as the forms check them. */
function checkedProfile<T extends { name?: unknown; image?: unknown }>(fields: T, locale: Locale = DEFAULT_LOCALE): T {
  if (fields.image !== undefined && fields.image !== null) throw invalid(msg("auth.profile.noPictures"), locale);
  if (fields.name === undefined) return fields;
  const name = nameField.safeParse(fields.name);
  if (!name.success) throw invalid(msg("auth.profile.badName", { problem: textIn(locale)(issueText(name.error.issues[0])) }), locale);
  return { ...fields, name: name.data };
}

export function createAuth(database: Db, dbProvider: Provider, options: { secret?: string; baseURL?: string } = {}) {
  const baseURL = options.baseURL ?? appUrl();
  return betterAuth({
    appName: "SynAck Lab",
    baseURL,
    secret: options.secret ?? authSecret(),
    database: prismaAdapter(database, { provider: dbProvider === "sqlite" ? "sqlite" : "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: MAX_PASSWORD_LENGTH,
      autoSignIn: true,
      password: { hash: hashPassword, verify: verifyPassword },
      // A reset is for someone who lost their password, or whose account someone else may hold:
      // it ends every session, and the links made before it stop working.
      revokeSessionsOnPasswordReset: true,
      onPasswordReset: async ({ user }) => {
        await deleteResetTokensOf(database, user.id);
        await writeAudit(database, { actorId: user.id, action: "auth.password-reset", target: user.id });
      },
    },
    session: { expiresIn: SESSION_EXPIRES_SEC, updateAge: SESSION_UPDATE_AGE_SEC },
    user: {
      additionalFields: {
        // Never settable from a sign-up form: input false.
        isAdmin: { type: "boolean", defaultValue: false, input: false },
        canTeach: { type: "boolean", defaultValue: false, input: false },
        invited: { type: "boolean", defaultValue: false, input: false },
        // Set on the Account page (lib/accounts), not at sign-up: the sign-up form's language is the cookie's.
        locale: { type: "string", required: false, input: false },
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        const headers = ctx.headers ?? new Headers();
        if (ctx.path === "/sign-in/email") {
          const email = signInEmail(ctx.body);
          if (!email) throw invalid(msg("errors.field.emailFormat"), readerLocale(headers));
          rateLimited(
            await reserveSignIn(database, { email, address: clientAddress(headers) }),
            "auth.signIn.tooMany",
            readerLocale(headers),
          );
        } else if (ctx.path === "/change-password") {
          // The current password is a password check like a sign-in's, limited the same way.
          const session = await getSessionFromCtx(ctx);
          if (session)
            rateLimited(
              await reserveSignIn(database, { email: session.user.email, address: clientAddress(headers) }),
              "auth.signIn.tooMany",
              readerLocale(headers),
            );
        } else if (ctx.path === "/reset-password") {
          // Reset tokens are guessed like API tokens: each unknown one spends the address's budget (after).
          const seconds = await tokenCheckRetryAfter(database, clientAddress(headers));
          if (seconds > 0) rateLimited({ ok: false, retryAfterSec: seconds }, "auth.signIn.tooMany", readerLocale(headers));
        } else if (ctx.path === "/sign-up/email") {
          checkedProfile((ctx.body ?? {}) as { name?: unknown; image?: unknown }, readerLocale(headers));
          rateLimited(await reserveSignUp(database, clientAddress(headers)), "auth.signUp.tooMany", readerLocale(headers));
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        const returned = (ctx.context as { returned?: unknown }).returned;
        const failed = returned instanceof APIError;
        const address = clientAddress(ctx.headers ?? new Headers());
        if (ctx.path === "/sign-in/email") {
          const email = signInEmail(ctx.body);
          if (email) await settleSignIn(database, { email, address }, !failed);
        } else if (ctx.path === "/change-password") {
          const user = ctx.context.session?.user;
          if (!user) return;
          await settleSignIn(database, { email: user.email, address }, !failed);
          if (!failed) await writeAudit(database, { actorId: user.id, action: "auth.password-changed", target: user.id });
        } else if (ctx.path === "/reset-password" && failed && returned.body?.code === "INVALID_TOKEN") {
          await recordFailedToken(database, address);
        }
      }),
    },
    // The same rules for every write of an account, whichever endpoint makes it.
    databaseHooks: {
      user: {
        create: { before: async (user) => ({ data: checkedProfile(user) }) },
        update: { before: async (user) => ({ data: checkedProfile(user) }) },
      },
    },
    // Sign-ins are limited per account and per address by lib/auth/throttle.ts (in the hooks
    // above); better-auth's own limiter counts requests per path, which is not what we need.
    rateLimit: { enabled: false },
    advanced: {
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
    },
    telemetry: { enabled: false },
    trustedOrigins: [baseURL],
    plugins: [nextCookies()],
    logger: { disabled: env.NODE_ENV === "test", log: authLog },
  });
}

/**
 * better-auth's log, but a database out of reach or unable to write is reported the app's way, in
 * one line now and then (lib/server/database-errors.ts), where better-auth would print a stack
 * for every request of a class while the fault lasts.
 */
function authLog(level: "debug" | "info" | "warn" | "error", message: string, ...args: unknown[]): void {
  const fault = level === "error" ? args.find((a) => databaseFault(a) === "unreachable" || databaseFault(a) === "unwritable") : undefined;
  if (fault) {
    reportDatabaseFault(fault);
    return;
  }
  const line = `${new Date().toISOString()} ${level.toUpperCase()} [Better Auth]: ${message}`;
  if (level === "error") console.error(line, ...args);
  else if (level === "warn") console.warn(line, ...args);
  else console.log(line, ...args);
}

export const auth = createAuth(db, provider);
