import { and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { appointments, type AppointmentStatus } from "@/db/schema";
import { sourcesOf } from "./appointment-status";

/**
 * Moves one appointment to `to` if, and only if, its current status allows
 * it (checked atomically in the UPDATE). Returns false when it did not move.
 * `bumpSequence` marks a change attendees' calendars must see.
 */
export async function transitionAppointment(
  tx: DbOrTx,
  input: { practiceId: string; appointmentId: string; to: AppointmentStatus; now: Date; bumpSequence?: boolean },
): Promise<boolean> {
  const moved = await tx
    .update(appointments)
    .set({
      status: input.to,
      updatedAt: input.now,
      ...(input.to === "cancelled" || input.to === "late_cancelled" ? { cancelledAt: input.now } : {}),
      ...(input.to === "confirmed" ? { holdExpiresAt: null } : {}),
      ...(input.bumpSequence ? { sequence: sql`${appointments.sequence} + 1` } : {}),
    })
    .where(
      and(
        eq(appointments.id, input.appointmentId),
        eq(appointments.practiceId, input.practiceId),
        inArray(appointments.status, sourcesOf(input.to)),
      ),
    )
    .returning({ id: appointments.id });
  return moved.length === 1;
}
