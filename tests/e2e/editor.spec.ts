// The question editor: a saved question opens in a form derived from its family's and kind's
// schemas, checked live (each problem beside its field), previewed as a student sees it with
// the students' own components, with the expected answer and the ladder for instructors, and
// sampled over 50 seeds; the JSON tab edits the same template; a new question starts empty or
// from a sandbox link (?draft=); saving goes to the bank's question routes (POST, then PUT
// with the version it started from; a 409 keeps the draft); a TA reads but cannot save; every
// page passes axe, fits a phone and reads in Chinese. The preview API answers by role.
import { expect, test, type Browser, type BrowserContext, type Page, type Route } from "@playwright/test";
import { encodeShared } from "../../lib/authoring/share";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const KEY = "handshake-states";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let courseId = "";
let bankId = "";
let taEmail = "";
const TA_PASSWORD = "correct horse battery";

async function signedIn(
  browser: Browser,
  email: string,
  options: { locale?: string; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: options.width ?? 1300, height: 900 }, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, email, email === taEmail ? TA_PASSWORD : undefined);
  // Signing in hashes a password: give a busy machine time for it.
  await page.waitForURL((url) => !url.pathname.startsWith("/login"), { timeout: 20_000 });
  return { context, page };
}

const editUrl = (key = KEY) => `/courses/${courseId}/banks/${bankId}/questions/${key}`;
const newUrl = () => `/courses/${courseId}/banks/${bankId}/questions/new`;

/** A POST from the page itself (same origin, the session cookie): status and JSON body. */
async function post(
  page: Page,
  path: string,
  body: unknown,
): Promise<{ status: number; body: Record<string, unknown>; serverMs: number | null; totalMs: number }> {
  return page.evaluate(
    async ({ path, body }) => {
      const started = performance.now();
      const response = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      const json = (await response.json()) as Record<string, unknown>;
      const timing = response.headers.get("Server-Timing")?.match(/dur=([\d.]+)/);
      return { status: response.status, body: json, serverMs: timing ? Number(timing[1]) : null, totalMs: performance.now() - started };
    },
    { path, body },
  );
}

const template = () =>
  withDb((db) =>
    JSON.parse(
      (
        db.prepare(`SELECT template FROM Question WHERE bankId = ? AND key = ? ORDER BY version DESC`).get(bankId, KEY) as {
          template: string;
        }
      ).template,
    ),
  );

test.beforeAll(async ({ browser }) => {
  ({ courseId, bankId } = withDb((db) => {
    const course = db.prepare(`SELECT id FROM Course WHERE joinCode = 'SYNACK26'`).get() as { id: string };
    const bank = db.prepare(`SELECT id FROM QuestionBank WHERE courseId = ?`).get(course.id) as { id: string };
    return { courseId: course.id, bankId: bank.id };
  }));
  // A TA of the demo course: an account of their own, enrolled by the instructor on the roster.
  taEmail = `ta-${unique()}@synack.test`;
  const signup = await browser.newContext({ locale: "en-US" });
  const page = await signup.newPage();
  await page.goto("/signup");
  await page.getByLabel("Your name").fill("Tess Assistant");
  await page.getByLabel("Email").fill(taEmail);
  await page.getByLabel("Password").fill(TA_PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 20_000 });
  await signup.close();
  const { context, page: instructor } = await signedIn(browser, "instructor@synack.test");
  await instructor.goto(`/courses/${courseId}/roster`);
  await instructor.getByLabel("Email addresses").fill(taEmail);
  await instructor.getByLabel("Role").selectOption("STUDENT");
  await instructor.getByRole("button", { name: "Enrol" }).click();
  await expect(instructor.getByRole("status")).toHaveText("1 enrolled.");
  await context.close();
  // A staff role waits for the account's own confirmation (course-layout.spec.ts walks that): set it directly.
  withDb((db) => db.prepare(`UPDATE Enrollment SET role = 'TA' WHERE userId = (SELECT id FROM User WHERE email = ?)`).run(taEmail));
});

test("an instructor edits a saved question in the form, with a live preview, its expected answer and its ladder", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(editUrl());
  await expect(page.getByRole("heading", { level: 1, name: "Edit question" })).toBeVisible();
  await expect(page.getByText(/version 1\./)).toBeVisible();
  await expect(page.getByLabel("Question id")).toHaveValue(KEY);
  await expect(page.getByLabel("Question id")).toBeDisabled();
  await expect(page.getByLabel("Title (English)")).toHaveValue("States during the three-way handshake");
  await expect(page.getByLabel("Scenario family")).toHaveValue("handshake");
  await expect(page.getByText("This family has no parameters: the seed varies everything.")).toBeVisible();
  await expect(page.getByLabel("What is asked", { exact: true })).toHaveValue("states");
  await expect(page.getByRole("checkbox", { name: "The client" })).toBeChecked();
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");

  // The student's view, drawn by the students' components: the setup and the answer widget.
  const student = page.getByRole("region", { name: "What a student sees" });
  await expect(student.getByRole("heading", { level: 3, name: "States during the three-way handshake" })).toBeVisible();
  await expect(student.getByText(/the server calls listen\(\)/)).toBeVisible();
  await expect(page.getByRole("group", { name: "Try an answer" })).toBeVisible();

  // Another seed: another variant (a handshake's latency and ISNs change with the seed).
  const setup = (await student.locator("ul").first().textContent()) ?? "";
  await page.getByRole("button", { name: "Another seed" }).click();
  await expect(page.getByLabel("Seed", { exact: true })).not.toHaveValue("1");
  await expect(student.locator("ul").first()).not.toHaveText(setup);
  await page.getByLabel("Seed", { exact: true }).fill("1");
  await expect(student.locator("ul").first()).toHaveText(setup);

  await page.getByLabel("Show the expected answer").check();
  const expected = page.getByRole("region", { name: "The expected answer" });
  await expect(expected).toContainText("SYN_RECEIVED");
  await page.getByLabel("Show the ladder diagram").check();
  await expect(page.getByRole("region", { name: "The engine's run of this variant" }).first()).toBeVisible();
  await expectAccessible(page);

  // A family with parameters: each picked by the seed until given; a bad value is named beside its field.
  await page.getByLabel("Scenario family").selectOption("lost-syn");
  const losses = page.getByLabel("Segments lost");
  await expect(losses).toBeDisabled();
  await page.getByRole("checkbox", { name: "Picked by the seed" }).uncheck();
  await expect(losses).toHaveValue("1");
  await losses.fill("9");
  await expect(page.locator("#q-param-losses-issues")).toHaveText("Enter a number of at most 4");
  await expect(losses).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("check-status")).toHaveText("1 problem to fix before saving.");
  await expect(page.getByRole("button", { name: "Save a new version" })).toBeDisabled();
  await expect(page.getByText("Fix the template's problems to see the preview.")).toBeVisible();
  await losses.fill("3");
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  await expect(page.getByRole("button", { name: "Save a new version" })).toBeEnabled();

  // Another kind: its own fields, derived from its ask.
  await page.getByLabel("What is asked", { exact: true }).selectOption("time");
  await expect(page.getByLabel("Endpoint", { exact: true })).toHaveValue("client");
  await expect(page.getByLabel("State", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Tolerance (ms)")).toHaveAttribute("placeholder", "Default (0)");
  await page.getByLabel("State", { exact: true }).selectOption("SYN_SENT");
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  // The student now answers with the time kind's own widget.
  await expect(page.getByRole("group", { name: "Try an answer" }).locator("#preview-ms")).toBeVisible();

  // Markdown in the prompt reads as it will.
  await page.getByRole("textbox", { name: "Prompt (English)" }).fill("List **every** state the client passes through.");
  await expect(page.getByRole("group", { name: "How the Prompt (English) reads" })).toContainText("every");
  await context.close();
});

test("the JSON tab edits the same template: problems listed with their paths, syntax errors named, edits back in the form", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(editUrl());
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  // Tabs by keyboard.
  await page.getByRole("tab", { name: "Form" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "Edit as JSON" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("tab", { name: "Edit as JSON" })).toBeFocused();
  const json = page.getByLabel("The question template as JSON");
  expect(JSON.parse(await json.inputValue())).toEqual(template());

  await json.fill(JSON.stringify({ ...template(), points: -1, ask: { kind: "states", endpoints: [] } }, null, 2));
  const issues = page.locator("#q-json-issues");
  await expect(issues).toContainText("points");
  await expect(issues).toContainText("ask.endpoints");
  await expect(page.getByTestId("check-status")).toHaveText("2 problems to fix before saving.");
  await expectAccessible(page);

  await json.fill("{ not json");
  await expect(page.locator("#q-json-syntax")).toContainText("This is not JSON yet");
  await expect(page.getByRole("button", { name: "Save a new version" })).toBeDisabled();

  await json.fill(JSON.stringify({ ...template(), title: "Written as JSON", tags: ["open", "json"] }));
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  await page.getByRole("tab", { name: "Form" }).click();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("Written as JSON");
  await expect(page.getByLabel("Tags")).toHaveValue("open, json");
  // The problems of the form tab sit beside their fields.
  await page.getByLabel("Title", { exact: true }).fill("ab");
  await expect(page.locator("#q-title-issues")).not.toBeEmpty();
  await expect(page.getByLabel("Title", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await context.close();
});

test("the variety panel samples 50 seeds; preview and variety latency measured", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(editUrl());
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  await page.getByRole("button", { name: "Sample 50 seeds" }).click();
  const report = page.getByTestId("variety-report");
  await expect(report).toContainText("50 of 50 seeds could be shown (seeds 1 to 50).");
  // A handshake's states do not depend on the seed; its scenario (ISNs, latency) does.
  await expect(report.locator("dd").nth(0)).toHaveText("50");
  await expect(report.locator("dd").nth(1)).toHaveText("1");
  await expect(report).toContainText("Every seed gives the same expected answer: students can learn it by heart.");
  await expect(report).toContainText("No fault fired on any seed.");
  await expectAccessible(page);

  // A template that fails on every seed: each seed is named, and opens in the preview.
  await page.getByLabel("What is asked", { exact: true }).selectOption("next");
  await page.getByLabel("Segments given").fill("9");
  await expect(page.getByText(/This seed cannot be shown/)).toBeVisible();
  await page.getByRole("button", { name: "Sample 50 seeds" }).click();
  await expect(report).toContainText("50 seeds cannot be shown, the first is seed 1.");
  await page.getByRole("button", { name: "Open seed 7" }).click();
  await expect(page.getByLabel("Seed", { exact: true })).toHaveValue("7");

  // Figures: a fresh seed's preview (server time and round trip) and 50 seeds' variety.
  const t = template();
  const previews = [];
  for (let i = 0; i < 30; i++)
    previews.push(await post(page, `/api/v1/courses/${courseId}/preview`, { template: t, seed: 100_000 + i * 7919 }));
  expect(previews.every((p) => p.status === 200)).toBe(true);
  const varieties = [];
  for (let i = 0; i < 5; i++)
    varieties.push(await post(page, `/api/v1/courses/${courseId}/preview/variety`, { template: t, firstSeed: 1000 * (i + 1) }));
  expect(varieties.every((v) => v.status === 200 && v.body.samples === 50)).toBe(true);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const figures = {
    previewServerMs: median(previews.map((p) => p.serverMs ?? NaN)),
    previewRoundTripMs: median(previews.map((p) => p.totalMs)),
    varietyServerMs: median(varieties.map((v) => v.serverMs ?? NaN)),
    varietyRoundTripMs: median(varieties.map((v) => v.totalMs)),
  };
  console.log(`editor latency (median): ${JSON.stringify(figures)}`);
  expect(figures.previewRoundTripMs).toBeLessThan(1000);
  expect(figures.varietyRoundTripMs).toBeLessThan(5000);
  await context.close();
});

test("the preview API: expected answer and trace for instructors only, issues at their paths, 403/404/401 by role", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto("/");
  const path = `/api/v1/courses/${courseId}/preview`;
  const full = await post(page, path, { template: template(), seed: 3 });
  expect(full.status).toBe(200);
  expect(full.body.expected).toEqual({
    kind: "states",
    states: { client: ["CLOSED", "SYN_SENT", "ESTABLISHED"], server: ["CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED"] },
  });
  expect(Array.isArray((full.body.trace as { events: unknown[] }).events)).toBe(true);

  const bad = await post(page, path, { template: { ...template(), family: "lost-syn", params: { losses: 0 } }, seed: 3 });
  expect(bad.status).toBe(422);
  expect(bad.body.issues).toEqual([{ path: ["template", "params", "losses"], message: "Enter a number of at least 1" }]);
  const badSeed = await post(page, path, { template: template(), seed: -1 });
  expect(badSeed.status).toBe(422);
  expect((badSeed.body.issues as { path: unknown[] }[])[0].path).toEqual(["seed"]);
  await context.close();

  const ta = await signedIn(browser, taEmail);
  await ta.page.goto("/");
  const asTa = await post(ta.page, path, { template: template(), seed: 3 });
  expect(asTa.status).toBe(200);
  expect(Object.keys(asTa.body)).toEqual(["presentation"]);
  await ta.context.close();

  const student = await signedIn(browser, "ada@synack.test");
  await student.page.goto("/");
  expect((await post(student.page, path, { template: template(), seed: 3 })).status).toBe(403);
  expect((await post(student.page, `/api/v1/courses/no-such-course/preview`, { template: template(), seed: 3 })).status).toBe(404);
  await student.context.close();

  const anonymous = await browser.newContext();
  const page2 = await anonymous.newPage();
  await page2.goto("/login");
  expect((await post(page2, path, { template: template(), seed: 3 })).status).toBe(401);
  await anonymous.close();
});

/** The bank's question routes as contract 4 of the authoring work gives them, answered here. */
async function bankRoutes(
  page: Page,
  answers: { post?: (body: Record<string, unknown>) => [number, unknown]; put?: (body: Record<string, unknown>) => [number, unknown] },
) {
  const seen: { method: string; url: string; body: Record<string, unknown> }[] = [];
  await page.route(`**/api/v1/courses/${courseId}/banks/${bankId}/questions**`, async (route: Route) => {
    const request = route.request();
    const body = (request.postDataJSON() ?? {}) as Record<string, unknown>;
    seen.push({ method: request.method(), url: request.url(), body });
    const answer = request.method() === "POST" ? answers.post?.(body) : request.method() === "PUT" ? answers.put?.(body) : undefined;
    if (!answer) return route.fallback();
    await route.fulfill({ status: answer[0], contentType: "application/json", body: JSON.stringify(answer[1]) });
  });
  return seen;
}

test("a new question: empty, pre-filled from a sandbox link, saved with POST; an edit saved with PUT and its base version; a 409 keeps the draft", async ({
  browser,
}) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(newUrl());
  await expect(page.getByRole("heading", { level: 1, name: "New question" })).toBeVisible();
  await expect(page.getByLabel("Question id")).toBeEnabled();
  // Empty: id, title and prompt are missing, each named beside its field.
  await expect(page.getByTestId("check-status")).toHaveText("3 problems to fix before saving.");
  await expect(page.locator("#q-id-issues")).not.toBeEmpty();
  await expect(page.getByRole("button", { name: "Save the question" })).toBeDisabled();
  await expectAccessible(page);

  // A link from the sandbox (contract: ?draft=encodeShared(template)).
  const draft = {
    family: "lost-fin",
    params: {},
    title: "From the sandbox",
    prompt: "What does the client do after its FIN is lost?",
    ask: { kind: "states", endpoints: ["client"] },
  };
  await page.goto(`${newUrl()}?draft=${encodeShared(draft)}`);
  await expect(page.getByText("The editor starts from the scenario you brought from the sandbox.", { exact: false })).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("From the sandbox");
  await expect(page.getByLabel("Scenario family")).toHaveValue("lost-fin");
  await expect(page.getByRole("checkbox", { name: "The server" })).not.toBeChecked();
  await page.getByLabel("Question id").fill(`lost-fin-${unique()}`);
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  await page.goto(`${newUrl()}?draft=not*a*draft`);
  await expect(page.getByText("The draft in the link could not be read", { exact: false })).toBeVisible();

  // Saving a new question: POST { template } → 201 { key, version: 1 }; the address becomes the question's.
  await page.goto(`${newUrl()}?draft=${encodeShared(draft)}`);
  const key = `lost-fin-${unique()}`;
  const seen = await bankRoutes(page, {
    post: (body) => [201, { key: (body.template as { id: string }).id, version: 1 }],
    put: (body) =>
      body.baseVersion === 1
        ? [409, { error: "CONFLICT", message: "This question changed meanwhile.", current: { version: 3 } }]
        : [200, { key, version: 4 }],
  });
  await page.getByLabel("Question id").fill(key);
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  await page.getByRole("button", { name: "Save the question" }).click();
  await expect(page.getByText("Saved as version 1.")).toBeVisible();
  expect(seen[0]).toMatchObject({ method: "POST", body: { template: { ...draft, id: key } } });
  await expect(page).toHaveURL(new RegExp(`/questions/${key}$`));
  await expect(page.getByLabel("Question id")).toBeDisabled();

  // An edit: PUT { template, baseVersion: 1 }; someone saved meanwhile → 409, the draft stays.
  await page.getByLabel("Title", { exact: true }).fill("From the sandbox, edited");
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  await page.getByRole("button", { name: "Save a new version" }).click();
  const conflict = page.getByRole("alert").filter({ hasText: "This question changed meanwhile" });
  await expect(conflict).toContainText("Someone saved version 3 after you opened version 1.");
  expect(seen[1]).toMatchObject({ method: "PUT", body: { baseVersion: 1, template: { title: "From the sandbox, edited" } } });
  expect(seen[1].url).toMatch(new RegExp(`/questions/${key}$`));
  await expect(page.getByLabel("Title", { exact: true })).toHaveValue("From the sandbox, edited");
  await expectAccessible(page);
  // Overwrite: PUT again on top of version 3.
  await conflict.getByRole("button", { name: "Save my draft over it" }).click();
  await expect(page.getByText("Saved as version 4.")).toBeVisible();
  expect(seen[2]).toMatchObject({ method: "PUT", body: { baseVersion: 3 } });
  await context.close();
});

test("an unsaved draft is kept in the browser and offered back on the next visit", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.goto(editUrl());
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  await page.getByLabel("Tags").fill("open, handshake, kept");
  await page.reload();
  await expect(page.getByText("You have unsaved changes from an earlier visit to this page.")).toBeVisible();
  await expect(page.getByLabel("Tags")).toHaveValue("open, handshake");
  await page.getByRole("button", { name: "Restore my changes" }).click();
  await expect(page.getByLabel("Tags")).toHaveValue("open, handshake, kept");
  await page.reload();
  await page.getByRole("button", { name: "Discard them" }).click();
  await page.reload();
  await expect(page.getByLabel("Tags")).toHaveValue("open, handshake");
  await expect(page.getByText("You have unsaved changes from an earlier visit to this page.")).toHaveCount(0);
  await context.close();
});

test("a TA sees a question read-only with the student's preview only, and may not open a new one", async ({ browser }) => {
  const { context, page } = await signedIn(browser, taEmail);
  await page.goto(editUrl());
  await expect(page.getByText("You may look at this question and preview it, but not change it.")).toBeVisible();
  await expect(page.getByText("Only instructors can save questions.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Save/ })).toHaveCount(0);
  await expect(page.getByLabel("Title (English)")).toBeDisabled();
  await expect(page.getByRole("region", { name: "What a student sees" })).toBeVisible();
  await expect(page.getByLabel("Show the expected answer")).toHaveCount(0);
  await expectAccessible(page);
  const response = await page.goto(newUrl());
  expect(response?.status()).toBe(403);
  await context.close();
});

test("students and outsiders cannot reach the editor; another course's bank is not found", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "ada@synack.test");
  expect((await page.goto(editUrl()))?.status()).toBe(403);
  expect((await page.goto(newUrl()))?.status()).toBe(403);
  await context.close();
  const instructor = await signedIn(browser, "instructor@synack.test");
  expect((await instructor.page.goto(`/courses/${courseId}/banks/no-such-bank/questions/${KEY}`))?.status()).toBe(404);
  expect((await instructor.page.goto(editUrl("no-such-question")))?.status()).toBe(404);
  await instructor.context.close();
});

test("the editor reads in Chinese and fits a 360 px phone", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test", { width: 360 });
  // The header's language switch sets this cookie; the instructor has saved no language of their own.
  await context.addCookies([{ name: "synack-locale", value: "zh-CN", url: page.url() }]);
  await page.goto(editUrl());
  await expect(page.getByRole("heading", { level: 1, name: "编辑题目" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "以 JSON 编辑" })).toBeVisible();
  await expect(page.getByTestId("check-status")).toHaveText("模板有效。");
  await expect(page.getByRole("button", { name: "换一个种子" })).toBeVisible();
  await expect(page.getByLabel("场景类别")).toBeVisible();
  await expectAccessible(page);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  await context.close();
});
