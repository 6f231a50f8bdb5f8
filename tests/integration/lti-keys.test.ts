// The tool's LTI signing keys and service tokens on a real SQLite file and a real PostgreSQL
// database, against the mock platform (tests/support/lti-platform): a key is made on first use
// and shared by every caller; rotation keeps the old key published for as long as its tokens
// live (Security Framework §6.3); the client-credentials grant (Security Framework §4.1) gets a
// token once and serves it from the cache, and a platform that is down is a retryable failure.
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearServiceTokens, LtiServiceError, serviceToken } from "@/lib/lti/service-token";
import { dropExpiredKeys, LONGEST_TOKEN_SEC, publishedJwks, rotateKeys, signToolJwt } from "@/lib/lti/tool-keys";
import { SCOPE } from "@/lib/lti/vocabulary";
import { startMockPlatform, type MockPlatform } from "../support/lti-platform";
import { DATABASES, type TestDatabase } from "./databases";

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let platform: MockPlatform;

  beforeAll(async () => {
    t = await open();
    platform = await startMockPlatform({ toolJwks: () => publishedJwks(t.db) });
  });
  afterAll(async () => {
    await platform.close();
    await t.drop();
  });

  it("signs with one key, made on first use and published with its kid", async () => {
    const jwt = await signToolJwt(t.db, { iss: "tool" }, { lifetimeSec: 60 });
    const again = await signToolJwt(t.db, { iss: "tool" }, { lifetimeSec: 60 });
    const jwks = await publishedJwks(t.db);
    expect(jwks.keys).toHaveLength(1);
    expect(decodeProtectedHeader(jwt).kid).toBe(jwks.keys[0].kid);
    expect(decodeProtectedHeader(again).kid).toBe(jwks.keys[0].kid);
    expect(jwks.keys[0]).not.toHaveProperty("d"); // never the private part
    const { payload } = await jwtVerify(jwt, createLocalJWKSet(jwks));
    expect(payload.exp! - payload.iat!).toBe(60);
  });

  it("keeps a rotated key published until its tokens have expired, then drops it", async () => {
    const before = await publishedJwks(t.db);
    const oldToken = await signToolJwt(t.db, { iss: "tool" }, { lifetimeSec: 60 });
    const rotatedAt = new Date();
    const fresh = await rotateKeys(t.db, rotatedAt);
    const during = await publishedJwks(t.db, new Date(rotatedAt.getTime() + 1000));
    expect(during.keys.map((k) => k.kid)).toEqual([fresh.id, before.keys[0].kid]);
    await expect(jwtVerify(oldToken, createLocalJWKSet(during))).resolves.toBeDefined();
    const newToken = await signToolJwt(t.db, { iss: "tool" }, { lifetimeSec: 60 });
    expect(decodeProtectedHeader(newToken).kid).toBe(fresh.id);

    const later = new Date(rotatedAt.getTime() + LONGEST_TOKEN_SEC * 1000 + 1000);
    expect((await publishedJwks(t.db, later)).keys.map((k) => k.kid)).toEqual([fresh.id]);
    expect(await dropExpiredKeys(t.db, later)).toBe(1);
  });

  it("refuses to sign a token that would outlive a retired key's publication", async () => {
    await expect(signToolJwt(t.db, {}, { lifetimeSec: LONGEST_TOKEN_SEC + 1 })).rejects.toThrow(/lifetime/);
  });

  it("gets a service token by a signed assertion, once, then from the cache", async () => {
    clearServiceTokens();
    const row = { id: "p1", clientId: platform.clientId, tokenUrl: platform.urls.token, authAudience: null };
    const token = await serviceToken(t.db, row, [SCOPE.score, SCOPE.lineItem]);
    const again = await serviceToken(t.db, row, [SCOPE.lineItem, SCOPE.score]);
    expect(again).toBe(token);
    expect(platform.tokensIssued).toHaveLength(1);
    expect(platform.tokensIssued[0].scope).toBe(`${SCOPE.score} ${SCOPE.lineItem}`);
  });

  it("says a platform that is down may be tried again, and one that refuses may not", async () => {
    clearServiceTokens();
    const row = { id: "p2", clientId: platform.clientId, tokenUrl: platform.urls.token, authAudience: null };
    platform.setDown(503);
    const down = await serviceToken(t.db, row, [SCOPE.score]).catch((e: unknown) => e);
    expect(down).toBeInstanceOf(LtiServiceError);
    expect((down as LtiServiceError).retryable).toBe(true);
    platform.setDown(null);
    const wrongClient = { ...row, id: "p3", clientId: "someone-else" };
    const refused = await serviceToken(t.db, wrongClient, [SCOPE.score]).catch((e: unknown) => e);
    expect((refused as LtiServiceError).status).toBe(401);
    expect((refused as LtiServiceError).retryable).toBe(false);
  });
});
