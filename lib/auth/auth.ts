// better-auth, configured once: email + password accounts (scrypt hashes), sessions in
// the database (so any app instance can read them), httpOnly SameSite=Lax cookies.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db, type Db } from "../db/client";
import { appUrl, env, provider, type Provider } from "../env";
import { MIN_PASSWORD_LENGTH, SESSION_EXPIRES_SEC, SESSION_UPDATE_AGE_SEC } from "./constants";
import { authSecret } from "./secret";

export function createAuth(database: Db, dbProvider: Provider, options: { secret?: string; baseURL?: string } = {}) {
  const baseURL = options.baseURL ?? appUrl();
  return betterAuth({
    appName: "SynAck Lab",
    baseURL,
    secret: options.secret ?? authSecret(),
    database: prismaAdapter(database, { provider: dbProvider === "sqlite" ? "sqlite" : "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 128, autoSignIn: true },
    session: { expiresIn: SESSION_EXPIRES_SEC, updateAge: SESSION_UPDATE_AGE_SEC },
    user: {
      additionalFields: {
        // Never settable from a sign-up form: input false.
        isAdmin: { type: "boolean", defaultValue: false, input: false },
        canTeach: { type: "boolean", defaultValue: false, input: false },
        invited: { type: "boolean", defaultValue: false, input: false },
      },
    },
    // Login failures are limited per account and per address by lib/auth/throttle.ts;
    // better-auth's own limiter counts requests per path, which is not what we need.
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
