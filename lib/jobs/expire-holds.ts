import { db } from "@/db/client";
import { expireLapsedHolds } from "@/lib/booking/lifecycle";

/**
 * Frees the time of holds nobody confirmed: every `held` appointment whose
 * hold ran out by `now` becomes `expired` through the lifecycle (one
 * statement plus its outbox rows, in one transaction). Safe to run on
 * several instances at once. Returns how many holds expired.
 */
export function expireHolds(now: Date): Promise<number> {
  return db.transaction((tx) => expireLapsedHolds(tx, now));
}
