import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "../../lib/demo/seed-data";

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, next?: string) {
  await page.goto(next ? `/login?next=${encodeURIComponent(next)}` : "/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/**
 * axe on the current page: no serious or critical violations. Next.js streams a page's metadata
 * after its content, and a refresh (after a save) renders it again: the check waits for the
 * page's title, so it judges the page as it settles, not the instant in between.
 */
export async function expectAccessible(page: Page) {
  await expect.poll(() => page.title(), { message: "the page has a title" }).not.toBe("");
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}
