import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createClient, createPractice, db, expect, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

// A client on a phone keeps their own phone, date of birth and postal address (what a superbill prints)
// without asking the practice; a partner cannot open the other's details.

// The partner's try ends on the portal's not-found page, which the browser logs as a 404.
test.use({ allowedConsoleErrors: [/status of 404/] });

test("a client changes their own address and date of birth on a phone; bad input is named by field and saves nothing; a partner cannot open them", async ({ page }) => {
  const practice = await createPractice("pelvic_pt");
  const ana = await createClient(practice.id, "Ana");
  const ben = await createClient(practice.id, "Ben");

  await signInAs(page, ana.userId);
  await page.goto(`/portal/${ana.id}`);
  await page.getByRole("link", { name: "Change your details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Your details" })).toBeVisible();
  await expectNoSidewaysScroll(page, "the details page at 375 px");
  await expectAxeClean(page, "the details page", { only: "serious" });

  await page.getByLabel("Phone").fill("12");
  await page.getByLabel("Address line 1").fill("12 Harbour Row");
  await page.getByRole("button", { name: "Save your details" }).click();
  await expect(page.getByText("Enter a phone number with at least 7 digits")).toBeVisible();
  await expect(page.getByText("City is required with an address")).toBeVisible();
  await expect(page.getByText("Postal code is required with an address")).toBeVisible();
  await expect(page.getByLabel("Phone")).toHaveAttribute("aria-invalid", "true");
  await expectAxeClean(page, "the details page with errors", { only: "serious" });
  const [untouched] = await db.select().from(schema.clients).where(eq(schema.clients.id, ana.id));
  expect(untouched).toMatchObject({ phone: null, addressLine1: null });

  await page.getByLabel("Phone").fill("+1 503 555 0100");
  await page.getByLabel("Date of birth").fill("1988-02-29");
  await page.getByLabel("City").fill("Portland");
  await page.getByLabel("State or region").fill("OR");
  await page.getByLabel("Postal code").fill("97201");
  await page.getByLabel("Country").fill("us");
  await page.getByRole("button", { name: "Save your details" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Country")).toHaveValue("US");

  await page.getByRole("link", { name: "Back to your portal" }).click();
  const details = page.getByRole("definition");
  await expect(details.filter({ hasText: "29 February 1988" })).toHaveCount(1);
  await expect(details.filter({ hasText: "12 Harbour Row, Portland OR 97201, US" })).toHaveCount(1);
  await expectNoSidewaysScroll(page, "the portal home with an address");

  // Ben, signed in as himself, asks for Ana's page: the portal's not-found, nothing of hers.
  await page.context().clearCookies();
  await signInAs(page, ben.userId);
  const response = await page.goto(`/portal/${ana.id}/details`);
  expect(response!.status()).toBe(404);
  await expect(page.getByText("12 Harbour Row")).toHaveCount(0);
  await expect(page.getByLabel("Address line 1")).toHaveCount(0);
});
