// The web boundary in a real browser: a hostile `next` after sign-in lands on the app, pages
// run their scripts under the nonce CSP with no violation, every kind of response carries the
// security headers, and no other site can frame a page or start an attempt.
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { withDb } from "./e2e-db";

function collectCspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|frame)/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test("signing in with a next of /%09/evil.example (a tab: //evil.example to a browser) lands on the app", async ({ page, baseURL }) => {
  await page.goto("/login?next=/%09/evil.example");
  await page.getByLabel("Email").fill("ada@synack.test");
  await page.getByLabel("Password").fill("synack-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  // Signed in already: the login page redirects straight away, to the app, for a newline too.
  for (const next of [
    "/%09/evil.example",
    "/%0a/evil.example",
    "/%5Cevil.example",
    "//evil.example",
    "/.//evil.example",
    "https://evil.example/",
  ]) {
    const response = await page.goto(`/login?next=${next}`);
    expect(response?.status(), next).toBe(200);
    expect(new URL(page.url()).origin, next).toBe(new URL(baseURL!).origin);
  }
});

test("signing up with a hostile next lands on the app", async ({ page, baseURL }) => {
  await page.goto("/signup?next=/%09/evil.example");
  await page.getByLabel("Your name").fill("Eve Probe");
  await page.getByLabel("Email").fill(`eve-${Date.now()}@synack.test`);
  await page.getByLabel("Password").fill("a-long-password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
});

test("pages hydrate under the nonce CSP, with no violation reported", async ({ page }) => {
  const violations = collectCspViolations(page);
  const response = await page.goto("/practice");
  const csp = response!.headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).not.toContain("unsafe-inline");
  // Checking an answer is a server action called from client code: it needs hydration.
  await page.getByRole("link", { name: /The three-way handshake/ }).click();
  await page.getByRole("button", { name: "Show the answer" }).click();
  await expect(page.getByText("You are not signed in, so this result is not saved.")).toBeVisible();
  await signIn(page, "ada@synack.test");
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  expect(violations).toEqual([]);
});

test("every kind of response carries the security headers", async ({ request, page }) => {
  await page.goto("/login");
  const script = await page.locator("script[src]").first().getAttribute("src");
  const kinds: [string, string][] = [
    ["page", "/login"],
    ["API JSON", "/api/health"],
    ["page 404", "/no-such-page"],
    ["API 404", "/api/no-such-route"],
    ["static asset", script!],
    ["icon", "/icon.svg"],
  ];
  // Pages may be framed by the registered LMS platforms only (LTI launches open inside the LMS);
  // other specs of this run may have registered some. Nothing else frames anything.
  const platforms = withDb((db) =>
    (db.prepare(`SELECT authUrl, issuer FROM LtiPlatform`).all() as { authUrl: string; issuer: string }[]).flatMap((p) =>
      [p.authUrl, p.issuer].flatMap((url) => (URL.canParse(url) ? [new URL(url).origin] : [])),
    ),
  );
  for (const [kind, path] of kinds) {
    const headers = (await request.get(path)).headers();
    expect(headers["x-content-type-options"], kind).toBe("nosniff");
    expect(headers["referrer-policy"], kind).toBe("same-origin");
    const ancestors = /frame-ancestors ([^;]+)/
      .exec(headers["content-security-policy"] ?? "")?.[1]
      .trim()
      .split(/\s+/);
    if (kind.startsWith("page") && platforms.length > 0) {
      expect(ancestors, kind).toBeDefined();
      for (const origin of ancestors!) expect(platforms, `${kind}: ${origin} may frame it`).toContain(origin);
    } else expect(ancestors, kind).toEqual(["'none'"]);
    // Served over http here (APP_URL is not https): no HSTS.
    expect(headers["strict-transport-security"], kind).toBeUndefined();
  }
});

test("another site can neither frame a page nor start an attempt with a form", async ({ browser, baseURL }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "ben@synack.test");
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  const violations = collectCspViolations(page);
  // A sibling origin: the same host on another port, served here by routing.
  const sibling = new URL(baseURL!);
  sibling.port = String(Number(sibling.port) + 50);
  await page.route(`${sibling.origin}/**`, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<iframe id="f" src="${baseURL}/admin"></iframe>
        <form id="x" method="POST" enctype="text/plain" action="${baseURL}/api/quizzes/any-quiz/attempts"><input name='{"a":"' value='"}'></form>`,
    }),
  );
  await page.goto(`${sibling.origin}/attack`);
  // A frame that frame-ancestors refuses shows the browser's error page, not the app.
  const frame = await (await page.locator("#f").elementHandle())!.contentFrame();
  await expect.poll(() => frame!.url(), { timeout: 15_000 }).toMatch(/^chrome-error:/);
  expect(violations.filter((v) => !/frame-ancestors/.test(v))).toEqual([]);
  const [response] = await Promise.all([
    page.waitForResponse(`${baseURL}/api/quizzes/any-quiz/attempts`),
    page.evaluate(() => (document.getElementById("x") as HTMLFormElement).submit()),
  ]);
  expect(response.status()).toBe(403);
  expect((await response.json()).message).toMatch(/another site/);
  await context.close();
});
