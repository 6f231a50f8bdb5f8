// Personal API tokens against a real SQLite file and a real PostgreSQL database, through the
// /api/v1 route handlers themselves (app/api/v1/tokens): created once per session with the
// token shown once and only its hash stored, looked up by it, expired, revoked, last use
// recorded, at most MAX_TOKENS_PER_USER per person, a token cannot make tokens; and unknown
// tokens spend the sign-in limiter's per-address budget until the address is answered 429.
import { createHash, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const holder = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  process.env.SYNACK_PEER_HEADER = "x-synack-peer-0123456789abcdef0123456789abcdef";
  return { db: undefined as unknown };
});
vi.mock("server-only", () => ({}));
// The route handlers use the app's database, bound when their modules load: here it stands for
// the database each block below runs on.
vi.mock("@/lib/db/client", async (original) => (await import("./fixtures/app-db")).switchableClient(original, holder));

import { DELETE } from "@/app/api/v1/tokens/[tokenId]/route";
import { GET, POST } from "@/app/api/v1/tokens/route";
import { GET as openApiGet } from "@/app/api/v1/openapi.json/route";
import { hashToken, MAX_TOKENS_PER_USER, userForToken } from "@/lib/auth/api-tokens";
import { issueToken, tokenViews, withdrawToken } from "@/lib/auth/api-token-service";
import { createAuth } from "@/lib/auth/auth";
import { ADDRESS_LIMIT, reserveSignIn } from "@/lib/auth/throttle";
import { answerValidator } from "../support/openapi-check";
import { DATABASES, type TestDatabase } from "./databases";

const SECRET = process.env.AUTH_SECRET!;
const BASE = "http://localhost:3000";
const PEER = process.env.SYNACK_PEER_HEADER!;
type Json = Record<string, unknown>;

function call(
  method: string,
  path: string,
  options: { cookie?: string; token?: string; body?: unknown; raw?: string; peer?: string; headers?: Record<string, string> } = {},
): Request {
  const headers: Record<string, string> = { host: "localhost:3000", [PEER]: options.peer ?? "198.51.100.1", ...options.headers };
  if (options.cookie) headers.cookie = options.cookie;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.raw !== undefined) {
    headers["content-type"] ??= "application/json";
    if (options.cookie) headers.origin ??= BASE;
  }
  return new Request(`${BASE}/api/v1${path}`, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
}
const noParams = { params: Promise.resolve({}) };
const tokenParams = (tokenId: string) => ({ params: Promise.resolve({ tokenId }) });

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let auth: ReturnType<typeof createAuth>;
  let doc: Json;
  beforeAll(async () => {
    t = await open();
    holder.db = t.db;
    auth = createAuth(t.db, t.provider, { secret: SECRET, baseURL: BASE });
    doc = (await openApiGet().json()) as Json;
  });
  afterAll(async () => {
    holder.db = undefined;
    await t?.drop();
  });

  async function person(prefix: string): Promise<{ id: string; cookie: string }> {
    const email = `${prefix}-${randomUUID().slice(0, 8)}@example.edu`;
    const r = await auth.api.signUpEmail({ body: { name: prefix, email, password: "a long enough password" }, asResponse: true });
    expect(r.status).toBe(200);
    const user = await t.db.user.findUniqueOrThrow({ where: { email } });
    return { id: user.id, cookie: (r.headers.get("set-cookie") ?? "").split(";")[0] };
  }

  async function created(cookie: string, body: unknown = { name: "grading scripts" }): Promise<Json> {
    const r = await POST(call("POST", "/tokens", { cookie, body }), noParams);
    expect(r.status).toBe(201);
    return (await r.json()) as Json;
  }

  it("a session creates a token: 201 with the token, shown once; only its SHA-256 and first characters are stored", async () => {
    const ada = await person("ada");
    const r = await POST(
      call("POST", "/tokens", { cookie: ada.cookie, body: { name: "  grading scripts  ", expiresInDays: 30 } }),
      noParams,
    );
    expect(r.status).toBe(201);
    expect(r.headers.get("cache-control")).toContain("no-store");
    const body = (await r.json()) as Json;
    expect(answerValidator(doc, "POST", "/tokens", 201)(body)).toEqual([]);
    const token = body.token as string;
    expect(token).toMatch(/^synack_[A-Za-z0-9_-]{43}$/);
    expect(body).toMatchObject({ name: "grading scripts", prefix: token.slice(0, 13), lastUsedAt: null });
    const days = (Date.parse(body.expiresAt as string) - Date.parse(body.createdAt as string)) / 86_400_000;
    expect(days).toBeCloseTo(30, 2);

    const row = await t.db.apiToken.findUniqueOrThrow({ where: { id: body.id as string } });
    expect(row.hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);

    // The list never shows the token again.
    const list = await GET(call("GET", "/tokens", { cookie: ada.cookie }), noParams);
    expect(list.status).toBe(200);
    const listed = (await list.json()) as { tokens: Json[] };
    expect(answerValidator(doc, "GET", "/tokens", 200)(listed)).toEqual([]);
    expect(listed.tokens).toEqual([
      { id: body.id, name: "grading scripts", prefix: body.prefix, createdAt: body.createdAt, lastUsedAt: null, expiresAt: body.expiresAt },
    ]);
    expect(JSON.stringify(listed)).not.toContain(token);
    const audit = await t.db.auditLog.findMany({ where: { actorId: ada.id, action: "api-token.create" } });
    expect(audit.map((a) => a.target)).toEqual([body.id]);
  });

  it("a token acts as its owner: it lists their tokens, and records its last use at most once a minute", async () => {
    const ben = await person("ben");
    const { token, id } = (await created(ben.cookie)) as { token: string; id: string };
    const first = await GET(call("GET", "/tokens", { token }), noParams);
    expect(first.status).toBe(200);
    const listed = (await first.json()) as { tokens: Json[] };
    expect(listed.tokens.map((x) => x.id)).toEqual([id]);
    const used = await t.db.apiToken.findUniqueOrThrow({ where: { id } });
    expect(used.lastUsedAt).not.toBeNull();
    // Within the minute: not written again. A minute later: written.
    const at = used.lastUsedAt!;
    expect((await userForToken(t.db, token, new Date(at.getTime() + 30_000)))?.id).toBe(ben.id);
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(at);
    const later = new Date(at.getTime() + 61_000);
    expect((await userForToken(t.db, token, later))?.id).toBe(ben.id);
    expect((await t.db.apiToken.findUniqueOrThrow({ where: { id } })).lastUsedAt).toEqual(later);
    // The list shows the last use.
    expect((await tokenViews(t.db, ben.id))[0].lastUsedAt).toBe(later.toISOString());
  });

  it("a token cannot create tokens (403), whatever the body", async () => {
    const chen = await person("chen");
    const { token } = (await created(chen.cookie)) as { token: string };
    const r = await POST(call("POST", "/tokens", { token, body: { name: "more" } }), noParams);
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ error: "FORBIDDEN", message: "An API token cannot do this: sign in in the browser." });
    expect(await t.db.apiToken.count({ where: { userId: chen.id } })).toBe(1);
  });

  it("a bad body is 422 with every issue at its path; a cookie caller must send JSON from this site", async () => {
    const dee = await person("dee");
    const bad = await POST(call("POST", "/tokens", { cookie: dee.cookie, body: { name: "", expiresInDays: 0, extra: 1 } }), noParams);
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: string; issues: { path: unknown[]; message: string }[] };
    expect(answerValidator(doc, "POST", "/tokens", 422)(body)).toEqual([]);
    expect(body.error).toBe("UNPROCESSABLE");
    expect(body.issues.map((i) => i.path).sort()).toEqual([["expiresInDays"], ["name"], []].sort());
    for (const issue of body.issues) expect(issue.message.length).toBeGreaterThan(3);
    const tooLong = await POST(call("POST", "/tokens", { cookie: dee.cookie, body: { name: "x".repeat(81) } }), noParams);
    expect(tooLong.status).toBe(422);
    const zh = await POST(
      call("POST", "/tokens", { cookie: dee.cookie, body: { name: "" }, headers: { "accept-language": "zh-CN" } }),
      noParams,
    );
    expect(((await zh.json()) as { message: string }).message).toMatch(/[\u4e00-\u9fff]/);

    expect((await POST(call("POST", "/tokens", { cookie: dee.cookie, raw: "{nope" }), noParams)).status).toBe(400);
    const foreign = call("POST", "/tokens", { cookie: dee.cookie, body: { name: "x" }, headers: { origin: "https://evil.example" } });
    expect((await POST(foreign, noParams)).status).toBe(403);
    const form = call("POST", "/tokens", {
      cookie: dee.cookie,
      raw: "name=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect((await POST(form, noParams)).status).toBe(415);
    expect(await t.db.apiToken.count({ where: { userId: dee.id } })).toBe(0);
  });

  it("neither a session nor a token: 401 with a WWW-Authenticate challenge", async () => {
    const r = await GET(call("GET", "/tokens"), noParams);
    expect(r.status).toBe(401);
    expect(r.headers.get("www-authenticate")).toBe('Bearer realm="synack-lab"');
    expect(answerValidator(doc, "GET", "/tokens", 401)(await r.json())).toEqual([]);
  });

  it("an expired token is refused like an unknown one", async () => {
    const eve = await person("eve");
    const past = new Date(Date.now() - 2 * 86_400_000);
    const issued = await issueToken(t.db, eve.id, { name: "old", expiresInDays: 1 }, past);
    expect(await userForToken(t.db, issued.token)).toBeNull();
    expect(await userForToken(t.db, issued.token, new Date(past.getTime() + 3_600_000))).toMatchObject({ id: eve.id });
    const r = await GET(call("GET", "/tokens", { token: issued.token, peer: "198.51.100.77" }), noParams);
    expect(r.status).toBe(401);
    expect(await r.json()).toMatchObject({ error: "UNAUTHENTICATED", message: "That API token is unknown, revoked or expired." });
  });

  it("revoking: 204, then the token is 401; another person's token is a 404 and stays", async () => {
    const fay = await person("fay");
    const gus = await person("gus");
    const mine = (await created(fay.cookie)) as { token: string; id: string };
    const theirs = (await created(gus.cookie)) as { token: string; id: string };
    const refused = await DELETE(
      call("DELETE", `/tokens/${theirs.id}`, { cookie: fay.cookie, headers: { origin: BASE } }),
      tokenParams(theirs.id),
    );
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ error: "NOT_FOUND", message: "You have no such token." });
    expect((await GET(call("GET", "/tokens", { token: theirs.token }), noParams)).status).toBe(200);

    // A token may revoke itself (a script cleaning up after itself).
    const r = await DELETE(call("DELETE", `/tokens/${mine.id}`, { token: mine.token }), tokenParams(mine.id));
    expect(r.status).toBe(204);
    expect(await r.text()).toBe("");
    expect((await GET(call("GET", "/tokens", { token: mine.token, peer: "198.51.100.78" }), noParams)).status).toBe(401);
    expect(await t.db.apiToken.count({ where: { id: mine.id } })).toBe(0);
    expect((await t.db.auditLog.findMany({ where: { actorId: fay.id, action: "api-token.revoke" } })).map((a) => a.target)).toEqual([
      mine.id,
    ]);
    // Revoking again: nothing by that id.
    await expect(withdrawToken(t.db, fay.id, mine.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    // A path parameter that cannot be an id is a 404 too.
    const long = "x".repeat(65);
    expect((await DELETE(call("DELETE", `/tokens/${long}`, { token: theirs.token }), tokenParams(long))).status).toBe(404);
  });

  it(`at most ${MAX_TOKENS_PER_USER} tokens per person: the next is 409, and revoking one makes room`, async () => {
    const hal = await person("hal");
    const ids: string[] = [];
    for (let i = 0; i < MAX_TOKENS_PER_USER; i++) ids.push((await issueToken(t.db, hal.id, { name: `t${i}` })).id);
    const r = await POST(call("POST", "/tokens", { cookie: hal.cookie, body: { name: "one more" } }), noParams);
    expect(r.status).toBe(409);
    expect(await r.json()).toMatchObject({ error: "CONFLICT", message: expect.stringContaining(String(MAX_TOKENS_PER_USER)) });
    await withdrawToken(t.db, hal.id, ids[0]);
    expect((await POST(call("POST", "/tokens", { cookie: hal.cookie, body: { name: "one more" } }), noParams)).status).toBe(201);
    // Newest first.
    expect((await tokenViews(t.db, hal.id))[0].name).toBe("one more");
  });

  it("unknown tokens spend the address's sign-in budget: then 429 with Retry-After, for good tokens and sign-ins from there too", async () => {
    const ivy = await person("ivy");
    const { token } = (await created(ivy.cookie)) as { token: string };
    const guesser = "203.0.113.200";
    for (let i = 0; i < ADDRESS_LIMIT.max; i++) {
      const guess = `synack_${randomUUID()}`;
      const r = await GET(call("GET", "/tokens", { token: guess, peer: guesser }), noParams);
      expect(r.status).toBe(401);
    }
    const limited = await GET(call("GET", "/tokens", { token: `synack_${randomUUID()}`, peer: guesser }), noParams);
    expect(limited.status).toBe(429);
    const retry = Number(limited.headers.get("retry-after"));
    expect(retry).toBeGreaterThan(ADDRESS_LIMIT.windowMs / 1000 - 120);
    expect(retry).toBeLessThanOrEqual(ADDRESS_LIMIT.windowMs / 1000);
    const body = (await limited.json()) as Json;
    expect(answerValidator(doc, "GET", "/tokens", 429)(body)).toEqual([]);
    expect(body).toMatchObject({
      error: "RATE_LIMITED",
      message: expect.stringMatching(/^Too many unknown tokens from this address\. Try again in \d+ seconds\.$/),
    });
    // The address is stopped before any token is looked up: a real one too.
    expect((await GET(call("GET", "/tokens", { token, peer: guesser }), noParams)).status).toBe(429);
    // The same budget as the sign-in form's: a new account failing from there is refused as well.
    expect(await reserveSignIn(t.db, { email: `new-${randomUUID()}@example.edu`, address: guesser })).toMatchObject({ ok: false });
    // Another address is not affected.
    expect((await GET(call("GET", "/tokens", { token, peer: "203.0.113.201" }), noParams)).status).toBe(200);
    // Tokens that are not ours at all (no synack_ prefix) count the same.
    const other = "203.0.113.202";
    await GET(call("GET", "/tokens", { token: "ghp_notours", peer: other }), noParams);
    expect((await t.db.loginThrottle.findUniqueOrThrow({ where: { key: `ip:${other}` } })).failures).toBe(1);
  });

  it("a token is looked up by its hash only", async () => {
    const jo = await person("jo");
    const { token } = (await created(jo.cookie)) as { token: string };
    expect(await t.db.apiToken.count({ where: { hash: hashToken(token) } })).toBe(1);
    expect(await userForToken(t.db, token.slice(0, -1))).toBeNull();
    expect(await userForToken(t.db, `${token}x`)).toBeNull();
  });
});
