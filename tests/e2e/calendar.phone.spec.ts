import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";
import { twoClinicianPractice } from "./calendar-setup";
import { expect, signInAs, test } from "./fixtures";

// Issue 11, problem 12 at 375 px: the calendar is on the first screen (filters folded away), nothing scrolls the page sideways.

test("on a phone the day grid comes first, the filters fold away, and no view scrolls the page sideways", async ({ page }) => {
  const { practice, other, ownerName, client, day, date } = await twoClinicianPractice();
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/schedule?view=day&date=${date}`);

  const filters = page.locator("details").filter({ hasText: "Filters" });
  await expect(filters).not.toHaveAttribute("open");
  await expect(page.getByLabel("Clinician")).toBeHidden();
  const session = page.getByRole("region", { name: ownerName }).getByRole("link", { name: new RegExp(`Confirmed.*Rowan ${client.lastName}`) });
  await expect(session).toBeVisible();
  // The grid starts on the first screen, not below a stack of filters.
  const box = await page.getByRole("heading", { level: 3, name: ownerName }).boundingBox();
  expect(box!.y + box!.height).toBeLessThan(740);
  await expectNoSidewaysScroll(page, "the day grid");
  await expectAxeClean(page, "the day grid on a phone");

  // One clinician's column: open the filters, choose them, show.
  await filters.locator("summary").click();
  await page.getByLabel("Clinician").selectOption({ label: other.displayName });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(new RegExp(`member=${other.memberId}`));
  await expect(page.getByRole("region", { name: other.displayName })).toBeVisible();
  await expect(page.getByRole("region", { name: ownerName })).toHaveCount(0);
  await expect(page.getByRole("link", { name: `Book 10:00 AM ${day.toFormat("cccc d LLLL")} with ${other.displayName}` })).toBeVisible();
  await expectNoSidewaysScroll(page, "one clinician's day");

  for (const view of ["week", "month"]) {
    await page.goto(`/clinic/${practice.slug}/schedule?view=${view}&date=${date}`);
    await expect(page.getByRole("heading", { level: 2 })).toBeVisible();
    await expectNoSidewaysScroll(page, `the ${view} on a phone`);
    await expectAxeClean(page, `the ${view} on a phone`);
  }
});
