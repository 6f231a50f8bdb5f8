// The claims of a platform's launch, checked once their signature is (LTI Core 1.3 §5, Deep
// Linking 2.0 §4.4, Security Framework §5.1.3): pure, so each rule is tested on its own. The
// rules that need the database (the nonce, the deployment, the login's target) are in
// id-token.ts.
import { z } from "zod";
import { CLAIM, LTI_VERSION, MESSAGE_TYPE } from "./vocabulary";
import { LaunchRefusal } from "./launch-refusal";

/** Clocks differ: this much either way is not an error. */
export const CLOCK_LEEWAY_SEC = 60;
/** An id_token older than this is refused even before its exp (the login it answers lasts less). */
export const MAX_TOKEN_AGE_SEC = 60 * 60;

const id = z.string().min(1).max(1000);
const url = z.string().url().max(2000);
const text = z.string().max(1000);

const contextClaim = z.object({ id, label: text.optional(), title: text.optional(), type: z.array(z.string()).optional() });

const agsClaim = z.object({
  scope: z.array(z.string().max(500)).max(20).default([]),
  lineitems: url.optional(),
  lineitem: url.optional(),
});

const nrpsClaim = z.object({ context_memberships_url: url, service_versions: z.array(z.string()).optional() });

const deepLinkingSettings = z
  .object({
    deep_link_return_url: url,
    accept_types: z.array(z.string()).min(1),
    accept_presentation_document_targets: z.array(z.string()).min(1),
  })
  .passthrough();

/** What every launch carries, as this tool reads it. */
const common = {
  sub: id,
  nonce: id,
  [CLAIM.deploymentId]: id,
  [CLAIM.targetLinkUri]: url,
  // Required, but may be empty; values need not be URIs ("Instructor") and unknown ones are ignored.
  [CLAIM.roles]: z.array(z.string().max(500)).max(100),
  [CLAIM.context]: contextClaim.optional(),
  [CLAIM.custom]: z.record(z.string(), z.unknown()).optional(),
  [CLAIM.agsEndpoint]: agsClaim.optional(),
  [CLAIM.nrpsService]: nrpsClaim.optional(),
  name: text.optional(),
  given_name: text.optional(),
  family_name: text.optional(),
  email: z.string().max(320).optional(),
  locale: z.string().max(40).optional(),
};

const resourceLinkSchema = z.object({
  ...common,
  [CLAIM.resourceLink]: z.object({ id, title: text.optional(), description: text.optional() }),
});

const deepLinkingSchema = z.object({ ...common, [CLAIM.deepLinkingSettings]: deepLinkingSettings });

/** A checked launch, its claims under short names. */
export type LaunchClaims = {
  messageType: typeof MESSAGE_TYPE.resourceLink | typeof MESSAGE_TYPE.deepLinkingRequest;
  sub: string;
  nonce: string;
  deploymentId: string;
  targetLinkUri: string;
  roles: string[];
  context: z.infer<typeof contextClaim> | null;
  custom: Record<string, unknown>;
  ags: z.infer<typeof agsClaim> | null;
  nrps: z.infer<typeof nrpsClaim> | null;
  name: string | null;
  email: string | null;
  locale: string | null;
  resourceLink: { id: string; title?: string; description?: string } | null;
  /** The deep_linking_settings claim as the platform sent it (its `data` goes back verbatim). */
  deepLinkingSettings: Record<string, unknown> | null;
};

/**
 * The audience rule: `aud` (a string or an array) must name this client; with several
 * audiences `azp` must be present and be this client, and with one it must be this client if present.
 */
export function audienceRefusal(aud: unknown, azp: unknown, clientId: string): LaunchRefusal | null {
  const audiences = typeof aud === "string" ? [aud] : Array.isArray(aud) ? aud.filter((a) => typeof a === "string") : [];
  const shown = audiences.join(", ") || "—";
  if (!audiences.includes(clientId)) return new LaunchRefusal("wrongAudience", { aud: shown, clientId });
  if (audiences.length > 1 && azp !== clientId) return new LaunchRefusal("badAzp", { azp: String(azp ?? "—"), clientId });
  if (azp !== undefined && azp !== clientId) return new LaunchRefusal("badAzp", { azp: String(azp), clientId });
  return null;
}

/** exp in the future and iat not in the future nor too old, each within the leeway. */
export function timeRefusal(iat: unknown, exp: unknown, now: Date): LaunchRefusal | null {
  const nowSec = Math.floor(now.getTime() / 1000);
  if (typeof exp !== "number" || typeof iat !== "number") return new LaunchRefusal("missingClaims", { claims: "exp, iat" });
  const at = (sec: number) => new Date(sec * 1000).toISOString();
  if (exp + CLOCK_LEEWAY_SEC <= nowSec) return new LaunchRefusal("expired", { exp: at(exp), now: at(nowSec) });
  if (iat - CLOCK_LEEWAY_SEC > nowSec) return new LaunchRefusal("issuedInFuture", { iat: at(iat), now: at(nowSec) });
  if (nowSec - iat > MAX_TOKEN_AGE_SEC + CLOCK_LEEWAY_SEC) return new LaunchRefusal("tooOld", { iat: at(iat), now: at(nowSec) });
  return null;
}

/** The claim names a zod failure points at, for the message ("sub, …/roles"). */
function missingNames(error: z.ZodError): string {
  return [...new Set(error.issues.map((i) => String(i.path[0] ?? "?")))].join(", ");
}

/** The LTI claims of a signed payload, or the refusal saying which rule it breaks. */
export function launchClaims(payload: Record<string, unknown>): LaunchClaims {
  const missing = [CLAIM.messageType, CLAIM.version, CLAIM.roles, CLAIM.deploymentId].filter((c) => payload[c] === undefined);
  if (missing.includes(CLAIM.messageType) && missing.includes(CLAIM.version))
    throw new LaunchRefusal("missingClaims", { claims: missing.join(", ") });
  const version = payload[CLAIM.version];
  if (version !== LTI_VERSION) throw new LaunchRefusal("badVersion", { version: version === undefined ? "—" : String(version) });
  const type = payload[CLAIM.messageType];
  if (type !== MESSAGE_TYPE.resourceLink && type !== MESSAGE_TYPE.deepLinkingRequest)
    throw new LaunchRefusal("unknownMessageType", { type: type === undefined ? "—" : String(type).slice(0, 100) });
  const parsed = (type === MESSAGE_TYPE.resourceLink ? resourceLinkSchema : deepLinkingSchema).safeParse(payload);
  if (!parsed.success) throw new LaunchRefusal("missingClaims", { claims: missingNames(parsed.error) });
  const p = parsed.data as Record<string, unknown>;
  const given = [p.given_name, p.family_name].filter((s): s is string => typeof s === "string" && s.trim() !== "").join(" ");
  const name = typeof p.name === "string" && p.name.trim() !== "" ? p.name.trim() : given || null;
  const email = typeof p.email === "string" && z.string().email().safeParse(p.email.trim()).success ? p.email.trim().toLowerCase() : null;
  return {
    messageType: type,
    sub: p.sub as string,
    nonce: p.nonce as string,
    deploymentId: p[CLAIM.deploymentId] as string,
    targetLinkUri: p[CLAIM.targetLinkUri] as string,
    roles: p[CLAIM.roles] as string[],
    context: (p[CLAIM.context] as LaunchClaims["context"]) ?? null,
    custom: (p[CLAIM.custom] as Record<string, unknown>) ?? {},
    ags: (p[CLAIM.agsEndpoint] as LaunchClaims["ags"]) ?? null,
    nrps: (p[CLAIM.nrpsService] as LaunchClaims["nrps"]) ?? null,
    name,
    email,
    locale: (p.locale as string | undefined) ?? null,
    resourceLink: (p[CLAIM.resourceLink] as LaunchClaims["resourceLink"]) ?? null,
    deepLinkingSettings: (payload[CLAIM.deepLinkingSettings] as Record<string, unknown> | undefined) ?? null,
  };
}

/** Whether `target` is an address of this tool (its origin). */
export function ownTarget(target: string, toolOrigin: string): boolean {
  try {
    return new URL(target).origin === new URL(toolOrigin).origin;
  } catch {
    return false;
  }
}
