import type { Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { createBookableService, createMember, createPractice, db, emailsTo, expect, signInAs, test } from "./fixtures";

/** A priced service paid in full at booking (billing), offered around the clock. */
async function paidService(practiceId: string, memberId: string, attendance: "couple" | "individual") {
  const service = await createBookableService(practiceId, memberId, { attendance, name: attendance === "couple" ? "Couples session" : "Individual session" });
  await db.insert(schema.serviceBilling).values({ practiceId, serviceId: service.id, paymentMode: "full" });
  await db.insert(schema.serviceCptLines).values({ practiceId, serviceId: service.id, position: 0, code: attendance === "couple" ? "90847" : "90834" });
  return service;
}

/** The first offered time (each day is a region named after it). */
const firstFreeTime = (page: Page) => page.locator("section[aria-label] li").getByRole("button").first();

async function waitForEmail(to: string, template: string) {
  await expect.poll(async () => (await emailsTo(to)).find((m) => m.template === template) ?? null, { timeout: 20_000 }).not.toBeNull();
  return (await emailsTo(to)).find((m) => m.template === template)!;
}

test("a couple books a paid session and splits it: each pays their own half, then both get a confirmation", async ({ page }) => {
  const practice = await createPractice();
  await paidService(practice.id, practice.owner.memberId, "couple");
  const a = `ana-${practice.slug}@e2e.tandem.test`;
  const b = `ben-${practice.slug}@e2e.tandem.test`;

  await page.goto(`/book/${practice.slug}`);
  await expect(page.getByText("$190 · paid online when you book")).toBeVisible();
  await page.getByRole("button", { name: /Couples session/ }).click();
  await firstFreeTime(page).click();
  await page.getByLabel("You: first name").fill("Ana");
  await page.getByLabel("You: last name").fill("Reyes");
  await page.getByLabel("You: email").fill(a);
  await page.getByLabel("Your partner: first name").fill("Ben");
  await page.getByLabel("Your partner: last name").fill("Reyes");
  await page.getByLabel("Your partner: email").fill(b);
  await page.getByLabel(/We each pay half/).check();
  await expect(page.getByText(/Your card is kept on file with Stripe/)).toBeVisible();
  await page.getByLabel("I agree to the cancellation policy").check();
  await page.getByRole("button", { name: "Continue to payment" }).click();

  // Stripe Checkout (the stand-in's test payment page): Ana's half.
  await expect(page.getByRole("heading", { name: "Test payment" })).toBeVisible();
  await expect(page.getByText(/allow .* to keep this card on file/)).toBeVisible();
  await page.getByRole("button", { name: "Pay $95.00" }).click();
  await expect(page.getByRole("heading", { name: "Your share is paid" })).toBeVisible();
  const [appointment] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  expect(appointment!.status).toBe("pending_payment");
  // Not confirmed by email before both halves are paid.
  expect((await emailsTo(a)).filter((m) => m.template === "booking-confirmation")).toEqual([]);

  // Ben pays his half from his own link.
  const link = await waitForEmail(b, "billing-payment-link");
  const href = /href="(http[^"]+\/pay\/[0-9a-f-]{36}\?t=[^"]+)"/.exec(link.html ?? "")![1]!.replace(/&amp;/g, "&");
  await page.goto(href);
  await expect(page.getByRole("heading", { name: /Pay \$95 to/ })).toBeVisible();
  await page.getByRole("link", { name: "Pay $95" }).click();
  await page.getByRole("button", { name: "Pay $95.00" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();

  const [confirmed] = await db.select().from(schema.appointments).where(eq(schema.appointments.id, appointment!.id));
  expect(confirmed!.status).toBe("confirmed");
  const parts = await db.select().from(schema.payments).where(eq(schema.payments.appointmentId, appointment!.id));
  expect(parts.map((p) => [p.splitPart, p.amountCents, p.status]).sort()).toEqual([
    [1, 9500, "succeeded"],
    [2, 9500, "succeeded"],
  ]);
  await waitForEmail(a, "booking-confirmation");
  await waitForEmail(b, "booking-confirmation");
  await waitForEmail(a, "billing-receipt");
});

test("abandoning the payment page and cancelling frees the time", async ({ page }) => {
  const practice = await createPractice();
  await paidService(practice.id, practice.owner.memberId, "individual");
  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("button", { name: /Individual session/ }).click();
  await firstFreeTime(page).click();
  await page.getByLabel("You: first name").fill("Cal");
  await page.getByLabel("You: last name").fill("Ng");
  await page.getByLabel("You: email").fill(`cal-${practice.slug}@e2e.tandem.test`);
  await page.getByLabel("I agree to the cancellation policy").check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: "Decline (card refused)" }).click();
  await expect(page.getByRole("alert")).toContainText("Your card was declined");
  await page.getByRole("button", { name: "Abandon and go back" }).click();
  await expect(page.getByRole("heading", { name: "Your payment is not finished" })).toBeVisible();
  await page.getByRole("button", { name: "Cancel this booking" }).click();
  await expect(page.getByRole("heading", { name: "Booking cancelled" })).toBeVisible();
  const [appointment] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  expect(appointment!.status).toBe("expired");
});

test("staff refund a payment from its page and charge a no-show fee to the saved card with one click", async ({ page }) => {
  const practice = await createPractice();
  await paidService(practice.id, practice.owner.memberId, "individual");
  const email = `dee-${practice.slug}@e2e.tandem.test`;
  await page.goto(`/book/${practice.slug}`);
  await page.getByRole("button", { name: /Individual session/ }).click();
  await firstFreeTime(page).click();
  await page.getByLabel("You: first name").fill("Dee");
  await page.getByLabel("You: last name").fill("Ho");
  await page.getByLabel("You: email").fill(email);
  await page.getByLabel("I agree to the cancellation policy").check();
  await page.getByRole("button", { name: "Continue to payment" }).click();
  await page.getByRole("button", { name: "Pay $190.00" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();

  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/billing`);
  await expect(page.getByTestId("paid-total")).toHaveText("$190");
  await page.getByRole("link", { name: /Dee Ho: \$190/ }).click();
  await page.getByLabel(/Amount to refund/).fill("200");
  await page.getByLabel("Reason").fill("Goodwill after a rescheduling mix-up");
  await page.getByRole("button", { name: "Refund" }).click();
  await expect(page.getByText("At most $190 can still be refunded")).toBeVisible();
  await page.getByLabel(/Amount to refund/).fill("190");
  await page.getByRole("button", { name: "Refund" }).click();
  // It asks first, naming the amount and who is emailed; Cancel changes nothing.
  const ask = page.getByRole("alertdialog", { name: "Refund $190 to Dee Ho?" });
  await expect(ask).toContainText("Dee Ho is emailed once the refund goes through");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  await expect(page.getByTestId("refunded")).toHaveText("$0");
  await page.getByRole("button", { name: "Refund" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Refund $190" }).click();
  // Fully refunded: the form gives way to the refund in the payment's list.
  await expect(page.getByTestId("refunded")).toHaveText("$190");
  await expect(page.getByText("This payment is fully refunded.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Refunds of this payment" })).toContainText("$190 · succeeded · Goodwill after a rescheduling mix-up");
  await waitForEmail(email, "billing-refund");

  // The session happened without them: it is in the past now, marked a no-show, and the fee charged.
  const [appointment] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  const start = new Date(Date.now() - 2 * 3_600_000);
  await db
    .update(schema.appointments)
    .set({ startsAt: start, endsAt: new Date(start.getTime() + 50 * 60_000), blockedFrom: start, blockedTo: new Date(start.getTime() + 60 * 60_000) })
    .where(eq(schema.appointments.id, appointment!.id));
  await page.goto(`/clinic/${practice.slug}/schedule/${appointment!.id}`);
  await page.getByRole("button", { name: "Mark no-show" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Mark no-show" }).click();
  await expect(page.getByText("Card on file: visa ending 4242")).toBeVisible();
  await page.getByRole("button", { name: "Charge no-show fee ($190)" }).click();
  await expect(page.getByRole("alertdialog")).toContainText("$190 is charged now to the visa ending 4242");
  await page.getByRole("alertdialog").getByRole("button", { name: "Charge $190" }).click();
  await expect(page.getByText("$190 charged to the card on file.")).toBeVisible();
  const [fee] = await db.select().from(schema.fees).where(and(eq(schema.fees.appointmentId, appointment!.id), eq(schema.fees.kind, "no_show")));
  expect(fee!.status).toBe("paid");

  await page.goto(`/clinic/${practice.slug}/billing`);
  await expect(page.getByTestId("paid-total")).toHaveText("$380");
  await expect(page.getByTestId("refunded-total")).toHaveText("$190");
  const csv = await page.request.get(`/clinic/${practice.slug}/billing/export`);
  expect(csv.status()).toBe(200);
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toBe("date,client,description,clinician,service,kind,status,currency,amount,refunded");
});

test.describe("billing roles", () => {
  test.use({ allowedConsoleErrors: [/status of 404/] });
  test("a clinician (no billing role) cannot open the billing pages", async ({ page }) => {
    const practice = await createPractice();
    const clinician = await createMember(practice.id, "clinician");
    await signInAs(page, clinician.userId);
    expect((await page.goto(`/clinic/${practice.slug}/billing`))?.status()).toBe(404);
    expect((await page.request.get(`/clinic/${practice.slug}/billing/export`)).status()).toBe(404);
  });
});

test("the Services settings page states the payment rule the booking page applies", async ({ page }) => {
  const practice = await createPractice();
  await paidService(practice.id, practice.owner.memberId, "individual");
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/settings/services`);
  const item = page.getByRole("list", { name: "Active services" }).getByRole("listitem").filter({ hasText: "Individual session" });
  await expect(item).toContainText("$190 · Paid online when you book");
  await expect(item).not.toContainText("Pay at the session");
});
