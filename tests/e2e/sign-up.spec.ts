import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createPractice, db, expect, test } from "./fixtures";
import { expectAxeClean } from "./a11y";
import { fillStartForm, followSignInLink } from "./sign-up-flow";

/**
 * A new therapist starts a practice from the public home, proves the address
 * by the magic link the outbox holds (as sign-in.spec.ts reads it), and lands
 * in the new, empty workspace as its owner. Desktop here; the same at 375 px
 * below, through a taken web address and its suggestion.
 */

async function expectAccessible(page: Page) {
  await expectAxeClean(page, "the sign-up page");
}

async function expectOwnerOfEmptyWorkspace(page: Page, slug: string) {
  await expect(page).toHaveURL(new RegExp(`/clinic/${slug}$`));
  await page.goto(`/clinic/${slug}/clients`);
  await expect(page.getByText("No clients yet")).toBeVisible();
  await page.goto(`/clinic/${slug}/settings/team`);
  const team = page.getByRole("list", { name: "Team members" });
  await expect(team.getByRole("listitem")).toHaveCount(1);
  await expect(team.getByRole("listitem").first()).toContainText("Dana Reyes");
  await expect(team.getByRole("listitem").first()).toContainText("Owner");
  // The link proved the address: the owner has joined, not merely been invited.
  await expect(team.getByText("Invited")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Send invitation" })).toBeVisible();
}

test("a new therapist starts a practice from the home page and lands in it as owner", async ({ page }) => {
  const tag = Date.now().toString(36);
  const email = `dana-${tag}@e2e.tandem.test`;
  await page.goto("/");
  await page.getByRole("link", { name: "Start your practice" }).click();
  await expect(page.getByRole("heading", { name: "Start your practice" })).toBeVisible();
  await expectAccessible(page);

  // Bad input is named at the field, before anything is sent.
  await page.getByRole("button", { name: "Start my practice" }).click();
  await expect(page.getByText("Enter your practice's name")).toBeVisible();
  await expect(page.getByText("Choose the kind of practice")).toBeVisible();
  await expectAccessible(page);

  await fillStartForm(page, { name: `Riverbend Couples ${tag}`, email });
  await expect(page.getByText(`/book/riverbend-couples-${tag}`)).toBeVisible();
  await page.getByRole("button", { name: "Start my practice" }).click();
  await followSignInLink(page, email);
  await expectOwnerOfEmptyWorkspace(page, `riverbend-couples-${tag}`);
  const [practice] = await db.select().from(schema.practices).where(eq(schema.practices.slug, `riverbend-couples-${tag}`));
  expect(practice).toMatchObject({ kind: "couples_therapy", country: "US", currency: "USD", timeZone: "America/New_York" });
});

// Issue 12's bad input: the address already owns a practice. The page says the same as for a new
// one (no account discovery); the link signs the owner in to the practice they have.
test("an address that already owns a practice is signed in to it, not given a second one", async ({ page }) => {
  const existing = await createPractice();
  const name = `Second Try ${Date.now().toString(36)}`;
  await page.goto("/start");
  await fillStartForm(page, { name, email: existing.owner.email });
  await page.getByRole("button", { name: "Start my practice" }).click();
  await followSignInLink(page, existing.owner.email);
  await expect(page).toHaveURL(new RegExp(`/clinic/${existing.slug}$`));
  expect(await db.select().from(schema.practices).where(eq(schema.practices.name, name))).toHaveLength(0);
});

test.describe("when the request fails", () => {
  // The aborted request below: Chromium logs it as a failed resource load.
  test.use({ allowedConsoleErrors: [/Failed to load resource: net::ERR_FAILED/] });

  test("the form says so, keeps what was typed, and works once the connection is back", async ({ page }) => {
    const tag = Date.now().toString(36);
    const email = `lee-${tag}@e2e.tandem.test`;
    await page.goto("/start");
    await fillStartForm(page, { name: `Lakeside Coaching ${tag}`, email, kind: "Intimacy & parenting coaching" });
    await page.route("**/start", (route) => (route.request().method() === "POST" ? route.abort() : route.fallback()));
    await page.getByRole("button", { name: "Start my practice" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "No answer came back from the server." })).toBeVisible();
    await expect(page.getByLabel("Your email address")).toHaveValue(email);
    await expectAccessible(page);

    await page.unroute("**/start");
    await page.getByRole("button", { name: "Start my practice" }).click();
    await followSignInLink(page, email);
    await expectOwnerOfEmptyWorkspace(page, `lakeside-coaching-${tag}`);
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true });

  test("a taken web address gets a suggestion, and the practice starts with it", async ({ page }) => {
    const existing = await createPractice();
    const email = `sam-${Date.now().toString(36)}@e2e.tandem.test`;
    await page.goto("/start");
    await fillStartForm(page, { name: `Sam's Practice ${Date.now().toString(36)}`, email });
    await page.getByLabel("Web address").fill(existing.slug);
    await page.getByRole("button", { name: "Start my practice" }).click();
    await expect(page.getByText(`The web address “${existing.slug}” is taken by another practice.`)).toBeVisible();
    await expectAccessible(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "the form scrolls sideways").toBeLessThanOrEqual(0);

    await page.getByRole("button", { name: `Use ${existing.slug}-2` }).click();
    await expect(page.getByLabel("Web address")).toHaveValue(`${existing.slug}-2`);
    await page.getByRole("button", { name: "Start my practice" }).click();
    await followSignInLink(page, email);
    await expectOwnerOfEmptyWorkspace(page, `${existing.slug}-2`);
  });
});
