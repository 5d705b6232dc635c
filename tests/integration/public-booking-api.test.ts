import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { availabilityRules, serviceClinicians, services } from "@/db/schema";
import { GET as slotsRoute } from "@/app/api/book/[slug]/slots/route";
import { confirmBooking } from "@/lib/appointments/confirm-booking";
import { findSlots } from "@/lib/booking/find-slots";
import { holdSlot } from "@/lib/booking/hold-slot";
import {
  confirmBody,
  confirmResponseSchema,
  errorResponseSchema,
  fieldErrorsResponseSchema,
  holdBody,
  holdConflictBody,
  holdConflictResponseSchema,
  holdResponseSchema,
  messageResponseSchema,
  readWire,
  slotsResponseSchema,
} from "@/lib/booking/public-api";
import { createMember, createPractice, uniqueEmail } from "./helpers/factories";

/**
 * Each public booking route's answer, as its handler (or the builder it
 * answers with) produces it from real data, matches the response schema the
 * wizard parses with, and is the same JSON, key for key, as before the
 * schemas existed.
 */

const DAY = 86_400_000;
// A Monday, well in the future, for the calls that take `now`.
const MONDAY_9AM_NY = new Date("2031-03-03T14:00:00Z");
const NOW = new Date("2031-03-01T12:00:00Z");

async function bookablePractice() {
  const practice = await createPractice({ timeZone: "America/New_York" });
  const clinician = await createMember(practice, { role: "clinician" });
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Individual session", durationMinutes: 50, priceCents: 15000, format: "online", attendance: "individual", minNoticeMinutes: 60, horizonDays: 60, slotStepMinutes: 60 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  // Every day, so a window starting two days from the real now has times.
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 9 * 60, endMinute: 17 * 60, timeZone: "America/New_York" })),
  );
  return { practice, clinician, service: service! };
}

function slotsRequest(slug: string, query: Record<string, string>) {
  const url = new URL(`http://localhost/api/book/${slug}/slots`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  return slotsRoute(new NextRequest(url), { params: Promise.resolve({ slug }) });
}

describe("GET /api/book/[slug]/slots", () => {
  it("answers with a body the slots schema accepts, byte for byte the shape it always had", async () => {
    const { practice, service, clinician } = await bookablePractice();
    const from = new Date(Date.now() + 2 * DAY);
    const to = new Date(from.getTime() + 2 * DAY);
    const res = await slotsRequest(practice.slug, { service: service.id, clinician: "any", from: from.toISOString(), to: to.toISOString() });
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = readWire(slotsResponseSchema, JSON.parse(text), "GET slots 200");
    expect(body.timeZone).toBe("America/New_York");
    expect(body.slots.length).toBeGreaterThan(0);
    expect(new Set(body.slots.map((s) => s.clinicianId))).toEqual(new Set([clinician.member.id]));

    // What the handler wrote by hand before: same keys, same order, same values.
    const found = await findSlots({ practiceId: practice.id, serviceId: service.id, clinicianId: "any", from, to, now: new Date() });
    expect(text).toBe(
      JSON.stringify({
        timeZone: practice.timeZone,
        slots: found!.slots.map((s) => ({ start: new Date(s.start).toISOString(), end: new Date(s.end).toISOString(), clinicianId: s.memberId, locationId: s.locationId })),
      }),
    );
  });

  it("its refusals match the error schemas the wizard reads", async () => {
    const { practice, service } = await bookablePractice();
    const missing = await slotsRequest("no-such-practice", { service: service.id, from: NOW.toISOString(), to: NOW.toISOString() });
    expect(missing.status).toBe(404);
    expect(messageResponseSchema.parse(await missing.json())).toEqual({ message: "Practice not found" });

    const bad = await slotsRequest(practice.slug, { service: "nope", from: "soon", to: NOW.toISOString() });
    expect(bad.status).toBe(400);
    const errors = fieldErrorsResponseSchema.parse(await bad.json()).errors;
    expect(errors).toEqual({ service: ["Unknown service"], from: ["from must be an ISO date-time"] });

    const unoffered = await slotsRequest(practice.slug, { service: crypto.randomUUID(), from: NOW.toISOString(), to: NOW.toISOString() });
    expect(unoffered.status).toBe(404);
    expect(readWire(errorResponseSchema, await unoffered.json(), "GET slots 404")).toEqual({ message: "That service is not offered" });
  });
});

describe("POST /api/book/[slug]/holds (its builders, from real holds)", () => {
  it("a hold's 201 body matches the hold schema and keeps its old JSON", async () => {
    const { practice, service, clinician } = await bookablePractice();
    const held = await holdSlot(practice.id, { serviceId: service.id, clinicianId: "any", start: MONDAY_9AM_NY.toISOString() }, NOW);
    if (!held.ok) throw new Error(`hold failed: ${JSON.stringify(held)}`);
    const body = holdBody(held);
    expect(holdResponseSchema.parse(body)).toEqual(body);
    expect(body).toMatchObject({ start: "2031-03-03T14:00:00.000Z", end: "2031-03-03T14:50:00.000Z", clinicianId: clinician.member.id, expiresAt: "2031-03-01T12:10:00.000Z" });
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({
        holdToken: held.holdToken,
        expiresAt: held.expiresAt.toISOString(),
        start: new Date(held.slot.start).toISOString(),
        end: new Date(held.slot.end).toISOString(),
        clinicianId: held.slot.memberId,
        locationId: held.slot.locationId,
      }),
    );
  });

  it("a taken time's 409 body matches the conflict schema, with the next free times", async () => {
    const { practice, service } = await bookablePractice();
    const request = { serviceId: service.id, clinicianId: "any", start: MONDAY_9AM_NY.toISOString() };
    expect((await holdSlot(practice.id, request, NOW)).ok).toBe(true);
    const second = await holdSlot(practice.id, request, NOW);
    if (second.ok || !("alternatives" in second)) throw new Error(`expected a conflict: ${JSON.stringify(second)}`);
    const body = holdConflictBody({ code: second.reason, message: second.message, alternatives: second.alternatives });
    expect(holdConflictResponseSchema.parse(body)).toEqual(body);
    expect(body.code).toBe("taken");
    expect(body.message).toBe("Sorry, that time was just taken. Here are the next free times.");
    expect(body.alternatives[0]).toEqual({ start: "2031-03-03T15:00:00.000Z", clinicianId: second.alternatives[0]!.memberId });
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({ code: second.reason, message: second.message, alternatives: second.alternatives.map((s) => ({ start: new Date(s.start).toISOString(), clinicianId: s.memberId })) }),
    );
  });
});

describe("POST /api/book/[slug]/confirm (its builder, from a real booking)", () => {
  it("a booking's 200 body matches the confirm schema and keeps its old JSON", async () => {
    const { practice, service } = await bookablePractice();
    const held = await holdSlot(practice.id, { serviceId: service.id, clinicianId: "any", start: MONDAY_9AM_NY.toISOString() }, NOW);
    if (!held.ok) throw new Error("hold failed");
    const email = uniqueEmail("rae");
    const booked = await confirmBooking(practice.id, { holdToken: held.holdToken, agreePolicy: true, attendees: [{ firstName: "Rae", lastName: "Lin", email }] }, NOW);
    if (!booked.ok) throw new Error(`confirm failed: ${JSON.stringify(booked)}`);
    const body = confirmBody(booked);
    expect(confirmResponseSchema.parse(body)).toEqual({ appointmentId: booked.appointmentId, emailedTo: [email], signedIn: false, usedCredit: false, checkoutUrl: null, awaitingPayment: false, partnerEmailed: false });
    expect(JSON.stringify(body)).toBe(
      JSON.stringify({
        appointmentId: booked.appointmentId,
        emailedTo: booked.attendeeEmails,
        signedIn: booked.signedIn,
        usedCredit: booked.credit ?? false,
        checkoutUrl: booked.payment?.checkoutUrl ?? null,
        awaitingPayment: Boolean(booked.payment),
        partnerEmailed: booked.payment?.partnerEmailed ?? false,
      }),
    );
  });

  it("a refusal with field errors is what the wizard's error schema reads", async () => {
    const { practice } = await bookablePractice();
    const refused = await confirmBooking(practice.id, { holdToken: "x", attendees: [] }, NOW);
    if (refused.ok || !("errors" in refused)) throw new Error("expected field errors");
    const read = readWire(errorResponseSchema, { errors: refused.errors }, "POST confirm 400");
    expect(read.errors?.holdToken).toEqual(["Choose a time first"]);
    expect(read.errors?.agreePolicy).toEqual(["Please agree to the cancellation policy to book"]);
  });
});
