// A mock LTI 1.3 platform (an LMS) for the tests: a real HTTP server on 127.0.0.1 with its own
// RS256 keys. It serves its JWKS, issues service tokens for client-credentials assertions it
// checks against the tool's JWKS, signs id_tokens, and records what the tool sent it. The
// parts of the protocol (OIDC login, deep linking, scores, memberships, registration) are
// modules that add routes (see the `routes` list at the end); each test configures what it needs.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import {
  createLocalJWKSet,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
  type JSONWebKeySet,
  type JWK,
  type JWTPayload,
  type CryptoKey,
} from "jose";

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL, body: string) => Promise<void> | void;

export interface PlatformKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

export interface MockPlatformOptions {
  /** The tool's JWKS, to check service-token assertions: a URL to fetch, or a function. */
  toolJwks?: string | (() => Promise<JSONWebKeySet>);
  clientId?: string;
  deploymentId?: string;
  /** Answer every service request (token, scores, memberships) with this status: an LMS that is down. */
  downWith?: number | null;
}

export interface MockPlatform {
  /** http://127.0.0.1:<port>; also the issuer. */
  origin: string;
  issuer: string;
  clientId: string;
  deploymentId: string;
  urls: { auth: string; token: string; jwks: string };
  /** The keys the JWKS publishes; keys[0] signs. */
  keys: PlatformKey[];
  /** Adds a key that signs from now on; `dropOld` takes the previous ones out of the JWKS. */
  rotateKey(options?: { dropOld?: boolean }): Promise<PlatformKey>;
  /** An id_token (or any platform-signed JWT) with these claims; iss, aud, iat, exp filled in unless given. */
  sign(
    claims: JWTPayload,
    options?: { key?: PlatformKey; kid?: string | null; expiresInSec?: number; iatOffsetSec?: number },
  ): Promise<string>;
  /** Service tokens issued: their scopes. */
  tokensIssued: { scope: string; at: Date }[];
  /** Every request the platform received (method, path with query). */
  requests: { method: string; path: string; at: Date }[];
  /** Set to a status to make service requests fail; null to come back. */
  setDown(status: number | null): void;
  /** Registers a route (exact path match, or a RegExp on the path). */
  route(method: string, path: string | RegExp, handler: Handler): void;
  /** Checks a bearer token issued by this platform; writes 401 and returns null when it is not. */
  bearer(req: IncomingMessage, res: ServerResponse): { scope: string } | null;
  close(): Promise<void>;
}

async function newPlatformKey(): Promise<PlatformKey> {
  const { privateKey, publicKey } = await generateKeyPair("RS256", { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" } };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" });
  res.end(html);
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export async function startMockPlatform(options: MockPlatformOptions = {}): Promise<MockPlatform> {
  const routes: { method: string; path: string | RegExp; handler: Handler }[] = [];
  const tokens = new Map<string, { scope: string; expiresAt: number }>();
  const seenJti = new Set<string>();
  let down: number | null = options.downWith ?? null;
  const keys: PlatformKey[] = [await newPlatformKey()];

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", platform.origin);
      platform.requests.push({ method: req.method ?? "GET", path: url.pathname + url.search, at: new Date() });
      const body = Buffer.concat(chunks).toString("utf8");
      const match = routes.find(
        (r) => r.method === req.method && (typeof r.path === "string" ? r.path === url.pathname : r.path.test(url.pathname)),
      );
      if (!match) return sendJson(res, 404, { error: "not_found", path: url.pathname });
      Promise.resolve(match.handler(req, res, url, body)).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: "mock_platform_error", message: String(error) });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function toolKeySet(): Promise<JSONWebKeySet> {
    if (typeof options.toolJwks === "function") return options.toolJwks();
    if (typeof options.toolJwks === "string") return (await (await fetch(options.toolJwks)).json()) as JSONWebKeySet;
    throw new Error("the mock platform was not told the tool's JWKS");
  }

  const platform: MockPlatform = {
    origin,
    issuer: origin,
    clientId: options.clientId ?? "synack-client-1",
    deploymentId: options.deploymentId ?? "deployment-1",
    urls: { auth: `${origin}/auth`, token: `${origin}/token`, jwks: `${origin}/jwks` },
    keys,
    tokensIssued: [],
    requests: [],
    async rotateKey({ dropOld = false } = {}) {
      const key = await newPlatformKey();
      if (dropOld) keys.splice(0, keys.length);
      keys.unshift(key);
      return key;
    },
    async sign(claims, { key = keys[0], kid, expiresInSec = 300, iatOffsetSec = 0 } = {}) {
      const iat = Math.floor(Date.now() / 1000) + iatOffsetSec;
      const header: { alg: string; typ: string; kid?: string } = { alg: "RS256", typ: "JWT" };
      if (kid !== null) header.kid = kid ?? key.kid;
      return new SignJWT({ iss: platform.issuer, aud: platform.clientId, ...claims })
        .setProtectedHeader(header)
        .setIssuedAt(iat)
        .setExpirationTime(iat + expiresInSec)
        .sign(key.privateKey);
    },
    setDown(status) {
      down = status;
    },
    route(method, path, handler) {
      routes.push({ method, path, handler });
    },
    bearer(req, res) {
      if (down !== null) {
        sendJson(res, down, { error: "unavailable" });
        return null;
      }
      const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? "");
      const token = match ? tokens.get(match[1]) : undefined;
      if (!token || token.expiresAt < Date.now()) {
        sendJson(res, 401, { error: "invalid_token" });
        return null;
      }
      return { scope: token.scope };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };

  platform.route("GET", "/jwks", (_req, res) => sendJson(res, 200, { keys: keys.map((k) => k.publicJwk) }));

  // Security Framework §4.1: client credentials with a JWT assertion signed by the tool.
  platform.route("POST", "/token", async (_req, res, _url, body) => {
    if (down !== null) return sendJson(res, down, { error: "unavailable" });
    const form = new URLSearchParams(body);
    if (form.get("grant_type") !== "client_credentials") return sendJson(res, 400, { error: "unsupported_grant_type" });
    if (form.get("client_assertion_type") !== "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
      return sendJson(res, 400, { error: "invalid_request" });
    try {
      const { payload } = await jwtVerify(form.get("client_assertion") ?? "", createLocalJWKSet(await toolKeySet()), {
        issuer: platform.clientId,
        subject: platform.clientId,
        audience: platform.urls.token,
        maxTokenAge: "5m",
      });
      if (!payload.jti || seenJti.has(payload.jti)) return sendJson(res, 400, { error: "invalid_grant", reason: "jti reused" });
      seenJti.add(payload.jti);
    } catch (error) {
      return sendJson(res, 401, { error: "invalid_client", reason: (error as Error).message });
    }
    const scope = form.get("scope") ?? "";
    const accessToken = randomUUID();
    tokens.set(accessToken, { scope, expiresAt: Date.now() + 3600_000 });
    platform.tokensIssued.push({ scope, at: new Date() });
    sendJson(res, 200, { access_token: accessToken, token_type: "Bearer", expires_in: 3600, scope });
  });

  return platform;
}
