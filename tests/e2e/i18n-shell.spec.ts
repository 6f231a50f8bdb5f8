// The shell in both languages: the header's switch (signed out and in, by keyboard and without
// JavaScript), a Chinese browser's first visit, the Account page's saved language winning over
// the switch's cookie, sign-in and sign-up feedback in Chinese, JSON API errors in the caller's
// language, and axe on the account pages in Chinese. Fresh accounts only: the demo accounts
// stay English for the other specs.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible } from "./helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PASSWORD = "a long enough password";

async function signUpEnglish(browser: Browser): Promise<{ context: BrowserContext; page: Page; email: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const email = `lang-${unique()}@example.edu`;
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Lin Yu");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("button", { name: /account menu/ })).toBeVisible();
  return { context, page, email };
}

async function signInChinese(page: Page, email: string) {
  await page.goto("/login");
  await page.getByLabel("邮箱").fill(email);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.getByRole("button", { name: /账号菜单/ })).toBeVisible();
}

test("signed out, the header's switch turns the page Chinese, from the keyboard, and the choice outlasts signing in", async ({
  browser,
}) => {
  const { context: maker, email } = await signUpEnglish(browser);
  await maker.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { name: "Sign in to SynAck Lab" })).toBeVisible();
  const select = page.getByRole("combobox", { name: "Language" });
  await select.focus();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("heading", { name: "登录 SynAck Lab" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page).toHaveTitle("登录 · SynAck Lab");
  await expect(page.getByRole("combobox", { name: "语言" })).toHaveValue("zh-CN");
  await expect(page.getByRole("combobox", { name: "语言" })).toBeFocused();
  // The cookie holds the choice through signing in (the account has none saved).
  await signInChinese(page, email);
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("link", { name: "练习", exact: true })).toBeVisible();
  await context.close();
});

test("without JavaScript, the switch's button changes the language", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/signup");
  const select = page.getByRole("combobox", { name: "Language" });
  await select.selectOption("zh-CN");
  // The button is shown to whoever reaches it by Tab.
  await select.focus();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Change language" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "注册账号" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await context.close();
});

test("a browser that asks for Chinese gets Chinese on its first visit; sign-in and sign-up feedback is Chinese", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  await page.goto("/login");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "登录 SynAck Lab" })).toBeVisible();
  await expect(page.getByText("是教师邀请你的吗？请打开教师发给你的邀请链接来设置密码。")).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("邮箱").fill("ben@synack.test");
  await page.getByLabel("密码").fill("not the password");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("该邮箱和密码与任何账号都不匹配。");
  await page.getByLabel("邮箱").fill("not an address");
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("请更正标出的字段。");
  await expect(page.getByText("请输入有效的邮箱地址（形如 用户名@学校域名）")).toBeVisible();

  await page.getByRole("link", { name: "注册账号" }).first().click();
  await expect(page).toHaveTitle("注册账号 · SynAck Lab");
  await expect(page.getByText("至少8个字符。")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("你的姓名").fill("王小明");
  await page.getByLabel("邮箱").fill("ben@synack.test");
  await page.getByLabel("密码").fill("short");
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page.getByText("请至少输入8个字符")).toBeVisible();
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page.getByText("这个邮箱已经有账号了。")).toBeVisible();
  await context.close();
});

test("the Account page's language is saved with the account and wins over the switch's cookie", async ({ browser, baseURL }) => {
  const { context, page, email } = await signUpEnglish(browser);
  await page.goto("/account");
  const group = page.getByRole("group", { name: "Language" });
  await expect(group.getByRole("radio", { name: "Use my browser's language" })).toBeChecked();
  await group.getByRole("radio", { name: "简体中文" }).check();
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("status").filter({ hasText: "语言设置已保存。" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "账号与会话" })).toBeVisible();
  await expect(page.getByRole("group", { name: "语言" }).getByRole("radio", { name: "简体中文" })).toBeChecked();
  await expectAccessible(page);

  // A cookie saying English (another tab's switch, signed out) does not override the account.
  await context.addCookies([{ name: "synack-locale", value: "en", url: baseURL! }]);
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  // Another browser that asks for English: Chinese once signed in.
  const other = await browser.newContext({ locale: "en-US" });
  const elsewhere = await other.newPage();
  await elsewhere.goto("/login");
  await elsewhere.getByLabel("Email").fill(email);
  await elsewhere.getByLabel("Password").fill(PASSWORD);
  await elsewhere.getByRole("button", { name: "Sign in" }).click();
  await expect(elsewhere.getByRole("button", { name: /账号菜单/ })).toBeVisible();
  await expect(elsewhere.locator("html")).toHaveAttribute("lang", "zh-CN");
  await other.close();

  // Back to following the browser, which asks for English.
  await page.getByRole("group", { name: "语言" }).getByRole("radio", { name: "跟随浏览器的语言" }).check();
  await page.getByRole("button", { name: "保存语言设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Language saved." })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await context.close();
});

test("without JavaScript, the Account page saves the language and confirms it", async ({ browser }) => {
  const { context: maker, email } = await signUpEnglish(browser);
  const cookies = await maker.cookies();
  await maker.close();
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies(cookies);
  const page = await context.newPage();
  await page.goto("/account");
  await page.getByRole("radio", { name: "简体中文" }).check();
  await page.getByRole("button", { name: "Save language" }).click();
  await expect(page.getByRole("status").filter({ hasText: "语言设置已保存。" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("radio", { name: "简体中文" })).toBeChecked();
  await context.close();
  expect(email).toContain("@");
});

test("signed in, the header's switch also saves the language with the account", async ({ browser }) => {
  const { context, page, email } = await signUpEnglish(browser);
  await page.goto("/account");
  await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
  await expect(page.getByRole("heading", { name: "账号与会话" })).toBeVisible();
  // The Account page's setting follows, without a reload.
  await expect(page.getByRole("radio", { name: "简体中文" })).toBeChecked();
  await context.close();
  // A fresh browser (no cookie, English) signs in to Chinese.
  const fresh = await browser.newContext();
  const again = await fresh.newPage();
  await again.goto("/login");
  await again.getByLabel("Email").fill(email);
  await again.getByLabel("Password").fill(PASSWORD);
  await again.getByRole("button", { name: "Sign in" }).click();
  await expect(again.locator("html")).toHaveAttribute("lang", "zh-CN");
  await again.goto("/account");
  await expect(again.getByRole("radio", { name: "简体中文" })).toBeChecked();
  await fresh.close();
});

test("JSON APIs answer in the caller's language, with the error code unchanged", async ({ browser, baseURL }) => {
  // An API client says its language in Accept-Language (a request context sends none of its own).
  const context = await browser.newContext({ locale: "zh-CN", extraHTTPHeaders: { "accept-language": "zh-CN,zh;q=0.9" } });
  const signedOut = await context.request.put("/api/attempts/none/responses/1", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: { answer: {} },
  });
  expect(signedOut.status()).toBe(401);
  expect(await signedOut.json()).toEqual({ error: "UNAUTHENTICATED", message: "请登录后继续：你的会话已结束。" });
  const badPath = await context.request.get("/api/attempts/%ff/submit");
  expect(badPath.status()).toBe(400);
  expect(await badPath.json()).toEqual({ error: "BAD_REQUEST", message: "地址中含有格式错误的百分号转义。" });

  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("你的姓名").fill("Json Reader");
  await page.getByLabel("邮箱").fill(`json-${unique()}@example.edu`);
  await page.getByLabel("密码").fill(PASSWORD);
  await page.getByRole("button", { name: "注册", exact: true }).click();
  await expect(page.getByRole("button", { name: /账号菜单/ })).toBeVisible();
  const badJson = await context.request.put("/api/attempts/none/responses/1", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(badJson.status()).toBe(400);
  expect(await badJson.json()).toEqual({ error: "BAD_REQUEST", message: "请求体不是有效的 JSON。" });
  // The same request from a browser that asks for English reads English.
  const english = await browser.newContext({ extraHTTPHeaders: { "accept-language": "en-US,en;q=0.9" } });
  const refused = await english.request.put("/api/attempts/none/responses/1", {
    headers: { origin: baseURL!, "content-type": "application/json" },
    data: { answer: {} },
  });
  expect((await refused.json()).message).toBe("Sign in to continue: your session has ended.");
  await english.close();
  await context.close();
});

test("the header fits a phone screen in both languages, signed in and out", async ({ browser }) => {
  for (const locale of ["en-US", "zh-CN"]) {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale });
    const page = await context.newPage();
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await page.goto("/login");
    expect(await overflow(), `${locale} signed out`).toBeLessThanOrEqual(0);
    await page.goto("/signup");
    await page.locator("#field-name").fill("Phone Person");
    await page.locator("#field-email").fill(`phone-${unique()}@example.edu`);
    await page.locator("#field-password").fill(PASSWORD);
    await page.locator("form").getByRole("button").last().click();
    await expect(page.getByRole("button", { name: /account menu|账号菜单/ })).toBeVisible();
    expect(await overflow(), `${locale} signed in`).toBeLessThanOrEqual(0);
    // The mark alone on a phone; its link still says the app's name.
    await expect(page.getByRole("link", { name: "SynAck Lab" })).toBeVisible();
    await page.goto("/account");
    expect(await overflow(), `${locale} account`).toBeLessThanOrEqual(0);
    await context.close();
  }
});

test("a page's HTML holds the words it shows, not the catalog: the catalog comes once, as a cached script", async ({ browser }) => {
  const context = await browser.newContext({ locale: "zh-CN" });
  const page = await context.newPage();
  const scripts: { url: string; cacheControl: string; body: Promise<string> }[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() === "script") {
      scripts.push({ url: response.url(), cacheControl: response.headers()["cache-control"] ?? "", body: response.text() });
    }
  });
  const response = await page.goto("/login");
  const html = await response!.text();
  // The sign-in page shows no quiz builder: its messages are not in the page's own data.
  expect(html).toContain("登录 SynAck Lab");
  expect(html).not.toContain("请为测验填写标题。");
  expect(html).not.toContain("Give the quiz a title.");
  // Client components still speak the reader's language: the switch, hydrated, changes it.
  const select = page.getByRole("combobox", { name: "语言" });
  await select.selectOption("en");
  await expect(page.getByRole("heading", { name: "Sign in to SynAck Lab" })).toBeVisible();
  // The catalog is a script under /_next/static, cached for good.
  const bodies = await Promise.all(scripts.map(async (s) => ({ ...s, text: await s.body.catch(() => "") })));
  const catalog = bodies.find((s) => s.text.includes("请为测验填写标题。"));
  expect(catalog, "a script holding the catalog").toBeDefined();
  expect(new URL(catalog!.url).pathname).toMatch(/^\/_next\/static\//);
  expect(catalog!.cacheControl).toContain("immutable");
  await context.close();
});
