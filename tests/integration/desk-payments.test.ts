import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, clients, creditUses, packagePurchases, packages, payments, refunds, stripeCustomers } from "@/db/schema";
import { createPackage } from "@/lib/billing/billing-settings";
import { creditsToOffer } from "@/lib/billing/booking-credits";
import { deskOptions, takeDeskPayment } from "@/lib/billing/desk-payments";
import { buyPackage } from "@/lib/billing/portal-billing";
import { refundPayment } from "@/lib/billing/refunds";
import { buildStatement, statementPdf } from "@/lib/billing/statement";
import { formatCalendarDate, localDate } from "@/lib/dates";
import { bookPaid, paidPractice } from "./helpers/billing-fixture";
import { auditEventsFor, createClient, createPractice, createUser, scopeFor } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";
import { startTestStandIn, type TestStandIn } from "./helpers/stripe-standin";

let stripe: TestStandIn;
beforeAll(async () => {
  stripe = await startTestStandIn();
});
afterAll(async () => {
  await stripe.close();
});

const ZONE = "America/New_York";

/**
 * An individual client who booked a $190.01 session 3 days ahead and paid the
 * $50 deposit online with 4242 (the card is kept: the service has fees), so
 * $140.01 is still due for the visit.
 */
async function depositPaid() {
  const fixture = await paidPractice({ mode: "deposit", depositCents: 5000, attendance: "individual" });
  const booked = await bookPaid(fixture.practice, fixture.service.id, { daysAhead: 3, people: [{ firstName: "Gus", lastName: "Ode", email: `gus-${fixture.practice.slug}@example.test` }] });
  const [deposit] = await db.select().from(payments).where(eq(payments.appointmentId, booked.appointmentId));
  await stripe.checkout(deposit!.stripeCheckoutSessionId!, "pay", "4242");
  await stripe.settled();
  const [appt] = await db.select().from(appointments).where(eq(appointments.id, booked.appointmentId));
  expect(appt!.status).toBe("confirmed");
  const [client] = await db.select().from(clients).where(eq(clients.id, deposit!.clientId));
  const take = (values: Record<string, unknown>, practiceId = fixture.practice.id) =>
    takeDeskPayment({ practiceId, clientId: client!.id, actorUserId: fixture.owner.user.id, timeZone: ZONE, values: { requestKey: randomUUID(), target: `visit:${booked.appointmentId}`, reference: "", ...values } }, new Date());
  return { ...fixture, booked, client: client!, deposit: deposit!, take };
}

/** A row's columns less its own keys (to copy it under a new id). */
function without<T extends object, K extends keyof T>(row: T, keys: K[]): Omit<T, K> {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !(keys as string[]).includes(k))) as Omit<T, K>;
}

const member = (m: { user: { id: string } }) => ({ kind: "member" as const, userId: m.user.id });

describe("front-desk payments", () => {
  it("records $80 cash for a visit with its reference, refuses bad input by field, never twice for one form, and refunds it at the desk without Stripe", async () => {
    const { practice, owner, client, take, booked } = await depositPaid();
    expect(await take({ method: "cheque", amount: "80" })).toMatchObject({ ok: false, errors: { reference: ["Enter the cheque number"] } });
    expect(await take({ method: "cash", amount: "eighty" })).toMatchObject({ ok: false, errors: { amount: ["Enter an amount like 80 or 80.50 (at least 0.50)"] } });
    expect(await take({ method: "cash", amount: "140.02" })).toMatchObject({ ok: false, errors: { amount: ["At most $140.01 is due for this session"] } });
    expect(await take({ method: "bitcoin", amount: "80" })).toMatchObject({ ok: false, errors: { method: ["Choose how it is paid"] } });
    expect(await db.select().from(payments).where(eq(payments.clientId, client.id))).toHaveLength(1);

    const requestKey = randomUUID();
    const first = await take({ method: "cash", amount: "80", reference: "R-0042", requestKey });
    expect(first).toMatchObject({ ok: true, outcome: "recorded", message: "$80 recorded." });
    // The same form sent again (a double click, a retry) finds the first payment.
    const again = await take({ method: "cash", amount: "80", reference: "R-0042", requestKey });
    expect(again).toMatchObject({ ok: true, outcome: "recorded" });
    const cash = await db.select().from(payments).where(and(eq(payments.clientId, client.id), eq(payments.method, "cash")));
    expect(cash).toHaveLength(1);
    expect(cash[0]).toMatchObject({ status: "succeeded", amountCents: 8000, reference: "R-0042", kind: "session", appointmentId: booked.appointmentId, createdByUserId: owner.user.id });
    expect(cash[0]!.stripePaymentIntentId).toBeNull();
    expect(await auditEventsFor(practice.id, "payment.recorded_at_desk")).toHaveLength(1);
    const options = await deskOptions(practice.id, client.id, ZONE);
    expect(options!.targets.find((t) => t.value === `visit:${booked.appointmentId}`)!.dueCents).toBe(6001);

    // Another practice's desk cannot record against this client.
    const other = await createPractice({ timeZone: ZONE });
    expect(await take({ method: "cash", amount: "10" }, other.id)).toMatchObject({ ok: false, errors: { target: ["That client was not found"] } });

    const stripeRefundsBefore = Object.keys(stripe.state.refunds).length;
    const refunded = await refundPayment({ practiceId: practice.id, paymentId: cash[0]!.id, actor: member(owner), values: { amount: "30", reason: "Overpaid at the desk" } }, new Date());
    expect(refunded).toMatchObject({ ok: true, status: "succeeded" });
    expect(Object.keys(stripe.state.refunds)).toHaveLength(stripeRefundsBefore);
    const [after] = await db.select().from(payments).where(eq(payments.id, cash[0]!.id));
    expect(after!.refundedCents).toBe(3000);
    const [refund] = await db.select().from(refunds).where(eq(refunds.paymentId, cash[0]!.id));
    expect(refund).toMatchObject({ status: "succeeded", stripeRefundId: null, amountCents: 3000 });
  });

  it("the desk form's sessions and what each still owes, read in one query for all of them: deposits, credits used or returned, payments in full", async () => {
    const { practice, owner, service, client, booked, take } = await depositPaid();
    const [original] = await db.select().from(appointments).where(eq(appointments.id, booked.appointmentId));
    const [attendee] = await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, booked.appointmentId));
    // Four more sessions for the same client, a week apart each (the clinician's ranges never overlap).
    const copies: string[] = [];
    for (let week = 1; week <= 4; week++) {
      const shift = (d: Date) => new Date(d.getTime() + week * 7 * 86_400_000);
      const rest = without(original!, ["id", "createdAt", "updatedAt"]);
      const [copy] = await db
        .insert(appointments)
        .values({ ...rest, startsAt: shift(original!.startsAt), endsAt: shift(original!.endsAt), blockedFrom: shift(original!.blockedFrom), blockedTo: shift(original!.blockedTo) })
        .returning({ id: appointments.id });
      await db.insert(appointmentAttendees).values({ ...without(attendee!, ["id"]), appointmentId: copy!.id });
      copies.push(copy!.id);
    }
    const [unpaid, credited, returned, paidInFull] = copies as [string, string, string, string];
    expect(await createPackage(scopeFor(owner), { name: "Five sessions", sessionCount: "5", price: "800", validMonths: "6", serviceIds: [service.id] }, "USD")).toEqual({ ok: true });
    const [pkg] = await db.select().from(packages).where(eq(packages.practiceId, practice.id));
    expect(await take({ target: `package:${pkg!.id}`, method: "card_terminal", amount: "800", reference: "T-1" })).toMatchObject({ ok: true });
    const [purchase] = await db.select().from(packagePurchases).where(eq(packagePurchases.clientId, client.id));
    await db.insert(creditUses).values([
      { practiceId: practice.id, purchaseId: purchase!.id, appointmentId: credited },
      { practiceId: practice.id, purchaseId: purchase!.id, appointmentId: returned, returnedAt: new Date() },
    ]);
    expect(await take({ target: `visit:${paidInFull}`, method: "cash", amount: "190.01" })).toMatchObject({ ok: true, outcome: "recorded" });

    const options = await deskOptions(practice.id, client.id, ZONE);
    const dues = Object.fromEntries(options!.targets.filter((t) => t.value.startsWith("visit:")).map((t) => [t.value.slice("visit:".length), t.dueCents]));
    expect(dues).toEqual({ [booked.appointmentId]: 14001, [unpaid]: 19001, [returned]: 19001 });
    // The payment's own check (inside its transaction) reads the same figures.
    expect(await take({ target: `visit:${unpaid}`, method: "cash", amount: "190.02" })).toMatchObject({ ok: false, errors: { amount: ["At most $190.01 is due for this session"] } });
    expect(await take({ target: `visit:${credited}`, method: "cash", amount: "10" })).toMatchObject({ ok: false, errors: { target: ["This session is already paid"] } });
    expect(await take({ target: `visit:${paidInFull}`, method: "cash", amount: "10" })).toMatchObject({ ok: false, errors: { target: ["This session is already paid"] } });
  });

  it("charges the card on file for the rest of a visit once: a retried form and a second form charge nothing more", async () => {
    const { client, take, booked } = await depositPaid();
    const requestKey = randomUUID();
    const charged = await take({ method: "card_on_file", amount: "140.01", requestKey });
    expect(charged).toMatchObject({ ok: true, outcome: "charged", message: "$140.01 charged to the card on file." });
    expect(await take({ method: "card_on_file", amount: "140.01", requestKey })).toMatchObject({ ok: true, outcome: "charged" });
    expect(await take({ method: "card_on_file", amount: "140.01" })).toMatchObject({ ok: false, errors: { target: ["This session is already paid"] } });
    const desk = await db.select().from(payments).where(and(eq(payments.appointmentId, booked.appointmentId), eq(payments.status, "succeeded")));
    expect(desk.map((p) => p.amountCents).sort()).toEqual([14001, 5000]);
    const deskPayment = desk.find((p) => p.amountCents === 14001)!;
    expect(Object.values(stripe.state.payment_intents).filter((pi) => pi.metadata?.paymentId === deskPayment.id)).toHaveLength(1);
    expect(deskPayment.clientId).toBe(client.id);
  });

  it("a card kept under the fees-only wording is not charged for a visit", async () => {
    const { client, take } = await depositPaid();
    await db.update(stripeCustomers).set({ consentCoversVisits: false }).where(eq(stripeCustomers.clientId, client.id));
    expect(await take({ method: "card_on_file", amount: "140.01" })).toMatchObject({ ok: false, errors: { method: ["The card on file was kept for policy fees only; take this payment another way"] } });
    expect(await db.select().from(payments).where(eq(payments.clientId, client.id))).toHaveLength(1);
  });

  it("sells a package at the desk, by card terminal or the card on file: the credits land as an online purchase's do", async () => {
    const { practice, owner, service, client, take } = await depositPaid();
    expect(await createPackage(scopeFor(owner), { name: "Five sessions", sessionCount: "5", price: "800", validMonths: "6", serviceIds: [service.id] }, "USD")).toEqual({ ok: true });
    const [pkg] = await db.select().from(packages).where(eq(packages.practiceId, practice.id));
    expect(await take({ target: `package:${pkg!.id}`, method: "card_terminal", amount: "700", reference: "T-1" })).toMatchObject({ ok: false, errors: { amount: ["Five sessions is sold at $800"] } });
    expect(await take({ target: `package:${pkg!.id}`, method: "card_terminal", amount: "800", reference: "T-1" })).toMatchObject({ ok: true, outcome: "recorded" });
    expect(await take({ target: `package:${pkg!.id}`, method: "card_on_file", amount: "800" })).toMatchObject({ ok: true, outcome: "charged" });
    const bought = await db.select().from(packagePurchases).where(eq(packagePurchases.clientId, client.id));
    expect(bought).toHaveLength(2);
    expect(bought.every((b) => b.activatedAt !== null)).toBe(true);
    expect(await creditsToOffer({ practiceId: practice.id, clientId: client.id, now: new Date() })).toEqual([
      expect.objectContaining({ name: "Five sessions", remaining: 5 }),
      expect.objectContaining({ name: "Five sessions", remaining: 5 }),
    ]);
  });

  it("a package bought online with the client's consent keeps the card for later charges; without it, no card is kept", async () => {
    const { practice, owner, service } = await paidPractice({ attendance: "individual" });
    expect(await createPackage(scopeFor(owner), { name: "Three sessions", sessionCount: "3", price: "500", validMonths: "3", serviceIds: [service.id] }, "USD")).toEqual({ ok: true });
    const [pkg] = await db.select().from(packages).where(eq(packages.practiceId, practice.id));
    for (const keepCard of [true, false]) {
      const user = await createUser();
      const client = await createClient(practice, { email: `pkg-${keepCard}-${practice.slug}@example.test`, userId: user.id });
      const result = await buyPackage(client, pkg!.id, false, new Date(), { keepCard, practiceName: practice.name });
      expect(result.ok).toBe(true);
      const [payment] = await db.select().from(payments).where(eq(payments.clientId, client.id));
      expect(payment!.saveCard).toBe(keepCard);
      await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay", "4242");
      await stripe.settled();
      const [saved] = await db.select().from(stripeCustomers).where(eq(stripeCustomers.clientId, client.id));
      expect(saved!.paymentMethodId !== null).toBe(keepCard);
      expect(saved!.consentCoversVisits).toBe(keepCard);
      if (keepCard) expect(saved).toMatchObject({ cardBrand: "visa", cardLast4: "4242" });
    }
  });

  it("a statement lists the period's charges, payments by method and refunds, with opening and closing balances, as PDF text", async () => {
    const { practice, owner, client, take } = await depositPaid();
    expect(await take({ method: "cash", amount: "80", reference: "R-7" })).toMatchObject({ ok: true });
    const [cash] = await db.select().from(payments).where(and(eq(payments.clientId, client.id), eq(payments.method, "cash")));
    expect(await refundPayment({ practiceId: practice.id, paymentId: cash!.id, actor: member(owner), values: { amount: "30", reason: "Overpaid" } }, new Date())).toMatchObject({ ok: true });

    const now = new Date();
    const day = (offset: number) => localDate(new Date(now.getTime() + offset * 86_400_000), ZONE);
    // Read as if ten days on, so the session (3 days ahead) has taken place.
    const later = new Date(now.getTime() + 10 * 86_400_000);
    const before = await buildStatement(practice.id, client.id, { from: day(-1), to: day(1) }, later);
    // Paid $50 + $80, $30 handed back, nothing charged yet: $100 in credit.
    expect(before).toMatchObject({ openingCents: 0, closingCents: -10000, totals: { chargeCents: 0, paidCents: 13000, refundedCents: 3000 } });
    const st = await buildStatement(practice.id, client.id, { from: day(2), to: day(10) }, later);
    expect(st).toMatchObject({ openingCents: -10000, closingCents: 9001, totals: { chargeCents: 19001, paidCents: 0, refundedCents: 0 } });

    const whole = (await buildStatement(practice.id, client.id, { from: day(-1), to: day(10) }, later))!;
    const text = pdfText(await statementPdf(whole));
    expect(text).toContain("STATEMENT");
    expect(text).toContain(practice.name);
    expect(text).toContain("Gus Ode");
    // The period prints in the practice's words (an en-US practice: "24 Dec 2025"); the fields stay YYYY-MM-DD.
    expect(text).toContain(`Period ${formatCalendarDate(day(-1), "en-US", { short: true })} to ${formatCalendarDate(day(10), "en-US", { short: true })}`);
    expect(text).toContain("Payment, card (online)");
    expect(text).toContain("Payment, cash, ref R-7");
    expect(text).toContain("Refund, handed back: Overpaid");
    expect(text).toContain("Couples session");
    expect(text).toContain("Opening balance: $0");
    expect(text).toContain("Closing balance: $90.01 (due)");

    // Another practice cannot build it.
    const other = await createPractice({ timeZone: ZONE });
    expect(await buildStatement(other.id, client.id, { from: day(-1), to: day(10) }, later)).toBeNull();
  });
});
