// Registering an LMS as a platform, three ways: an admin's form (/admin/lti), a JSON file
// (`npm run lti:register`), and LTI Dynamic Registration 1.0, where the LMS opens the tool's
// registration URL and the tool fetches the LMS's OpenID configuration and registers itself as
// a client. A dynamic registration needs a one-time invite an admin made, so nobody else can
// add a platform: the URL carries its token; only the token's SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";
import { msg } from "../i18n/msg";
import { AppError } from "../server/errors";
import {
  acceptableUrl,
  clientRegistration,
  configurationProblem,
  platformConfigurationSchema,
  PRODUCT_NAMES,
  productOf,
  registrationResponseSchema,
  TOOL_CONFIGURATION_CLAIM,
  URL_RULE_WORDS,
  type PlatformConfiguration,
  type PlatformInput,
} from "./registration-config";
import type { PlatformRow } from "./platform-queries";
import { claimInvite, insertInvite, inviteRegistered, releaseInvite, savePlatform, type RegistrationDb } from "./registration-queries";

/** How long a registration URL stays usable: an admin makes it and pastes it into the LMS at once. */
export const INVITE_LIFETIME_MS = 60 * 60 * 1000;
/** The most the tool reads of anything a platform answers during registration. */
export const PLATFORM_ANSWER_LIMIT = 64_000;
const PLATFORM_TIMEOUT_MS = 10_000;

type Via = "manual" | "cli" | "dynamic";

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Stores a platform and its deployments: a new (issuer, client id) pair is added; a known one
 * gets the given endpoints (a re-registration after the LMS moved them), unless `update` is
 * false (the admin page's "add": 409). Deployments are added, never removed here. Audited.
 */
export async function registerPlatform(
  db: RegistrationDb,
  input: PlatformInput,
  options: { actorId: string | null; via: Via; update?: boolean },
): Promise<PlatformRow> {
  const fields = {
    name: input.name,
    product: input.product,
    issuer: input.issuer,
    clientId: input.clientId,
    authUrl: input.authUrl,
    tokenUrl: input.tokenUrl,
    jwksUrl: input.jwksUrl,
    authAudience: input.authAudience || null,
    registeredVia: options.via,
  };
  const platform = await savePlatform(
    db,
    fields,
    input.deploymentIds,
    (row, created) => ({
      actorId: options.actorId,
      action: created ? "lti.platform.register" : "lti.platform.update",
      target: row.id,
      detail: { via: options.via, issuer: input.issuer, clientId: input.clientId, deploymentIds: input.deploymentIds },
    }),
    { update: options.update ?? true },
  );
  if (!platform) throw new AppError("CONFLICT", msg("ltiAdmin.errors.duplicate"));
  return platform;
}

/** A one-time registration URL's token, stored hashed; `token` is shown once and never kept. */
export async function createRegistrationInvite(
  db: RegistrationDb,
  actorId: string,
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + INVITE_LIFETIME_MS);
  const { id } = await insertInvite(db, { tokenHash: tokenHash(token), createdById: actorId, createdAt: now, expiresAt });
  return { id, token, expiresAt };
}

/** The registration URL an admin gives the LMS: the tool's registration address with the invite. */
export function registrationUrl(registrationAddress: string, token: string): string {
  const url = new URL(registrationAddress);
  url.searchParams.set("invite", token);
  return url.toString();
}

export interface DynamicRegistrationRequest {
  invite: string;
  /** The platform's OpenID configuration URL (`openid_configuration`). */
  openidConfiguration: string;
  /** The platform's `registration_token`, sent back as a bearer token (optional in the spec). */
  registrationToken?: string;
}

export interface DynamicRegistrationOptions {
  /** The tool's origin (APP_URL). */
  origin: string;
  allowLocalHttp: boolean;
  now?: Date;
  fetch?: typeof fetch;
}

const fail = (code: ConstructorParameters<typeof AppError>[0], key: Parameters<typeof msg>[0], values?: Parameters<typeof msg>[1]) =>
  new AppError(code, msg(key, values));

/** A platform's answer as JSON, read up to PLATFORM_ANSWER_LIMIT; an answer over it is refused. */
async function limitedJson(response: Response): Promise<unknown> {
  const reader = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (reader)
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > PLATFORM_ANSWER_LIMIT) {
        await reader.cancel();
        throw fail("UNPROCESSABLE", "ltiAdmin.register.errors.tooLarge", { limit: PLATFORM_ANSWER_LIMIT });
      }
      chunks.push(value);
    }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw fail("UNPROCESSABLE", "ltiAdmin.register.errors.notJson");
  }
}

/** A request to the platform; a platform out of reach (refused, timed out) is a 503 that names it. */
async function callPlatform(fetcher: typeof fetch, url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetcher(url, { ...init, redirect: "error", signal: AbortSignal.timeout(PLATFORM_TIMEOUT_MS) });
  } catch {
    throw fail("UNAVAILABLE", "ltiAdmin.register.errors.unreachable", { url: url.slice(0, 200) });
  }
}

/** A platform's error text, bounded, for the admin to read ("invalid registration token"). */
function platformReason(body: unknown): string {
  if (typeof body === "object" && body !== null) {
    const b = body as { error?: unknown; error_description?: unknown; message?: unknown };
    const parts = [b.error, b.error_description, b.message].filter((p): p is string => typeof p === "string");
    if (parts.length) return parts.join(": ").slice(0, 300);
  }
  return "";
}

async function fetchConfiguration(fetcher: typeof fetch, url: string, allowLocalHttp: boolean): Promise<PlatformConfiguration> {
  const response = await callPlatform(fetcher, url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw fail("UNPROCESSABLE", "ltiAdmin.register.errors.configurationStatus", { status: response.status });
  const parsed = platformConfigurationSchema(allowLocalHttp).safeParse(await limitedJson(response));
  if (!parsed.success)
    throw fail("UNPROCESSABLE", "ltiAdmin.register.errors.configurationInvalid", {
      field: parsed.error.issues[0]?.path.join(".").slice(0, 100) || "-",
    });
  const problem = configurationProblem(parsed.data, url);
  if (problem === "issuerMismatch")
    throw fail("UNPROCESSABLE", "ltiAdmin.register.errors.issuerMismatch", {
      issuer: parsed.data.issuer.slice(0, 200),
      origin: new URL(url).origin,
    });
  return parsed.data;
}

function platformName(config: PlatformConfiguration): string {
  const product = productOf(config);
  return `${product === "other" ? "LMS" : PRODUCT_NAMES[product]} (${new URL(config.issuer).host})`;
}

/**
 * LTI Dynamic Registration (§3.3–3.6) for the invite in `request`: checks the invite, fetches the
 * platform's configuration (its issuer on the configuration's origin), registers the tool as a
 * client with the registration token, and stores the platform with the client id and the
 * deployment the platform answered. The invite is claimed first, so two windows cannot both
 * use it, and released when the registration fails, so the admin can retry with the same URL.
 */
export async function registerDynamically(
  db: RegistrationDb,
  request: DynamicRegistrationRequest,
  options: DynamicRegistrationOptions,
): Promise<{ platform: PlatformRow; deploymentId: string | null }> {
  const now = options.now ?? new Date();
  const fetcher = options.fetch ?? fetch;
  if (!acceptableUrl(request.openidConfiguration, options.allowLocalHttp))
    throw fail("BAD_REQUEST", "ltiAdmin.register.errors.configurationUrl", { https: URL_RULE_WORDS.https });

  const invite = await claimInvite(db, tokenHash(request.invite), now);
  if (!invite) throw fail("FORBIDDEN", "ltiAdmin.register.errors.invite");

  try {
    const config = await fetchConfiguration(fetcher, request.openidConfiguration, options.allowLocalHttp);
    const response = await callPlatform(fetcher, config.registration_endpoint, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        ...(request.registrationToken ? { Authorization: `Bearer ${request.registrationToken}` } : {}),
      },
      body: JSON.stringify(clientRegistration(options.origin, config)),
    });
    const answer = await limitedJson(response).catch((error: unknown) => {
      if (response.ok) throw error;
      return null; // a refusal need not be JSON: its status says enough
    });
    if (!response.ok)
      throw fail("UNPROCESSABLE", "ltiAdmin.register.errors.refused", {
        status: response.status,
        reason: platformReason(answer) || "-",
      });
    const parsed = registrationResponseSchema.safeParse(answer);
    if (!parsed.success) throw fail("UNPROCESSABLE", "ltiAdmin.register.errors.answerInvalid");
    const deploymentId = parsed.data[TOOL_CONFIGURATION_CLAIM]?.deployment_id ?? null;
    const platform = await registerPlatform(
      db,
      {
        name: platformName(config),
        product: productOf(config),
        issuer: config.issuer,
        clientId: parsed.data.client_id,
        authUrl: config.authorization_endpoint,
        tokenUrl: config.token_endpoint,
        jwksUrl: config.jwks_uri,
        authAudience: config.authorization_server,
        deploymentIds: deploymentId ? [deploymentId] : [],
      },
      { actorId: invite.createdById, via: "dynamic" },
    );
    await inviteRegistered(db, invite.id, platform.id);
    return { platform, deploymentId };
  } catch (error) {
    await releaseInvite(db, invite.id, {
      actorId: invite.createdById,
      action: "lti.platform.register-failed",
      target: invite.id,
      detail: { configuration: request.openidConfiguration.slice(0, 300), reason: error instanceof AppError ? error.message : "error" },
    });
    throw error;
  }
}
