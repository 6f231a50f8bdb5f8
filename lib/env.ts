// The environment, parsed once with zod. Code reads `env`, never process.env.
import { z } from "zod";

const EnvSchema = z
  .object({
    /** file:./data/synack.db (default, SQLite) or postgresql://user@host:port/db */
    DATABASE_URL: z
      .string()
      .trim()
      .default("file:./data/synack.db")
      .refine((url) => url.startsWith("file:") || /^postgres(ql)?:\/\//.test(url), {
        message: "DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)",
      }),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    /** The address `npm start` listens on: unset means every interface; 127.0.0.1 keeps it to this machine. */
    HOST: z.string().trim().min(1).optional(),
    /** The public origin of the app, for auth redirects and cookies. Defaults to http://localhost:PORT. */
    APP_URL: z.url().optional(),
    /** Signs session cookies. Required with PostgreSQL (all instances must share it); generated for SQLite. */
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    /**
     * How many reverse proxies in front of the app append to X-Forwarded-For (0: none, the
     * default; the socket's peer is the client). See docs/security-auth.md.
     */
    TRUST_PROXY: z
      .string()
      .trim()
      .toLowerCase()
      .default("0")
      .transform((v) => (v === "false" || v === "off" ? 0 : Number(v)))
      .pipe(z.number("TRUST_PROXY is a number of proxies (0 for none)").int().min(0).max(10)),
    /**
     * Set by scripts/serve.mjs, never by hand: the random name of the request header in which it
     * passes each request's socket address to the app. Unset when Next.js serves without it.
     */
    SYNACK_PEER_HEADER: z
      .string()
      .regex(/^x-synack-peer-[0-9a-f]{32}$/)
      .optional(),
    /**
     * The mail server for "Forgot password?" (docs/security-auth.md): smtp://user:password@host:587
     * (STARTTLS when the server offers it) or smtps://…:465. Unset: no mail is sent, and people ask
     * their instructor for a reset link.
     */
    SMTP_URL: z
      .url("SMTP_URL is a URL: smtp://user:password@host:587 or smtps://user:password@host:465")
      .refine((url) => /^smtps?:\/\//.test(url), "SMTP_URL must start with smtp:// or smtps://")
      .optional(),
    /** The sender of the app's mail, e.g. "SynAck Lab <no-reply@example.edu>"; required with SMTP_URL. */
    MAIL_FROM: z.string().trim().min(3).max(200).optional(),
  })
  .refine((e) => !e.SMTP_URL || e.MAIL_FROM, { path: ["MAIL_FROM"], message: "MAIL_FROM is required when SMTP_URL is set" });

export type Env = z.infer<typeof EnvSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  // Empty strings count as unset, so `DATABASE_URL= npm start` means the default.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = EnvSchema.safeParse(cleaned);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  return result.data;
}

export const env: Env = parseEnv(process.env);

export type Provider = "sqlite" | "postgres";
export const provider: Provider = env.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgres";

export function appUrl(): string {
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}
