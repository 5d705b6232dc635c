import { and, gt, inArray, lt, notInArray, or, sql } from "drizzle-orm";
import { db, type DbOrTx } from "@/db/client";
import { appointments } from "@/db/schema";
import { LIVE_STATUSES } from "./lifecycle/transitions";
import type { Interval } from "./slot-types";

/**
 * Blocked ranges (buffers included) of the clinicians' live appointments and
 * unexpired holds overlapping [from, to), by member. One query.
 */
export async function loadBusy(
  memberIds: string[],
  range: { from: Date; to: Date },
  now: Date,
  options: { excludeAppointmentId?: string; /** Sessions being moved together (a series from one on). */ excludeAppointmentIds?: readonly string[]; tx?: DbOrTx } = {},
): Promise<Map<string, Interval[]>> {
  const busy = new Map<string, Interval[]>(memberIds.map((id) => [id, []]));
  if (memberIds.length === 0) return busy;
  const rows = await (options.tx ?? db)
    .select({ memberId: appointments.memberId, from: appointments.blockedFrom, to: appointments.blockedTo })
    .from(appointments)
    .where(
      and(
        inArray(appointments.memberId, memberIds),
        inArray(appointments.status, [...LIVE_STATUSES]),
        // A hold past its expiry no longer blocks, even before the job sweeps it.
        or(sql`${appointments.status} <> 'held'`, gt(appointments.holdExpiresAt, now)),
        lt(appointments.blockedFrom, range.to),
        gt(appointments.blockedTo, range.from),
        options.excludeAppointmentId ? sql`${appointments.id} <> ${options.excludeAppointmentId}` : undefined,
        options.excludeAppointmentIds?.length ? notInArray(appointments.id, [...options.excludeAppointmentIds]) : undefined,
      ),
    );
  for (const r of rows) busy.get(r.memberId)?.push({ start: r.from.getTime(), end: r.to.getTime() });
  return busy;
}
