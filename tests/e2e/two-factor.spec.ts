import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { generate } from "otplib";
import * as schema from "@/db/schema";
import { createMember, createPractice, db, expect, latestEmail, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

// Phone-first: these screens are checked at 375 px.
test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });
// Each test walks two sign-ins and enrolments with axe runs between them: longer than the default minute.
test.describe.configure({ timeout: 150_000 });

async function expectAccessible(page: Page, label: string) {
  await expectNoSidewaysScroll(page, label);
  await expectAxeClean(page, label);
}

async function signInByEmail(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const message = await latestEmail(email, "sign-in");
  const link = message!.text!.match(/https?:\/\/\S+\/sign-in\/verify\?\S+/)![0];
  await page.goto(link.replace(/[\])>.,]+$/, ""));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

/** The code an authenticator app would show `offset` seconds from now. */
const codeAt = (secret: string, offset = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offset });

test("a member turns on an authenticator app, and the next sign-in asks for its code", async ({ page }) => {
  const practice = await createPractice();
  // A member of their own: nothing else signs in as them.
  const member = await createMember(practice.id, "admin");
  await signInAs(page, member.userId);

  await page.goto("/account/security");
  await expect(page.getByRole("heading", { name: "Sign-in security" })).toBeVisible();
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for your authenticator app" })).toBeVisible();
  const secret = (await page.getByTestId("totp-setup-key").innerText()).replace(/\s+/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectAccessible(page, "enrolment");

  const code = page.getByLabel("Authentication code");
  await expect(code).toHaveAttribute("autocomplete", "one-time-code");
  await expect(code).toHaveAttribute("inputmode", "numeric");
  await code.fill(await codeAt(secret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("heading", { name: "Save your recovery codes" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
  await page.getByRole("button", { name: "I have saved these codes" }).click();
  await expect(page.getByText(/^On$/)).toBeVisible();
  await expect(page.getByText("10 unused codes left.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);

  await signInByEmail(page, member.email);
  await expect(page).toHaveURL(/\/sign-in\/second-factor\?next=/);
  await expect(page.getByRole("heading", { name: "Two-step sign-in" })).toBeVisible();
  await expectAccessible(page, "challenge");

  // The magic link alone opens nothing in the workspace.
  await page.goto(`/clinic/${practice.slug}/clients`);
  await expect(page).toHaveURL(/\/sign-in\/second-factor/);
  // Nor does a route handler answer with data (an admin may export payments once verified).
  const exported = await page.request.get(`/clinic/${practice.slug}/billing/export`, { maxRedirects: 0 });
  expect(exported.status()).toBe(307);
  expect(exported.headers()["location"]).toContain("/sign-in/second-factor");
  expect(await exported.text()).not.toContain(",");

  const field = page.getByLabel("Authentication code");
  const right = await codeAt(secret, 30); // one step ahead: later than the step the enrolment used
  await field.fill(right === "000000" ? "111111" : "000000");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That code didn't match. Codes change every 30 seconds.")).toBeVisible();
  await expect(field).toHaveAttribute("aria-invalid", "true");

  await field.fill(right);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/clinic/${practice.slug}$`));
  await expect(page.getByRole("navigation", { name: "Workspace" }).getByRole("link", { name: "Clients" })).toBeVisible();
  const verified = await page.request.get(`/clinic/${practice.slug}/billing/export`, { maxRedirects: 0 });
  expect(verified.status()).toBe(200);
});

test("an owner requires two-step sign-in; a member without one must enrol first; the owner can reset it", async ({ page, browser }) => {
  const practice = await createPractice();
  const member = await createMember(practice.id, "front_desk");
  await db.update(schema.practices).set({ requireTwoFactor: true }).where(eq(schema.practices.id, practice.id));

  // The member is sent to enrol and can open nothing in the workspace until they do.
  const memberPage = await browser.newPage({ viewport: { width: 375, height: 740 } });
  await signInAs(memberPage, member.userId);
  await memberPage.goto(`/clinic/${practice.slug}/schedule`);
  await expect(memberPage).toHaveURL(new RegExp(`/account/security\\?required=${practice.slug}$`));
  await expect(memberPage.getByText(`${practice.name} requires two-step sign-in.`)).toBeVisible();
  await memberPage.getByRole("button", { name: "Set up an authenticator app" }).click();
  const secret = (await memberPage.getByTestId("totp-setup-key").innerText()).replace(/\s+/g, "");
  await memberPage.getByLabel("Authentication code").fill(await codeAt(secret));
  await memberPage.getByRole("button", { name: "Turn on" }).click();
  await memberPage.getByRole("button", { name: "I have saved these codes" }).click();
  await memberPage.getByRole("link", { name: `Continue to ${practice.name}` }).click();
  await expect(memberPage).toHaveURL(new RegExp(`/clinic/${practice.slug}$`));
  await memberPage.close();

  // The owner resets it (they lost their phone): a confirmation first, then the member is told.
  await signInAs(page, practice.owner.userId);
  // The owner has no factor yet, so the practice's rule sends them to enrol too.
  await page.goto(`/clinic/${practice.slug}/settings/team`);
  await expect(page).toHaveURL(/\/account\/security\?required=/);
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  const ownerSecret = (await page.getByTestId("totp-setup-key").innerText()).replace(/\s+/g, "");
  await page.getByLabel("Authentication code").fill(await codeAt(ownerSecret));
  await page.getByRole("button", { name: "Turn on" }).click();
  await page.getByRole("button", { name: "I have saved these codes" }).click();

  await page.goto(`/clinic/${practice.slug}/settings/team`);
  const row = page.getByRole("list", { name: "Team members" }).getByRole("listitem").filter({ hasText: member.displayName });
  await expect(row.getByText("Two-step on")).toBeVisible();
  await row.getByRole("button", { name: `Reset two-step sign-in for ${member.displayName}` }).click();
  await expect(page.getByRole("alertdialog", { name: `Reset ${member.displayName}'s two-step sign-in?` })).toBeVisible();
  await page.getByRole("alertdialog").getByRole("button", { name: "Reset" }).click();
  await expect(row.getByText("Two-step on")).toHaveCount(0);
  const mail = await latestEmail(member.email, "two-factor-reset");
  expect(mail?.subject).toBe("Your two-step sign-in was reset");
  expect(mail!.text).not.toContain(secret);
});
