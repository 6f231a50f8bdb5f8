// Bank files in a browser: an instructor downloads a bank of their own in each of the four
// formats from the bank page and checks each file, reads a file back in (the report first, then
// "Import N questions", the new questions in the list under keys of their own), and sees a
// malformed file refused with its line and nothing added; a TA may download but is offered no
// import and the API refuses one; the page passes axe and fits a 360 px phone. Everything it
// makes is its own bank, deleted at the end.
import { randomUUID } from "node:crypto";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/seed-data";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const SHOTS = "docs/screens";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const PICKED = ["handshake-states", "lost-fin-leave", "handshake-count"];
let courseId = "";
let bankId = "";
const title = `Files ${unique()}`;

async function signedIn(browser: Browser, email: string, width = 1200): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "en-US", acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("link", { name: /Computer Networks/ })).toBeVisible({ timeout: 15_000 });
  return { context, page };
}

/** A call to /api/v1 from the page itself: same origin, the session cookie. */
async function api(page: Page, method: string, path: string, body?: unknown): Promise<number> {
  return page.evaluate(
    async ({ method, path, body }) =>
      (
        await fetch(`/api/v1${path}`, {
          method,
          headers: body === undefined ? undefined : { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        })
      ).status,
    { method, path, body },
  );
}

async function download(page: Page, format: string, seeds?: number): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole("form", { name: "Export the bank" }).getByLabel("Format").selectOption({ label: format });
  if (seeds !== undefined) await page.getByLabel("Variants per question").fill(String(seeds));
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download" }).click()]);
  await expect(page.getByRole("status").filter({ hasText: `Downloaded ${file.suggestedFilename()}` })).toBeVisible();
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

const bankPage = () => `/courses/${courseId}/banks/${bankId}`;

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  courseId = (await page.getByRole("link", { name: /Computer Networks/ }).getAttribute("href"))!.split("/").pop()!;
  await page.goto(`/courses/${courseId}/banks`);
  await page.getByLabel("Title", { exact: true }).fill(title);
  await page.getByRole("button", { name: "Create bank" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Bank “${title}” created.` })).toBeVisible();
  bankId = (await page.getByRole("link", { name: title, exact: true }).getAttribute("href"))!.split("/").pop()!;
  expect(await api(page, "POST", `/courses/${courseId}/banks/${bankId}/library`, { templateIds: PICKED })).toBe(201);
  await context.close();
});

test.afterAll(async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  expect(await api(page, "DELETE", `/courses/${courseId}/banks/${bankId}`)).toBe(204);
  await context.close();
});

test("an instructor downloads the bank in each format and each file is what it says", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(bankPage());
  await expect(page.getByRole("heading", { level: 2, name: "Files" })).toBeVisible();
  await expectAccessible(page);

  const json = await download(page, "This app's JSON (lossless)");
  expect(json.name).toMatch(/-json\.json$/);
  const bank = JSON.parse(json.bytes.toString("utf8")) as { format: string; questions: { id: string }[] };
  expect(bank.format).toBe("synack-bank");
  expect(bank.questions.map((q) => q.id).sort()).toEqual([...PICKED].sort());

  const xml = await download(page, "Moodle XML", 2);
  expect(xml.name).toMatch(/\.xml$/);
  const xmlText = xml.bytes.toString("utf8");
  expect(xmlText).toContain("<quiz>");
  expect(xmlText.match(/<question type="(?!category)/g)).toHaveLength(PICKED.length * 2);

  const gift = await download(page, "GIFT", 2);
  expect(gift.bytes.toString("utf8")).toMatch(/^::/m);

  const qti = await download(page, "QTI 2.1 package (zip)", 2);
  expect(qti.name).toMatch(/\.zip$/);
  const files = unzipSync(new Uint8Array(qti.bytes));
  expect(strFromU8(files["imsmanifest.xml"])).toContain("imsqti_item_xmlv2p1");
  expect(Object.keys(files).filter((f) => f.startsWith("items/"))).toHaveLength(PICKED.length * 2);
  await page.screenshot({ path: `${SHOTS}/bank-files.png`, fullPage: true });
  await context.close();
});

test("an instructor reads a file in: the report first, then the questions under keys of their own; a malformed file adds nothing", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(bankPage());
  const exported = await download(page, "This app's JSON (lossless)");
  const importer = page.getByRole("form", { name: "Import questions" });

  await importer
    .getByLabel("Bank file")
    .setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{\n  "format": "synack-bank",\n  oops\n}') });
  await importer.getByRole("button", { name: "Check the file" }).click();
  const problems = page.getByRole("region", { name: "1 problem" });
  await expect(problems.getByRole("cell", { name: "3", exact: true })).toBeVisible();
  await expect(page.getByText("Nothing can be imported until the file is fixed.")).toBeVisible();
  await expect(page.getByRole("button", { name: /^Import \d+ question/ })).toHaveCount(0);

  await importer.getByLabel("Bank file").setInputFiles({ name: "week1.json", mimeType: "application/json", buffer: exported.bytes });
  await importer.getByRole("button", { name: "Check the file" }).click();
  await expect(page.getByRole("heading", { name: "3 questions to add" })).toBeVisible();
  for (const id of PICKED) await expect(page.getByRole("cell", { name: `${id}-2`, exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Import 3 questions" }).click();
  await expect(page.getByRole("status").filter({ hasText: "3 questions added to the bank." })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Questions \(6\)|6 questions/ })).toBeVisible();
  for (const id of PICKED) await expect(page.getByText(`${id}-2`, { exact: true }).first()).toBeVisible();
  await context.close();
});

test("a TA downloads but is offered no import, and the API refuses one; the page fits a phone", async ({ browser }) => {
  const email = `ta-files-${unique()}@example.edu`;
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: "en-US", acceptDownloads: true });
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Tess Assistant");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  const enrollment = randomUUID();
  withDb((db) => {
    const user = db.prepare(`SELECT id FROM user WHERE email = ?`).get(email) as { id: string };
    db.prepare(`INSERT INTO Enrollment (id, courseId, userId, role, createdAt) VALUES (?, ?, ?, 'TA', ?)`).run(
      enrollment,
      courseId,
      user.id,
      new Date().toISOString(),
    );
  });
  try {
    await page.goto(bankPage());
    await expect(page.getByRole("heading", { level: 2, name: "Export the bank" })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Import questions" })).toHaveCount(0);
    const json = await download(page, "This app's JSON (lossless)");
    expect(JSON.parse(json.bytes.toString("utf8")).format).toBe("synack-bank");
    const status = await page.evaluate(async (path) => {
      const form = new FormData();
      form.set("file", new Blob(["{}"]), "x.json");
      form.set("format", "json");
      return (await fetch(path, { method: "POST", body: form })).status;
    }, `/api/v1/banks/${bankId}/import`);
    expect(status).toBe(403);
    expect(
      await page.evaluate(() => document.querySelector("main")!.scrollWidth - document.querySelector("main")!.clientWidth),
    ).toBeLessThanOrEqual(0);
    await expectAccessible(page);
  } finally {
    withDb((db) => db.prepare(`DELETE FROM Enrollment WHERE id = ?`).run(enrollment));
    await context.close();
  }
});

test("the files read in Chinese, the report too", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, locale: "zh-CN" });
  const page = await context.newPage();
  // The form's fields by name: their labels are in Chinese.
  await page.goto(`/login?next=${encodeURIComponent(bankPage())}`);
  await page.locator('input[name="email"]').fill("instructor@synack.test");
  await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await expect(page.getByRole("heading", { level: 2, name: "导出题库" })).toBeVisible({ timeout: 15_000 });
  const importer = page.getByRole("form", { name: "导入题目" });
  await importer.getByLabel("题库文件").setInputFiles({ name: "x.json", mimeType: "application/json", buffer: Buffer.from("[1,]") });
  await importer.getByRole("button", { name: "检查文件" }).click();
  await expect(page.getByText("文件不是有效的 JSON。")).toBeVisible();
  await expectAccessible(page);
  await context.close();
});
