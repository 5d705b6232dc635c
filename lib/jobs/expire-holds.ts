import { and, eq, lte, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments } from "@/db/schema";

/**
 * Frees the time of holds nobody confirmed: every `held` appointment whose
 * hold ran out by `now` becomes `expired` (no longer a live status, so the
 * exclusion constraint stops counting it). One statement; safe to run on
 * several instances at once. Returns how many holds expired.
 */
export async function expireHolds(now: Date): Promise<number> {
  const expired = await db
    .update(appointments)
    .set({ status: "expired", updatedAt: sql`now()` })
    .where(and(eq(appointments.status, "held"), lte(appointments.holdExpiresAt, now)))
    .returning({ id: appointments.id });
  return expired.length;
}
