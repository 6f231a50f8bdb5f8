// The mock platform's side of Deep Linking 2.0: a deep_link_return_url that takes the tool's
// form post (one field, `JWT`), checks the LtiDeepLinkingResponse as a platform does — signed
// by a key of the tool's JWKS, iss = the client id, aud = the issuer, the message type, version
// and deployment, a nonce, a lifetime of at least five minutes (Canvas refused shorter ones as
// expired) — and records the content items. `misbehaving` makes it answer 400 to everything.
import { createLocalJWKSet, jwtVerify, type JSONWebKeySet, type JWTPayload } from "jose";
import { escapeHtml, sendHtml, type MockPlatform } from "./index";

const LTI = "https://purl.imsglobal.org/spec/lti/claim/";
const DL = "https://purl.imsglobal.org/spec/lti-dl/claim/";

export interface DeepLinkResponseRecord {
  payload: JWTPayload;
  items: Record<string, unknown>[];
  /** dl:data as received (absent: not sent). */
  data?: unknown;
  message?: unknown;
  errorMessage?: unknown;
  at: Date;
}

export interface DeepLinkingMock {
  /** Give this as deep_link_return_url. */
  returnUrl: string;
  /** Every response that passed the checks, oldest first. */
  responses: DeepLinkResponseRecord[];
  /** Why each refused post was refused. */
  refusals: string[];
  setMisbehaving(on: boolean): void;
}

export function installDeepLinking(
  platform: MockPlatform,
  options: { toolJwks: string | (() => Promise<JSONWebKeySet>); path?: string; misbehaving?: boolean },
): DeepLinkingMock {
  const path = options.path ?? "/deep-link/return";
  let misbehaving = options.misbehaving ?? false;
  const mock: DeepLinkingMock = {
    returnUrl: `${platform.origin}${path}`,
    responses: [],
    refusals: [],
    setMisbehaving(on) {
      misbehaving = on;
    },
  };
  const keySet = async (): Promise<JSONWebKeySet> =>
    typeof options.toolJwks === "function" ? options.toolJwks() : ((await (await fetch(options.toolJwks)).json()) as JSONWebKeySet);
  const refuse = (res: Parameters<Parameters<MockPlatform["route"]>[2]>[1], reason: string) => {
    mock.refusals.push(reason);
    sendHtml(res, 400, `<!doctype html><title>Refused</title><h1>Deep linking response refused</h1><p>${escapeHtml(reason)}</p>`);
  };

  platform.route("POST", path, async (req, res, _url, body) => {
    if (misbehaving) return refuse(res, "the platform is misbehaving");
    if (!(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded")) return refuse(res, "not a form post");
    const form = new URLSearchParams(body);
    if ([...form.keys()].join() !== "JWT") return refuse(res, `fields: ${[...form.keys()].join(", ")} (want only JWT)`);
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(form.get("JWT") ?? "", createLocalJWKSet(await keySet()), {
        issuer: platform.clientId,
        audience: platform.issuer,
        algorithms: ["RS256"],
      }));
    } catch (error) {
      return refuse(res, `signature or claims: ${(error as Error).message}`);
    }
    if (payload[`${LTI}message_type`] !== "LtiDeepLinkingResponse") return refuse(res, "message_type is not LtiDeepLinkingResponse");
    if (payload[`${LTI}version`] !== "1.3.0") return refuse(res, "version is not 1.3.0");
    if (payload[`${LTI}deployment_id`] !== platform.deploymentId) return refuse(res, "deployment_id is not this deployment");
    if (typeof payload.nonce !== "string" || payload.nonce.length < 8) return refuse(res, "no nonce");
    if (typeof payload.iat !== "number" || typeof payload.exp !== "number" || payload.exp - payload.iat < 300)
      return refuse(res, "lifetime under 300 s");
    const items = payload[`${DL}content_items`];
    if (!Array.isArray(items)) return refuse(res, "content_items is not an array");
    mock.responses.push({
      payload,
      items: items as Record<string, unknown>[],
      ...(`${DL}data` in payload ? { data: payload[`${DL}data`] } : {}),
      ...(`${DL}msg` in payload ? { message: payload[`${DL}msg`] } : {}),
      ...(`${DL}errormsg` in payload ? { errorMessage: payload[`${DL}errormsg`] } : {}),
      at: new Date(),
    });
    const titles = items.map((i) => `<li>${escapeHtml(String((i as { title?: unknown }).title ?? ""))}</li>`).join("");
    sendHtml(
      res,
      200,
      `<!doctype html><html lang="en"><title>Added</title><main><h1>Deep linking response received</h1><ul>${titles}</ul></main></html>`,
    );
  });
  return mock;
}
