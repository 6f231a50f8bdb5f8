// The id_token check on a real SQLite file and a real PostgreSQL database, against the mock
// platform: a login recorded, the platform's answer verified with its published keys (cached,
// and fetched again once when the platform rotated), and each way a launch is refused —
// forged, for another tool, expired, replayed, from a deployment nobody registered, signed with
// an algorithm or key it must not be — without a forged one ever spending the login's nonce.
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyLaunch } from "@/lib/lti/id-token";
import { LaunchRefusal, type RefusalCode } from "@/lib/lti/launch-refusal";
import { startLogin } from "@/lib/lti/login";
import { toolUrls } from "@/lib/lti/vocabulary";
import { startMockPlatform, type MockPlatform } from "../support/lti-platform";
import { installOidc, resourceLinkClaims, type Oidc } from "../support/lti-platform/oidc";
import { DATABASES, type TestDatabase } from "./databases";

const TOOL = "http://tool.test";
const urls = toolUrls(TOOL);

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let platform: MockPlatform;
  let oidc: Oidc;

  beforeAll(async () => {
    t = await open();
    platform = await startMockPlatform();
    oidc = installOidc(platform, { toolLoginUrl: urls.login, toolLaunchUrl: urls.launch });
    const row = await t.db.ltiPlatform.create({
      data: {
        name: "Mock LMS",
        issuer: platform.issuer,
        clientId: platform.clientId,
        authUrl: platform.urls.auth,
        tokenUrl: platform.urls.token,
        jwksUrl: platform.urls.jwks,
      },
    });
    await t.db.ltiDeployment.create({ data: { platformId: row.id, deploymentId: platform.deploymentId } });
    oidc.prepare("ada", resourceLinkClaims(platform, { sub: "ada-sub", targetLinkUri: urls.launch }));
  });
  afterAll(async () => {
    await platform.close();
    await t.drop();
  });

  /** A login by the tool and the platform's answer to it. */
  async function launch(loginHint = "ada") {
    const login = await startLogin(
      t.db,
      { iss: platform.issuer, login_hint: loginHint, target_link_uri: urls.launch },
      { toolOrigin: TOOL },
    );
    return oidc.answer(new URL(login.redirect).searchParams);
  }

  async function refusal(idToken: string, state: string): Promise<RefusalCode> {
    const error = await verifyLaunch(t.db, idToken, state, { toolOrigin: TOOL }).catch((e: unknown) => e);
    if (!(error instanceof LaunchRefusal)) throw new Error(`not refused: ${String(error)}`);
    return error.code;
  }

  it("accepts the platform's launch once, and caches its keys", async () => {
    const { idToken, state } = await launch();
    const verified = await verifyLaunch(t.db, idToken, state, { toolOrigin: TOOL });
    expect(verified.claims.sub).toBe("ada-sub");
    expect(verified.platform.clientId).toBe(platform.clientId);
    const row = await t.db.ltiPlatform.findFirstOrThrow({ where: { issuer: platform.issuer } });
    expect(JSON.parse(row.jwksCache!).keys[0].kid).toBe(platform.keys[0].kid);
    expect(await refusal(idToken, state)).toBe("nonceReused");

    const fetches = platform.requests.filter((r) => r.path === "/jwks").length;
    const again = await launch();
    await verifyLaunch(t.db, again.idToken, again.state, { toolOrigin: TOOL });
    expect(platform.requests.filter((r) => r.path === "/jwks").length).toBe(fetches);
  });

  it("lets one of two posts of the same launch through when they race", async () => {
    const { idToken, state } = await launch();
    const results = await Promise.allSettled([1, 2, 3].map(() => verifyLaunch(t.db, idToken, state, { toolOrigin: TOOL })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((r) => r.status === "rejected")) expect((r.reason as LaunchRefusal).code).toBe("nonceReused");
  });

  it.each([
    ["badSignature", "badSignature"],
    ["wrongAud", "wrongAudience"],
    ["expired", "expired"],
    ["unknownDeployment", "unknownDeployment"],
  ] as const)("refuses a platform that misbehaves (%s), and the login stays unspent", async (mode, code) => {
    oidc.misbehave(mode);
    try {
      const { idToken, state } = await launch();
      expect(await refusal(idToken, state)).toBe(code);
      const login = await t.db.ltiLogin.findUniqueOrThrow({ where: { state } });
      expect(login.usedAt).toBeNull();
    } finally {
      oidc.misbehave(null);
    }
  });

  it("refuses a token that carries an earlier launch's nonce", async () => {
    await launch();
    oidc.misbehave("reusedNonce");
    try {
      const { idToken, state } = await launch();
      expect(await refusal(idToken, state)).toBe("nonceMismatch");
    } finally {
      oidc.misbehave(null);
    }
  });

  it("fetches the keys again when the platform rotated, then accepts", async () => {
    oidc.misbehave("rotatedKey");
    try {
      const before = platform.requests.filter((r) => r.path === "/jwks").length;
      const { idToken, state } = await launch();
      await expect(verifyLaunch(t.db, idToken, state, { toolOrigin: TOOL })).resolves.toBeDefined();
      expect(platform.requests.filter((r) => r.path === "/jwks").length).toBe(before + 1);
    } finally {
      oidc.misbehave(null);
    }
  });

  it("refuses a key the platform does not publish, after one fetch", async () => {
    const { state } = await launch();
    const before = platform.requests.filter((r) => r.path === "/jwks").length;
    const forged = await platform.sign(resourceLinkClaims(platform, { sub: "x", targetLinkUri: urls.launch }), { kid: "no-such-key" });
    expect(await refusal(forged, state)).toBe("unknownKey");
    expect(platform.requests.filter((r) => r.path === "/jwks").length).toBe(before + 1);
  });

  it("refuses no kid, an HMAC signature, alg none, and what is not a JWT", async () => {
    const { state } = await launch();
    const claims = { ...resourceLinkClaims(platform, { sub: "x", targetLinkUri: urls.launch }), nonce: "n" };
    expect(await refusal(await platform.sign(claims, { kid: null }), state)).toBe("noKid");
    const hmac = await new SignJWT({ ...claims, iss: platform.issuer, aud: platform.clientId })
      .setProtectedHeader({ alg: "HS256", kid: platform.keys[0].kid })
      .setIssuedAt()
      .setExpirationTime("5m")
      .sign(new TextEncoder().encode("a shared secret nobody should trust"));
    expect(await refusal(hmac, state)).toBe("badAlgorithm");
    const none = `${Buffer.from('{"alg":"none"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.x`;
    expect(await refusal(none, state)).toBe("badAlgorithm");
    expect(await refusal("not-a-jwt", state)).toBe("malformed");
  });

  it("refuses an issuer nobody registered, and a state that was never issued", async () => {
    const { idToken } = await launch();
    expect(await refusal(idToken, "made-up-state")).toBe("stateUnknown");
    const stranger = await platform.sign({
      ...resourceLinkClaims(platform, { sub: "x", targetLinkUri: urls.launch }),
      iss: "https://lms.nowhere",
    });
    expect(await refusal(stranger, "made-up-state")).toBe("unknownPlatform");
  });
});
