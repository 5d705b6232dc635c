import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import * as schema from "@/db/schema";
import { pdfText } from "../integration/helpers/pdf-text";
import { createBookableService, createClient, createPractice, db, expect, signInAs, test } from "./fixtures";

const firstFreeTime = (page: Page) => page.locator("section[aria-label] li").getByRole("button").first();

test("a client buys a package in the portal, books with a credit, and staff download a superbill with the session's codes", async ({ page }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Individual session" });
  await db.insert(schema.serviceBilling).values({ practiceId: practice.id, serviceId: service.id, paymentMode: "full" });
  await db.insert(schema.serviceCptLines).values({ practiceId: practice.id, serviceId: service.id, position: 0, code: "90834" });
  await db.insert(schema.packages).values({ practiceId: practice.id, name: "Five sessions", sessionCount: 5, priceCents: 80000, currency: "USD", validMonths: 6, serviceIds: [service.id] });
  await db.insert(schema.practiceBilling).values({ practiceId: practice.id, taxId: "84-7654321", npi: "1234567893" });
  await db.insert(schema.memberBilling).values({ practiceId: practice.id, memberId: practice.owner.memberId, licenseNumber: "LMFT 777" });
  const client = await createClient(practice.id, "Pia");

  await signInAs(page, client.userId);
  await page.goto(`/portal/${client.id}/billing`);
  await expect(page.getByText("No package credits.")).toBeVisible();
  await page.getByRole("button", { name: "Buy Five sessions" }).click();
  await expect(page.getByRole("heading", { name: "Test payment" })).toBeVisible();
  await page.getByRole("button", { name: "Pay $800.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
  await page.goto(`/portal/${client.id}/billing`);
  await expect(page.getByText("5 of 5 left")).toBeVisible();

  // Booking the eligible service uses a credit: no payment page.
  await page.goto(`/book/${practice.slug}`);
  await expect(page.getByText("$190 · paid online when you book")).toBeVisible();
  await page.getByRole("button", { name: /Individual session/ }).click();
  await firstFreeTime(page).click();
  // Signed in: "you" is the portal's client (nothing to type) and the credit is offered, ticked (decision 0012).
  await expect(page.getByText(`${client.email} · signed in`)).toBeVisible();
  await expect(page.getByLabel(/Use a session credit from Five sessions \(5 left\)/)).toBeChecked();
  await page.getByLabel("I agree to the cancellation policy").check();
  await page.getByRole("button", { name: "Confirm booking" }).click();
  await expect(page.getByRole("heading", { name: "You're booked" })).toBeVisible();
  await page.goto(`/portal/${client.id}/billing`);
  await expect(page.getByText("4 of 5 left")).toBeVisible();
  await expect(page.getByRole("list", { name: "Your payments" })).toContainText("$800 · Five sessions");

  // The session took place; the clinician records codes; staff download the superbill.
  const [appointment] = await db.select().from(schema.appointments).where(eq(schema.appointments.practiceId, practice.id));
  const start = new Date(Date.now() - 2 * 86_400_000);
  await db
    .update(schema.appointments)
    .set({ status: "completed", startsAt: start, endsAt: new Date(start.getTime() + 50 * 60_000), blockedFrom: start, blockedTo: new Date(start.getTime() + 60 * 60_000) })
    .where(eq(schema.appointments.id, appointment!.id));
  await signInAs(page, practice.owner.userId);
  await page.goto(`/clinic/${practice.slug}/schedule/${appointment!.id}`);
  await page.getByLabel("Diagnosis codes (ICD-10)").fill("F43.23, Z63.0");
  await page.getByRole("button", { name: "Save codes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();

  await page.goto(`/clinic/${practice.slug}/clients/${client.id}`);
  const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  await page.getByLabel("From").fill(from);
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download superbill (PDF)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^superbill-.*\.pdf$/);
  const bytes = await (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of (await file.createReadStream())!) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  })();
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = pdfText(bytes);
  for (const line of ["Tax ID (EIN): 84-7654321", `${client.firstName} ${client.lastName}`, "90834", "F43.23, Z63.0", "License LMFT 777", "$190*", "paid with a prepaid package credit"]) {
    expect(text).toContain(line);
  }

  // The dashboard shows the package sale.
  await page.goto(`/clinic/${practice.slug}/billing`);
  await expect(page.getByRole("list", { name: "Package sales" })).toContainText("Five sessions: 1 sold, $800");
  await expect(page.getByTestId("paid-total")).toHaveText("$800");
});
