// /admin/lti in a real browser: a site administrator adds a platform by hand (a wrong address
// refused beside its field), adds and removes deployment ids, copies the tool's configuration,
// rotates the signing key (the retired key still published), makes a registration URL and
// watches an LMS — the mock platform, framing the URL as LMSs do — register the tool and be
// told to close its window; then deletes a platform. The page is axe-clean, works from the
// keyboard and fits 360 px. Anyone but a site administrator is refused (403).
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { startMockPlatform, sendHtml, escapeHtml } from "../support/lti-platform";
import { installRegistration } from "../support/lti-platform/registration";
import { expectAccessible, signIn } from "./helpers";

async function signedIn(browser: Browser, email: string, options: { clipboard?: boolean } = {}) {
  const context: BrowserContext = await browser.newContext(options.clipboard ? { permissions: ["clipboard-read", "clipboard-write"] } : {});
  const page: Page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test("an administrator adds a platform, manages its deployment ids, copies the configuration, rotates the key and deletes it", async ({
  browser,
  baseURL,
}) => {
  const { context, page } = await signedIn(browser, "admin@synack.test", { clipboard: true });
  await page.goto("/admin");
  await page.getByRole("link", { name: "Set up LMS connections (LTI 1.3)" }).click();
  await expect(page.getByRole("heading", { name: "LMS connections (LTI 1.3)", level: 1 })).toBeVisible();
  await expectAccessible(page);

  const name = `Moodle ${unique()}`;
  const add = page.getByRole("form", { name: "Add a platform" });
  await add.getByLabel("Name").fill(name);
  await add.getByLabel("LMS").selectOption("moodle");
  await add.getByLabel("Issuer").fill("https://moodle.example.edu");
  await add.getByLabel("Client ID").fill(`client-${unique()}`);
  await add.getByLabel("Authorization URL (OpenID Connect)").fill("https://moodle.example.edu/mod/lti/auth.php");
  await add.getByLabel("Token URL (OAuth 2)").fill("http://moodle.example.edu/mod/lti/token.php");
  await add.getByLabel("Platform keyset URL").fill("https://moodle.example.edu/mod/lti/certs.php");
  await add.getByLabel("Deployment IDs").fill("dep-1\ndep-2");
  await add.getByRole("button", { name: "Add the platform" }).click();
  // Plain http to another machine is refused, beside its field, and what was typed is kept.
  const tokenUrl = add.getByLabel("Token URL (OAuth 2)");
  await expect(tokenUrl).toHaveAttribute("aria-invalid", "true");
  await expect(add.getByText(/^Enter an https:\/\/ address/).first()).toBeVisible();
  await expect(add.getByLabel("Name")).toHaveValue(name);
  await tokenUrl.fill("https://moodle.example.edu/mod/lti/token.php");
  await add.getByRole("button", { name: "Add the platform" }).click();
  await expect(add.getByRole("status")).toHaveText(`${name} was added.`);

  const card = page.getByRole("region", { name });
  await expect(card.getByRole("list", { name: "Deployment IDs" }).getByRole("listitem")).toHaveText(["dep-1×", "dep-2×"]);
  await card.getByRole("textbox", { name: `Add a deployment ID to ${name}` }).fill("dep-3");
  await card.getByRole("button", { name: "Add", exact: true }).click();
  await expect(card.getByRole("status")).toHaveText("Deployment dep-3 added.");
  await card.getByRole("button", { name: "Remove deployment dep-1" }).click();
  await expect(card.getByRole("list", { name: "Deployment IDs" }).getByRole("listitem")).toHaveText(["dep-2×", "dep-3×"]);

  // The configuration to paste, copied with its button.
  await page.getByRole("button", { name: "Copy Public keyset URL (JWKS)" }).click();
  await expect(page.getByText("Copied Public keyset URL (JWKS).")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/api/lti/jwks`);
  await page.getByRole("button", { name: "Copy Canvas developer key (Paste JSON)" }).click();
  const canvasKey = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<string, unknown>;
  expect(canvasKey).toMatchObject({ oidc_initiation_url: `${baseURL}/api/lti/login`, public_jwk_url: `${baseURL}/api/lti/jwks` });

  // Rotating the key, from the keyboard: the retired key stays published.
  const before = ((await (await page.request.get("/api/lti/jwks")).json()) as { keys: { kid: string }[] }).keys[0].kid;
  await page.getByRole("button", { name: "Rotate the key" }).focus();
  await page.keyboard.press("Enter");
  // The question takes the focus on its safe answer: a second Enter would cancel, not rotate.
  const rotate = page.getByRole("form", { name: "Make a new signing key now?" });
  await expect(rotate.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(rotate.getByRole("button", { name: "Rotate", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText(/^A new signing key signs from now on: /)).toBeVisible();
  const after = ((await (await page.request.get("/api/lti/jwks")).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid);
  expect(after[0]).not.toBe(before);
  expect(after).toContain(before);

  // Editing, then deleting, after a confirmation.
  await card.getByText(`Edit ${name}`).click();
  const edit = card.getByRole("form", { name: `Edit ${name}` });
  await edit.getByLabel("Name").fill(`${name} (renamed)`);
  await edit.getByRole("button", { name: "Save" }).click();
  const renamed = page.getByRole("region", { name: `${name} (renamed)` });
  await expect(renamed).toBeVisible();
  await renamed.getByRole("button", { name: `Delete ${name} (renamed)` }).click();
  await renamed.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page.getByRole("region", { name: `${name} (renamed)` })).toHaveCount(0);
  await expectAccessible(page);
  await context.close();
});

test("a registration URL lets an LMS register the tool once, in its frame, and tells the LMS to close it", async ({ browser }) => {
  const lms = await startMockPlatform({ clientId: `dyn-${unique()}`, deploymentId: `deploy-${unique()}` });
  const registration = installRegistration(lms, { productFamily: "moodle" });
  const { context, page } = await signedIn(browser, "admin@synack.test", { clipboard: true });
  try {
    await page.goto("/admin/lti");
    await page.getByRole("button", { name: "Make a registration URL" }).click();
    const field = page.getByRole("textbox", { name: "Registration URL", exact: true });
    await expect(field).toHaveValue(/\/api\/lti\/register\?invite=[\w-]{43}$/);
    await expect(page.getByText(/^Usable once, until /)).toBeVisible();
    const url = new URL(await field.inputValue());

    // The LMS's page frames the registration URL with its own parameters and waits for the message.
    url.searchParams.set("openid_configuration", registration.configurationUrl);
    url.searchParams.set("registration_token", registration.registrationToken);
    lms.route("GET", "/admin/tools", (_req, res) =>
      sendHtml(
        res,
        200,
        `<!doctype html><html lang="en"><title>LMS</title><p id="said">waiting</p>
<iframe title="Tool registration" src="${escapeHtml(url.toString())}"></iframe>
<script>addEventListener("message", (e) => { document.getElementById("said").textContent = e.data && e.data.subject; });</script></html>`,
      ),
    );
    const lmsPage = await context.newPage();
    await lmsPage.goto(`${lms.origin}/admin/tools`);
    await expect(lmsPage.frameLocator("iframe").getByRole("heading", { name: "SynAck Lab is registered" })).toBeVisible();
    await expect(lmsPage.locator("#said")).toHaveText("org.imsglobal.lti.close");

    // The same URL a second time: refused, and nothing closes.
    const again = await page.request.get(url.toString());
    expect(again.status()).toBe(403);
    expect(await again.text()).toContain("This registration URL is not valid");

    await page.reload();
    const card = page.getByRole("region", { name: `Moodle (${new URL(lms.origin).host})` });
    await expect(card.getByText("Registered by dynamic registration")).toBeVisible();
    await expect(card.getByText(lms.clientId, { exact: true })).toBeVisible();
    await expect(card.getByRole("list", { name: "Deployment IDs" })).toContainText(lms.deploymentId);
  } finally {
    await context.close();
    await lms.close();
  }
});

test("the page works from the keyboard and fits a 360 px phone", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "admin@synack.test");
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto("/admin/lti");
  await expect(page.getByRole("heading", { name: "LMS connections (LTI 1.3)", level: 1 })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await expectAccessible(page);
  // Tab reaches the first control, and Enter uses it.
  const make = page.getByRole("button", { name: "Make a registration URL" });
  for (let i = 0; i < 40 && !(await make.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("Tab");
  await expect(make).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("textbox", { name: "Registration URL", exact: true })).toHaveValue(/invite=/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  await context.close();
});

test("only site administrators may open it: others get 403, and signed-out callers the sign-in page", async ({ browser }) => {
  for (const email of ["instructor@synack.test", "ada@synack.test"]) {
    const { context } = await signedIn(browser, email);
    const response = await context.request.get("/admin/lti", { maxRedirects: 0 });
    expect(response.status(), email).toBe(403);
    expect(await response.text()).toContain("You do not have access to this page");
    await context.close();
  }
  const anonymous = await browser.newContext();
  const response = await anonymous.request.get("/admin/lti", { maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()["location"]).toContain(`/login?next=${encodeURIComponent("/admin/lti")}`);
  await anonymous.close();
});
