// What better-auth's refusals of a password check mean to the person: the sign-in limiter's 429
// (lib/auth/auth.ts) and the bounded hashing's 503 (lib/auth/password-hashing.ts), as AppErrors
// the server actions say in the reader's language.
import { APIError } from "better-auth/api";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";

/** The wait a 429 from the sign-in limiter names. */
export function retryAfterSec(error: APIError): number {
  const seconds = Number((error.body as { retryAfterSec?: unknown } | undefined)?.retryAfterSec);
  return Number.isFinite(seconds) && seconds > 0 ? seconds : 60;
}

/** The AppError for a limiter's or the hashing's refusal, or null for any other error. */
export function limitRefusal(error: unknown): AppError | null {
  if (!(error instanceof APIError)) return null;
  if (error.statusCode === 429) return new AppError("RATE_LIMITED", msg("auth.signIn.tooMany", { seconds: retryAfterSec(error) }));
  if (error.statusCode === 503) return new AppError("UNAVAILABLE", msg("auth.busy"));
  return null;
}
