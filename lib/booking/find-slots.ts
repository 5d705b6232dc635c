import { computeSlots, firstAvailablePerStart } from "./compute-slots";
import { loadBookingRules, type BookingRules } from "./list-services";
import { loadBusy } from "./load-busy";
import { slotRulesOf } from "./slot-interval";
import type { Slot } from "./slot-types";

const DAY = 86_400_000;
/** The widest range one request may ask for (a month view plus margins). */
export const MAX_RANGE_DAYS = 62;

export interface FindSlotsInput {
  practiceId: string;
  serviceId: string;
  /** A member id, or "any" for the first available clinician at each time. */
  clinicianId: string | "any";
  from: Date;
  to: Date;
  now: Date;
  ignoreNotice?: boolean;
  /** Rescheduling: the appointment being moved does not block itself. */
  excludeAppointmentId?: string;
  /** The times the rules allow whoever is booked (tells "taken" from "never offered"). */
  ignoreBusy?: boolean;
}

/**
 * The bookable times for a service: the practice's rules and the clinicians'
 * busy times from the database, fed to the pure engine. The booking action
 * calls this same function to re-check the chosen time, so what the page
 * shows is what the server accepts. Null: unknown or archived service.
 */
export async function findSlots(input: FindSlotsInput): Promise<{ rules: BookingRules; slots: Slot[] } | null> {
  const rules = await loadBookingRules(input.practiceId, input.serviceId, input.now);
  if (!rules || rules.service.archivedAt) return null;
  const clinicians =
    input.clinicianId === "any" ? rules.clinicians : rules.clinicians.filter((c) => c.memberId === input.clinicianId);
  const from = Math.max(input.from.getTime(), input.now.getTime());
  const to = Math.min(input.to.getTime(), from + MAX_RANGE_DAYS * DAY, input.now.getTime() + rules.service.horizonDays * DAY);
  if (clinicians.length === 0 || to <= from) return { rules, slots: [] };
  const busy = input.ignoreBusy ? new Map<string, never[]>() : await loadBusy(
    clinicians.map((c) => c.memberId),
    // Busy ranges reaching into the window from either side still matter.
    { from: new Date(from - DAY), to: new Date(to + DAY) },
    input.now,
    { excludeAppointmentId: input.excludeAppointmentId },
  );
  const slots = computeSlots({
    service: slotRulesOf(rules.service),
    clinicians: clinicians.map((c) => ({ memberId: c.memberId, weekly: c.weekly, overrides: c.overrides, busy: busy.get(c.memberId) ?? [] })),
    closures: rules.closures,
    from,
    to,
    now: input.now.getTime(),
    ignoreNotice: input.ignoreNotice,
  });
  return { rules, slots: input.clinicianId === "any" ? firstAvailablePerStart(slots) : slots };
}
