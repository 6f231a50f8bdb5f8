// Accounts end to end: sign-in tells nobody which emails have accounts, invite links are the
// instructor's alone (a TA neither sees nor claims them), and an account that signed up with an
// address before the instructor enrolled it as staff gets the role only by opening the
// confirmation link signed in as that very account.
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expectAccessible, signIn } from "./helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let courseId = "";

async function signedIn(browser: Browser, email: string, password?: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  return { context, page };
}

async function signUp(browser: Browser, name: string, email: string, password: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/signup");
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  return { context, page };
}

async function enrol(page: Page, emails: string, role: "Student" | "Teaching assistant") {
  await page.goto(`/courses/${courseId}/roster`);
  await page.getByLabel("Email addresses").fill(emails);
  await page.getByLabel("Role").selectOption({ label: role });
  await page.getByRole("button", { name: "Enrol" }).click();
}

async function claim(browser: Browser, link: string, password: string): Promise<void> {
  const guest = await browser.newContext();
  const page = await guest.newPage();
  await page.goto(new URL(link).pathname);
  await page.getByLabel("Your name").fill("Tara Assistant");
  await page.getByLabel("Choose a password").fill(password);
  await page.getByRole("button", { name: "Set password and continue" }).click();
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await guest.close();
}

test.beforeAll(async ({ browser }) => {
  const { context, page } = await signedIn(browser, "instructor@synack.test");
  courseId = (await page.getByRole("link", { name: /Computer Networks/ }).getAttribute("href"))?.split("/").pop() ?? "";
  await context.close();
});

test("sign-in answers alike for an unknown email, an invited account with no password yet, and a wrong password", async ({ browser }) => {
  const instructor = await signedIn(browser, "instructor@synack.test");
  const invited = `never-claimed-${unique()}@example.edu`;
  await enrol(instructor.page, invited, "Student");
  await expect(instructor.page.getByRole("status")).toContainText("1 invited");
  await instructor.context.close();

  const known = `known-${unique()}@example.edu`;
  await (await signUp(browser, "Known Person", known, "the real password")).context.close();
  const context = await browser.newContext();
  const page = await context.newPage();
  for (const [email, password] of [
    [`nobody-${unique()}@example.edu`, "some password"],
    [invited, "some password"],
    [known, "not the password"],
  ]) {
    await signIn(page, email, password);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.locator("form").getByRole("alert")).toHaveText("That email and password do not match an account.");
  }
  await expect(page.getByText("Invited by your instructor? Open the invite link they sent you to choose your password.")).toBeVisible();
  await context.close();
});

test("invite links are for instructors: a TA sees none on the roster and cannot claim one while signed in", async ({ browser }) => {
  const instructor = await signedIn(browser, "instructor@synack.test");
  const ta = `tara-${unique()}@example.edu`;
  const student = `pending-${unique()}@example.edu`;
  await enrol(instructor.page, ta, "Teaching assistant");
  await expect(instructor.page.getByRole("status")).toHaveText("1 invited (new accounts: share their invite links below).");
  const taLink = await instructor.page.getByLabel(`Invite link for ${ta}`).inputValue();
  await enrol(instructor.page, student, "Student");
  const studentLink = await instructor.page.getByLabel(`Invite link for ${student}`).inputValue();
  await instructor.context.close();
  await claim(browser, taLink, "a fine ta password");

  const assistant = await signedIn(browser, ta, "a fine ta password");
  await assistant.page.goto(`/courses/${courseId}/roster`);
  await expect(assistant.page.getByRole("cell", { name: student })).toBeVisible();
  await expect(assistant.page.getByText(/Invite link for/)).toHaveCount(0);
  expect(await assistant.page.content()).not.toContain(new URL(studentLink).pathname);
  await assistant.page.goto(new URL(studentLink).pathname);
  await expect(assistant.page.getByRole("heading", { name: "Sign out to accept this invitation" })).toBeVisible();
  await expect(assistant.page.getByLabel("Choose a password")).toHaveCount(0);
  await assistant.context.close();
});

test("an account made with an address before the instructor enrols it as TA must confirm from its own session", async ({ browser }) => {
  const email = `new-ta-${unique()}@example.edu`;
  const { context: squatter, page } = await signUp(browser, "Early Bird", email, "an early password");

  const instructor = await signedIn(browser, "instructor@synack.test");
  await enrol(instructor.page, email, "Teaching assistant");
  await expect(instructor.page.getByRole("status")).toHaveText(
    "1 to confirm (existing accounts: send each the confirmation link below, to that address).",
  );
  const link = await instructor.page.getByLabel(`Confirmation link for ${email} (Teaching assistant)`).inputValue();
  await expectAccessible(instructor.page);
  await instructor.context.close();

  // Not a TA yet.
  expect((await page.goto(`/courses/${courseId}`))?.status()).toBe(404);
  // Someone else with the link gets nothing.
  const other = await signUp(browser, "Some One", `someone-${unique()}@example.edu`, "another password");
  await other.page.goto(new URL(link).pathname);
  await expect(other.page.getByRole("heading", { name: "This invitation is for another account" })).toBeVisible();
  await other.context.close();

  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Join the course staff" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Join as teaching assistant" }).click();
  await expect(page.getByText("you are teaching assistant")).toBeVisible();
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "This invite link cannot be used" })).toBeVisible();
  await squatter.close();
});
