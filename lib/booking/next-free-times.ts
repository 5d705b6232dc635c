import { findSlots } from "./find-slots";
import type { Slot } from "./slot-types";

/** How many alternatives a refused time offers, and how far ahead they are looked for. */
const ALTERNATIVES = 6;
const LOOK_AHEAD_MS = 14 * 86_400_000;

/**
 * The next few free times after `after` for the same service and clinician
 * choice: what a refused hold, reschedule or staff booking offers instead.
 * Staff bookings waive the minimum notice (`ignoreNotice`), as staff times do.
 */
export async function nextFreeTimes(
  practiceId: string,
  serviceId: string,
  clinicianId: string,
  after: Date,
  now: Date,
  options: { ignoreNotice?: boolean } = {},
): Promise<Slot[]> {
  const result = await findSlots({ practiceId, serviceId, clinicianId, from: after, to: new Date(after.getTime() + LOOK_AHEAD_MS), now, ignoreNotice: options.ignoreNotice });
  return (result?.slots ?? []).slice(0, ALTERNATIVES);
}
