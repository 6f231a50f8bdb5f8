// The id_token a platform posts to /api/lti/launch, checked as Security Framework §5.1.3 and
// LTI Core 1.3 §5 say, in an order that never spends a nonce on a forgery: the token's shape
// and header (RS256 only, a kid), the registration its iss and aud name, the signature against
// the platform's published keys (cached in LtiPlatform.jwksCache for every app instance,
// fetched again once when the kid is not there: the platform rotated), the claims
// (launch-claims.ts), the deployment, and last the login this launch answers: its state, its
// target, and its nonce, used by one conditional update so two posts of one token cannot both pass.
import { compactVerify, decodeJwt, decodeProtectedHeader, importJWK, type JWK } from "jose";
import type { Db } from "../db/client";
import { audienceRefusal, launchClaims, ownTarget, timeRefusal, type LaunchClaims } from "./launch-claims";
import { LaunchRefusal } from "./launch-refusal";
import { deploymentRegistered, platformsByIssuer, type PlatformRow } from "./platform-queries";

/** A cached JWKS older than this is fetched again, so a key the platform withdrew stops working. */
export const JWKS_MAX_AGE_MS = 60 * 60 * 1000;
const JWKS_TIMEOUT_MS = 5000;

export type VerifiedLaunch = { platform: PlatformRow; claims: LaunchClaims; issuer: string };

export type VerifyOptions = {
  /** This app's origin: target_link_uri must be under it. */
  toolOrigin: string;
  now?: Date;
  fetch?: typeof fetch;
};

type Db_ = Pick<Db, "ltiPlatform" | "ltiDeployment" | "ltiLogin">;

/** The header and payload, unverified: only to find the registration and the key. */
function decoded(idToken: string): { header: ReturnType<typeof decodeProtectedHeader>; payload: Record<string, unknown> } {
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(idToken)) throw new LaunchRefusal("malformed");
  try {
    return { header: decodeProtectedHeader(idToken), payload: decodeJwt(idToken) as Record<string, unknown> };
  } catch {
    throw new LaunchRefusal("malformed");
  }
}

/** The registration the token is for: its issuer, and the client id among its audiences. */
async function registrationFor(db: Db_, payload: Record<string, unknown>): Promise<PlatformRow> {
  const issuer = typeof payload.iss === "string" ? payload.iss : "";
  const candidates = issuer ? await platformsByIssuer(db, issuer) : [];
  const aud = typeof payload.aud === "string" ? [payload.aud] : Array.isArray(payload.aud) ? payload.aud : [];
  const clientShown = typeof payload.azp === "string" ? payload.azp : aud.join(", ");
  if (candidates.length === 0) throw new LaunchRefusal("unknownPlatform", { issuer: issuer || "—", clientId: clientShown || "—" });
  const chosen =
    (typeof payload.azp === "string" ? candidates.find((p) => p.clientId === payload.azp) : undefined) ??
    candidates.find((p) => aud.includes(p.clientId));
  if (!chosen)
    throw new LaunchRefusal("wrongAudience", { aud: aud.join(", ") || "—", clientId: candidates.map((p) => p.clientId).join(", ") });
  return chosen;
}

async function fetchJwks(db: Db_, platform: PlatformRow, fetcher: typeof fetch, now: Date): Promise<JWK[]> {
  let keys: JWK[];
  try {
    const response = await fetcher(platform.jwksUrl, {
      headers: { Accept: "application/json" },
      signal: AbortSignal.timeout(JWKS_TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const body = (await response.json()) as { keys?: unknown };
    if (!Array.isArray(body.keys)) throw new Error("no keys");
    keys = body.keys as JWK[];
  } catch {
    throw new LaunchRefusal("keysUnavailable", { url: platform.jwksUrl });
  }
  await db.ltiPlatform.update({ where: { id: platform.id }, data: { jwksCache: JSON.stringify({ keys }), jwksFetchedAt: now } });
  return keys;
}

/** The platform's public key with this kid: from the cache, else from a fresh fetch, else refused. */
export async function platformKey(db: Db_, platform: PlatformRow, kid: string, options: { now: Date; fetch: typeof fetch }): Promise<JWK> {
  const fresh = platform.jwksFetchedAt !== null && options.now.getTime() - platform.jwksFetchedAt.getTime() < JWKS_MAX_AGE_MS;
  if (fresh && platform.jwksCache) {
    const cached = ((JSON.parse(platform.jwksCache) as { keys?: JWK[] }).keys ?? []).find((k) => k.kid === kid);
    if (cached) return cached;
  }
  const key = (await fetchJwks(db, platform, options.fetch, options.now)).find((k) => k.kid === kid);
  if (!key) throw new LaunchRefusal("unknownKey", { kid, url: platform.jwksUrl });
  return key;
}

/** Checks the id_token posted with `state`; returns the launch, or throws a LaunchRefusal. */
export async function verifyLaunch(db: Db_, idToken: string, state: string, options: VerifyOptions): Promise<VerifiedLaunch> {
  const now = options.now ?? new Date();
  const { header, payload } = decoded(idToken);
  if (header.alg !== "RS256") throw new LaunchRefusal("badAlgorithm", { alg: String(header.alg ?? "none") });
  if (typeof header.kid !== "string" || header.kid === "") throw new LaunchRefusal("noKid");
  const platform = await registrationFor(db, payload);
  const jwk = await platformKey(db, platform, header.kid, { now, fetch: options.fetch ?? fetch });
  try {
    const key = await importJWK({ ...jwk, alg: "RS256" }, "RS256");
    await compactVerify(idToken, key, { algorithms: ["RS256"] });
  } catch {
    throw new LaunchRefusal("badSignature", { issuer: platform.issuer });
  }
  if (payload.iss !== platform.issuer)
    throw new LaunchRefusal("unknownPlatform", { issuer: String(payload.iss), clientId: platform.clientId });
  const refusal = audienceRefusal(payload.aud, payload.azp, platform.clientId) ?? timeRefusal(payload.iat, payload.exp, now);
  if (refusal) throw refusal;
  if (typeof payload.nonce !== "string" || payload.nonce === "") throw new LaunchRefusal("missingClaims", { claims: "nonce" });
  const claims = launchClaims(payload);
  if (!(await deploymentRegistered(db, platform.id, claims.deploymentId)))
    throw new LaunchRefusal("unknownDeployment", {
      deploymentId: claims.deploymentId,
      issuer: platform.issuer,
      clientId: platform.clientId,
    });
  if (!ownTarget(claims.targetLinkUri, options.toolOrigin)) throw new LaunchRefusal("wrongTarget", { target: claims.targetLinkUri });
  await spendNonce(db, platform, state, claims, now);
  return { platform, claims, issuer: platform.issuer };
}

/** The login this launch answers, its nonce spent: at most one launch per login, whatever the race. */
async function spendNonce(db: Db_, platform: PlatformRow, state: string, claims: LaunchClaims, now: Date): Promise<void> {
  const login = await db.ltiLogin.findUnique({ where: { state } });
  if (!login || login.platformId !== platform.id) throw new LaunchRefusal("stateUnknown");
  if (login.usedAt !== null) throw new LaunchRefusal("nonceReused");
  if (login.nonce !== claims.nonce) throw new LaunchRefusal("nonceMismatch");
  if (login.expiresAt <= now) throw new LaunchRefusal("loginExpired");
  if (login.targetLinkUri !== claims.targetLinkUri) throw new LaunchRefusal("wrongTarget", { target: claims.targetLinkUri });
  const { count } = await db.ltiLogin.updateMany({ where: { id: login.id, usedAt: null }, data: { usedAt: now } });
  if (count !== 1) throw new LaunchRefusal("nonceReused");
}
