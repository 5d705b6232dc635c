import { expect, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";
import { homePractice } from "./home-data";

/** The clinic home for the front desk, at 375 px: everyone's sessions and the money, nothing clinical. */
test("the front desk's home shows every session with forms missing and amounts, balances, failed charges and payments waiting, and no answers or flags", async ({ page }) => {
  const f = await homePractice();
  await signInAs(page, f.frontDesk.userId);
  await page.goto(`/clinic/${f.practice.slug}`);

  const today = page.getByRole("region", { name: /^Sessions today/ });
  await expect(today.getByTestId("home-session")).toHaveCount(2);
  const coupleSession = today.getByTestId("home-session").filter({ hasText: f.couple });
  await expect(coupleSession).toContainText("Forms missing: Couples intake (both), Informed consent (both)");
  await expect(coupleSession).toContainText("Unpaid · awaiting payment · $190");
  await expect(coupleSession).toContainText(`with ${f.clinician.displayName}`);
  await expect(today.getByTestId("home-session").filter({ hasText: `with ${f.colleague.displayName}` })).toContainText(`${f.dee.firstName} ${f.dee.lastName}`);
  await expect(page.getByRole("link", { name: /Join video/ })).toHaveCount(0);

  const money = page.getByRole("region", { name: "Money" });
  await expect(money.getByTestId("home-total-due")).toHaveText("$190");
  await expect(money.getByRole("link", { name: `${f.cal.firstName} ${f.cal.lastName}: $190` })).toBeVisible();
  await expect(money).toContainText("No-show fee");
  await expect(money.getByRole("link", { name: `${f.cal.firstName} ${f.cal.lastName}: $90` })).toBeVisible();
  await expect(money.getByRole("link", { name: `${f.ana.firstName} ${f.ana.lastName}: $190` })).toBeVisible();

  // Nothing clinical: no answers, no homework flags, no measure names.
  await expect(page.getByRole("region", { name: "Forms answered since the last visit" })).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Homework flags" })).toHaveCount(0);
  await expect(page.getByText("PHQ-9")).toHaveCount(0);
  await expect(page.getByText("No check-in")).toHaveCount(0);

  await expectNoSidewaysScroll(page, "the home");
  await expectAxeClean(page, "the home");
});
