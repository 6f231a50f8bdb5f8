// OIDC third-party login initiation (Security Framework §5.1.1, LTI Core 1.3 §4.1): the
// platform names itself (iss, maybe client_id) and the launch it wants; the tool records a
// login with a random state and nonce and sends the browser to the platform's authorization
// endpoint. The state is also set in a cookie named after it, so each tab's launch has its own
// and the launch can check the browser that posts it is the one that started it. The state
// carries the login's own parameters, so a launch whose cookie the browser refused can offer
// to start the same login again in a window of its own (launch-service.ts).
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../db/client";
import { LaunchRefusal } from "./launch-refusal";
import { ownTarget } from "./launch-claims";
import { platformsByIssuer, type PlatformRow } from "./platform-queries";
import { toolUrls } from "./vocabulary";

/** How long a login waits for its launch. */
export const LOGIN_TTL_SEC = 10 * 60;

const param = (max: number) => z.string().trim().min(1).max(max);

export const loginParams = z.object({
  iss: param(500),
  login_hint: param(2000),
  target_link_uri: param(2000),
  lti_message_hint: param(4000).optional(),
  lti_deployment_id: param(500).optional(),
  client_id: param(500).optional(),
});
export type LoginParams = z.infer<typeof loginParams>;

/** The login parameters, from a query string or a form; a refusal naming what is missing. */
export function readLoginParams(source: URLSearchParams): LoginParams {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(loginParams.shape)) {
    const value = source.get(key);
    if (value !== null && value.trim() !== "") raw[key] = value;
  }
  const parsed = loginParams.safeParse(raw);
  if (!parsed.success)
    throw new LaunchRefusal("loginIncomplete", { params: [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].join(", ") });
  return parsed.data;
}

/** The cookie that binds a state to the browser: its name is derived from the state. */
export function stateCookieName(state: string): string {
  return `lti-state-${createHash("sha256").update(state).digest("hex").slice(0, 16)}`;
}

/** The login parameters a state carries after its random part, for a login started again. */
export function loginOfState(state: string): LoginParams | null {
  const dot = state.indexOf(".");
  if (dot < 0) return null;
  try {
    const parsed = loginParams.safeParse(JSON.parse(Buffer.from(state.slice(dot + 1), "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The registration a login is for: the client_id's, else the issuer's only one. */
export function choosePlatform(platforms: PlatformRow[], params: LoginParams): PlatformRow {
  const facts = { issuer: params.iss, clientId: params.client_id ?? "—" };
  if (params.client_id) {
    const named = platforms.find((p) => p.clientId === params.client_id);
    if (!named) throw new LaunchRefusal("unknownPlatform", facts);
    return named;
  }
  if (platforms.length === 0) throw new LaunchRefusal("unknownPlatform", facts);
  if (platforms.length > 1) throw new LaunchRefusal("loginAmbiguous", { issuer: params.iss });
  return platforms[0];
}

export type LoginStart = { redirect: string; state: string; cookieName: string; maxAgeSec: number };

/** Records the login and says where the browser goes next. */
export async function startLogin(
  db: Pick<Db, "ltiPlatform" | "ltiDeployment" | "ltiLogin">,
  params: LoginParams,
  options: { toolOrigin: string; now?: Date },
): Promise<LoginStart> {
  const now = options.now ?? new Date();
  const platform = choosePlatform(await platformsByIssuer(db, params.iss), params);
  if (!ownTarget(params.target_link_uri, options.toolOrigin)) throw new LaunchRefusal("wrongTarget", { target: params.target_link_uri });
  const carried = Buffer.from(JSON.stringify({ ...params, client_id: platform.clientId })).toString("base64url");
  const state = `${randomBytes(24).toString("base64url")}.${carried}`;
  const nonce = randomBytes(24).toString("base64url");
  // Logins nobody finished: kept an hour past their expiry, so a late launch is told it was late.
  await db.ltiLogin.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - 60 * 60 * 1000) } } });
  await db.ltiLogin.create({
    data: {
      state,
      nonce,
      platformId: platform.id,
      targetLinkUri: params.target_link_uri,
      createdAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_TTL_SEC * 1000),
    },
  });
  const url = new URL(platform.authUrl);
  const query: Record<string, string> = {
    scope: "openid",
    response_type: "id_token",
    response_mode: "form_post",
    prompt: "none",
    client_id: platform.clientId,
    redirect_uri: toolUrls(options.toolOrigin).launch,
    login_hint: params.login_hint,
    state,
    nonce,
  };
  if (params.lti_message_hint) query.lti_message_hint = params.lti_message_hint;
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return { redirect: url.toString(), state, cookieName: stateCookieName(state), maxAgeSec: LOGIN_TTL_SEC };
}
