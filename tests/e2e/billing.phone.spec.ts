import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createBookableService, createPractice, db, expect, latestEmail, signInAs, test } from "./fixtures";
import { expectAxeClean, expectNoSidewaysScroll } from "./a11y";

async function checkA11y(page: Page, what: string) {
  await expect(page.locator("main")).toBeVisible();
  await expectNoSidewaysScroll(page, what);
  await expectAxeClean(page, what);
}

test("paying on a phone: the test payment page, the return page and the billing screens pass axe at 375 px", async ({ page }) => {
  // Eight pages, each through axe: over a minute on a loaded two-core machine.
  test.slow();
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Individual session" });
  await db.insert(schema.serviceBilling).values({ practiceId: practice.id, serviceId: service.id, paymentMode: "deposit", depositCents: 5000 });
  await db.insert(schema.practiceBrands).values({ practiceId: practice.id, displayName: "Fjord Pelvic Health", colour: "#1f5f5b" });
  await page.goto(`/book/${practice.slug}`);
  await expect(page.getByText("$190 · $50 deposit online when you book")).toBeVisible();
  await page.getByRole("button", { name: /Individual session/ }).click();
  await page.locator("section[aria-label] li").getByRole("button").first().click();
  await page.getByLabel("You: first name").fill("Ola");
  await page.getByLabel("You: last name").fill("Berg");
  await page.getByLabel("You: email").fill(`ola-${practice.slug}@e2e.tandem.test`);
  await page.getByLabel("I agree to the cancellation policy").check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await expect(page.getByRole("heading", { name: "Test payment" })).toBeVisible();
  await checkA11y(page, "the test payment page");
  await page.getByRole("button", { name: "Pay $50.00" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  // Back from Stripe, the payer is still on the practice's own page: its name in the header, not ours.
  await expect(page.getByRole("banner").getByText("Fjord Pelvic Health")).toBeVisible();
  await expect(page.getByRole("banner").getByText("Tandem")).toHaveCount(0);
  await expect(page.getByText("$50 paid to Fjord Pelvic Health for")).toBeVisible();
  await checkA11y(page, "the return page");
  const [payment] = await db.select().from(schema.payments).where(eq(schema.payments.practiceId, practice.id));
  expect(payment).toMatchObject({ kind: "deposit", amountCents: 5000, status: "succeeded" });

  await signInAs(page, practice.owner.userId);
  for (const path of [`/clinic/${practice.slug}/billing`, `/clinic/${practice.slug}/billing/payments/${payment!.id}`, `/clinic/${practice.slug}/settings/billing`]) {
    await page.goto(path);
    await checkA11y(page, path);
  }
  // Portal access comes when Ola confirms her address with the link in her confirmation (decision 0012).
  const email = `ola-${practice.slug}@e2e.tandem.test`;
  await expect.poll(async () => (await latestEmail(email, "booking-confirmation"))?.text ?? null, { timeout: 20_000 }).toContain("/confirm-email/");
  const link = (await latestEmail(email, "booking-confirmation"))!.text!.match(/https?:\/\/\S+\/confirm-email\/[A-Za-z0-9._-]+/)![0];
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm it's me" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, it's confirmed" })).toBeVisible();
  await checkA11y(page, "the confirm-it's-you page");
  const [client] = await db.select().from(schema.clients).where(eq(schema.clients.id, payment!.clientId));
  await signInAs(page, client!.userId!);
  await page.goto(`/portal/${client!.id}/billing`);
  await checkA11y(page, "portal billing");
});
