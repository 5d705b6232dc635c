import { and, eq, isNull } from "drizzle-orm";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointmentDiagnoses, appointments, auditEvents, clients, creditUses, memberBilling, packagePurchases, packages, payments, practiceBilling } from "@/db/schema";
import { createPackage, saveServiceBilling } from "@/lib/billing/billing-settings";
import { readDiagnoses, saveDiagnoses } from "@/lib/billing/diagnoses";
import { buyPackage, clientBilling } from "@/lib/billing/portal-billing";
import { buildSuperbill, superbillPdf } from "@/lib/billing/superbill";
import { cancelAppointment } from "@/lib/appointments/change-appointment";
import { sendBillingNotifications } from "@/lib/billing/notifications";
import { runAppointmentEvents } from "@/lib/jobs/appointment-events";
import { bookPaid, couplePeople, paidPractice } from "./helpers/billing-fixture";
import { proveByEmail } from "./helpers/proof";
import { scopeFor } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";
import { startTestStandIn, type TestStandIn } from "./helpers/stripe-standin";

let stripe: TestStandIn;
beforeAll(async () => {
  stripe = await startTestStandIn();
});
afterAll(async () => {
  await stripe.close();
});

describe("packages and credits", () => {
  it("a partner buys a package for the couple; booking the eligible service uses a credit instead of asking for payment; cancelling in time returns it", async () => {
    const { practice, owner, service } = await paidPractice();
    expect(await createPackage(scopeFor(owner), { name: "Six sessions", sessionCount: "6", price: "990", validMonths: "6", serviceIds: [service.id] }, "USD")).toEqual({ ok: true });
    const [pkg] = await db.select().from(packages).where(eq(packages.practiceId, practice.id));

    // The couple exists from an earlier booking (paid in full).
    const people = couplePeople();
    const first = await bookPaid(practice, service.id, { people, payer: "me", daysAhead: 2 });
    const [firstPayment] = await db.select().from(payments).where(eq(payments.appointmentId, first.appointmentId));
    await stripe.checkout(firstPayment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    // Each partner confirmed their address from their confirmation: that gives them portal access and links the couple (decision 0012).
    await sendBillingNotifications(new Date());
    // Booking confirmations travel through the appointment outbox, billing's emails through billing's.
    await runAppointmentEvents(new Date());
    for (const p of people) await proveByEmail(p.email);
    const [ana] = await db.select().from(clients).where(eq(clients.email, people[0]!.email));
    const [ben] = await db.select().from(clients).where(eq(clients.email, people[1]!.email));

    const bought = await buyPackage(ben!, pkg!.id, true, new Date());
    expect(bought.ok).toBe(true);
    const [purchase] = await db.select().from(packagePurchases).where(eq(packagePurchases.packageId, pkg!.id));
    expect(purchase!.activatedAt).toBeNull();
    const [pkgPayment] = await db.select().from(payments).where(eq(payments.purchaseId, purchase!.id));
    await stripe.checkout(pkgPayment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    const [active] = await db.select().from(packagePurchases).where(eq(packagePurchases.id, purchase!.id));
    expect(active!.activatedAt).not.toBeNull();
    expect(active!.coupleId).not.toBeNull();

    // Ana (the other partner) books from her portal session: a credit, no checkout, confirmed at once.
    const second = await bookPaid(practice, service.id, { people, payer: "me", daysAhead: 4, signedInUserId: ana!.userId!, useCredit: true });
    expect(second.payment).toBeUndefined();
    const [appt] = await db.select().from(appointments).where(eq(appointments.id, second.appointmentId));
    expect(appt!.status).toBe("confirmed");
    expect(await db.select().from(payments).where(eq(payments.appointmentId, second.appointmentId))).toEqual([]);
    const seen = await clientBilling(ana!, new Date());
    expect(seen.purchases.map((p) => [p.credits, p.used, p.shared])).toEqual([[6, 1, true]]);

    await cancelAppointment({ practiceId: practice.id, appointmentId: second.appointmentId, actor: { kind: "client", userId: ana!.userId! } }, new Date());
    const live = await db.select().from(creditUses).where(and(eq(creditUses.purchaseId, purchase!.id), isNull(creditUses.returnedAt)));
    expect(live).toEqual([]);
    expect((await clientBilling(ben!, new Date())).purchases[0]!.used).toBe(0);
  });

  it("rejects a package for another practice's service and a deposit above the price", async () => {
    const { owner, service } = await paidPractice();
    const other = await paidPractice();
    expect(await createPackage(scopeFor(owner), { name: "X", sessionCount: "2", price: "100", validMonths: "3", serviceIds: [other.service.id] }, "USD")).toEqual({
      ok: false,
      errors: { serviceIds: ["Choose services of this practice"] },
    });
    expect(await saveServiceBilling(scopeFor(owner), service.id, { paymentMode: "deposit", deposit: "500", cptLines: "90847", asksSuperbillDetails: false })).toEqual({
      ok: false,
      errors: { deposit: ["A deposit must be less than the price (or choose full payment)"] },
    });
    expect(await saveServiceBilling(scopeFor(owner), service.id, { paymentMode: "deposit", deposit: "50", cptLines: "9084 x0", asksSuperbillDetails: false })).toMatchObject({
      ok: false,
      errors: { cptLines: ["9084 is not a CPT code: 5 digits, or 4 digits and a letter, e.g. 97110"] },
    });
  });
});

describe("superbills", () => {
  it("lists each past session with CPT code and units, ICD-10 codes, clinician license, fee and paid; the PDF carries them", async () => {
    const { practice, owner, clinician, service } = await paidPractice({ attendance: "individual" });
    await db.insert(practiceBilling).values({ practiceId: practice.id, taxId: "84-1234567", npi: "1234567893" });
    await db.insert(memberBilling).values({ practiceId: practice.id, memberId: clinician.member.id, licenseNumber: "LMFT 12345" });
    const booked = await bookPaid(practice, service.id, { people: [{ firstName: "Ivy", lastName: "Park", email: `ivy-${practice.slug}@example.test` }] });
    const [payment] = await db.select().from(payments).where(eq(payments.appointmentId, booked.appointmentId));
    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();
    // The session took place (moved into the past) and was completed.
    const start = new Date(Date.now() - 3 * 86_400_000);
    await db
      .update(appointments)
      .set({ status: "completed", startsAt: start, endsAt: new Date(start.getTime() + 50 * 60_000), blockedFrom: start, blockedTo: new Date(start.getTime() + 50 * 60_000) })
      .where(eq(appointments.id, booked.appointmentId));
    expect(await saveDiagnoses(scopeFor(clinician), booked.appointmentId, { codes: "f43.23, Z63.0" })).toEqual({ ok: true });
    expect(await saveDiagnoses(scopeFor(owner), booked.appointmentId, { codes: "not-a-code" })).toMatchObject({ ok: false, errors: { "codes.0": ["Each code must look like F43.23 or Z63.0"] } });
    const [dx] = await db.select().from(appointmentDiagnoses).where(eq(appointmentDiagnoses.appointmentId, booked.appointmentId));
    expect(dx!.icd10Codes).toEqual(["F43.23", "Z63.0"]);
    // Staff reading the recorded codes is audited, without the codes.
    expect(await readDiagnoses(scopeFor(owner), booked.appointmentId)).toEqual(["F43.23", "Z63.0"]);
    const reads = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, booked.appointmentId), eq(auditEvents.action, "appointment.diagnoses_read")));
    expect(reads.map((r) => [r.actorUserId, r.detail])).toEqual([[owner.user.id, { count: 2 }]]);

    const [client] = await db.select().from(clients).where(eq(clients.id, payment!.clientId));
    const from = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date().toISOString().slice(0, 10);
    const bill = await buildSuperbill(practice.id, client!.id, { from, to }, new Date());
    expect(bill!.practice).toMatchObject({ taxId: "84-1234567", npi: "1234567893" });
    expect(bill!.lines).toEqual([
      expect.objectContaining({ cpt: [{ code: "90847", units: 1, modifiers: [] }], icd10: ["F43.23", "Z63.0"], license: "LMFT 12345", feeCents: 19001, paidCents: 19001, byCredit: false }),
    ]);
    const pdf = await superbillPdf(bill!);
    const doc = await PDFDocument.load(pdf);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getTitle()).toContain("Ivy Park");
    const text = pdfText(pdf);
    for (const expected of ["SUPERBILL", "Tax ID (EIN): 84-1234567    Practice NPI: 1234567893", "Ivy Park", "90847", "F43.23, Z63.0", "License LMFT 12345", "$190.01"]) {
      expect(text).toContain(expected);
    }
    // Another practice sees nothing of this client.
    const other = await paidPractice();
    expect(await buildSuperbill(other.practice.id, client!.id, { from, to }, new Date())).toBeNull();
  });
});
