// better-auth, configured once: email + password accounts (scrypt hashes, bounded by
// lib/auth/password-hashing.ts), sessions in the database (so any app instance can read them),
// httpOnly SameSite=Lax cookies. Its hooks are where every sign-in meets the one limiter
// (lib/auth/throttle.ts) and every account write meets the field rules (lib/auth/schemas.ts),
// whichever endpoint or server action it comes through.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { db, type Db } from "../db/client";
import { appUrl, env, provider, type Provider } from "../env";
import { clientAddress } from "./client-address";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, SESSION_EXPIRES_SEC, SESSION_UPDATE_AGE_SEC } from "./constants";
import { hashPassword, verifyPassword } from "./password-hashing";
import { emailField, nameField } from "./schemas";
import { authSecret } from "./secret";
import { reserveSignIn, reserveSignUp, settleSignIn, type Reservation } from "./throttle";

function rateLimited(reservation: Reservation, what: string): void {
  if (reservation.ok) return;
  const message = `Too many ${what}. Try again in ${reservation.retryAfterSec} s.`;
  throw new APIError("TOO_MANY_REQUESTS", { code: "RATE_LIMITED", message }, { "Retry-After": String(reservation.retryAfterSec) });
}

function invalid(message: string): APIError {
  return new APIError("BAD_REQUEST", { code: "INVALID_INPUT", message });
}

/** The sign-in's normalized email, or null when it is not one (better-auth then refuses it before any check). */
function signInEmail(body: unknown): string | null {
  const parsed = emailField.safeParse((body as { email?: unknown } | undefined)?.email);
  return parsed.success ? parsed.data : null;
}

/** The profile fields an account write may carry, checked as the forms check them. */
function checkedProfile<T extends { name?: unknown; image?: unknown }>(fields: T): T {
  if (fields.image !== undefined && fields.image !== null) throw invalid("Profile pictures are not supported.");
  if (fields.name === undefined) return fields;
  const name = nameField.safeParse(fields.name);
  if (!name.success) throw invalid(`Name: ${name.error.issues[0].message}`);
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
        if (ctx.path === "/sign-in/email") {
          const email = signInEmail(ctx.body);
          if (!email) throw invalid("Enter an email address like name@example.edu");
          rateLimited(await reserveSignIn(database, { email, address: clientAddress(ctx.headers ?? new Headers()) }), "failed sign-ins");
        } else if (ctx.path === "/sign-up/email") {
          checkedProfile((ctx.body ?? {}) as { name?: unknown; image?: unknown });
          rateLimited(await reserveSignUp(database, clientAddress(ctx.headers ?? new Headers())), "sign-ups from this network");
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = signInEmail(ctx.body);
        const returned = (ctx.context as { returned?: unknown }).returned;
        if (email)
          await settleSignIn(database, { email, address: clientAddress(ctx.headers ?? new Headers()) }, !(returned instanceof APIError));
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
    logger: { disabled: env.NODE_ENV === "test" },
  });
}

export const auth = createAuth(db, provider);
