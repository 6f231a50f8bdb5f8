// better-auth, configured once: email + password accounts (scrypt hashes), sessions in
// the database (so any app instance can read them), httpOnly SameSite=Lax cookies.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "../db/client";
import { appUrl, env, provider } from "../env";
import { MIN_PASSWORD_LENGTH, SESSION_DAYS } from "./constants";
import { authSecret } from "./secret";


export const auth = betterAuth({
  appName: "SynAck Lab",
  baseURL: appUrl(),
  secret: authSecret(),
  database: prismaAdapter(db, { provider: provider === "sqlite" ? "sqlite" : "postgresql" }),
  emailAndPassword: { enabled: true, minPasswordLength: MIN_PASSWORD_LENGTH, maxPasswordLength: 128, autoSignIn: true },
  session: { expiresIn: SESSION_DAYS * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
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
    useSecureCookies: appUrl().startsWith("https://"),
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
  },
  telemetry: { enabled: false },
  trustedOrigins: [appUrl()],
  plugins: [nextCookies()],
  logger: { disabled: env.NODE_ENV === "test" },
});
