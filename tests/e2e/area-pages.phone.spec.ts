import { createClient, createPractice, expect, signInAs, test } from "./fixtures";
import { expectAxeClean } from "./a11y";

test.use({ allowedConsoleErrors: [/status of 404/] });

// Issue 11, problem 15, as a client on a phone: a wrong address inside the portal shows the
// portal's own page with a way back, as a real 404, and another client's address reads the same.
test("a missing portal page offers the way back to the client's own portal", async ({ page }) => {
  const practice = await createPractice();
  const me = await createClient(practice.id, "Mina");
  const other = await createClient(practice.id, "Otto");
  await signInAs(page, me.userId);

  for (const path of [`/portal/${me.id}/no-such-page`, `/portal/${other.id}/no-such-page`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText("Otto")).toHaveCount(0);
  }
  await expectAxeClean(page, "the not-found page", { only: "serious" });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  await page.goto(`/portal/${me.id}/no-such-page`);
  await page.getByRole("link", { name: "Go to your portal home" }).click();
  await expect(page.getByRole("heading", { name: "Hello, Mina" })).toBeVisible();
});
