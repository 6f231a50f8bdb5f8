// What registering a platform reads and writes, without I/O: the platform's details as an
// admin, a JSON file or an LMS gives them (checked with zod, every string bounded), the tool's
// configuration an admin pastes into an LMS (its addresses, Canvas's developer-key JSON), and
// the two documents of LTI Dynamic Registration 1.0: the platform's OpenID configuration
// (§3.4) and the tool's client registration (§3.5.2). Pure: the caller passes the origin.
import { z } from "zod";
import { MESSAGE_TYPE, SCOPE, toolUrls } from "./vocabulary";

export const PRODUCTS = ["canvas", "moodle", "blackboard", "brightspace", "other"] as const;
export type Product = (typeof PRODUCTS)[number];

export const TOOL_NAME = "SynAck Lab";
/** The scopes the tool asks for: scores and line items (AGS), the roster (NRPS). */
export const TOOL_SCOPES = [SCOPE.lineItem, SCOPE.lineItemReadOnly, SCOPE.resultReadOnly, SCOPE.score, SCOPE.memberships] as const;
/** The launch claims the tool reads (Dynamic Registration §3.5.2's `claims`). */
export const TOOL_CLAIMS = ["iss", "sub", "name", "given_name", "family_name", "email", "locale"] as const;

export const MAX_URL = 2000;
export const MAX_ID = 255;
export const MAX_DEPLOYMENTS = 50;

/**
 * Whether `value` is an address the tool may send a browser to or fetch: https, or — while the
 * app itself is not served over https (development, the tests' mock platform) — plain http to
 * this machine only (localhost, 127.0.0.1).
 */
export function acceptableUrl(value: string, allowLocalHttp: boolean): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === "https:") return true;
  return allowLocalHttp && url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1");
}

/** The words of the address rule's message, which read the same in every language. */
export const URL_RULE_WORDS = { https: "https://", http: "http://", localhost: "localhost" };

/** The products' names: brand names, the same in every language ("other" is a message). */
export const PRODUCT_NAMES: Record<Exclude<Product, "other">, string> = {
  canvas: "Canvas",
  moodle: "Moodle",
  blackboard: "Blackboard",
  brightspace: "Brightspace",
};

function urlField(allowLocalHttp: boolean) {
  return z
    .string()
    .trim()
    .min(1, "ltiAdmin.errors.required")
    .max(MAX_URL, "ltiAdmin.errors.tooLong")
    .refine((v) => acceptableUrl(v, allowLocalHttp), { message: "ltiAdmin.errors.url", params: URL_RULE_WORDS });
}

const idField = z.string().trim().min(1, "ltiAdmin.errors.required").max(MAX_ID, "ltiAdmin.errors.tooLong");

/** A deployment id list as typed: one per line or comma-separated; blanks dropped, repeats once. */
export function deploymentList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/** A platform as an admin or a JSON file describes it (the issuer is an https URL, LTI Core §5.1.2). */
export function platformSchema(allowLocalHttp: boolean) {
  return z.strictObject({
    name: z.string().trim().min(1, "ltiAdmin.errors.required").max(120, "ltiAdmin.errors.tooLong"),
    product: z.enum(PRODUCTS).default("other"),
    issuer: urlField(allowLocalHttp),
    clientId: idField,
    authUrl: urlField(allowLocalHttp),
    tokenUrl: urlField(allowLocalHttp),
    jwksUrl: urlField(allowLocalHttp),
    authAudience: z.string().trim().max(MAX_URL, "ltiAdmin.errors.tooLong").optional(),
    deploymentIds: z.array(idField).max(MAX_DEPLOYMENTS, "ltiAdmin.errors.tooMany").default([]),
  });
}
export type PlatformInput = z.infer<ReturnType<typeof platformSchema>>;

/** A deployment id on its own (added on the admin page). */
export const deploymentIdSchema = idField;

/** The tool's addresses and names, as the admin page shows them for a manual set-up. */
export function toolConfiguration(origin: string) {
  const urls = toolUrls(origin);
  return {
    name: TOOL_NAME,
    domain: new URL(origin).host,
    loginUrl: urls.login,
    redirectUrl: urls.launch,
    targetLinkUri: urls.launch,
    jwksUrl: urls.jwks,
    deepLinkingUrl: urls.deepLinking,
    registrationUrl: urls.registration,
    scopes: [...TOOL_SCOPES],
  };
}

/**
 * Canvas's developer key "Paste JSON" configuration: the addresses, the scopes, and the course
 * placements where an instructor adds a quiz by deep linking (link and assignment selection).
 * Canvas takes the redirect URIs in a separate box of the same form.
 */
export function canvasDeveloperKey(origin: string) {
  const tool = toolConfiguration(origin);
  const deepLink = (placement: string) => ({
    placement,
    message_type: MESSAGE_TYPE.deepLinkingRequest,
    target_link_uri: tool.deepLinkingUrl,
    text: TOOL_NAME,
  });
  return {
    title: TOOL_NAME,
    description: "TCP connection quizzes graded against an RFC 9293 engine.",
    oidc_initiation_url: tool.loginUrl,
    target_link_uri: tool.targetLinkUri,
    public_jwk_url: tool.jwksUrl,
    scopes: tool.scopes,
    extensions: [
      {
        domain: tool.domain,
        platform: "canvas.instructure.com",
        privacy_level: "public",
        settings: {
          text: TOOL_NAME,
          placements: [deepLink("link_selection"), deepLink("assignment_selection")],
        },
      },
    ],
    custom_fields: {},
  };
}

const PLATFORM_CONFIGURATION_CLAIM = "https://purl.imsglobal.org/spec/lti-platform-configuration";
export const TOOL_CONFIGURATION_CLAIM = "https://purl.imsglobal.org/spec/lti-tool-configuration";

/** The parts of a platform's OpenID configuration (Dynamic Registration §3.4) the tool uses. */
export function platformConfigurationSchema(allowLocalHttp: boolean) {
  return z.looseObject({
    issuer: urlField(allowLocalHttp),
    authorization_endpoint: urlField(allowLocalHttp),
    token_endpoint: urlField(allowLocalHttp),
    jwks_uri: urlField(allowLocalHttp),
    registration_endpoint: urlField(allowLocalHttp),
    /** The `aud` of service-token assertions when it is not the token endpoint (Brightspace). */
    authorization_server: z.string().max(MAX_URL).optional(),
    scopes_supported: z.array(z.string().max(MAX_URL)).max(100).optional(),
    [PLATFORM_CONFIGURATION_CLAIM]: z
      .looseObject({
        product_family_code: z.string().max(100).optional(),
        messages_supported: z
          .array(z.looseObject({ type: z.string().max(100) }))
          .max(50)
          .optional(),
      })
      .optional(),
  });
}
export type PlatformConfiguration = z.infer<ReturnType<typeof platformConfigurationSchema>>;

/** What the platform answers a registration with (§3.6): the client id, and the deployment it made. */
export const registrationResponseSchema = z.looseObject({
  client_id: idField,
  [TOOL_CONFIGURATION_CLAIM]: z.looseObject({ deployment_id: z.string().trim().min(1).max(MAX_ID).optional() }).optional(),
});

export type ConfigurationProblem = "issuerMismatch";

/**
 * What is wrong with a configuration fetched from `configurationUrl`, or null. §3.5.1: the
 * issuer must be on the origin the configuration was fetched from, so that a
 * configuration served by one site cannot claim another site's issuer.
 */
export function configurationProblem(config: PlatformConfiguration, configurationUrl: string): ConfigurationProblem | null {
  if (new URL(config.issuer).origin !== new URL(configurationUrl).origin) return "issuerMismatch";
  return null;
}

/** The product family a configuration names, as the set-up help knows it. */
export function productOf(config: PlatformConfiguration): Product {
  const code = (config[PLATFORM_CONFIGURATION_CLAIM]?.product_family_code ?? "").toLowerCase();
  if (code.includes("canvas")) return "canvas";
  if (code.includes("moodle")) return "moodle";
  if (code.includes("blackboard")) return "blackboard";
  if (code.includes("desire2learn") || code.includes("brightspace") || code.includes("d2l")) return "brightspace";
  return "other";
}

/** The tool's client registration request (§3.5.2), asking only for scopes the platform offers when it lists them. */
export function clientRegistration(origin: string, config: PlatformConfiguration) {
  const tool = toolConfiguration(origin);
  const offered = config.scopes_supported;
  const scopes = offered ? tool.scopes.filter((s) => offered.includes(s)) : tool.scopes;
  return {
    application_type: "web",
    response_types: ["id_token"],
    grant_types: ["implicit", "client_credentials"],
    initiate_login_uri: tool.loginUrl,
    redirect_uris: [tool.redirectUrl],
    client_name: TOOL_NAME,
    jwks_uri: tool.jwksUrl,
    token_endpoint_auth_method: "private_key_jwt",
    scope: scopes.join(" "),
    [TOOL_CONFIGURATION_CLAIM]: {
      domain: tool.domain,
      target_link_uri: tool.targetLinkUri,
      claims: [...TOOL_CLAIMS],
      messages: [{ type: MESSAGE_TYPE.deepLinkingRequest, target_link_uri: tool.deepLinkingUrl, label: TOOL_NAME }],
    },
  };
}
