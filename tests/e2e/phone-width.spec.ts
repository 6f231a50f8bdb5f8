// Every page a person reaches outside the authoring matrix (tests/e2e/roles.spec.ts opens those at
// 360 px too) fits a 360 px phone: whatever is wider scrolls inside its own box, never the page.
// Signed out, as a student, as an instructor and as the site administrator.
import { expect, test, type Page } from "@playwright/test";
import { withDb } from "./e2e-db";
import { signIn } from "./helpers";

test.use({ viewport: { width: 360, height: 740 } });

async function fits(page: Page, paths: string[]) {
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(500);
    await expect.poll(() => page.title(), { message: `${path} has a title` }).not.toBe("");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect({ path, overflow }).toEqual({ path, overflow: 0 });
  }
}

const demo = () =>
  withDb((db) => ({
    course: "demo-course-net101",
    quiz: (db.prepare(`SELECT id FROM Quiz WHERE courseId = 'demo-course-net101' ORDER BY title LIMIT 1`).get() as { id: string }).id,
  }));

test("signed out: the home, sign-in, sign-up, join, password and practice pages", async ({ page }) => {
  test.setTimeout(120_000);
  await fits(page, ["/", "/login", "/signup", "/join", "/forgot-password", "/practice", "/practice/handshake", "/no-such-page"]);
});

test("a student's pages", async ({ page }) => {
  test.setTimeout(120_000);
  const { course, quiz } = demo();
  await signIn(page, "chen@synack.test");
  await expect(page.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  await fits(page, [
    "/",
    `/courses/${course}`,
    `/courses/${course}/grades`,
    `/courses/${course}/quizzes/${quiz}`,
    "/practice/passive-close",
    "/account",
    "/join",
  ]);
});

test("an instructor's and the administrator's pages", async ({ browser }) => {
  test.setTimeout(120_000);
  const { course, quiz } = demo();
  const teacher = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await signIn(teacher, "instructor@synack.test");
  await expect(teacher.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  await fits(teacher, ["/courses/new", `/courses/${course}`, `/courses/${course}/quizzes/${quiz}`]);
  await teacher.close();
  const admin = await browser.newPage({ viewport: { width: 360, height: 740 } });
  await signIn(admin, "admin@synack.test");
  await expect(admin.getByRole("heading", { name: "Your courses" })).toBeVisible({ timeout: 15_000 });
  await fits(admin, ["/admin", "/admin/lti"]);
  await admin.close();
});
