// The mock platform's side of the OIDC launch (Security Framework §5.1.1): an authorization
// endpoint that checks what the tool's login sent (response_type, scope, prompt, client_id, a
// registered redirect_uri), then signs an id_token with the login's nonce and the launch's
// claims and posts it with the state back to the tool, as a self-submitting form; and an "LMS
// course page" that shows the tool's login URL in an iframe, for the browser tests. Launches
// are queued by login_hint, so a test says who launches what and then drives the login.
// A misbehaving mode makes the next launches wrong in one way each.
import type { JWTPayload } from "jose";
import { CLAIM, LTI_VERSION, MESSAGE_TYPE } from "../../../lib/lti/vocabulary";
import { escapeHtml, sendHtml, sendJson, type MockPlatform, type PlatformKey } from "./index";

export type Misbehaviour = "badSignature" | "wrongAud" | "expired" | "reusedNonce" | "unknownDeployment" | "rotatedKey" | null;

export interface OidcOptions {
  toolLoginUrl: string;
  toolLaunchUrl: string;
  /** Redirect URIs the platform accepts; the launch URL when not given. */
  redirectUris?: string[];
}

export interface Oidc {
  /** The claims the next login with this login_hint launches with (kept for later logins too). */
  prepare(loginHint: string, claims: JWTPayload): void;
  /** The launches the platform answered: their claims as signed. */
  launches: { loginHint: string; claims: JWTPayload; idToken: string }[];
  /** The query of every authorization request, as the tool sent it. */
  authRequests: URLSearchParams[];
  misbehave(mode: Misbehaviour): void;
  /** A URL of the "LMS course page" that frames the tool's login for this login_hint. */
  coursePageUrl(loginHint: string, extra?: Record<string, string>): string;
  /** The login initiation URL (GET) for this login_hint. */
  loginUrl(loginHint: string, extra?: Record<string, string>): string;
  /** Signs an id_token answering an authorization request (the state and nonce it carried). */
  answer(auth: URLSearchParams): Promise<{ idToken: string; state: string }>;
}

const ROLE = "http://purl.imsglobal.org/vocab/lis/v2/membership#";

/** The claims of a resource-link launch by a learner (or `role`): a course, an AGS and an NRPS claim. */
export function resourceLinkClaims(
  platform: MockPlatform,
  options: {
    sub: string;
    role?: "Learner" | "Instructor" | "TeachingAssistant" | string;
    resourceLinkId?: string;
    contextId?: string;
    targetLinkUri: string;
    name?: string | null;
    email?: string | null;
    custom?: Record<string, string>;
    lineItem?: string;
  },
): JWTPayload {
  const role = options.role ?? "Learner";
  const claims: JWTPayload = {
    sub: options.sub,
    [CLAIM.messageType]: MESSAGE_TYPE.resourceLink,
    [CLAIM.version]: LTI_VERSION,
    [CLAIM.deploymentId]: platform.deploymentId,
    [CLAIM.targetLinkUri]: options.targetLinkUri,
    [CLAIM.resourceLink]: { id: options.resourceLinkId ?? "link-1", title: "Week 1 quiz" },
    [CLAIM.roles]: role.includes("#") || role.includes("/") ? [role] : [`${ROLE}${role}`],
    [CLAIM.context]: { id: options.contextId ?? "course-1", label: "NET101", title: "Networks 101" },
    [CLAIM.agsEndpoint]: {
      scope: ["https://purl.imsglobal.org/spec/lti-ags/scope/lineitem", "https://purl.imsglobal.org/spec/lti-ags/scope/score"],
      lineitems: `${platform.origin}/courses/${options.contextId ?? "course-1"}/lineitems`,
      ...(options.lineItem ? { lineitem: options.lineItem } : {}),
    },
    [CLAIM.nrpsService]: {
      context_memberships_url: `${platform.origin}/courses/${options.contextId ?? "course-1"}/memberships`,
      service_versions: ["2.0"],
    },
  };
  if (options.custom) claims[CLAIM.custom] = options.custom;
  if (options.name !== null) claims.name = options.name ?? `Person ${options.sub}`;
  if (options.email !== null && options.email !== undefined) claims.email = options.email;
  return claims;
}

/** The claims of a deep-linking request by an instructor. */
export function deepLinkingClaims(
  platform: MockPlatform,
  options: { sub: string; contextId?: string; targetLinkUri: string; returnUrl?: string; data?: string },
): JWTPayload {
  const base = resourceLinkClaims(platform, { ...options, role: "Instructor" });
  delete base[CLAIM.resourceLink];
  return {
    ...base,
    [CLAIM.messageType]: MESSAGE_TYPE.deepLinkingRequest,
    [CLAIM.deepLinkingSettings]: {
      deep_link_return_url: options.returnUrl ?? `${platform.origin}/deep-link-return`,
      accept_types: ["ltiResourceLink"],
      accept_presentation_document_targets: ["iframe", "window"],
      accept_multiple: false,
      ...(options.data ? { data: options.data } : {}),
    },
  };
}

function autoPostPage(action: string, fields: Record<string, string>): string {
  const inputs = Object.entries(fields)
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("");
  return `<!doctype html><html lang="en"><head><title>Launching</title></head><body>
<form id="f" method="post" action="${escapeHtml(action)}">${inputs}<noscript><button>Continue</button></noscript></form>
<script>document.getElementById("f").submit()</script></body></html>`;
}

export function installOidc(platform: MockPlatform, options: OidcOptions): Oidc {
  const prepared = new Map<string, JWTPayload>();
  const redirectUris = options.redirectUris ?? [options.toolLaunchUrl];
  let mode: Misbehaviour = null;
  let lastNonce: string | null = null;

  const query = (loginHint: string, extra: Record<string, string> = {}) =>
    new URLSearchParams({
      iss: platform.issuer,
      login_hint: loginHint,
      target_link_uri: options.toolLaunchUrl,
      lti_message_hint: `msg-${loginHint}`,
      lti_deployment_id: platform.deploymentId,
      client_id: platform.clientId,
      ...extra,
    }).toString();

  const oidc: Oidc = {
    launches: [],
    authRequests: [],
    prepare(loginHint, claims) {
      prepared.set(loginHint, claims);
    },
    misbehave(next) {
      mode = next;
    },
    loginUrl: (loginHint, extra) => `${options.toolLoginUrl}?${query(loginHint, extra)}`,
    coursePageUrl: (loginHint, extra) => `${platform.origin}/course-page?${query(loginHint, extra)}`,
    async answer(auth) {
      const loginHint = auth.get("login_hint") ?? "";
      const claims = prepared.get(loginHint);
      if (!claims) throw new Error(`no launch prepared for login_hint ${loginHint}`);
      const nonce = mode === "reusedNonce" && lastNonce ? lastNonce : (auth.get("nonce") ?? "");
      lastNonce = auth.get("nonce");
      const signed: JWTPayload = { ...claims, nonce };
      if (mode === "wrongAud") signed.aud = "someone-else";
      if (mode === "unknownDeployment") signed[CLAIM.deploymentId] = "deployment-nobody-registered";
      let key: PlatformKey | undefined;
      if (mode === "rotatedKey") key = await platform.rotateKey({ dropOld: true });
      let idToken = await platform.sign(signed, {
        key,
        expiresInSec: mode === "expired" ? 60 : 300,
        iatOffsetSec: mode === "expired" ? -600 : 0,
      });
      if (mode === "badSignature") {
        const [h, p, s] = idToken.split(".");
        idToken = `${h}.${p}.${s.slice(0, -4)}${s.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
      }
      oidc.launches.push({ loginHint, claims: signed, idToken });
      return { idToken, state: auth.get("state") ?? "" };
    },
  };

  // The authorization endpoint: refuses what an LMS refuses, then answers with a form post.
  platform.route("GET", "/auth", async (_req, res, url) => {
    const q = url.searchParams;
    oidc.authRequests.push(q);
    const problems: string[] = [];
    if (q.get("response_type") !== "id_token") problems.push("response_type");
    if (q.get("response_mode") !== "form_post") problems.push("response_mode");
    if (!(q.get("scope") ?? "").split(" ").includes("openid")) problems.push("scope");
    if (q.get("prompt") !== "none") problems.push("prompt");
    if (q.get("client_id") !== platform.clientId) problems.push("client_id");
    if (!redirectUris.includes(q.get("redirect_uri") ?? "")) problems.push("redirect_uri");
    if (!q.get("state") || !q.get("nonce") || !q.get("login_hint")) problems.push("state/nonce/login_hint");
    if (problems.length > 0) return sendJson(res, 400, { error: "invalid_request", problems });
    const { idToken, state } = await oidc.answer(q);
    sendHtml(res, 200, autoPostPage(q.get("redirect_uri")!, { id_token: idToken, state }));
  });

  // The LMS's course page: the activity in an iframe, as Canvas and Moodle show it.
  platform.route("GET", "/course-page", (_req, res, url) => {
    const src = `${options.toolLoginUrl}?${url.searchParams.toString()}`;
    sendHtml(
      res,
      200,
      `<!doctype html><html lang="en"><head><title>Networks 101 — LMS</title></head><body><main><h1>Networks 101</h1>
<iframe title="SynAck Lab activity" src="${escapeHtml(src)}" style="width:100%;height:900px;border:0"
 allow="clipboard-write"></iframe></main></body></html>`,
    );
  });

  return oidc;
}
