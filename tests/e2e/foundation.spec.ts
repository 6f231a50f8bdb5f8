// The foundation end to end: signing in, the role-specific course homes, role checks on every
// route, enrolment by email and by join code, signing out, keyboard use and axe.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DEMO_JOIN_CODE } from "../../lib/demo/seed-data";
import { starterLibrary } from "../../lib/questions";
import { expectAccessible, signIn } from "./helpers";

let courseId = "";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

async function signedIn(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  return { context, page };
}

async function signUp(page: Page, name: string, email: string, password = "correct horse battery") {
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

test.beforeAll(async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  const href = await page.getByRole("link", { name: /Computer Networks/ }).getAttribute("href");
  courseId = href?.split("/").pop() ?? "";
  expect(courseId).not.toBe("");
  await context.close();
});

test("the landing page explains the product and passes axe", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /How does TCP open and close a connection/ })).toBeVisible();
  await expectAccessible(page);
  // At every width the landing's buttons share one row or stand in one column: none is left
  // alone on a row of its own (a third button used to wrap there on a desktop).
  for (const width of [360, 390, 640, 768, 1024, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const boxes = await page
      .getByTestId("landing-actions")
      .getByRole("link")
      .evaluateAll((links) =>
        links.map((l) => l.getBoundingClientRect()).map((r) => ({ top: r.top, left: r.left, width: r.width, height: r.height })),
      );
    expect(boxes.length).toBeGreaterThan(1);
    const oneRow = boxes.every((b) => b.top === boxes[0].top);
    const oneColumn = boxes.every((b) => b.left === boxes[0].left && b.width === boxes[0].width);
    expect(oneRow || oneColumn, `at ${width} px: ${JSON.stringify(boxes)}`).toBe(true);
    // And no label breaks across lines inside its button.
    for (const b of boxes) expect(b.height).toBeLessThan(48);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  }
  await page.getByRole("main").getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/login");
  await expectAccessible(page);
  await page.goto("/signup");
  await expectAccessible(page);
});

test("the demo instructor and a demo student see different course homes", async ({ browser }) => {
  const teacher = await signedIn(browser, "instructor@synack.test");
  await teacher.page.getByRole("link", { name: /Computer Networks/ }).click();
  await expect(teacher.page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();
  await expect(teacher.page.getByText(DEMO_JOIN_CODE)).toBeVisible();
  await expect(teacher.page.getByRole("link", { name: "Roster" })).toBeVisible();
  await expect(teacher.page.getByText("Midterm: TCP connection management")).toBeVisible();
  await expect(teacher.page.getByText(/Exam · 20 min · 1 attempt · feedback after the quiz closes · 4 items/)).toBeVisible();
  // `npm start` loaded the starter library into the demo bank.
  await expect(teacher.page.getByText(`${starterLibrary.length} questions`)).toBeVisible();
  await expectAccessible(teacher.page);
  await teacher.page.screenshot({ path: "test-results/screens/instructor-course-home.png", fullPage: true });
  await teacher.page.getByRole("link", { name: "Roster" }).click();
  await expect(teacher.page.getByRole("cell", { name: "ada@synack.test" })).toBeVisible();
  await expectAccessible(teacher.page);
  await teacher.context.close();

  const student = await signedIn(browser, "ada@synack.test");
  await student.page.getByRole("link", { name: /Computer Networks/ }).click();
  await expect(student.page.getByText("you are student, section A")).toBeVisible();
  await expect(student.page.getByText("Practice: opening and closing connections")).toBeVisible();
  await expect(student.page.getByText("Midterm: TCP connection management")).toBeVisible();
  // The staff tools are not shown to students.
  await expect(student.page.getByRole("link", { name: "Roster" })).toHaveCount(0);
  await expect(student.page.getByText(DEMO_JOIN_CODE)).toHaveCount(0);
  await expectAccessible(student.page);
  await student.page.screenshot({ path: "test-results/screens/student-course-home.png", fullPage: true });
  await student.context.close();
});

test("a student opening an instructor URL gets 403", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "ada@synack.test");
  const response = await page.goto(`/courses/${courseId}/roster`);
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
  await expectAccessible(page);
  await context.close();
});

test("role checks on every route, for every kind of caller", async ({ browser }) => {
  const stranger = `stranger-${unique()}@example.edu`;
  const strangerContext = await browser.newContext();
  await signUp(await strangerContext.newPage(), "Stranger", stranger);

  const callers: Record<string, BrowserContext> = {
    anonymous: await browser.newContext(),
    student: (await signedIn(browser, "ada@synack.test")).context,
    stranger: strangerContext,
    instructor: (await signedIn(browser, "instructor@synack.test")).context,
    admin: (await signedIn(browser, "admin@synack.test")).context,
  };
  const login = "login";
  // route -> expected status per caller ("login": redirected to /login with a return URL)
  const table: [string, Record<string, number | string>][] = [
    ["/", { anonymous: 200, student: 200, stranger: 200, instructor: 200, admin: 200 }],
    ["/join", { anonymous: login, student: 200, stranger: 200, instructor: 200, admin: 200 }],
    ["/account", { anonymous: login, student: 200, stranger: 200, instructor: 200, admin: 200 }],
    ["/courses/new", { anonymous: login, student: 403, stranger: 403, instructor: 200, admin: 200 }],
    ["/admin", { anonymous: login, student: 403, stranger: 403, instructor: 403, admin: 200 }],
    [`/courses/${courseId}`, { anonymous: login, student: 200, stranger: 404, instructor: 200, admin: 200 }],
    [`/courses/${courseId}/roster`, { anonymous: login, student: 403, stranger: 404, instructor: 200, admin: 200 }],
    ["/courses/no-such-course", { anonymous: login, student: 404, stranger: 404, instructor: 404, admin: 404 }],
  ];
  const failures: string[] = [];
  for (const [route, expected] of table) {
    for (const [who, context] of Object.entries(callers)) {
      const response = await context.request.get(route, { maxRedirects: 0 });
      const location = response.headers()["location"] ?? "";
      const got = response.status() === 307 && location.startsWith(`/login?next=${encodeURIComponent(route)}`) ? login : response.status();
      if (got !== expected[who]) failures.push(`${who} ${route}: expected ${expected[who]}, got ${got} ${location}`);
    }
  }
  expect(failures).toEqual([]);
  for (const context of Object.values(callers)) await context.close();
});

test("signing in returns to the page that asked for it; a wrong password gets a clear message", async ({ page }) => {
  await page.goto(`/courses/${courseId}`);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Email").fill("ben@synack.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password do not match an account.");
  await expect(page.getByLabel("Email")).toHaveValue("ben@synack.test");
  await page.getByLabel("Password").fill("synack-demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/courses/${courseId}$`));
  await expect(page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();
});

test("sign-up makes a student with no courses; a duplicate email is refused clearly", async ({ page }) => {
  const email = `new-${unique()}@example.edu`;
  await signUp(page, "Nia New", email, "short");
  await expect(page.getByText("Use at least 8 characters")).toBeVisible();
  await page.getByLabel("Password").fill("long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await expect(page.getByText("You are not in any course yet.")).toBeVisible();
  await expect(page.getByRole("link", { name: "New course" })).toHaveCount(0);
  await expectAccessible(page);
  await page.context().clearCookies();
  await signUp(page, "Someone Else", email);
  await expect(page.getByText("This email already has an account.")).toBeVisible();
});

test("a student joins a course with its join code", async ({ page }) => {
  await signUp(page, "Jo Joiner", `joiner-${unique()}@example.edu`);
  await page.getByRole("link", { name: "Join with a code" }).click();
  await page.getByLabel("Join code").fill("nope-0000");
  await page.getByRole("button", { name: "Join course" }).click();
  await expect(page.locator("form").getByRole("alert")).toContainText("No course has that join code");
  // Said once: the form's message, not again under the field.
  await expect(page.getByText(/No course has/)).toHaveCount(1);
  // The code stays in the field, as the app read it.
  await expect(page.getByLabel("Join code")).toHaveValue("NOPE0000");
  await expectAccessible(page);
  await page.getByLabel("Join code").fill(DEMO_JOIN_CODE.toLowerCase().replace(/(.{3})/, "$1-"));
  await page.getByRole("button", { name: "Join course" }).click();
  await expect(page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();
  await expect(page.getByText("You joined the course.")).toBeVisible();
});

test("an instructor enrols people by email; a new person claims the invite", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  const newcomer = `invitee-${unique()}@example.edu`;
  await page.goto(`/courses/${courseId}/roster`);
  await page.getByLabel("Email addresses").fill(`ben@synack.test\n${newcomer}, not-an-email@\nnot-an-email`);
  await page.getByRole("button", { name: "Enrol" }).click();
  // Every refused line with its reason, an entry without an @ too; nobody is enrolled yet.
  await expect(page.getByText("Line 2: “not-an-email@” is not an email address")).toBeVisible();
  await expect(page.getByText("Line 3: “not-an-email” is not an email address")).toBeVisible();
  await page.getByLabel("Email addresses").fill(`ben@synack.test\n${newcomer}`);
  await page.getByLabel("Section (optional)").fill("B");
  await page.getByRole("button", { name: "Enrol" }).click();
  await expect(page.getByRole("status")).toHaveText(
    // Two people pasted, two counted: the new one invited, Ben already enrolled.
    "1 invited (new accounts: share their invite links below) and 1 already in the course.",
  );
  const link = await page.getByLabel(`Invite link for ${newcomer}`).inputValue();
  await context.close();

  const guest = await browser.newContext();
  const invitee = await guest.newPage();
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByText(newcomer)).toBeVisible();
  await expectAccessible(invitee);
  await invitee.getByLabel("Your name").fill("Ines Invitee");
  await invitee.getByLabel("Choose a password").fill("short");
  await invitee.getByRole("button", { name: "Set password and continue" }).click();
  await expect(invitee.getByRole("alert").first()).toBeVisible();
  // The name typed survives the error: it does not go back to the email's local part.
  await expect(invitee.getByLabel("Your name")).toHaveValue("Ines Invitee");
  await invitee.getByLabel("Choose a password").fill("a fine password");
  await invitee.getByRole("button", { name: "Set password and continue" }).click();
  await expect(invitee.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await invitee.getByRole("link", { name: /Computer Networks/ }).click();
  await expect(invitee.getByText("you are student, section B")).toBeVisible();
  // The link is used up.
  await invitee.goto(new URL(link).pathname);
  await expect(invitee.getByRole("heading", { name: "This invite link cannot be used" })).toBeVisible();
  await guest.close();
});

test("signing out everywhere ends the other devices' sessions", async ({ browser }) => {
  const laptop = await signedIn(browser, "chen@synack.test");
  const phone = await signedIn(browser, "chen@synack.test");
  await laptop.page.goto("/account");
  // At least these two (another spec may have left a session of the same demo account).
  const devices = laptop.page.getByText(/^\d+ devices or browsers$/);
  await expect(devices).toBeVisible();
  expect(Number((await devices.textContent())!.split(" ")[0])).toBeGreaterThanOrEqual(2);
  await expectAccessible(laptop.page);
  await laptop.page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(laptop.page.getByText("You have signed out on every device.")).toBeVisible();
  await phone.page.goto("/account");
  await expect(phone.page).toHaveURL(/\/login\?next=%2Faccount&reason=expired/);
  await expect(phone.page.getByText("Your session has expired. Sign in again to continue.")).toBeVisible();
  await laptop.context.close();
  await phone.context.close();
});

test("the user menu works from the keyboard and signs out", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "ben@synack.test");
  const menu = page.getByRole("button", { name: /account menu/ });
  await menu.focus();
  await page.keyboard.press("Enter");
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expect(page.getByRole("link", { name: "Account and sessions" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(menu).toHaveAttribute("aria-expanded", "false");
  await expect(menu).toBeFocused();
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await context.close();
});

test("an instructor account creates a course and sees its join code", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  await page.getByRole("link", { name: "New course" }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByText("Enter a course code, like NET 101")).toBeVisible();
  await page.getByLabel("Course code").fill("NET 202");
  await page.getByLabel("Title").fill("Advanced Transport Protocols");
  await page.getByRole("button", { name: "Create course" }).click();
  await expect(page.getByRole("heading", { name: "Advanced Transport Protocols" })).toBeVisible();
  await expect(page.getByText("you are instructor")).toBeVisible();
  await expect(page.getByLabel(/^Join code /)).toHaveText(/^[A-Z0-9]{8}$/);
  await context.close();
});

test("the admin page lets an administrator allow an account to create courses", async ({ browser }) => {
  const { context, page } = await signedIn(browser, "admin@synack.test");
  await page.goto("/admin");
  await expectAccessible(page);
  const toggle = page.getByRole("button", { name: "Ben Carter can create courses: no. Change" });
  await toggle.click();
  await expect(page.getByRole("button", { name: "Ben Carter can create courses: yes. Change" })).toBeVisible();
  await context.close();
  const ben = await signedIn(browser, "ben@synack.test");
  await expect(ben.page.getByRole("link", { name: "New course" })).toBeVisible();
  await ben.context.close();
});

test("pages fit a phone screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await signIn(page, "ada@synack.test");
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await page.goto(`/courses/${courseId}`);
  await expect(page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/student-course-home-phone.png", fullPage: true });
  await context.close();
});

test("ten failed sign-ins in a minute lock the account with a clear 'try again in N s'", async ({ browser }) => {
  // A client address of its own, so the per-address limit does not touch the other tests.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "198.51.100.77" } });
  const page = await context.newPage();
  const email = `locked-${unique()}@example.edu`;
  await signUp(page, "Lou Locked", email, "the right password");
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await context.clearCookies();
  await page.goto("/login");
  for (let i = 1; i <= 10; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    // React resets the form when the action's answer arrives: wait for this attempt's answer.
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.locator("form").getByRole("alert")).toHaveText(
      i < 10 ? "That email and password do not match an account." : /^Too many failed sign-ins\. Try again in \d+ s\.$/,
    );
  }
  // Even the right password is refused until the minute is over.
  await page.getByLabel("Password").fill("the right password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText(/^Too many failed sign-ins\. Try again in (\d+) s\.$/);
  await context.close();
  // Another person signing in from another address is not affected.
  const other = await signedIn(browser, "ben@synack.test");
  await other.context.close();
});
