import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { availabilityRules, serviceBilling, serviceClinicians, serviceCptLines, services, type Practice } from "@/db/schema";
import { confirmBooking } from "@/lib/appointments/confirm-booking";
import { findSlots } from "@/lib/booking/find-slots";
import { holdSlot } from "@/lib/booking/hold-slot";
import { createMember, createPractice, uniqueEmail } from "./factories";

/**
 * A practice whose clinician works around the clock, with a priced couples
 * service paid at booking. Billing tests run on the real clock (Stripe, and
 * the stand-in, bound checkout expiry to 30 min – 24 h from creation).
 */
export async function paidPractice(
  options: { mode?: "full" | "deposit"; depositCents?: number; attendance?: "couple" | "individual" | "either"; priceCents?: number; timeZone?: string; slotStepMinutes?: number } = {},
) {
  const zone = options.timeZone ?? "America/New_York";
  const practice = await createPractice({ timeZone: zone });
  const owner = await createMember(practice, { role: "owner" });
  const clinician = await createMember(practice, { role: "clinician" });
  const [service] = await db
    .insert(services)
    .values({
      practiceId: practice.id,
      name: "Couples session",
      durationMinutes: 50,
      priceCents: options.priceCents ?? 19001,
      format: "online",
      attendance: options.attendance ?? "couple",
      minNoticeMinutes: 60,
      horizonDays: 30,
      slotStepMinutes: options.slotStepMinutes ?? 60,
      cancellationWindowHours: 24,
      lateCancelFeeCents: 9500,
      noShowFeeCents: 12000,
    })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 0, endMinute: 1440, timeZone: zone })),
  );
  await db.insert(serviceBilling).values({
    practiceId: practice.id,
    serviceId: service!.id,
    paymentMode: options.mode ?? "full",
    depositCents: options.mode === "deposit" ? (options.depositCents ?? 5000) : null,
  });
  await db.insert(serviceCptLines).values({ practiceId: practice.id, serviceId: service!.id, position: 0, code: "90847" });
  return { practice, owner, clinician, service: service! };
}

/** Free start times `daysAhead` days from now. */
export async function freeSlots(practice: Practice, serviceId: string, daysAhead: number, now = new Date()) {
  const from = new Date(now.getTime() + daysAhead * 86_400_000);
  const result = await findSlots({ practiceId: practice.id, serviceId, clinicianId: "any", from, to: new Date(from.getTime() + 86_400_000), now });
  return result!.slots;
}

export const couplePeople = () => [
  { firstName: "Ana", lastName: "Reyes", email: uniqueEmail("ana") },
  { firstName: "Ben", lastName: "Reyes", email: uniqueEmail("ben") },
];

/** Hold a slot and submit the details, as the booking page does. */
export async function bookPaid(
  practice: Practice,
  serviceId: string,
  options: {
    daysAhead?: number;
    slotIndex?: number;
    people?: { firstName: string; lastName: string; email: string }[];
    payer?: "me" | "partner" | "split";
    now?: Date;
    /** Booking from a portal session as this user (the route reads it from the cookie). */
    signedInUserId?: string;
    useCredit?: boolean;
  } = {},
) {
  const now = options.now ?? new Date();
  const slots = await freeSlots(practice, serviceId, options.daysAhead ?? 3, now);
  const slot = slots[options.slotIndex ?? 0]!;
  const hold = await holdSlot(practice.id, { serviceId, clinicianId: "any", start: new Date(slot.start).toISOString() }, now);
  if (!hold.ok) throw new Error(`hold failed: ${JSON.stringify(hold)}`);
  const people = options.people ?? couplePeople();
  const result = await confirmBooking(
    practice.id,
    { holdToken: hold.holdToken, attendees: people, agreePolicy: true, payer: options.payer ?? "me", useCredit: options.useCredit ?? false },
    now,
    { userId: options.signedInUserId ?? null },
  );
  if (!result.ok) throw new Error(`confirm failed: ${JSON.stringify(result)}`);
  return { ...result, people, slot, hold };
}

export async function serviceRow(id: string) {
  const [row] = await db.select().from(services).where(eq(services.id, id));
  return row!;
}
