import { expect, signInAs, test } from "./fixtures";
import { expectAxeClean } from "./a11y";
import { homePractice } from "./home-data";

/** The clinic home for a clinician, on a desktop: their own day, the clinical lists, no money. */
test("a clinician's home shows today's and tomorrow's sessions, answers since the last visit, homework flags and what waits on clients", async ({ page }) => {
  const f = await homePractice();
  await signInAs(page, f.clinician.userId);
  await page.goto(`/clinic/${f.practice.slug}`);

  const today = page.getByRole("region", { name: /^Your sessions today/ });
  const coupleSession = today.getByTestId("home-session").filter({ hasText: f.couple });
  await expect(coupleSession).toContainText("(couple)");
  await expect(coupleSession).toContainText("Couples session · Online video");
  await expect(coupleSession).toContainText("Awaiting payment");
  await expect(coupleSession).toContainText("Forms missing: Couples intake (both), Informed consent (both)");
  // A clinician sees that it is unpaid, not the amount.
  await expect(coupleSession.getByText("Unpaid · awaiting payment", { exact: true })).toBeVisible();
  const join = coupleSession.getByRole("link", { name: `Join video with ${f.couple} (opens in a new tab)` });
  await expect(join).toHaveAttribute("href", "https://video.e2e.tandem.test/room");
  // Only their own sessions: the colleague's session with Dee is not here.
  await expect(today.getByTestId("home-session")).toHaveCount(1);

  const tomorrow = page.getByRole("region", { name: /^Tomorrow/ });
  await expect(tomorrow.getByTestId("home-session")).toHaveCount(1);
  await expect(tomorrow).toContainText(`${f.cal.firstName} ${f.cal.lastName}`);
  await expect(tomorrow).toContainText("Phone check-in · Phone");
  await expect(tomorrow).toContainText("Unpaid · payment failed");
  await expect(tomorrow.getByRole("link", { name: /Join video/ })).toHaveCount(0);

  await expect(page.getByRole("region", { name: "Forms answered since the last visit" }).getByRole("link", { name: `${f.cal.firstName} ${f.cal.lastName}: PHQ-9` })).toBeVisible();
  const homework = page.getByRole("region", { name: "Homework flags" });
  await expect(homework).toContainText("No check-in for 9 days");
  await expect(page.getByRole("region", { name: "Waiting on clients" })).toContainText("To sign: Informed consent");
  await expect(page.getByRole("region", { name: "Money" })).toHaveCount(0);
  // The four places to go stay one tab away.
  const go = page.getByRole("navigation", { name: "Go to" });
  for (const name of ["Schedule", "Clients", "Homework", "Settings"]) await expect(go.getByRole("link", { name })).toBeVisible();

  // By keyboard: Tab reaches the join link.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i += 1) {
    await page.keyboard.press("Tab");
    reached = await join.evaluate((el) => el === document.activeElement);
  }
  expect(reached, "Tab reaches the join link").toBe(true);

  await expectAxeClean(page, "the clinic home");

  // The answer opens from the home.
  await page.getByRole("link", { name: `${f.cal.firstName} ${f.cal.lastName}: PHQ-9` }).click();
  await expect(page).toHaveURL(/\/responses\//);
});
