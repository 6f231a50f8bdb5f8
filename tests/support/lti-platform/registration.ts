// LTI Dynamic Registration 1.0 on the mock platform: its OpenID configuration (§3.4) and its
// client registration endpoint (§3.5), which checks the registration token and the client
// metadata a tool must send, and answers a client id and a deployment (§3.6). `mode` makes it
// misbehave as real LMSs do: a configuration naming another issuer, a registration refused with
// 400, a registration endpoint nobody listens at.
import type { MockPlatform } from "./index";
import { sendJson } from "./index";

export type RegistrationMode = "ok" | "wrongIssuer" | "refuse" | "unreachableRegistration";

export interface RegistrationOptions {
  mode?: RegistrationMode;
  registrationToken?: string;
  /** The client id the registration answers (the platform's own by default). */
  clientId?: string;
  /** The deployment the answer names; null: none (Canvas makes the deployment later). */
  deploymentId?: string | null;
  productFamily?: string;
  /** The scopes the configuration offers. */
  scopesSupported?: string[];
}

export interface MockRegistration {
  /** What a platform passes as `openid_configuration`. */
  configurationUrl: string;
  registrationToken: string;
  /** Every registration request body received, with its Authorization header. */
  received: { body: Record<string, unknown>; authorization: string | undefined }[];
  setMode(mode: RegistrationMode): void;
}

const TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration";

/** What a registration request lacks of what §3.5.2 requires, or null. */
function metadataProblem(body: Record<string, unknown>): string | null {
  const list = (name: string) => (Array.isArray(body[name]) ? (body[name] as unknown[]) : []);
  if (body.application_type !== "web") return "application_type must be web";
  if (!list("response_types").includes("id_token")) return "response_types must include id_token";
  if (!list("grant_types").includes("implicit") || !list("grant_types").includes("client_credentials"))
    return "grant_types must include implicit and client_credentials";
  if (body.token_endpoint_auth_method !== "private_key_jwt") return "token_endpoint_auth_method must be private_key_jwt";
  for (const name of ["initiate_login_uri", "jwks_uri"]) if (typeof body[name] !== "string") return `${name} is required`;
  if (list("redirect_uris").length === 0) return "redirect_uris is required";
  const tool = body[TOOL_CONFIGURATION] as Record<string, unknown> | undefined;
  if (!tool || typeof tool.domain !== "string" || typeof tool.target_link_uri !== "string")
    return `${TOOL_CONFIGURATION} needs domain and target_link_uri`;
  return null;
}

export function installRegistration(platform: MockPlatform, options: RegistrationOptions = {}): MockRegistration {
  let mode: RegistrationMode = options.mode ?? "ok";
  const registrationToken = options.registrationToken ?? `reg-${Math.random().toString(36).slice(2)}`;
  const received: MockRegistration["received"] = [];

  platform.route("GET", "/.well-known/openid-configuration", (_req, res) =>
    sendJson(res, 200, {
      issuer: mode === "wrongIssuer" ? "https://lms.example.com" : platform.issuer,
      authorization_endpoint: platform.urls.auth,
      token_endpoint: platform.urls.token,
      jwks_uri: platform.urls.jwks,
      registration_endpoint: mode === "unreachableRegistration" ? "http://127.0.0.1:1/register" : `${platform.origin}/register`,
      scopes_supported: options.scopesSupported ?? [
        "openid",
        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
        "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly",
        "https://purl.imsglobal.org/spec/lti-ags/scope/score",
        "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
      ],
      response_types_supported: ["id_token"],
      id_token_signing_alg_values_supported: ["RS256"],
      "https://purl.imsglobal.org/spec/lti-platform-configuration": {
        product_family_code: options.productFamily ?? "moodle",
        version: "4.4",
        messages_supported: [{ type: "LtiResourceLinkRequest" }, { type: "LtiDeepLinkingRequest" }],
      },
    }),
  );

  platform.route("POST", "/register", (req, res, _url, text) => {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
    } catch {
      return sendJson(res, 400, { error: "invalid_client_metadata", error_description: "not JSON" });
    }
    received.push({ body, authorization: req.headers.authorization });
    if (req.headers.authorization !== `Bearer ${registrationToken}`)
      return sendJson(res, 401, { error: "invalid_token", error_description: "registration token missing or wrong" });
    if (mode === "refuse") return sendJson(res, 400, { error: "invalid_client_metadata", error_description: "tool domain not allowed" });
    const problem = metadataProblem(body);
    if (problem) return sendJson(res, 400, { error: "invalid_client_metadata", error_description: problem });
    const deploymentId = options.deploymentId === undefined ? platform.deploymentId : options.deploymentId;
    sendJson(res, 200, {
      ...body,
      client_id: options.clientId ?? platform.clientId,
      [TOOL_CONFIGURATION]: {
        ...(body[TOOL_CONFIGURATION] as object),
        ...(deploymentId ? { deployment_id: deploymentId } : {}),
      },
    });
  });

  return {
    configurationUrl: `${platform.origin}/.well-known/openid-configuration`,
    registrationToken,
    received,
    setMode(next) {
      mode = next;
    },
  };
}
