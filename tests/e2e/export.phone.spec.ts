import { createPractice, expect, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

test("the export page at 375 px: no sideways scroll, axe clean, the button reached by keyboard", async ({ page }) => {
  const practice = await createPractice();
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/settings/export`);
  await expect(page.getByRole("heading", { name: "Export", exact: true })).toBeVisible();
  await expectNoSidewaysScroll(page, "the export page");
  await expectAxeClean(page, "the export page");
  const button = page.getByRole("button", { name: "Export the whole practice" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(/Export started|already under way/);
});
