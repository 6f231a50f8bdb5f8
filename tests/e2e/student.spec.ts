// A student's path end to end: practice with feedback and mastery, a quiz that keeps every answer
// across a reload, submit and review, an exam that times out, privacy between students,
// no answer in anything the attempt page loads, axe on every page, and screenshots.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { createQuiz, expectedAnswers, withDb } from "./e2e-db";
import { expectAccessible, signIn } from "./helpers";

const SHOTS = "test-results/screens";

/** What a page of the app sends with a state change (lib/server/route.ts refuses anything else). */
function fromApp(page: Page) {
  return { Origin: new URL(page.url()).origin, "Content-Type": "application/json" };
}

async function student(browser: Browser, email: string) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 1000 } });
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  return { context, page };
}

async function openCourse(page: Page) {
  await page.goto("/");
  await page.getByRole("link", { name: /Computer Networks/ }).click();
  await expect(page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();
}

/** Adds states to one endpoint's sequence with the palette buttons. */
async function addStates(page: Page, question: number, endpoint: "Client" | "Server", states: string[]) {
  const palette = page
    .locator("section")
    .filter({ hasText: `Question ${question} of` })
    .getByRole("group", { name: `Add a state to ${endpoint.toLowerCase()} states` });
  for (const s of states) await palette.getByRole("button", { name: `Add ${s}`, exact: true }).click();
}

async function waitSaved(page: Page, position: number) {
  await expect(page.getByTestId(`save-status-${position}`)).toHaveText(/^Saved at /, { timeout: 10_000 });
}

test("a visitor practises without an account; a student's practice builds a mastery view", async ({ browser, page }) => {
  await page.goto("/practice");
  await expect(page.getByRole("heading", { name: "Practice" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: /The three-way handshake/ }).click();
  // Checking nothing costs nothing and reveals nothing: it says what is missing, and focus goes there.
  await page.getByRole("button", { name: "Check my answer" }).click();
  const blank = page.getByText("Answer at least one part before checking. Stuck? Choose “Show the answer”.").first();
  await expect(blank).toBeVisible();
  await expect(page.locator(":focus")).toContainText("Answer at least one part");
  await expect(page.getByRole("img", { name: /ladder diagram/ })).toHaveCount(0);
  // Seeing the answer is its own, explicit button; the result takes the focus and is announced.
  await page.getByRole("button", { name: "Show the answer" }).click();
  await expect(page.getByText("You are not signed in, so this result is not saved.")).toBeVisible();
  await expect(page.locator(":focus")).toHaveAttribute("aria-label", "Your result");
  await expect(page.locator("[aria-live=polite]").first()).toContainText("Answer shown.");

  const { context, page: ada } = await student(browser, "ben@synack.test");
  for (const topic of ["handshake", "simultaneous-close"]) {
    await ada.goto(`/practice/${topic}`);
    await expect(ada.getByRole("button", { name: "Check my answer" })).toBeVisible();
    await expectAccessible(ada);
    const addClosed = ada.getByRole("button", { name: "Add CLOSED", exact: true });
    if (await addClosed.count()) {
      await addClosed.first().click();
      await ada.getByRole("button", { name: "Check my answer" }).click();
      // The visible verdict alone: the live region repeats it with the score.
      await expect(ada.getByText(/^(Correct\.|Partly right: [\d.]+ of [\d.]+ points\.|Not right\.)$/)).toBeVisible();
      await expect(ada.getByText("Saved to your progress.")).toBeVisible();
    } else {
      await ada.getByRole("button", { name: "Show the answer" }).click();
      await expect(ada.getByText("Recorded in your progress as shown, not as an answer.")).toBeVisible();
    }
    await expect(ada.getByRole("img", { name: /ladder diagram/ })).toBeVisible();
    await expectAccessible(ada);
    if (topic === "simultaneous-close") await ada.screenshot({ path: `${SHOTS}/practice-feedback.png`, fullPage: true });
    // The step-through replays the trace event by event.
    await ada.getByRole("button", { name: "First" }).click();
    await expect(ada.getByTestId("timeline-step")).toHaveText(/^Step 1 of \d+: t = 0 ms/);
    await ada.getByRole("button", { name: "Show as a table" }).click();
    await expect(ada.getByRole("table", { name: /event by event/ })).toBeVisible();
  }
  await ada.goto("/");
  const progress = ada.getByRole("region", { name: "Your practice" });
  await expect(progress.getByRole("link", { name: "The three-way handshake" })).toBeVisible();
  await expect(progress.getByRole("link", { name: "Simultaneous close" })).toBeVisible();
  await expectAccessible(ada);
  await context.close();
});

test("the practice quiz: answers are kept across a reload, submit asks first, and the review aligns answers", async ({ browser }) => {
  test.setTimeout(120_000); // five questions answered, two reloads, axe four times, and the review paged through
  const { context, page } = await student(browser, "ada@synack.test");
  await openCourse(page);
  await page.locator("li").filter({ hasText: "Practice: opening and closing connections" }).getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  const attemptId = page.url().split("/").pop()!;
  const expected = expectedAnswers(attemptId) as { states?: Record<string, string[]>; choice?: string; ms?: number }[];
  await expectAccessible(page);

  // The navigator: every question not answered yet; one endpoint's states make question 1 partly answered.
  const navigator = page.getByRole("navigation", { name: "Questions" });
  await expect(navigator.getByRole("link", { name: "Question 1: not answered" })).toBeVisible();
  // Question 1 (states of both endpoints): right.
  await addStates(page, 1, "Client", expected[0].states!.client);
  await expect(navigator.getByRole("link", { name: "Question 1: partly answered" })).toBeVisible();
  await addStates(page, 1, "Server", expected[0].states!.server);
  await waitSaved(page, 1);
  await expect(navigator.getByRole("link", { name: "Question 1: answered" })).toBeVisible();
  // Question 4 (multiple choice): right. Question 5 (a time): wrong.
  await page
    .locator("section")
    .filter({ hasText: "Question 4 of" })
    .getByRole("radio")
    .nth(["client", "server", "both", "neither"].indexOf(expected[3].choice!))
    .check();
  await waitSaved(page, 4);
  await page.getByLabel("Time", { exact: true }).fill(String((expected[4].ms ?? 0) + 1234));
  await waitSaved(page, 5);

  // A save the server refuses is announced (an alert) and takes the focus: typing on would be in
  // vain. A save that never reached the server is announced and retried, and the focus stays in
  // the field, so no keystroke goes astray; the answer is saved once the connection is back.
  const time = page.getByLabel("Time", { exact: true });
  const status5 = page.getByTestId("save-status-5");
  const saves5 = "**/api/attempts/*/responses/5";
  await page.route(saves5, (route) =>
    route.fulfill({
      status: 422,
      contentType: "application/json",
      body: JSON.stringify({ error: "unprocessable", message: "Refused by the test." }),
    }),
  );
  await time.fill("77");
  await expect(status5).toHaveRole("alert");
  await expect(status5).toHaveText("Refused by the test.");
  await expect(status5).toBeFocused();
  await page.unroute(saves5);
  await page.route(saves5, (route) => route.abort("internetdisconnected"));
  await time.fill(String((expected[4].ms ?? 0) + 1234));
  await expect(status5).toHaveText(/^Not saved yet: no connection\. Retrying in 1 s\.$/);
  await expect(status5).toHaveRole("alert");
  await expect(time).toBeFocused();
  await page.unroute(saves5);
  await waitSaved(page, 5);
  // A server that cannot take a save just now (503, as while its database restarts or under a
  // class's rush) is not a refusal: the page says so, keeps the answer and sends it again by itself.
  let busySaves = 0;
  await page.route(saves5, (route) => {
    if (busySaves++ > 0) return route.continue();
    return route.fulfill({
      status: 503,
      contentType: "application/json",
      headers: { "retry-after": "1" },
      body: JSON.stringify({ error: "unavailable", message: "The database is unreachable." }),
    });
  });
  // A change and back, within the debounce: one save, of the same answer.
  await time.fill("1");
  await time.fill(String((expected[4].ms ?? 0) + 1234));
  await expect(status5).toHaveText(/^Not saved yet: the server is busy\. Retrying in 1 s\.$/);
  await expect(time).toBeFocused();
  await waitSaved(page, 5);
  expect(busySaves).toBe(2);
  await page.unroute(saves5);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SHOTS}/attempt.png`, fullPage: false });

  // A reload (or a second device) finds every saved answer.
  await page.reload();
  const clientList = page.getByRole("list", { name: "Client states, in order" });
  await expect(clientList.getByRole("listitem")).toHaveCount(expected[0].states!.client.length);
  for (const [i, state] of expected[0].states!.client.entries())
    await expect(clientList.getByRole("listitem").nth(i)).toContainText(`${i + 1}. ${state}`);
  await expect(page.getByLabel("Time", { exact: true })).toHaveValue(String((expected[4].ms ?? 0) + 1234));
  await expect(page.getByTestId("save-status-1")).toHaveText(/^Saved at /);

  // A flag for review is the student's own note, kept across a reload, and shown in the navigator.
  const flag5 = page.getByRole("region", { name: /^Question 5 of/ }).getByRole("button", { name: "Flag for review" });
  await flag5.click();
  await expect(page.getByRole("region", { name: /^Question 5 of/ }).getByRole("button", { name: "Flagged for review" })).toHaveAttribute(
    "aria-pressed",
    "true",
  );
  await page.reload();
  await expect(navigator.getByRole("link", { name: "Question 5: answered, flagged for review" })).toBeVisible();
  await expectAccessible(page);

  // Submit asks for confirmation and lists what is left, each a link to its question; keeping working closes the dialog.
  await page.getByRole("button", { name: "Submit attempt" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit this attempt?" });
  await expect(dialog).toBeVisible();
  const summary = dialog.getByTestId("submit-summary");
  await expect(summary.getByRole("link", { name: "Question 2: not answered" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Question 3: not answered" })).toBeVisible();
  await expect(summary.getByRole("link", { name: "Question 5: flagged for review" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /^Question (1|4):/ })).toHaveCount(0);
  await summary.getByRole("link", { name: "Question 2: not answered" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page).toHaveURL(/#question-2$/);
  await expect(page.getByRole("region", { name: /^Question 2 of/ })).toBeInViewport();
  await page.getByRole("button", { name: "Submit attempt" }).click();
  await expect(dialog).toBeVisible();
  await page.getByRole("button", { name: "Keep working" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  // The submit meets a server that cannot take it yet, twice: the page says it will try again
  // and does, by itself, until the submission is in.
  const submits = "**/api/attempts/*/submit";
  let busySubmits = 0;
  await page.route(submits, (route) => {
    if (busySubmits++ >= 2) return route.continue();
    return route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ message: "Busy." }) });
  });
  await page.getByRole("button", { name: "Submit attempt" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("submit-retry")).toHaveText(
    /^The server could not take the submission yet\. Trying again in \d s; your answers are saved\.$/,
  );

  const score = page.getByTestId("attempt-score");
  // After 1 s and 2 s (and up to a quarter more each) of waiting.
  await expect(score).toHaveText(/^Score: [\d.]+ \/ 11$/, { timeout: 15_000 });
  const points = Number((await score.innerText()).match(/Score: ([\d.]+)/)![1]);
  expect(points).toBeGreaterThanOrEqual(3); // question 1 (2 points) and question 4 (1 point)
  expect(points).toBeLessThan(11);
  expect(busySubmits).toBe(3);
  await page.unroute(submits);
  const q1 = page.getByRole("region", { name: "Question 1 review" });
  await expect(q1.getByText("Correct.")).toBeVisible();
  // The review shows one question at a time; the question list leads to the others.
  await page
    .getByRole("navigation", { name: "Questions" })
    .getByRole("link", { name: /^Question 5: / })
    .click();
  const q5 = page.getByRole("region", { name: "Question 5 review" });
  await expect(q5.getByText(/^You said \d+ ms\. The client stays in TIME_WAIT for \d+ ms/)).toBeVisible();
  await expect(q5.getByRole("table", { name: "Time" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`${new URL(page.url()).pathname}?q=all`);
  await expect(page.getByRole("region", { name: /^Question \d review$/ })).toHaveCount(5);
  await page.screenshot({ path: `${SHOTS}/review-full.png`, fullPage: true });
  await q1.screenshot({ path: `${SHOTS}/review.png` });

  // Submitting again changes nothing (idempotent), and the course page lists the score.
  const again = await page.request.post(`/api/attempts/${attemptId}/submit`, { headers: fromApp(page) });
  expect(again.status()).toBe(200);
  await openCourse(page);
  await expect(page.getByRole("link", { name: new RegExp(`Attempt 1: ${points} / 11`) })).toBeVisible();
  await context.close();
});

test("an exam that runs out of time is submitted automatically with what was saved", async ({ browser }) => {
  const quizId = createQuiz("Timed check", "handshake-states", { timeLimitSec: 12, feedbackRelease: "AFTER_CLOSE", attemptsAllowed: 1 });
  const { context, page } = await student(browser, "chen@synack.test");
  await openCourse(page);
  const listed = page.getByTestId(`quiz-${quizId}`);
  await expect(listed).toBeVisible();
  // An exam starts on its own page, after its rules: nothing on the course page starts the clock.
  await expect(listed.getByRole("button", { name: "Start" })).toHaveCount(0);
  await listed.getByRole("link", { name: "Start Timed check: read the rules first" }).click();
  await expect(page.getByRole("heading", { name: "Timed check" })).toBeVisible();
  const rules = page.getByTestId("quiz-rules");
  await expect(rules).toContainText("You have 12 s from the moment you press Start.");
  await expect(rules).toContainText("The timer keeps running if you close the tab");
  await expect(rules).toContainText("When the time is up, your attempt is submitted with the answers saved by then.");
  await expect(rules).toContainText("1 attempt left of 1; starting uses one.");
  await expect(rules).toContainText("Feedback is released when the quiz closes.");
  await expectAccessible(page);
  withDb((db) => expect((db.prepare(`SELECT COUNT(*) AS n FROM Attempt WHERE quizId = ?`).get(quizId) as { n: number }).n).toBe(0));
  await page.getByRole("button", { name: "Start the timer now" }).click();
  await expect(page.getByRole("timer")).toBeVisible();
  await addStates(page, 1, "Client", ["CLOSED", "SYN_SENT"]);
  await waitSaved(page, 1);
  // No submit: the countdown reaches zero and the attempt is submitted.
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Feedback is released when the quiz closes/)).toBeVisible();
  // Saving now is refused with a clear message, and the answers are unchanged.
  const attemptId = page.url().split("/").pop()!;
  const late = await page.request.put(`/api/attempts/${attemptId}/responses/1`, {
    data: { answer: { states: { client: ["LISTEN"] } } },
    headers: fromApp(page),
  });
  expect(late.status()).toBe(409);
  expect((await late.json()).message).toMatch(/submitted/);
  await openCourse(page);
  await expect(page.locator("li").filter({ hasText: "Timed check" }).getByRole("link", { name: "Attempt 1: submitted" })).toBeVisible();
  await expect(page.locator("li").filter({ hasText: "Timed check" }).getByRole("button", { name: /Start/ })).toHaveCount(0);
  await expect(
    page
      .locator("li")
      .filter({ hasText: "Timed check" })
      .getByRole("link", { name: /^Start/ }),
  ).toHaveCount(0);
  await context.close();
});

test("a second student cannot open or change the first student's attempt; bad saves get a reason", async ({ browser }) => {
  const first = await student(browser, "ben@synack.test");
  await openCourse(first.page);
  const practice = first.page.locator("li").filter({ hasText: "Practice: opening and closing connections" });
  await practice.getByRole("button", { name: /Start|Resume/ }).click();
  await expect(first.page).toHaveURL(/\/attempts\//);
  const url = new URL(first.page.url()).pathname;
  const attemptId = url.split("/").pop()!;
  const malformed = await first.page.request.put(`/api/attempts/${attemptId}/responses/1`, {
    data: { answer: { states: { client: "CLOSED" } } },
    headers: fromApp(first.page),
  });
  expect(malformed.status()).toBe(422);
  expect((await malformed.json()).message).toMatch(/^The answer was not saved: states\.client/);
  const notJson = await first.page.request.put(`/api/attempts/${attemptId}/responses/1`, {
    data: Buffer.from("{oops"),
    headers: fromApp(first.page),
  });
  expect(notJson.status()).toBe(400);

  const second = await student(browser, "chen@synack.test");
  const response = await second.page.goto(url);
  expect(response?.status()).toBe(404);
  const save = await second.page.request.put(`/api/attempts/${attemptId}/responses/1`, {
    data: { answer: { states: { client: ["CLOSED"] } } },
    headers: fromApp(second.page),
  });
  expect(save.status()).toBe(404);
  const submit = await second.page.request.post(`/api/attempts/${attemptId}/submit`, { headers: fromApp(second.page) });
  expect(submit.status()).toBe(404);
  const anonymous = await (await browser.newContext()).request.post(`/api/attempts/${attemptId}/submit`, { headers: fromApp(first.page) });
  expect(anonymous.status()).toBe(401);
  await first.context.close();
  await second.context.close();
});

test("no expected answer in the attempt page's HTML, its RSC payload, its JavaScript or any API response", async ({ browser }) => {
  const { context, page } = await student(browser, "ada@synack.test");
  const quizId = createQuiz("Leak check", "handshake-segments", { feedbackRelease: "AFTER_CLOSE" });
  const bodies: { url: string; body: string }[] = [];
  page.on("response", async (r) => {
    try {
      bodies.push({ url: r.url(), body: await r.text() });
    } catch {
      // redirects and aborted requests have no body
    }
  });
  const start = await page.request.post(`/api/quizzes/${quizId}/attempts`, { headers: fromApp(page) });
  expect(start.status()).toBe(201);
  const { attemptId } = await start.json();
  await openCourse(page);
  const coursePath = new URL(page.url()).pathname;
  await page.goto(`${coursePath}/attempts/${attemptId}`);
  await expect(page.getByRole("button", { name: "Submit attempt" })).toBeVisible();
  // The React Server Components payload of the same page, fetched as a client navigation would.
  const rsc = await page.request.get(`${coursePath}/attempts/${attemptId}`, { headers: { RSC: "1" } });
  bodies.push({ url: "rsc", body: await rsc.text() });
  const save = await page.request.put(`/api/attempts/${attemptId}/responses/1`, {
    data: { answer: { segments: [] } },
    headers: fromApp(page),
  });
  bodies.push({ url: "save", body: await save.text() });
  const submit = await page.request.post(`/api/attempts/${attemptId}/submit`, { headers: fromApp(page) });
  bodies.push({ url: "submit", body: await submit.text() });
  await page.reload();
  await expect(page.getByText("Submitted", { exact: true })).toBeVisible();

  const expected = expectedAnswers(attemptId)[0] as { segments: { flags: string; seq: number; ack: number }[] };
  // The ISNs are part of the question (the setup states them); every other number is hidden.
  const isns = new Set(expected.segments.filter((s) => s.flags.includes("SYN")).map((s) => s.seq));
  const hidden = [...new Set(expected.segments.flatMap((s) => [s.seq, s.ack]))].filter((n) => n > 0 && !isns.has(n));
  expect(hidden.length).toBe(2); // the client's ISN + 1 and the server's ISN + 1
  expect(bodies.length).toBeGreaterThan(5);
  for (const { url, body } of bodies) {
    for (const n of hidden) expect(body.includes(String(n)), `${url} contains ${n}`).toBe(false);
  }
  await context.close();
});

test("on a 360 px phone the ladder diagram shows both endpoints, and at actual size pans in its own box", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  try {
    await page.goto("/practice");
    await page.getByRole("link", { name: /The three-way handshake/ }).click();
    await page.getByRole("button", { name: "Show the answer" }).click();
    const ladder = page.getByTestId("ladder").first();
    await expect(ladder).toBeVisible();
    const pageOverflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    // Scaled to fit: the whole drawing, both lifelines' names included, is inside the screen.
    const box = (await ladder.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    for (const name of ["client", "server"]) {
      const label = (await ladder.locator("text", { hasText: new RegExp(`^${name}$`) }).boundingBox())!;
      expect(label.x).toBeGreaterThanOrEqual(0);
      expect(label.x + label.width).toBeLessThanOrEqual(360);
    }
    expect(await pageOverflow()).toBe(0);
    // Full size on request: the drawing pans inside its own box, which says so; the page still fits.
    const actual = page.getByRole("button", { name: "Actual size" }).first();
    await actual.click();
    await expect(actual).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByText("Scroll the diagram sideways to see both endpoints.").first()).toBeVisible();
    const drawn = Number((await ladder.getAttribute("viewBox"))!.split(" ")[2]);
    expect((await ladder.boundingBox())!.width).toBe(drawn);
    const region = ladder.locator("xpath=..");
    expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await pageOverflow()).toBe(0);
    await expectAccessible(page);
  } finally {
    await context.close();
  }
});

test("on a 360 px phone a segment question's seq and ack fields are on the screen, not in a sideways scroll", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  try {
    // The topic's variants ask either the segments or the outcome: a few visits find a segment question.
    const add = page.getByRole("button", { name: "Add a segment" });
    for (let visit = 0; visit < 20 && !(await add.isVisible()); visit++) await page.goto("/practice/connection-refused");
    await expect(add).toBeVisible();
    const seq = page.getByLabel("Segment 1 seq", { exact: true });
    if (!(await seq.isVisible())) await add.click();
    await expect(seq).toBeVisible();
    for (const field of [seq, page.getByLabel("Segment 1 ack", { exact: true }), page.getByLabel("Segment 1 sender", { exact: true })]) {
      const box = (await field.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    // Nothing on the page scrolls sideways, neither the page nor a box inside it.
    const sideways = await page.evaluate(
      () =>
        [document.documentElement, ...document.querySelectorAll("main *")].filter(
          // (Screen-reader-only text is clipped to a pixel on purpose.)
          (el) => el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== "visible",
        ).length,
    );
    expect(sideways).toBe(0);
    await seq.fill("12345");
    await expect(seq).toHaveValue("12345");
    await expectAccessible(page);
  } finally {
    await context.close();
  }
});
