// The scenario sandbox (/sandbox): signed-in users only; a student builds a scenario without
// JSON, runs it and reads the ladder, the trace with its rules and both state sequences; bad
// input is named beside its field and in the JSON tab with its path; a copied link restores
// the scenario; an instructor takes it to a bank's question editor; the simulate API answers
// the same run and 422 with paths. Every page passes axe and fits a 360 px phone.
import { expect, test, type Page } from "@playwright/test";
import { decodeShared } from "../../lib/authoring/share";
import { withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

// Each test edits and runs several times on a machine other runs share.
test.describe.configure({ timeout: 240_000 });

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1200, height: 900 };

async function openSandbox(page: Page, email: string) {
  await signIn(page, email, undefined, "/sandbox");
  await page.waitForURL((url) => url.pathname === "/sandbox", { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name: "Scenario sandbox" })).toBeVisible();
}

/** The states the page shows for one endpoint, after a run. */
const states = (page: Page, endpoint: "client" | "server") => page.getByTestId(`sb-states-${endpoint}`);

/** Clicks `button` (Run, Load the example) and waits until the run it started has answered. */
async function runWith(page: Page, button: string, run = "Run") {
  await page.getByRole("button", { name: button, exact: true }).click();
  await expect(page.getByRole("button", { name: run, exact: true })).toBeEnabled();
}

async function loadExample(page: Page, name: string) {
  await page.getByLabel("Start from an example").selectOption({ label: name });
  await runWith(page, "Load the example");
}

async function fitsOnPhone(page: Page) {
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  await page.setViewportSize(DESKTOP);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("someone signed out is sent to sign in, and comes back to the sandbox", async ({ page }) => {
  await page.goto("/sandbox");
  await expect(page).toHaveURL(/\/login\?next=%2Fsandbox/);
  const response = await page.request.post("/api/v1/sandbox/simulate", { data: { scenario: { actions: [] } } });
  expect(response.status()).toBe(401);
});

test("a student builds a scenario without JSON, runs it and reads the ladder, the trace with its rules and the states", async ({
  page,
}) => {
  await page.setViewportSize(DESKTOP);
  await signIn(page, "ada@synack.test");
  await page.waitForURL((url) => url.pathname === "/", { timeout: 15_000 });
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Sandbox" }).click();
  await expect(page).toHaveURL(/\/sandbox$/);

  // The first example runs at once: a handshake with ISNs and a latency the seed picks.
  await expect(states(page, "client")).toHaveText("CLOSED → SYN_SENT → ESTABLISHED");
  await expect(page.getByLabel("Seed")).toBeVisible();
  // No quiz content and no question authoring for a student.
  await expect(page.getByRole("heading", { name: "Make a question from this" })).toHaveCount(0);
  expect(await page.locator('main a[href*="/quizzes"], main a[href*="/banks"]').count()).toBe(0);

  await loadExample(page, "The last ACK is lost");
  await expect(page.getByLabel("Seed")).toHaveCount(0);
  await expect(states(page, "client")).toHaveText("CLOSED → SYN_SENT → ESTABLISHED → FIN_WAIT_1 → FIN_WAIT_2 → TIME_WAIT → CLOSED");
  await expect(states(page, "server")).toHaveText("CLOSED → LISTEN → SYN_RECEIVED → ESTABLISHED → CLOSE_WAIT → LAST_ACK → CLOSED");
  // The trace names each state change's rule with its RFC section.
  const trace = page.getByRole("region", { name: "Trace" });
  await expect(trace.getByRole("row").filter({ hasText: "the server goes from LAST_ACK to CLOSED" })).toContainText("RFC 9293");
  await expect(page.getByRole("figure", { name: "Ladder diagram" })).toBeVisible();
  await page.screenshot({ path: "test-results/screens/sandbox.png", fullPage: true });
  await expectAccessible(page);

  // Remove the fault, make the server close at the same time as the client: a simultaneous close.
  const fault = page.getByRole("group", { name: "Fault 1" });
  await fault.getByRole("button", { name: "Remove Fault 1" }).click();
  await expect(page.getByText("No faults: every segment arrives after the latency.")).toBeVisible();
  const call4 = page.getByRole("group", { name: "Call 4" });
  await call4.getByRole("group", { name: "At (ms)" }).getByLabel("ms").fill("1000");
  await runWith(page, "Run");
  await expect(states(page, "client")).toHaveText("CLOSED → SYN_SENT → ESTABLISHED → FIN_WAIT_1 → CLOSING → TIME_WAIT → CLOSED");

  // Add a call and move it up the time line: a send before the close.
  await page.getByRole("button", { name: "Add a call" }).click();
  const call5 = page.getByRole("group", { name: "Call 5" });
  await call5.getByLabel("Call", { exact: true }).selectOption("send");
  await call5.getByLabel("Bytes to send").fill("300");
  await call5.getByRole("group", { name: "At (ms)" }).getByLabel("ms").fill("500");
  await call5.getByRole("button", { name: "Move Call 5 up" }).click();
  await expect(page.getByRole("group", { name: "Call 4" }).getByLabel("Bytes to send")).toHaveValue("300");

  // A fault with a range: the seed box appears; delaying the client's FIN (FIN+ACK).
  await page.getByRole("button", { name: "Add a fault" }).click();
  const newFault = page.getByRole("group", { name: "Fault 1" });
  await newFault.getByLabel("FIN").check();
  await newFault.getByLabel("ACK").check();
  await newFault.getByLabel("SYN").uncheck();
  await newFault.getByLabel("What happens").selectOption("delay");
  const delay = newFault.getByRole("group", { name: "Delayed by (ms)" });
  await delay.getByLabel("Value").selectOption("range");
  await delay.getByLabel("from (ms)").fill("10");
  await delay.getByLabel("to (ms)").fill("40");
  await expect(page.getByLabel("Seed")).toBeVisible();
  await page.getByLabel("Seed").fill("7");
  await runWith(page, "Run");
  await expect(trace.getByRole("row").filter({ hasText: "delayed" }).first()).toBeVisible();
  await expectAccessible(page);
  await fitsOnPhone(page);

  // On a phone the header keeps its room: the Sandbox link is in the account menu.
  await page.setViewportSize(PHONE);
  await page.getByRole("button", { name: /account menu/ }).click();
  await page.locator("header").getByRole("link", { name: "Sandbox" }).click();
  await expect(page).toHaveURL(/\/sandbox$/);
});

test("bad input is named beside its field and, in the JSON tab, with its path", async ({ page }) => {
  await openSandbox(page, "ben@synack.test");
  await loadExample(page, "Simultaneous close");
  await expect(states(page, "client")).toContainText("CLOSING");

  const call2 = page.getByRole("group", { name: "Call 2" });
  const at = call2.getByRole("group", { name: "At (ms)" }).getByLabel("ms");
  await at.fill("1o");
  await runWith(page, "Run");
  await expect(
    call2.getByText(
      'Give a whole number of milliseconds, or a range the seed picks from: an object whose "between" holds the lowest and the highest, such as [100, 200].',
    ),
  ).toBeVisible();
  await expect(at).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("sb-issues")).toHaveText(
    'actions[1].at: Give a whole number of milliseconds, or a range the seed picks from: an object whose "between" holds the lowest and the highest, such as [100, 200].',
  );
  await expect(states(page, "client")).toHaveCount(0);
  await expectAccessible(page);

  // The JSON tab, reached by keyboard: the same template, editable as text.
  await page.getByRole("tab", { name: "Builder" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "JSON" })).toHaveAttribute("aria-selected", "true");
  const json = page.getByLabel("Scenario as JSON");
  await expect(json).toHaveValue(/"at": "1o"/);
  await json.fill('{ "actions": [ { "at": 0, "endpoint": "server", "call": "listen" ');
  await expect(page.getByText("This is not JSON yet: check the commas, quotes and brackets.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeDisabled();
  await json.fill(
    JSON.stringify({
      timing: { latencyMs: { between: [90, 30] } },
      actions: [{ at: 0, endpoint: "server", call: "lissen" }],
      network: [{ match: { from: "client", flags: "SYN+SYN" }, effect: "drop" }],
    }),
  );
  await runWith(page, "Run");
  await expect(page.getByTestId("sb-issues").getByRole("listitem")).toHaveText([
    "timing.latencyMs.between: A range runs from the lowest to the highest: 90 is more than 30.",
    "actions[0].call: Expected one of: listen, connect, accept, send, read, shutdown, close, abort, crash.",
    "network[0].match.flags: Not a flag set: choose one or more of SYN, FIN, RST, PSH, ACK, each once.",
  ]);
  await expectAccessible(page);
  // Back in the builder, the problem sits beside its field too.
  await page.getByRole("tab", { name: "Builder" }).click();
  await expect(page.getByRole("group", { name: "Call 1" }).getByText("Expected one of: listen,")).toBeVisible();
});

test("a copied link opens the same scenario with the same seed", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await openSandbox(page, "chen@synack.test");
  await page.getByLabel("Seed").fill("12345");
  await runWith(page, "Run");
  await expect(states(page, "client")).toHaveText("CLOSED → SYN_SENT → ESTABLISHED");
  const synAck = await page.getByRole("region", { name: "Trace" }).getByRole("row").filter({ hasText: "SYN+ACK" }).first().textContent();

  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByText(/The link is copied|Copy the link below/)).toBeVisible();
  const link = await page.getByLabel("Link to this scenario").inputValue();
  const url = new URL(link);
  expect(url.pathname).toBe("/sandbox");
  expect(url.searchParams.get("seed")).toBe("12345");
  expect(decodeShared(url.searchParams.get("s"))).toMatchObject({ endpoints: { client: { isn: "random" } } });

  await page.goto("/");
  await page.goto(link);
  await expect(page.getByLabel("Seed")).toHaveValue("12345");
  await expect(page.getByRole("region", { name: "Trace" }).getByRole("row").filter({ hasText: "SYN+ACK" }).first()).toHaveText(synAck!);

  await page.goto("/sandbox?s=not-a-scenario!");
  await expect(page.getByRole("alert").filter({ hasText: "The shared link could not be read" })).toBeVisible();
});

test("an instructor makes a question from a scenario: the bank's editor with the scenario as its draft", async ({ page }) => {
  await openSandbox(page, "instructor@synack.test");
  await loadExample(page, "The last ACK is lost");
  const section = page.getByRole("region", { name: "Make a question from this" });
  await expect(section).toBeVisible();
  await section.getByLabel("Ask the students for").selectOption("final-state");
  await section.getByLabel("Title").fill("The lost last ACK");
  const href = await section.getByRole("link", { name: "Open in the question editor" }).getAttribute("href");
  const url = new URL(href!, "http://localhost");
  expect(url.pathname).toMatch(/^\/courses\/[^/]+\/banks\/[^/]+\/questions\/new$/);
  expect(decodeShared(url.searchParams.get("draft"))).toMatchObject({
    family: "custom",
    params: {},
    ask: { kind: "final-state", endpoints: ["client", "server"] },
    title: "The lost last ACK",
    scenario: { network: [{ match: { from: "client", flags: "ACK", occurrence: 2 }, effect: "drop" }] },
  });
  await expectAccessible(page);
});

test("the simulate API answers the run, and 422 with each problem at its path", async ({ page, baseURL }) => {
  await openSandbox(page, "ada@synack.test");
  const headers = { origin: baseURL!, "content-type": "application/json" };
  const ok = await page.request.post("/api/v1/sandbox/simulate", {
    headers,
    data: { scenario: { timing: { latencyMs: { between: [10, 20] } }, actions: [{ at: 0, endpoint: "server", call: "listen" }] }, seed: 3 },
  });
  expect(ok.status()).toBe(200);
  const run = await ok.json();
  expect(run.states).toEqual({ client: ["CLOSED"], server: ["CLOSED", "LISTEN"] });
  expect(run.scenario.timing.latencyMs).toBeGreaterThanOrEqual(10);
  expect(run.scenario.timing.latencyMs).toBeLessThanOrEqual(20);
  expect(run.scenario.endpoints.server.isn).toBe(5000);
  expect(run.trace.final).toEqual({ client: "CLOSED", server: "LISTEN" });

  const bad = await page.request.post("/api/v1/sandbox/simulate", {
    headers,
    data: { scenario: { actions: [{ at: -1, endpoint: "client", call: "connect" }] } },
  });
  expect(bad.status()).toBe(422);
  const body = await bad.json();
  expect(body.error).toBe("UNPROCESSABLE");
  expect(body.issues).toEqual([{ path: ["scenario", "actions", 0, "at"], message: "At least 0." }]);
});

test("the sandbox reads in Chinese, problems included", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "synack-locale", value: "zh-CN", url: baseURL! }]);
  await page.goto("/login?next=%2Fsandbox");
  await page.locator('input[name="email"]').fill("ben@synack.test");
  await page.locator('input[name="password"]').fill("synack-demo");
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL((url) => url.pathname === "/sandbox", { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1, name: "场景沙盒" })).toBeVisible();
  await expect(page.getByRole("navigation").getByRole("link", { name: "沙盒" })).toBeVisible();
  await expect(states(page, "client")).toHaveText("CLOSED → SYN_SENT → ESTABLISHED");
  const call1 = page.getByRole("group", { name: "调用 1" });
  await call1.getByRole("group", { name: "时刻（ms）" }).getByLabel("ms").fill("x");
  await runWith(page, "运行", "运行");
  await expect(
    call1.getByText("应为整数毫秒数，或由种子从中选取的范围：一个对象，其中依次给出最小值和最大值，例如 [100, 200]。"),
  ).toBeVisible();
  await expectAccessible(page);
  await fitsOnPhone(page);
});

test("a teaching assistant may view banks but not edit them: no question is made from the sandbox", async ({ page }) => {
  // No demo TA: one student of the demo course becomes one for this test, and a student again
  // after it — every spec shares the database, and later ones take Chen for a student.
  const setRole = (role: "TA" | "STUDENT") =>
    withDb((db) =>
      db.prepare(`UPDATE Enrollment SET role = ? WHERE userId = (SELECT id FROM User WHERE email = ?)`).run(role, "chen@synack.test"),
    );
  setRole("TA");
  try {
    await openSandbox(page, "chen@synack.test");
    await expect(states(page, "client")).toHaveText("CLOSED → SYN_SENT → ESTABLISHED");
    await expect(page.getByRole("region", { name: "Make a question from this" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Open in the question editor" })).toHaveCount(0);
  } finally {
    setRole("STUDENT");
  }
});
