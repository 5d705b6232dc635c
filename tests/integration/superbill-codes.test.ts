import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { appointmentCptLines, appointments, availabilityRules, clients, serviceBilling, serviceClinicians, serviceCptLines, services } from "@/db/schema";
import { confirmBooking } from "@/lib/appointments/confirm-booking";
import { saveServiceBilling } from "@/lib/billing/billing-settings";
import { readVisitCptLines, saveVisitCptLines } from "@/lib/billing/diagnoses";
import { buildSuperbill, superbillPdf } from "@/lib/billing/superbill";
import { holdSlot } from "@/lib/booking/hold-slot";
import { listPublicServices } from "@/lib/booking/public-services";
import { saveClient } from "@/lib/clients/save-client";
import { freeSlots } from "./helpers/billing-fixture";
import { createMember, createPractice, scopeFor, uniqueEmail } from "./helpers/factories";
import { pdfText } from "./helpers/pdf-text";

/** A pelvic PT clinic with a free follow-up (nothing paid online), its clinician available around the clock. */
async function ptClinic() {
  const practice = await createPractice({ kind: "pelvic_pt", timeZone: "America/Chicago" });
  const owner = await createMember(practice, { role: "owner" });
  const pt = await createMember(practice, { role: "clinician", displayName: "Dana Whitfield" });
  const other = await createMember(practice, { role: "clinician" });
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Pelvic PT follow-up", durationMinutes: 45, priceCents: 16000, format: "online", attendance: "individual", minNoticeMinutes: 60, horizonDays: 30, slotStepMinutes: 60 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: pt.member.id });
  await db.insert(availabilityRules).values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: practice.id, memberId: pt.member.id, weekday, startMinute: 0, endMinute: 1440, timeZone: "America/Chicago" })));
  return { practice, owner, pt, other, service: service! };
}

async function hold(practiceId: string, practice: Awaited<ReturnType<typeof ptClinic>>["practice"], serviceId: string) {
  const slot = (await freeSlots(practice, serviceId, 2))[0]!;
  const held = await holdSlot(practiceId, { serviceId, clinicianId: "any", start: new Date(slot.start).toISOString() }, new Date());
  if (!held.ok) throw new Error("hold failed");
  return held.holdToken;
}

const details = { dateOfBirth: "1989-06-02", addressLine1: "2210 N Halsted St", addressLine2: "Apt 3", city: "Chicago", region: "IL", postalCode: "60614", country: "us" };

describe("superbills and codes", () => {
  it("a service's CPT lines, a visit's adjusted units and modifiers, the client's date of birth and address: all on the superbill", async () => {
    const { practice, owner, pt, other, service } = await ptClinic();
    const ownerScope = scopeFor(owner);
    // The service's default lines, and booking asks for date of birth and address.
    expect(await saveServiceBilling(ownerScope, service.id, { paymentMode: "none", deposit: "", cptLines: "97110 x3 GP\n97140 GP", asksSuperbillDetails: true })).toEqual({ ok: true });
    expect(await saveServiceBilling(ownerScope, service.id, { paymentMode: "none", deposit: "", cptLines: "97110 x9", asksSuperbillDetails: true })).toEqual({
      ok: false,
      errors: { cptLines: ["units must be between 1 and 8"] },
    });
    // The refused save changed nothing.
    expect((await db.select().from(serviceCptLines).where(eq(serviceCptLines.serviceId, service.id))).map((l) => [l.position, l.code, l.units, l.modifiers])).toEqual([
      [0, "97110", 3, ["GP"]],
      [1, "97140", 1, ["GP"]],
    ]);
    expect((await listPublicServices(practice.id, false)).find((s) => s.id === service.id)?.asksSuperbillDetails).toBe(true);

    // Booking without the details is refused with a field error and writes nothing; with them, the client's record has them.
    const email = uniqueEmail("nora");
    const person = { firstName: "Nora", lastName: "Quinn", email, phone: "" };
    const token = await hold(practice.id, practice, service.id);
    expect(await confirmBooking(practice.id, { holdToken: token, attendees: [person], agreePolicy: true }, new Date())).toMatchObject({
      ok: false,
      errors: { "superbillDetails.dateOfBirth": ["Date of birth is required"] },
    });
    expect(await db.select().from(clients).where(and(eq(clients.practiceId, practice.id), eq(clients.email, email)))).toEqual([]);
    const bad = await confirmBooking(practice.id, { holdToken: token, attendees: [person], agreePolicy: true, superbillDetails: { ...details, postalCode: "", dateOfBirth: "2999-01-01" } }, new Date());
    expect(bad).toMatchObject({ ok: false, errors: { "superbillDetails.postalCode": ["Postal code is required"], "superbillDetails.dateOfBirth": [expect.stringContaining("in the past")] } });
    const booked = await confirmBooking(practice.id, { holdToken: token, attendees: [person], agreePolicy: true, superbillDetails: details }, new Date());
    if (!booked.ok) throw new Error(JSON.stringify(booked));
    const [client] = await db.select().from(clients).where(and(eq(clients.practiceId, practice.id), eq(clients.email, email)));
    expect(client).toMatchObject({ dateOfBirth: "1989-06-02", addressLine1: "2210 N Halsted St", city: "Chicago", region: "IL", postalCode: "60614", country: "US" });

    // The visit took place; its clinician adjusts the lines for it (another clinician may not).
    const start = new Date(Date.now() - 2 * 86_400_000);
    const end = new Date(start.getTime() + 45 * 60_000);
    await db.update(appointments).set({ status: "completed", startsAt: start, endsAt: end, blockedFrom: start, blockedTo: end }).where(eq(appointments.id, booked.appointmentId));
    expect(await readVisitCptLines(scopeFor(pt), booked.appointmentId)).toEqual({ fromService: true, lines: [{ code: "97110", units: 3, modifiers: ["GP"] }, { code: "97140", units: 1, modifiers: ["GP"] }] });
    expect(await saveVisitCptLines(scopeFor(other), booked.appointmentId, { cptLines: "97110" })).toEqual({ ok: false, errors: { cptLines: ["Only the session's clinician records its CPT codes"] } });
    expect(await saveVisitCptLines(scopeFor(pt), booked.appointmentId, { cptLines: "97110 x2 GP\n97140 X1 GP 59" })).toEqual({ ok: true });
    expect(await db.select().from(appointmentCptLines).where(eq(appointmentCptLines.appointmentId, booked.appointmentId))).toHaveLength(2);

    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    const bill = await buildSuperbill(practice.id, client!.id, { from, to: today }, new Date());
    expect(bill!.client).toMatchObject({ dateOfBirth: "1989-06-02", address: "2210 N Halsted St, Apt 3, Chicago, IL 60614, US" });
    expect(bill!.lines).toEqual([
      expect.objectContaining({
        service: "Pelvic PT follow-up",
        feeCents: 16000,
        cpt: [
          { code: "97110", units: 2, modifiers: ["GP"] },
          { code: "97140", units: 1, modifiers: ["GP", "59"] },
        ],
      }),
    ]);
    const text = pdfText(await superbillPdf(bill!));
    for (const expected of ["Date of birth: 2 June 1989", "Address: 2210 N Halsted St, Apt 3, Chicago, IL 60614, US", "97110", "97140", "GP 59", "Modifiers", "$160"]) expect(text).toContain(expected);

    // Clearing the visit's lines brings back the service's.
    expect(await saveVisitCptLines(scopeFor(pt), booked.appointmentId, { cptLines: "" })).toEqual({ ok: true });
    const again = await buildSuperbill(practice.id, client!.id, { from, to: today }, new Date());
    expect(again!.lines[0]!.cpt.map((l) => l.units)).toEqual([3, 1]);
  });

  it("a service whose billing does not ask books without date of birth or address; staff add an address on the client form", async () => {
    const { practice, owner, service } = await ptClinic();
    await db.insert(serviceBilling).values({ practiceId: practice.id, serviceId: service.id, paymentMode: "none" });
    const token = await hold(practice.id, practice, service.id);
    const booked = await confirmBooking(practice.id, { holdToken: token, attendees: [{ firstName: "Lee", lastName: "Moss", email: uniqueEmail("lee"), phone: "" }], agreePolicy: true }, new Date());
    expect(booked.ok).toBe(true);
    const created = await saveClient(scopeFor(owner), null, { firstName: "Ruth", lastName: "Ng", addressLine1: "5 Oak Ave" });
    expect(created).toMatchObject({ ok: false, errors: { city: ["City is required with an address"], postalCode: ["Postal code is required with an address"], country: ["Country is required with an address"] } });
    const saved = await saveClient(scopeFor(owner), null, { firstName: "Ruth", lastName: "Ng", addressLine1: "5 Oak Ave", city: "Evanston", region: "IL", postalCode: "60201", country: "US", dateOfBirth: "1991-01-09" });
    if (!saved.ok) throw new Error(JSON.stringify(saved));
    const [row] = await db.select().from(clients).where(eq(clients.id, saved.clientId));
    expect(row).toMatchObject({ addressLine1: "5 Oak Ave", city: "Evanston", postalCode: "60201", country: "US", dateOfBirth: "1991-01-09" });
  });
});
