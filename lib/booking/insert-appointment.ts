import { and, eq, lte } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { appointments, type Service } from "@/db/schema";
import type { Slot } from "./slot-types";

type Extra = Partial<Pick<typeof appointments.$inferInsert, "coupleId" | "holdExpiresAt" | "bookedByStaff" | "createdByUserId">>;

/**
 * Inserts a live appointment (a hold or a confirmed booking) for a slot the
 * engine offered, its blocked range widened by the service's buffers. A lapsed
 * hold of that clinician is expired first, so it never stands in the way even
 * before the sweep job runs. An overlap with a live one fails with 23P01 from
 * the exclusion constraint: the caller turns that into "just taken".
 */
export async function insertAppointment(
  tx: Tx,
  input: { practiceId: string; service: Pick<Service, "id" | "format" | "bufferBeforeMinutes" | "bufferAfterMinutes" | "priceCents" | "currency">; slot: Slot; status: "held" | "confirmed"; now: Date } & Extra,
): Promise<string> {
  const { practiceId, service, slot, status, now, ...extra } = input;
  await tx
    .update(appointments)
    .set({ status: "expired", updatedAt: now })
    .where(and(eq(appointments.memberId, slot.memberId), eq(appointments.status, "held"), lte(appointments.holdExpiresAt, now)));
  const [row] = await tx
    .insert(appointments)
    .values({
      practiceId,
      serviceId: service.id,
      memberId: slot.memberId,
      locationId: slot.locationId,
      format: service.format,
      startsAt: new Date(slot.start),
      endsAt: new Date(slot.end),
      blockedFrom: new Date(slot.start - service.bufferBeforeMinutes * 60_000),
      blockedTo: new Date(slot.end + service.bufferAfterMinutes * 60_000),
      status,
      priceCents: service.priceCents,
      currency: service.currency,
      createdAt: now,
      updatedAt: now,
      ...extra,
    })
    .returning({ id: appointments.id });
  return row!.id;
}
