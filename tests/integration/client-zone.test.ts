import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, availabilityRules, emailMessages, payments, serviceClinicians, services, type Practice } from "@/db/schema";
import { confirmBooking } from "@/lib/appointments/confirm-booking";
import { rescheduleAppointment } from "@/lib/appointments/change-appointment";
import { listPayments } from "@/lib/billing/billing-queries";
import { csvOfPayments } from "@/lib/billing/payments-csv";
import { paymentStatusView } from "@/lib/billing/payment-status";
import { findSlots } from "@/lib/booking/find-slots";
import { holdSlot } from "@/lib/booking/hold-slot";
import { formatDateTime, inZone } from "@/lib/dates";
import { paidPractice } from "./helpers/billing-fixture";
import { createMember, createPractice, scopeFor, uniqueEmail } from "./helpers/factories";
import { startTestStandIn, type TestStandIn } from "./helpers/stripe-standin";

// Issue 11, problem 8 (decision 0039): a New York client of a Los Angeles practice reads New York times, the clinic's noted.

const NY = "America/New_York";
const LA = "America/Los_Angeles";
/** "11:30 PM EST (8:30 PM PST at the clinic)", or the daylight-time names in summer. */
const NY_1130_WITH_CLINIC = /11:30 PM E[SD]T \(8:30 PM P[SD]T at the clinic\)/;

let stripe: TestStandIn;
beforeAll(async () => {
  stripe = await startTestStandIn();
});
afterAll(async () => {
  await stripe.close();
});

/** A free individual service in `practice`, bookable around the clock every half hour. */
async function freeService(practice: Practice) {
  const clinician = await createMember(practice, { role: "clinician" });
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Coaching call", durationMinutes: 50, format: "online", attendance: "individual", minNoticeMinutes: 60, horizonDays: 30, slotStepMinutes: 30 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  await db.insert(availabilityRules).values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 0, endMinute: 1440, timeZone: practice.timeZone })));
  return service!;
}

/** The first free start, two or more days out, that is 11:30 PM in New York. */
async function elevenThirtyInNewYork(practice: Practice, serviceId: string, now = new Date()) {
  const from = new Date(now.getTime() + 2 * 86_400_000);
  const found = await findSlots({ practiceId: practice.id, serviceId, clinicianId: "any", from, to: new Date(from.getTime() + 2 * 86_400_000), now });
  const slot = found!.slots.find((s) => inZone(s.start, NY).toFormat("HH:mm") === "23:30");
  if (!slot) throw new Error("no 11:30 PM New York slot");
  return new Date(slot.start);
}

async function book(practice: Practice, serviceId: string, start: Date, timeZone: unknown) {
  const now = new Date();
  const hold = await holdSlot(practice.id, { serviceId, clinicianId: "any", start: start.toISOString() }, now);
  if (!hold.ok) throw new Error(`hold failed: ${JSON.stringify(hold)}`);
  const email = uniqueEmail("noor");
  const result = await confirmBooking(practice.id, { holdToken: hold.holdToken, attendees: [{ firstName: "Noor", lastName: "Haddad", email }], agreePolicy: true, timeZone }, now);
  if (!result.ok) throw new Error(`confirm failed: ${JSON.stringify(result)}`);
  return { ...result, email };
}

const confirmationTo = async (to: string) => (await db.select().from(emailMessages).where(eq(emailMessages.to, to))).find((m) => m.template === "booking-confirmation");

describe("a client booking from another zone", () => {
  it("keeps the zone they booked in, and their confirmation says their time with the clinic's beside it", async () => {
    const practice = await createPractice({ timeZone: LA });
    const service = await freeService(practice);
    const start = await elevenThirtyInNewYork(practice, service.id);
    const booked = await book(practice, service.id, start, NY);

    const [attendee] = await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, booked.appointmentId));
    expect(attendee!.timeZone).toBe(NY);
    const mail = await confirmationTo(booked.email);
    expect(mail!.text).toMatch(NY_1130_WITH_CLINIC);
    expect(mail!.text).toContain(formatDateTime(start, { zone: NY, practiceZone: LA }));
    // The subject is short: their own time only.
    expect(mail!.subject).toMatch(/11:30 PM E[SD]T$/);
  });

  it("a zone the runtime does not know is dropped: the practice's zone applies, with nothing to note", async () => {
    const practice = await createPractice({ timeZone: LA });
    const service = await freeService(practice);
    const start = await elevenThirtyInNewYork(practice, service.id);
    const booked = await book(practice, service.id, start, "Mars/Olympus_Mons");

    const [attendee] = await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, booked.appointmentId));
    expect(attendee!.timeZone).toBeNull();
    const mail = await confirmationTo(booked.email);
    expect(mail!.text).toMatch(/8:30 PM P[SD]T/);
    expect(mail!.text).not.toContain("at the clinic");
  });
});

describe("what a payment was for", () => {
  it("Stripe is told the payer's time; the pay pages name the appointment as it is now; staff's CSV reads in the practice's zone", async () => {
    const { practice, owner, service } = await paidPractice({ attendance: "individual", timeZone: LA, slotStepMinutes: 30 });
    const start = await elevenThirtyInNewYork(practice, service.id);
    const booked = await book(practice, service.id, start, NY);
    const [payment] = await db.select().from(payments).where(eq(payments.appointmentId, booked.appointmentId));
    // What Stripe's checkout shows, written from the appointment when it was created.
    expect(payment!.description).toMatch(NY_1130_WITH_CLINIC);
    expect((await paymentStatusView({ paymentId: payment!.id }))!.description).toBe(`Couples session, ${formatDateTime(start, { zone: NY, practiceZone: LA })}`);

    await stripe.checkout(payment!.stripeCheckoutSessionId!, "pay");
    await stripe.settled();

    // Moved a day later: the pay page follows the appointment, not the copy Stripe was sent.
    const later = new Date(start.getTime() + 86_400_000);
    expect(await rescheduleAppointment({ practiceId: practice.id, appointmentId: booked.appointmentId, actor: { kind: "system" }, byStaff: true, values: { start: later.toISOString() } }, new Date())).toEqual({ ok: true });
    const [moved] = await db.select().from(appointments).where(eq(appointments.id, booked.appointmentId));
    expect(moved!.startsAt.getTime()).toBe(later.getTime());
    const view = await paymentStatusView({ paymentId: payment!.id });
    expect(view!.description).toBe(`Couples session, ${formatDateTime(later, { zone: NY, practiceZone: LA })}`);
    expect(view!.description).not.toBe(payment!.description);

    // Staff read in the clinic's zone: the dashboard's rows and the CSV name the new time at the clinic.
    const rows = await listPayments(scopeFor(owner), {});
    const row = rows.find((r) => r.id === payment!.id)!;
    expect(row.description).toBe(`Couples session, ${formatDateTime(later, LA)}`);
    expect(row.description).toMatch(/8:30 PM P[SD]T$/);
    const csv = csvOfPayments([row], LA);
    expect(csv).toContain(`"Couples session, ${formatDateTime(later, LA)}"`);
    expect(csv.split("\r\n")[1]).toMatch(/^\d{4}-\d{2}-\d{2},/);
  });
});
