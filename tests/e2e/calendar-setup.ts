import { DateTime } from "luxon";
import * as schema from "@/db/schema";
import { createClient, createMember, createPractice, db } from "./fixtures";

export const ZONE = "America/New_York";

/**
 * A New York practice with two clinicians (the owner and a clinician), each
 * working 9:00–17:00 every day and offering one 50-minute online session, and
 * one confirmed session with the owner at 10:00 three days from now.
 */
export async function twoClinicianPractice() {
  const practice = await createPractice("pelvic_pt");
  const other = await createMember(practice.id, "clinician");
  const [service] = await db
    .insert(schema.services)
    .values({ practiceId: practice.id, name: "Evaluation", durationMinutes: 50, priceCents: 15000, format: "online", attendance: "individual", bufferAfterMinutes: 10, minNoticeMinutes: 60, horizonDays: 60, slotStepMinutes: 30 })
    .returning();
  for (const memberId of [practice.owner.memberId, other.memberId]) {
    await db.insert(schema.serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId });
    await db
      .insert(schema.availabilityRules)
      .values([1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: practice.id, memberId, weekday, startMinute: 540, endMinute: 1020, timeZone: ZONE })));
  }
  const day = DateTime.now().setZone(ZONE).plus({ days: 3 }).startOf("day");
  const client = await createClient(practice.id, "Rowan");
  const startsAt = day.set({ hour: 10 }).toJSDate();
  const endsAt = day.set({ hour: 10, minute: 50 }).toJSDate();
  const [appointment] = await db
    .insert(schema.appointments)
    .values({
      practiceId: practice.id,
      serviceId: service!.id,
      memberId: practice.owner.memberId,
      format: "online",
      startsAt,
      endsAt,
      blockedFrom: startsAt,
      blockedTo: new Date(endsAt.getTime() + 10 * 60_000),
      status: "confirmed",
      priceCents: 15000,
      currency: "USD",
      bookedByStaff: true,
    })
    .returning();
  await db.insert(schema.appointmentAttendees).values({ practiceId: practice.id, appointmentId: appointment!.id, clientId: client.id });
  const ownerName = `Owner ${practice.slug.replace(/^test-/, "")}`;
  return { practice, other, ownerName, service: service!, client, day, date: day.toISODate()!, appointment: appointment! };
}
