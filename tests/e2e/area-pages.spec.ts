import { randomUUID } from "node:crypto";
import { createClient, createMember, createPractice, expect, signInAs, test } from "./fixtures";
import { expectAxeClean } from "./a11y";

test.use({ allowedConsoleErrors: [/status of 404/] });

// Issue 11, problem 15: a missing page inside the workspace showed Next's bare default, outside the
// workspace's shell. Now it is the workspace's own page, with its navigation, still a real 404.
test("a missing page inside the workspace keeps the workspace around it and answers 404", async ({ page }) => {
  const practice = await createPractice();
  const clinician = await createMember(practice.id, "clinician");
  const other = await createPractice();
  const stranger = await createClient(other.id, "Stranger");
  await signInAs(page, clinician.userId);

  for (const path of [`/clinic/${practice.slug}/no-such-page`, `/clinic/${practice.slug}/clients/${randomUUID()}`, `/clinic/${practice.slug}/clients/${stranger.id}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Clients" })).toBeVisible();
    await expect(page.getByText("Stranger")).toHaveCount(0);
  }
  await expectAxeClean(page, "the not-found page", { only: "serious" });

  await page.getByRole("link", { name: "Go to the workspace home" }).click();
  await expect(page).toHaveURL(new RegExp(`/clinic/${practice.slug}$`));
});

test("someone outside the practice still meets the site's plain 404, not the workspace", async ({ page }) => {
  const practice = await createPractice();
  const outsider = await createClient(practice.id, "Outsider");
  await signInAs(page, outsider.userId);
  const response = await page.goto(`/clinic/${practice.slug}/no-such-page`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Workspace" })).toHaveCount(0);
});
