import { and, eq, gt, lte, notExists, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { appointments, holdClaims, rateLimits } from "@/db/schema";

/**
 * Deletes limiter rows nobody needs any more: rate-limit windows that ended
 * by `now` (the limiters run with clearExpiredByTimeout off, so no instance
 * sweeps on a timer) and hold claims whose hold is no longer live. Keeps the
 * tables small and the IPs in them no longer than a limit needs them.
 */
export async function sweepLimits(now: Date): Promise<{ windows: number; claims: number }> {
  const windows = await db.delete(rateLimits).where(lte(rateLimits.expire, now)).returning({ key: rateLimits.key });
  const claims = await db
    .delete(holdClaims)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(appointments)
          .where(and(eq(appointments.id, holdClaims.appointmentId), eq(appointments.status, "held"), gt(appointments.holdExpiresAt, now))),
      ),
    )
    .returning({ id: holdClaims.appointmentId });
  return { windows: windows.length, claims: claims.length };
}
