// The instructor's path on PostgreSQL, in a real browser: a bank, a library question, a
// question from a sandbox scenario saved through the editor, a quiz of a fixed item and a draw
// from a tag, published; a student starts it and gets both. (The SQLite run covers the same
// path with the TA and the screenshots: tests/e2e/authoring-flow.spec.ts.)
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "../helpers";

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

test.describe.configure({ timeout: 240_000 });

test("on PostgreSQL: an instructor builds a quiz from the library and the sandbox, and a student takes it", async ({ browser }) => {
  const u = unique();
  const bankTitle = `PG bank ${u}`;
  const quizTitle = `PG quiz ${u}`;
  const key = `pg-lost-ack-${u}`;
  const context = await browser.newContext({ locale: "en-US", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, "instructor@synack.test");
  await page.getByRole("link", { name: /Computer Networks/ }).click();
  await expect(page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();
  const courseId = new URL(page.url()).pathname.split("/").pop()!;

  await page.goto(`/courses/${courseId}/banks`);
  await page.getByLabel("Title", { exact: true }).fill(bankTitle);
  await page.getByRole("button", { name: "Create bank" }).click();
  await page.getByRole("link", { name: bankTitle, exact: true }).click();
  await page.getByRole("link", { name: "Add from the starter library" }).click();
  await page
    .getByRole("group", { name: "The three-way handshake" })
    .getByRole("checkbox", { name: /^States during the three-way handshake/ })
    .check();
  await page.getByRole("button", { name: "Copy into the bank" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 question copied" })).toBeVisible();

  await page.goto("/sandbox");
  await page.getByLabel("Start from an example").selectOption({ label: "The last ACK is lost" });
  await page.getByRole("button", { name: "Load the example", exact: true }).click();
  await expect(page.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
  const make = page.getByRole("region", { name: "Make a question from this" });
  await make.getByLabel("Bank").selectOption({ label: bankTitle });
  await make.getByLabel("Ask the students for").selectOption("final-state");
  await make.getByLabel("Title").fill("The lost last ACK");
  await make.getByRole("link", { name: "Open in the question editor" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New question" })).toBeVisible({ timeout: 20_000 });
  await page.getByLabel("Question id").fill(key);
  await page.getByLabel("Tags").fill("lost-ack");
  await expect(page.getByTestId("check-status")).toHaveText("The template is valid.");
  await page.getByRole("button", { name: "Save the question" }).click();
  await expect(page.getByText("Saved as version 1.")).toBeVisible({ timeout: 20_000 });

  await page.goto(`/courses/${courseId}/quizzes/new`);
  await page.getByLabel("Title").fill(quizTitle);
  await page.getByRole("button", { name: "Create quiz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Build “${quizTitle}”` })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("combobox", { name: "Bank", exact: true }).selectOption({ label: bankTitle });
  await page
    .getByRole("combobox", { name: "Question", exact: true })
    .selectOption({ label: "States during the three-way handshake (version 1)" });
  await page.getByRole("button", { name: "Add the question" }).click();
  await page.getByLabel("Bank to draw from").selectOption({ label: bankTitle });
  await page.getByLabel("Only questions tagged").selectOption("lost-ack");
  await page.getByRole("button", { name: "Add the draw" }).click();
  await page.getByRole("button", { name: "Save items" }).click();
  await expect(page.getByText("Items saved.")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unpublish", exact: true })).toBeVisible({ timeout: 20_000 });
  await expectAccessible(page);
  await context.close();

  const studentContext = await browser.newContext({ locale: "en-US" });
  const student = await studentContext.newPage();
  await signIn(student, "chen@synack.test");
  await student.getByRole("link", { name: /Computer Networks/ }).click();
  await student.locator("li").filter({ hasText: quizTitle }).getByRole("button", { name: "Start" }).click();
  await expect(student).toHaveURL(/\/attempts\//, { timeout: 20_000 });
  // The fixed question, then the one the draw took from the tag: the only question tagged.
  await expect(student.getByRole("heading", { name: "States during the three-way handshake" })).toBeVisible();
  await expect(student.getByRole("heading", { name: "The lost last ACK" })).toBeVisible();
  await expectAccessible(student);
  await studentContext.close();
});
