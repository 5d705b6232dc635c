import { and, eq, isNotNull } from "drizzle-orm";
import * as schema from "@/db/schema";
import { pdfText } from "../integration/helpers/pdf-text";
import { expectAxeClean } from "./a11y";
import { createBookableService, createClient, createMember, createPractice, db, expect, signInAs, test } from "./fixtures";

/** A completed session `daysAgo` days back, $190, for one client. */
async function pastSession(practiceId: string, serviceId: string, memberId: string, clientId: string, daysAgo: number) {
  const startsAt = new Date(Date.now() - daysAgo * 86_400_000);
  const endsAt = new Date(startsAt.getTime() + 50 * 60_000);
  const [appointment] = await db
    .insert(schema.appointments)
    .values({ practiceId, serviceId, memberId, format: "online", startsAt, endsAt, blockedFrom: startsAt, blockedTo: new Date(endsAt.getTime() + 10 * 60_000), status: "completed", priceCents: 19000, currency: "USD" })
    .returning();
  await db.insert(schema.appointmentAttendees).values({ practiceId, appointmentId: appointment!.id, clientId });
  return appointment!;
}

// Issue 11, problem 4: the front desk takes cash, charges the card on file, sells a package and hands over a statement.
test("the front desk records cash, charges the card on file after confirming, sells a package and downloads a statement", async ({ page }) => {
  const practice = await createPractice();
  const service = await createBookableService(practice.id, practice.owner.memberId, { attendance: "individual", name: "Individual session" });
  const [pkg] = await db.insert(schema.packages).values({ practiceId: practice.id, name: "Five sessions", sessionCount: 5, priceCents: 80000, currency: "USD", validMonths: 6, serviceIds: [service.id] }).returning();
  const client = await createClient(practice.id, "Pia");
  const name = `${client.firstName} ${client.lastName}`;
  const first = await pastSession(practice.id, service.id, practice.owner.memberId, client.id, 9);
  const second = await pastSession(practice.id, service.id, practice.owner.memberId, client.id, 2);

  // The client buys a package online and agrees to keep the card: it stays on file for later charges.
  await signInAs(page, client.userId);
  await page.goto(`/portal/${client.id}/billing`);
  await page.getByLabel(/Keep this card on file/).check();
  await page.getByRole("button", { name: "Buy Five sessions" }).click();
  await page.getByRole("button", { name: "Pay $800.00" }).click();
  await expect(page.getByRole("heading", { name: "Payment received" })).toBeVisible();
  await page.goto(`/portal/${client.id}/billing`);
  await expect(page.getByText("Card on file: visa ending 4242.")).toBeVisible();

  const desk = await createMember(practice.id, "front_desk");
  await signInAs(page, desk.userId);
  await page.goto(`/clinic/${practice.slug}/clients/${client.id}`);
  await expect(page.getByRole("heading", { name: "Payments at the desk" })).toBeVisible();
  await expectAxeClean(page, "the client page with the desk's payment form");

  // $80 cash for the first session, with the receipt-book reference; a cheque needs its number.
  const form = page.getByRole("form", { name: "Take a payment" });
  await form.getByLabel("For", { exact: true }).selectOption(`visit:${first.id}`);
  await form.getByLabel("Paid by").selectOption("cheque");
  await form.getByLabel(/Amount/).fill("80");
  await form.getByRole("button", { name: "Take payment" }).click();
  await expect(form.getByText("Enter the cheque number")).toBeVisible();
  await form.getByLabel("Paid by").selectOption("cash");
  await form.getByLabel("Reference").fill("R-2041");
  await form.getByRole("button", { name: "Take payment" }).click();
  await expect(form.getByRole("status")).toHaveText("$80 recorded.");

  // The second session on the card on file: the dialog names the amount and the card; Cancel charges nothing.
  await form.getByLabel("For", { exact: true }).selectOption(`visit:${second.id}`);
  await expect(form.getByLabel(/Amount/)).toHaveValue(/^190(\.00)?$/);
  await form.getByLabel("Paid by").selectOption("card_on_file");
  await form.getByRole("button", { name: "Take payment" }).click();
  const ask = page.getByRole("alertdialog", { name: `Charge $190 to ${name}'s card?` });
  await expect(ask).toContainText("Visa ending 4242");
  await ask.getByRole("button", { name: "Cancel" }).click();
  await expect(ask).toHaveCount(0);
  expect(await db.select().from(schema.payments).where(eq(schema.payments.appointmentId, second.id))).toHaveLength(0);
  await form.getByRole("button", { name: "Take payment" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Charge $190" }).click();
  await expect(form.getByRole("status")).toHaveText("$190 charged to the card on file.");
  const [charged] = await db.select().from(schema.payments).where(eq(schema.payments.appointmentId, second.id));
  expect(charged).toMatchObject({ status: "succeeded", amountCents: 19000, method: "stripe" });

  // A package sold at the desk on the card terminal: its credits land at once.
  await form.getByLabel("For", { exact: true }).selectOption(`package:${pkg!.id}`);
  await expect(form.getByLabel(/Amount/)).toHaveValue(/^800(\.00)?$/);
  await form.getByLabel("Paid by").selectOption("card_terminal");
  await form.getByLabel("Reference").fill("T-77");
  await form.getByRole("button", { name: "Take payment" }).click();
  await expect(form.getByRole("status")).toHaveText("$800 recorded.");
  const active = await db.select().from(schema.packagePurchases).where(and(eq(schema.packagePurchases.clientId, client.id), isNotNull(schema.packagePurchases.activatedAt)));
  expect(active).toHaveLength(2);

  // The statement for the last month: every charge, every payment by method, and what is still due ($110 of the first session).
  await page.getByLabel("Start date").fill(new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10));
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download statement (PDF)" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^statement-.*\.pdf$/);
  const chunks: Buffer[] = [];
  for await (const chunk of (await file.createReadStream())!) chunks.push(chunk as Buffer);
  const text = pdfText(Buffer.concat(chunks));
  for (const line of [
    "STATEMENT",
    practice.name,
    name,
    "Individual session",
    "Package: Five sessions",
    "Payment, card (online)",
    "Payment, cash, ref R-2041",
    "Payment, card on file",
    "Payment, card terminal, ref T-77",
    "Opening balance: $0",
    "Closing balance: $110 (due)",
  ]) {
    expect(text).toContain(line);
  }
});
