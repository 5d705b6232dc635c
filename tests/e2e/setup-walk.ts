import type { Page } from "@playwright/test";
import { E2E_ENV } from "../../playwright.config";
import { createPractice, expect, signInAs } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

/**
 * A new practice walks through the guided setup, for the desktop and the
 * 375-px specs (setup.spec.ts, setup.phone.spec.ts). The practice comes from
 * the fixture, unpublished, as the sign-up leaves one; the integrator links
 * this walk to the sign-up's own spec.
 */

async function checkScreen(page: Page, what: string) {
  await expect(page.locator("main")).toBeVisible();
  await expectNoSidewaysScroll(page, what);
  await expectAxeClean(page, what);
}

/** A practice the walk can run on: a fresh pelvic PT one from the fixture, or one the sign-up just made (already signed in). */
export async function walkThroughSetup(page: Page, existing?: { slug: string; name: string }) {
  const practice = existing ?? (await createPractice("pelvic_pt", { published: false }));
  if (!existing) await signInAs(page, (practice as Awaited<ReturnType<typeof createPractice>>).owner.userId);

  // Unpublished: the booking page and its API are not found.
  expect((await page.request.get(`/book/${practice.slug}`)).status()).toBe(404);
  expect((await page.request.get(`/api/book/${practice.slug}/slots`)).status()).toBe(404);

  await page.goto(`/clinic/${practice.slug}/setup`);
  await expect(page.getByRole("heading", { name: "Set up your practice" })).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "0 of 7 steps done" })).toBeVisible();
  await checkScreen(page, "the checklist");
  await page.getByRole("link", { name: "Start: Practice details" }).click();

  // 1. Practice details (a US practice: tax ID and NPI), the address made a location.
  await expect(page.getByRole("heading", { name: "Practice details" })).toBeVisible();
  await checkScreen(page, "practice details");
  await page.getByLabel("Phone").fill("+1 503 555 0142");
  await page.getByLabel("Address", { exact: true }).fill("12 Alder Street");
  await page.getByLabel("City").fill("Portland");
  await page.getByLabel("State").fill("OR");
  await page.getByLabel("ZIP code").fill("97201");
  await page.getByLabel("EIN (tax ID)").fill("84-1234567");
  await page.getByLabel("NPI (practice)").fill("12345");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page.getByText("NPI is 10 digits")).toBeVisible();
  await page.getByLabel("NPI (practice)").fill("1234567893");
  await page.getByLabel("Clients come to this address").check();
  await page.getByRole("button", { name: "Save and continue" }).click();

  // 2. A first service from the kind's templates, saved by the services form.
  await expect(page.getByRole("heading", { name: "A first service" })).toBeVisible();
  await checkScreen(page, "the service templates");
  await page.getByRole("link", { name: /Postpartum pelvic floor evaluation/ }).click();
  await expect(page.getByLabel("Name")).toHaveValue("Postpartum pelvic floor evaluation");
  await expect(page.getByLabel("Duration (minutes)")).toHaveValue("60");
  await expect(page.getByLabel("Format")).toHaveValue("in_person");
  await checkScreen(page, "the service form");
  await page.getByRole("button", { name: "Create service" }).click();

  // 3. Weekly hours, with the availability form, at the new location.
  await expect(page.getByRole("heading", { name: "Weekly hours" })).toBeVisible();
  await page.getByRole("button", { name: "Add hours" }).click();
  await page.getByLabel("Where").selectOption({ label: practice.name });
  await checkScreen(page, "weekly hours");
  await page.getByRole("button", { name: "Save weekly hours" }).click();
  await expect(page.getByText("Weekly hours saved.")).toBeVisible();
  await page.getByRole("link", { name: "Next: Payments" }).click();

  // 4. Payments: no online payments (the e2e server has no Stripe Connect; the deployment's account would take them).
  await expect(page.getByRole("heading", { name: "Payments" })).toBeVisible();
  await checkScreen(page, "payments");
  await page.getByRole("button", { name: "No online payments for now" }).click();

  // 5. Forms: reviewed.
  await expect(page.getByRole("heading", { name: "Forms and policies" })).toBeVisible();
  await checkScreen(page, "forms");
  await page.getByRole("button", { name: "I have reviewed the forms" }).click();

  // 6. Team: skipped for now, resumed below.
  await expect(page.getByRole("heading", { name: "Invite the team" })).toBeVisible();
  await checkScreen(page, "team");
  await page.getByRole("button", { name: "Skip for now" }).click();

  // 7. Publish, and the link to copy.
  await expect(page.getByRole("heading", { name: "Publish the booking page" })).toBeVisible();
  await checkScreen(page, "publish");
  await page.getByRole("button", { name: "Publish the booking page" }).click();
  const link = page.getByLabel("Your booking page");
  await expect(link).toHaveValue(`${E2E_ENV.APP_URL}/book/${practice.slug}`);
  await page.getByRole("button", { name: "Copy link" }).click();
  await expect(page.getByRole("status").filter({ hasText: /Link copied|select the link/ })).toBeVisible();
  await checkScreen(page, "published");

  // The checklist: six done, the team skipped; resume it and finish.
  await page.getByRole("link", { name: "Back to the setup checklist" }).click();
  await expect(page.getByRole("progressbar", { name: "6 of 7 steps done" })).toBeVisible();
  const team = page.getByRole("list", { name: "Setup steps" }).getByRole("listitem").filter({ hasText: "Invite the team" });
  await expect(team.getByText("Skipped")).toBeVisible();
  await page.getByRole("link", { name: "Continue: Invite the team" }).click();
  await expect(page.getByText("You skipped this step.")).toBeVisible();
  await page.getByRole("button", { name: "It is just me for now" }).click();
  await expect(page.getByRole("progressbar", { name: "7 of 7 steps done" })).toBeVisible();
  await checkScreen(page, "the finished checklist");

  // Published: clients see the page and the service.
  await page.goto(`/book/${practice.slug}`);
  await expect(page.getByRole("heading", { name: practice.name })).toBeVisible();
  await expect(page.getByText("Postpartum pelvic floor evaluation").first()).toBeVisible();
  return practice;
}
