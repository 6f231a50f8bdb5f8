// Registering LMS platforms on a real SQLite file and a real PostgreSQL database: by the admin's
// form (duplicates refused), by `npm run lti:register` (a real process; a second run updates),
// and by LTI Dynamic Registration against the mock platform — the registration the platform
// receives, the platform and deployment stored, the invite used once — and against a platform
// that misbehaves (another issuer, a refused registration, an LMS out of reach), where nothing
// is stored and the invite can be used again. Also the admin's operations, the JWKS route (a
// rotated key still published) and the registration route's page for the LMS window.
import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const holder = vi.hoisted(() => {
  process.env.AUTH_SECRET ??= "integration-test-secret-0123456789abcdef";
  return { db: undefined as unknown };
});
vi.mock("server-only", () => ({}));
vi.mock("@/lib/db/client", async (original) => (await import("./fixtures/app-db")).switchableClient(original, holder));

import { GET as jwksRoute } from "@/app/api/lti/jwks/route";
import { GET as registerRoute, POST as registerPost } from "@/app/api/lti/register/route";
import { AppError } from "@/lib/server/errors";
import { addDeployment, deletePlatform, removeDeployment, rotateToolKey, updatePlatform } from "@/lib/lti/platform-admin";
import {
  createRegistrationInvite,
  INVITE_LIFETIME_MS,
  registerDynamically,
  registerPlatform,
  registrationUrl,
} from "@/lib/lti/registration";
import { platformSchema, TOOL_CONFIGURATION_CLAIM } from "@/lib/lti/registration-config";
import { SCOPE } from "@/lib/lti/vocabulary";
import { startMockPlatform, type MockPlatform } from "../support/lti-platform";
import { installRegistration, type MockRegistration } from "../support/lti-platform/registration";
import { DATABASES, type TestDatabase } from "./databases";

const TOOL = "http://localhost:3000";
const TSX = ["node_modules/tsx/dist/cli.mjs"];

const manual = (suffix: string) =>
  platformSchema(false).parse({
    name: `Canvas ${suffix}`,
    product: "canvas",
    issuer: "https://canvas.instructure.com",
    clientId: `10000000000${suffix}`,
    authUrl: "https://sso.canvaslms.com/api/lti/authorize_redirect",
    tokenUrl: "https://sso.canvaslms.com/login/oauth2/token",
    jwksUrl: "https://sso.canvaslms.com/api/lti/security/jwks",
    deploymentIds: [`deploy-${suffix}`],
  });

describe.each(DATABASES)("%s", (_provider, open) => {
  let t: TestDatabase;
  let adminId: string;
  let platform: MockPlatform;
  let registration: MockRegistration;

  beforeAll(async () => {
    t = await open();
    holder.db = t.db;
    adminId = (
      await t.db.user.create({ data: { id: randomUUID(), name: "Admin", email: `admin-${_provider}@example.edu`, isAdmin: true } })
    ).id;
    platform = await startMockPlatform({ clientId: "dyn-client-1", deploymentId: "dyn-deploy-1" });
    registration = installRegistration(platform);
  });
  afterAll(async () => {
    holder.db = undefined;
    await platform?.close();
    await t?.drop();
  });

  const audits = (action: string) => t.db.auditLog.findMany({ where: { action }, orderBy: { at: "asc" } });
  const dynamic = (invite: string, overrides: { openidConfiguration?: string; registrationToken?: string } = {}) =>
    registerDynamically(
      t.db,
      {
        invite,
        openidConfiguration: overrides.openidConfiguration ?? registration.configurationUrl,
        registrationToken: overrides.registrationToken ?? registration.registrationToken,
      },
      { origin: TOOL, allowLocalHttp: true },
    );
  const failure = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (e: unknown) => e as AppError,
    );

  it("adds a platform from the admin's form with its deployments, audited, and refuses the same issuer and client twice", async () => {
    const row = await registerPlatform(t.db, manual("1"), { actorId: adminId, via: "manual", update: false });
    expect(row).toMatchObject({ issuer: "https://canvas.instructure.com", clientId: "100000000001", registeredVia: "manual" });
    expect((await t.db.ltiDeployment.findMany({ where: { platformId: row.id } })).map((d) => d.deploymentId)).toEqual(["deploy-1"]);
    const [entry] = await audits("lti.platform.register");
    expect(entry).toMatchObject({ actorId: adminId, target: row.id });
    const again = await failure(registerPlatform(t.db, manual("1"), { actorId: adminId, via: "manual", update: false }));
    expect(again?.status).toBe(409);
    expect(await t.db.ltiPlatform.count({ where: { clientId: "100000000001" } })).toBe(1);
  });

  it("registers from a file with npm run lti:register, and a second run adds to the same platform", () => {
    const dir = mkdtempSync(join(tmpdir(), "synack-lti-"));
    const file = join(dir, "platform.json");
    const run = () =>
      spawnSync(process.execPath, [...TSX, "scripts/lti-register.ts", file], {
        env: { ...process.env, DATABASE_URL: t.url, LANG: "en_US.UTF-8" },
        encoding: "utf8",
      });
    const body = { ...manual("2"), deploymentIds: ["cli-1"] };
    writeFileSync(file, JSON.stringify(body));
    const first = run();
    expect(first.stderr).toBe("");
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("registered Canvas 2");
    expect(first.stdout).toContain("login initiation URL: http://localhost:3000/api/lti/login");
    writeFileSync(file, JSON.stringify({ ...body, deploymentIds: ["cli-1", "cli-2"] }));
    expect(run().status).toBe(0);

    writeFileSync(file, JSON.stringify({ ...body, jwksUrl: "ftp://lms.example.com/keys", clientId: "" }));
    const bad = run();
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("jwksUrl: Enter an https:// address");
    expect(bad.stderr).toContain("clientId: Required.");
  });

  it("stored the file's platform once, with both deployments, as registered from a file", async () => {
    const rows = await t.db.ltiPlatform.findMany({ where: { clientId: "100000000002" }, include: { deployments: true } });
    expect(rows).toHaveLength(1);
    expect(rows[0].registeredVia).toBe("cli");
    expect(rows[0].deployments.map((d) => d.deploymentId).sort()).toEqual(["cli-1", "cli-2"]);
  });

  it("registers dynamically: the platform gets a complete client registration with its token, the tool stores what it answered", async () => {
    const { token } = await createRegistrationInvite(t.db, adminId);
    const { platform: row, deploymentId } = await dynamic(token);
    expect(deploymentId).toBe("dyn-deploy-1");
    expect(row).toMatchObject({
      issuer: platform.issuer,
      clientId: "dyn-client-1",
      authUrl: platform.urls.auth,
      tokenUrl: platform.urls.token,
      jwksUrl: platform.urls.jwks,
      product: "moodle",
      registeredVia: "dynamic",
    });
    expect(await t.db.ltiDeployment.count({ where: { platformId: row.id, deploymentId: "dyn-deploy-1" } })).toBe(1);
    const sent = registration.received.at(-1)!;
    expect(sent.authorization).toBe(`Bearer ${registration.registrationToken}`);
    expect(sent.body).toMatchObject({ jwks_uri: `${TOOL}/api/lti/jwks`, initiate_login_uri: `${TOOL}/api/lti/login` });
    expect(String(sent.body.scope).split(" ")).toEqual(expect.arrayContaining([SCOPE.score, SCOPE.memberships]));
    expect(sent.body[TOOL_CONFIGURATION_CLAIM]).toMatchObject({ domain: "localhost:3000" });
    expect((await audits("lti.platform.register")).some((a) => a.target === row.id && a.actorId === adminId)).toBe(true);

    // The invite worked once.
    const reuse = await failure(dynamic(token));
    expect(reuse?.status).toBe(403);
    const invite = await t.db.ltiRegistrationInvite.findFirstOrThrow({ where: { platformId: row.id } });
    expect(invite.usedAt).not.toBeNull();
    expect(invite.tokenHash).not.toContain(token);
  });

  it("refuses an invite that expired or was never made, before calling the platform", async () => {
    const made = new Date(Date.now() - INVITE_LIFETIME_MS - 1000);
    const { token } = await createRegistrationInvite(t.db, adminId, made);
    const before = platform.requests.length;
    expect((await failure(dynamic(token)))?.status).toBe(403);
    expect((await failure(dynamic("x".repeat(43))))?.status).toBe(403);
    expect(platform.requests.length).toBe(before);
  });

  it("refuses a configuration naming another issuer, stores nothing and keeps the invite usable", async () => {
    const { token } = await createRegistrationInvite(t.db, adminId);
    const count = await t.db.ltiPlatform.count();
    registration.setMode("wrongIssuer");
    const error = await failure(dynamic(token));
    registration.setMode("ok");
    expect(error?.status).toBe(422);
    expect(error?.message).toBe("ltiAdmin.register.errors.issuerMismatch");
    expect(await t.db.ltiPlatform.count()).toBe(count);
    expect((await audits("lti.platform.register-failed")).at(-1)?.detail).toContain("issuerMismatch");
    // Fixed on the LMS's side, the same URL works.
    await expect(dynamic(token)).resolves.toMatchObject({ deploymentId: "dyn-deploy-1" });
  });

  it("says what the platform answered when it refuses the registration (400), and when the token is wrong (401)", async () => {
    const { token } = await createRegistrationInvite(t.db, adminId);
    registration.setMode("refuse");
    const refused = await failure(dynamic(token));
    registration.setMode("ok");
    expect(refused?.status).toBe(422);
    expect(refused?.text).toMatchObject({
      key: "ltiAdmin.register.errors.refused",
      values: { status: 400, reason: "invalid_client_metadata: tool domain not allowed" },
    });
    const wrongToken = await failure(dynamic(token, { registrationToken: "stolen" }));
    expect(wrongToken?.text).toMatchObject({ values: { status: 401 } });
  });

  it("says the LMS is out of reach: its configuration, or its registration endpoint", async () => {
    const { token } = await createRegistrationInvite(t.db, adminId);
    const gone = await startMockPlatform();
    const goneConfig = installRegistration(gone).configurationUrl;
    await gone.close();
    const unreachable = await failure(dynamic(token, { openidConfiguration: goneConfig }));
    expect(unreachable?.status).toBe(503);
    expect(unreachable?.message).toBe("ltiAdmin.register.errors.unreachable");
    registration.setMode("unreachableRegistration");
    const noEndpoint = await failure(dynamic(token));
    registration.setMode("ok");
    expect(noEndpoint?.status).toBe(503);
    // Not an https address of a remote LMS: refused before anything is fetched.
    expect((await failure(dynamic(token, { openidConfiguration: "http://lms.example.com/config" })))?.status).toBe(400);
  });

  it("edits, adds and removes deployments, deletes a platform and rotates the key, each audited", async () => {
    const row = await registerPlatform(t.db, manual("3"), { actorId: adminId, via: "manual" });
    const { deploymentIds: _d, ...fields } = manual("3");
    const edited = await updatePlatform(t.db, adminId, row.id, { ...fields, name: "Canvas (renamed)", authAudience: "" });
    expect(edited).toMatchObject({ name: "Canvas (renamed)", authAudience: null });
    const taken = await failure(updatePlatform(t.db, adminId, row.id, { ...fields, clientId: "100000000001" }));
    expect(taken?.status).toBe(409);
    await addDeployment(t.db, adminId, row.id, "second");
    await addDeployment(t.db, adminId, row.id, "second");
    await removeDeployment(t.db, adminId, row.id, "deploy-3");
    expect((await t.db.ltiDeployment.findMany({ where: { platformId: row.id } })).map((d) => d.deploymentId)).toEqual(["second"]);
    expect((await failure(removeDeployment(t.db, adminId, row.id, "deploy-3")))?.status).toBe(404);
    expect((await audits("lti.deployment.add")).filter((a) => a.target === row.id)).toHaveLength(1);
    await deletePlatform(t.db, adminId, row.id);
    expect(await t.db.ltiPlatform.findUnique({ where: { id: row.id } })).toBeNull();
    expect((await failure(deletePlatform(t.db, adminId, row.id)))?.status).toBe(404);
    expect((await failure(addDeployment(t.db, adminId, row.id, "x")))?.status).toBe(404);
    const { kid } = await rotateToolKey(t.db, adminId);
    expect((await audits("lti.key.rotate")).at(-1)?.target).toBe(kid);
  });

  it("publishes the signing key and, after a rotation, the retired one too at /api/lti/jwks", async () => {
    const before = (await (await jwksRoute()).json()) as { keys: { kid: string; d?: string }[] };
    const { kid } = await rotateToolKey(t.db, adminId);
    const response = await jwksRoute();
    expect(response.status).toBe(200);
    const after = (await response.json()) as { keys: { kid: string; d?: string }[] };
    expect(after.keys[0].kid).toBe(kid);
    expect(after.keys.map((k) => k.kid)).toContain(before.keys[0].kid);
    expect(after.keys.every((k) => k.d === undefined)).toBe(true);
  });

  it("answers the LMS's registration window with a page that closes it, or says why it failed", async () => {
    const { token } = await createRegistrationInvite(t.db, adminId);
    const url = new URL(registrationUrl(`${TOOL}/api/lti/register`, token));
    url.searchParams.set("openid_configuration", registration.configurationUrl);
    url.searchParams.set("registration_token", registration.registrationToken);
    const done = await registerRoute(new Request(url, { headers: { "accept-language": "zh-CN" } }));
    expect(done.status).toBe(200);
    const page = await done.text();
    expect(page).toContain('postMessage({ subject: "org.imsglobal.lti.close" }, "*")');
    expect(page).toContain("SynAck Lab 已注册");
    expect(done.headers.get("content-security-policy")).toContain(`frame-ancestors https: ${platform.origin}`);

    const again = await registerRoute(new Request(url));
    expect(again.status).toBe(403);
    const refused = await again.text();
    expect(refused).not.toContain("org.imsglobal.lti.close");
    expect(refused).toContain("This registration URL is not valid");

    const missing = await registerRoute(new Request(`${TOOL}/api/lti/register?invite=${token}`));
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("openid_configuration");
    expect(registerPost(new Request(url, { method: "POST" })).status).toBe(405);
  });
});
