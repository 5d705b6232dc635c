import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { appointments, availabilityRules, serviceClinicians, services } from "@/db/schema";
import { bookForClients } from "@/lib/appointments/staff-book";
import { auditEventsFor, createClient, createMember, createPractice, scopeFor } from "./helpers/factories";

const ZONE = "America/New_York";
/** Monday 3 March 2031, 07:00 in New York. */
const NOW = new Date("2031-03-03T12:00:00Z");
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO()!;
const UNAVAILABLE = "That time is not available with this clinician. Choose another time.";
const OVERLAP = "That time overlaps another session with this clinician (buffers included). Choose another time.";

/** A New York practice whose clinician works 9:00–17:00 on weekdays; a 50-minute online session with a 10-minute buffer after. */
async function setup() {
  const practice = await createPractice({ timeZone: ZONE });
  const owner = await createMember(practice, { role: "owner" });
  const clinician = await createMember(practice, { role: "clinician" });
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 540, endMinute: 1020, timeZone: ZONE })),
  );
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Walk-in session", durationMinutes: 50, format: "online", attendance: "individual", priceCents: 15000, bufferAfterMinutes: 10, slotStepMinutes: 30 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  const client = await createClient(practice);
  const book = (start: string, extra: Record<string, unknown> = {}) =>
    bookForClients(scopeFor(owner), { serviceId: service!.id, clinicianId: clinician.member.id, clientIds: [client.id], start, ...extra }, NOW);
  const rows = () => db.select().from(appointments).where(eq(appointments.practiceId, practice.id));
  return { practice, book, rows };
}

describe("staff override: booking outside availability", () => {
  test("8 PM is refused without the override, and the override needs a reason; nothing is written", async () => {
    const { book, rows } = await setup();
    expect(await book(at("2031-03-04T20:00"))).toMatchObject({ ok: false, errors: { start: [UNAVAILABLE] } });
    expect(await book(at("2031-03-04T20:00"), { override: true, overrideReason: "   " })).toEqual({
      ok: false,
      errors: { overrideReason: ["Say why this is booked outside availability"] },
    });
    expect(await rows()).toEqual([]);
  });

  test("with a reason, 8 PM is booked: confirmed, 50 minutes, the reason kept, the audit entry says outside availability", async () => {
    const { practice, book, rows } = await setup();
    const result = await book(at("2031-03-04T20:00"), { override: true, overrideReason: "  Walk-in after the evening group  " });
    expect(result).toMatchObject({ ok: true, startsAt: at("2031-03-04T20:00") });
    const [row] = await rows();
    expect(row).toMatchObject({ status: "confirmed", bookedByStaff: true, overrideReason: "Walk-in after the evening group" });
    expect(row!.endsAt.toISOString()).toBe(at("2031-03-04T20:50"));
    const [audit] = await auditEventsFor(practice.id, "appointment.book");
    expect(audit).toMatchObject({ subjectId: row!.id, detail: expect.objectContaining({ via: "staff", outsideAvailability: true }) });
    // The audit keeps ids, never the words staff typed.
    expect(JSON.stringify(audit!.detail)).not.toContain("Walk-in");
  });

  test("a time the rules offer, booked with the override ticked, is an ordinary booking (no reason stored)", async () => {
    const { book, rows } = await setup();
    expect(await book(at("2031-03-04T10:00"), { override: true, overrideReason: "Just in case" })).toMatchObject({ ok: true });
    const [row] = await rows();
    expect(row!.overrideReason).toBeNull();
  });

  test("an override that overlaps a session (or its buffer) is refused by the database with a field error, and only the first stays", async () => {
    const { book, rows } = await setup();
    expect(await book(at("2031-03-04T20:00"), { override: true, overrideReason: "Extra evening" })).toMatchObject({ ok: true });
    // 20:55 starts inside the first session's 10-minute buffer (20:50–21:00).
    for (const start of [at("2031-03-04T20:30"), at("2031-03-04T20:55")]) {
      const refused = await book(start, { override: true, overrideReason: "Second walk-in" });
      expect(refused).toMatchObject({ ok: false, errors: { start: [OVERLAP] } });
    }
    // Back to back after the buffer is fine.
    expect(await book(at("2031-03-04T21:00"), { override: true, overrideReason: "Second walk-in" })).toMatchObject({ ok: true });
    expect((await rows()).map((r) => r.startsAt.toISOString()).sort()).toEqual([at("2031-03-04T20:00"), at("2031-03-04T21:00")].map((s) => new Date(s).toISOString()));
  });

  test("an override cannot book a session that is already over", async () => {
    const { book, rows } = await setup();
    expect(await book(at("2031-03-02T20:00"), { override: true, overrideReason: "Forgot to book it" })).toMatchObject({
      ok: false,
      errors: { start: ["That session would already be over. Choose a later time."] },
    });
    expect(await rows()).toEqual([]);
  });
});
