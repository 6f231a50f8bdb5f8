// The core flows on PostgreSQL, in a real browser: sign-in and the
// role-specific homes, a student's quiz with autosave across a reload, submit and review,
// and practice with its feedback.
import { expect, test } from "@playwright/test";
import { expectAccessible, signIn } from "../helpers";

test("on PostgreSQL: the instructor's course home and roster", async ({ page }) => {
  await signIn(page, "instructor@synack.test");
  await page.getByRole("link", { name: /Computer Networks/ }).click();
  await expect(page.getByRole("heading", { name: "Computer Networks" })).toBeVisible();
  await page.getByRole("link", { name: "Roster" }).click();
  await expect(page.getByRole("cell", { name: "ada@synack.test" })).toBeVisible();
  await expectAccessible(page);
});

test("on PostgreSQL: a student takes the practice quiz, reloads mid-way, submits and reviews", async ({ page }) => {
  await signIn(page, "ada@synack.test");
  await page.getByRole("link", { name: /Computer Networks/ }).click();
  await page.locator("li").filter({ hasText: "Practice: opening and closing connections" }).getByRole("button", { name: "Start" }).click();
  await expect(page).toHaveURL(/\/attempts\//);
  const palette = page.getByRole("group", { name: "Add a state to client states" });
  for (const s of ["CLOSED", "SYN_SENT", "ESTABLISHED"]) await palette.getByRole("button", { name: `Add ${s}`, exact: true }).click();
  await expect(page.getByTestId("save-status-1")).toHaveText(/^Saved at /, { timeout: 10_000 });
  await page.reload();
  const list = page.getByRole("list", { name: "Client states, in order" });
  await expect(list.getByRole("listitem")).toHaveCount(3);
  await expect(list.getByRole("listitem").nth(2)).toContainText("3. ESTABLISHED");
  await page.getByRole("button", { name: "Submit attempt" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Submit", exact: true }).click();
  await expect(page.getByTestId("attempt-score")).toHaveText(/^Score: [\d.]+ \/ 11$/);
  await expect(
    page.getByRole("region", { name: "Question 1 review" }).getByText("The client's states are right: CLOSED → SYN_SENT → ESTABLISHED."),
  ).toBeVisible();
  await expectAccessible(page);
});

test("on PostgreSQL: practice stores progress for the mastery view", async ({ page }) => {
  await signIn(page, "chen@synack.test");
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible();
  await page.goto("/practice/connection-refused");
  // A blank check is refused and costs nothing; showing the answer is what mastery records.
  await page.getByRole("button", { name: "Check my answer" }).click();
  await expect(page.getByText("Answer at least one part before checking. Stuck? Choose “Show the answer”.").first()).toBeVisible();
  await page.getByRole("button", { name: "Show the answer" }).click();
  await expect(page.getByText("Recorded in your progress as shown, not as an answer.")).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("region", { name: "Your practice" }).getByRole("link", { name: "Connection refused" })).toBeVisible();
});
