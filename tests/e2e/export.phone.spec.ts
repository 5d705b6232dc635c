import AxeBuilder from "@axe-core/playwright";
import { createPractice, expect, signInAs, test } from "./fixtures";

test("the export page at 375 px: no sideways scroll, axe clean, the button reached by keyboard", async ({ page }) => {
  const practice = await createPractice();
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/settings/export`);
  await expect(page.getByRole("heading", { name: "Export", exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
  const button = page.getByRole("button", { name: "Export the whole practice" });
  await button.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status")).toContainText(/Export started|already under way/);
});
