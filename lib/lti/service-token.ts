// Service access tokens for Assignment and Grade Services and Names and Roles (Security
// Framework §4.1): the OAuth 2 client-credentials grant with a JWT assertion signed by the
// tool's key. Platforms refuse a reused assertion `jti` and an old `iat` (Canvas: older than
// 5 minutes), so each request mints a fresh one; the token is cached per platform and scope
// set until shortly before it expires.
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import type { PlatformRow } from "./platform-queries";
import { signToolJwt } from "./tool-keys";

const TokenResponse = z.object({
  access_token: z.string().min(1).max(8192),
  token_type: z.string().max(40).optional(),
  expires_in: z.coerce
    .number()
    .positive()
    .max(86_400 * 7)
    .optional(),
  scope: z.string().max(4096).optional(),
});

/** A service call the platform refused or could not be reached for: the message says which, for the outbox. */
export class LtiServiceError extends Error {
  constructor(
    message: string,
    /** The HTTP status the platform answered, or 0 when it could not be reached. */
    readonly status: number,
    /** Whether sending again later may succeed (a 5xx, 429 or a network failure). */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "LtiServiceError";
  }
}

type Cached = { token: string; expiresAt: number };
const cache = new Map<string, Cached>();
/** Taken off the token's lifetime so a token is never sent in its last seconds. */
const EXPIRY_MARGIN_MS = 30_000;

export type Fetch = typeof fetch;

/** Forgets every cached token (tests; a platform's settings changed). */
export function clearServiceTokens(): void {
  cache.clear();
}

/** A bearer token for `scopes` on `platform`, from the cache or the platform's token endpoint. */
export async function serviceToken(
  db: Pick<Db, "ltiKey">,
  platform: Pick<PlatformRow, "id" | "clientId" | "tokenUrl" | "authAudience">,
  scopes: readonly string[],
  options: { fetch?: Fetch; now?: () => Date } = {},
): Promise<string> {
  const now = options.now ?? (() => new Date());
  const key = `${platform.id}\n${[...scopes].sort().join(" ")}`;
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now().getTime()) return hit.token;

  const assertion = await signToolJwt(
    db,
    { iss: platform.clientId, sub: platform.clientId, aud: platform.authAudience ?? platform.tokenUrl, jti: randomUUID() },
    { lifetimeSec: 300, now: now() },
  );
  const body = new URLSearchParams({
    grant_type: "client_credentials",
    client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
    client_assertion: assertion,
    scope: scopes.join(" "),
  });
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(platform.tokenUrl, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Accept: "application/json" },
      body,
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new LtiServiceError(`the token endpoint could not be reached (${(error as Error).message})`, 0, true);
  }
  const text = await response.text();
  if (!response.ok) {
    throw new LtiServiceError(
      `the token endpoint answered ${response.status}: ${text.slice(0, 300)}`,
      response.status,
      response.status >= 500 || response.status === 429,
    );
  }
  let parsed;
  try {
    parsed = TokenResponse.parse(JSON.parse(text));
  } catch {
    throw new LtiServiceError(`the token endpoint's answer is not a token: ${text.slice(0, 300)}`, response.status, false);
  }
  const lifetimeMs = (parsed.expires_in ?? 3600) * 1000;
  cache.set(key, { token: parsed.access_token, expiresAt: now().getTime() + Math.max(0, lifetimeMs - EXPIRY_MARGIN_MS) });
  return parsed.access_token;
}
