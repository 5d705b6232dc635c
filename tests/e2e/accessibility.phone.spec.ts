import { createClient, createPractice, expect, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

/**
 * At 375 px: no page scrolls sideways, and axe finds no WCAG 2.1 A/AA
 * violations (labels, contrast, landmarks, names) on the main screens.
 */
async function checkPage(page: import("@playwright/test").Page, path: string) {
  await page.goto(path);
  await expect(page.locator("main")).toBeVisible();
  await expectNoSidewaysScroll(page, path);
  await expectAxeClean(page, path);
}

test("public pages on a phone", async ({ page }) => {
  const practice = await createPractice();
  for (const path of ["/", "/sign-in", "/sign-in/check-email?email=a%40b.test", `/book/${practice.slug}`]) {
    await checkPage(page, path);
  }
});

test("staff pages on a phone", async ({ page }) => {
  // Eight pages, each through axe (the schedule's week grid alone is a few hundred cells): 24 s in one
  // CI run, 53 s and then over the default minute in fresh-clone runs on a loaded two-core machine.
  test.slow();
  const practice = await createPractice();
  const client = await createClient(practice.id, "Axe");
  await signInAs(page, practice.owner.userId);
  const base = `/clinic/${practice.slug}`;
  for (const path of [base, `${base}/clients`, `${base}/clients/new`, `${base}/clients/${client.id}`, `${base}/clients/${client.id}/edit`, `${base}/settings`, `${base}/settings/team`, `${base}/schedule`]) {
    await checkPage(page, path);
  }
});

test("the client portal on a phone", async ({ page }) => {
  const practice = await createPractice();
  const client = await createClient(practice.id, "Portal");
  await signInAs(page, client.userId);
  await checkPage(page, `/portal/${client.id}`);
});

test("the keyboard reaches the skip link first and it moves focus to the content", async ({ page }) => {
  await page.goto("/sign-in");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("textbox", { name: "Email address" })).toBeFocused();
});
