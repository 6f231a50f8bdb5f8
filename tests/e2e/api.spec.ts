// Personal API tokens end to end: created on the Account page (shown once, with a copy
// button), used by a script — Playwright's request client with no cookies — against /api/v1,
// listed with its last use, revoked after a confirmation, and refused from then on. A body that
// does not validate is a 422 naming each field, on the page beside the field and over the API.
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signedIn(page: Page, email: string) {
  await signIn(page, email);
  // Signing in hashes a password: give a busy machine time for it.
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
}

async function script(baseURL: string, token: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}

test.use({ locale: "en-US" });

test("a token made on the Account page works for a script until it is revoked", async ({ page, baseURL, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signedIn(page, "ben@synack.test");
  await page.goto("/account");
  const card = page.getByRole("region", { name: "API tokens" });
  await expect(card.getByText("You have no API tokens.")).toBeVisible();
  const name = `grading scripts ${unique()}`;

  // An empty name: the field says why, and nothing is made.
  await card.getByRole("button", { name: "Create token" }).click();
  const nameField = card.getByLabel("Name", { exact: true });
  await expect(nameField).toHaveAttribute("aria-invalid", "true");
  // The hint, then the problem: both are the field's description.
  await expect(nameField).toHaveAccessibleDescription(/grading scripts”\.\s+\S/);
  await expect(card.getByText("You have no API tokens.")).toBeVisible();

  await nameField.fill(name);
  await card.getByLabel("Expires").selectOption({ label: "In 30 days" });
  await card.getByRole("button", { name: "Create token" }).click();
  const fresh = card.getByRole("region", { name: `Your new token “${name}”` });
  await expect(fresh).toBeVisible();
  await expect(fresh.getByText("it is shown only this once")).toBeVisible();
  const token = await fresh.getByLabel("The token", { exact: true }).inputValue();
  // It has the focus, ready to copy.
  await expect(fresh.getByLabel("The token", { exact: true })).toBeFocused();
  expect(token).toMatch(/^synack_[A-Za-z0-9_-]{43}$/);
  await fresh.getByRole("button", { name: "Copy" }).click();
  await expect(fresh.getByText("Copied to the clipboard.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
  await expectAccessible(page);

  // The list: the token's first characters, never the rest; not used yet; expiry in a month.
  const table = card.getByRole("table", { name: "Your tokens" });
  const row = table.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(`${token.slice(0, 13)}…`);
  await expect(row).not.toContainText(token.slice(0, 20));
  await expect(row.getByRole("cell").nth(3)).toHaveText("Never");

  // A script with the token: 200 as Ben; the answer never holds a token.
  const api = await script(baseURL!, token);
  const listed = await api.get("/api/v1/tokens");
  expect(listed.status()).toBe(200);
  const body = (await listed.json()) as { tokens: { name: string; lastUsedAt: string | null }[] };
  expect(body.tokens.map((t) => t.name)).toContain(name);
  expect(JSON.stringify(body)).not.toContain(token);
  // A token cannot make tokens.
  expect((await api.post("/api/v1/tokens", { data: { name: "more" } })).status()).toBe(403);
  // The document of it all is public.
  const doc = await (await playwrightRequest.newContext({ baseURL })).get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect(((await doc.json()) as { openapi: string }).openapi).toBe("3.1.0");

  // A reload: the token is gone from the page, the list shows its use.
  await page.reload();
  await expect(card.getByLabel("The token", { exact: true })).toHaveCount(0);
  await expect(row.getByRole("cell").nth(3)).not.toHaveText("Never");

  // Revoke, after a confirmation that can be cancelled.
  await row.getByRole("button", { name: `Revoke the token “${name}”` }).click();
  await expect(card.getByText(`Revoke “${name}”? Scripts that use it stop working at once.`)).toBeVisible();
  await card.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toBeVisible();
  expect((await api.get("/api/v1/tokens")).status()).toBe(200);
  await row.getByRole("button", { name: `Revoke the token “${name}”` }).click();
  await card.getByRole("button", { name: "Revoke it" }).click();
  await expect(card.getByRole("status").filter({ hasText: `Token “${name}” revoked.` })).toBeVisible();
  await expect(row).toHaveCount(0);
  await expectAccessible(page);

  const refused = await api.get("/api/v1/tokens");
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toMatchObject({ error: "UNAUTHENTICATED", message: "That API token is unknown, revoked or expired." });
  await api.dispose();
});

test("a body that does not validate is a 422 with every issue at its path", async ({ page, baseURL }) => {
  await signedIn(page, "chen@synack.test");
  // The page's own session, as the Account page sends it: same origin, JSON.
  const bad = await page.request.post("/api/v1/tokens", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: { name: "", expiresInDays: 1000 },
  });
  expect(bad.status()).toBe(422);
  const body = (await bad.json()) as { error: string; issues: { path: string[]; message: string }[] };
  expect(body.error).toBe("UNPROCESSABLE");
  expect(body.issues.map((i) => i.path.join(".")).sort()).toEqual(["expiresInDays", "name"]);
  // From another site, the same session is refused before anything is read.
  const forged = await page.request.post("/api/v1/tokens", {
    headers: { origin: "https://elsewhere.example", "content-type": "application/json" },
    data: { name: "forged" },
  });
  expect(forged.status()).toBe(403);
  // Signed out: 401.
  const anonymous = await playwrightRequest.newContext({ baseURL });
  expect((await anonymous.get("/api/v1/tokens")).status()).toBe(401);
  await anonymous.dispose();
});

test("the Account page's tokens fit a 360 px phone without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await signedIn(page, "ada@synack.test");
  await page.goto("/account");
  const card = page.getByRole("region", { name: "API tokens" });
  const name = `phone ${unique()}`;
  await card.getByLabel("Name", { exact: true }).fill(name);
  await card.getByRole("button", { name: "Create token" }).click();
  await expect(card.getByLabel("The token", { exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await expectAccessible(page);
  // Revoked at once on the phone: the confirmation fits too, and the token shown goes with it.
  await card.getByRole("button", { name: `Revoke the token “${name}”` }).click();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await card.getByRole("button", { name: "Revoke it" }).click();
  await expect(card.getByRole("status").filter({ hasText: `Token “${name}” revoked.` })).toBeVisible();
  await expect(card.getByLabel("The token", { exact: true })).toHaveCount(0);
  await expect(card.getByRole("row").filter({ hasText: name })).toHaveCount(0);
});
