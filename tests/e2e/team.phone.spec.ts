import { createMember, createPractice, expect, latestEmail, signInAs, test } from "./fixtures";

test("on a phone, an owner invites a clinician, changes a role and removes a member", async ({ page }) => {
  const practice = await createPractice();
  const frontDesk = await createMember(practice.id, "front_desk");
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/settings/team`);

  const email = `new-${practice.slug}@e2e.tandem.test`;
  await page.getByLabel("Name", { exact: true }).fill("Jordan Vale");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Role", { exact: true }).selectOption("clinician");
  await page.getByLabel("Credentials", { exact: true }).fill("LMFT");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}.`)).toBeVisible();
  const members = page.getByRole("list", { name: "Team members" });
  const invited = members.getByRole("listitem").filter({ hasText: "Jordan Vale" });
  await expect(invited).toContainText("LMFT");
  await expect(invited.getByText("Invited")).toBeVisible();
  const invite = await latestEmail(email, "invitation");
  expect(invite?.subject).toBe(`Join ${practice.name} on Tandem`);

  await page.getByLabel(`Role for ${frontDesk.displayName}`).selectOption("admin");
  await expect(page.getByLabel(`Role for ${frontDesk.displayName}`)).toHaveValue("admin");
  await page.reload();
  await expect(page.getByLabel(`Role for ${frontDesk.displayName}`)).toHaveValue("admin");

  const row = members.getByRole("listitem").filter({ hasText: frontDesk.displayName });
  await row.getByRole("button", { name: "Remove" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: `Remove ${frontDesk.displayName}` }).click();
  await expect(members.getByText(frontDesk.displayName)).toHaveCount(0);

  // The page fits a 375-px screen: nothing scrolls sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
