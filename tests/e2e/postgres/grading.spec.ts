// The instructor's grading day on PostgreSQL (tests/e2e/grading-day.ts), the quiz built in the
// quiz builder from the starter library's handshake question. Both students answer the
// handshake with the server going straight from LISTEN to ESTABLISHED: in every variant of the
// handshake family the client goes CLOSED → SYN_SENT → ESTABLISHED and the server CLOSED →
// LISTEN → SYN_RECEIVED → ESTABLISHED (RFC 9293 §3.5), so only the server's third state is wrong.
import { expect, test } from "@playwright/test";
import { instructorGradingDay, person, submitOne, unique } from "../grading-day";

const SLIP = { states: { client: ["CLOSED", "SYN_SENT", "ESTABLISHED"], server: ["CLOSED", "LISTEN", "ESTABLISHED"] } };

test("on PostgreSQL: an instructor's grading day, from the gradebook to the regrade and the misconception named", async ({ browser }) => {
  test.setTimeout(300_000);
  const title = `PG handshake check ${unique()}`;
  const { context, page } = await person(browser, "instructor@synack.test");
  await page.getByRole("link", { name: /Computer Networks/ }).click();
  await expect(page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();
  const courseId = new URL(page.url()).pathname.split("/").pop()!;
  await page.goto(`/courses/${courseId}/quizzes/new`);
  await page.getByLabel("Title").fill(title);
  await page.getByRole("button", { name: "Create quiz" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Build “${title}”` })).toBeVisible({ timeout: 20_000 });
  const quizId = new URL(page.url()).pathname.split("/").at(-2)!;
  await page
    .getByRole("combobox", { name: "Bank", exact: true })
    .selectOption({ label: "Starter library: connection set-up and tear-down" });
  const question = page.getByRole("combobox", { name: "Question", exact: true });
  const handshake = await question.locator("option", { hasText: "States during the three-way handshake" }).first().getAttribute("value");
  await question.selectOption(handshake!);
  await page.getByRole("button", { name: "Add the question" }).click();
  await page.getByLabel("Points for item 1").fill("2");
  await page.getByRole("button", { name: "Save items" }).click();
  await expect(page.getByText("Items saved.")).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unpublish", exact: true })).toBeVisible({ timeout: 20_000 });
  await context.close();

  for (const email of ["ada@synack.test", "ben@synack.test"]) await submitOne(browser, email, quizId, () => SLIP);
  await instructorGradingDay(browser, {
    courseId,
    quizId,
    title,
    words: "Puts the passive opener in ESTABLISHED after LISTEN (it goes to SYN_RECEIVED)",
  });
});
