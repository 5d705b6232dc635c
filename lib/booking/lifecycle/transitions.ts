import type { AppointmentStatus } from "@/db/schema";

/**
 * The only moves an appointment may make. Every status change goes through
 * lib/booking/lifecycle (`confirm`, `cancel`, `expire`…), whose UPDATE puts
 * this table in its WHERE clause, so a move the table refuses never happens
 * however two requests race. Pure (no database): pages and client
 * components read the labels from here.
 */
export const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  held: ["pending_payment", "confirmed", "expired", "cancelled"],
  pending_payment: ["confirmed", "expired", "cancelled"],
  confirmed: ["completed", "cancelled", "late_cancelled", "no_show"],
  completed: [],
  cancelled: [],
  late_cancelled: [],
  no_show: [],
  expired: [],
};

/** Statuses that occupy the clinician's time (the exclusion constraint's WHERE). */
export const LIVE_STATUSES: readonly AppointmentStatus[] = ["held", "pending_payment", "confirmed", "completed", "no_show"];

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Statuses from which `to` may be reached. */
export function sourcesOf(to: AppointmentStatus): AppointmentStatus[] {
  return (Object.keys(TRANSITIONS) as AppointmentStatus[]).filter((from) => canTransition(from, to));
}

export const STATUS_LABELS: Record<AppointmentStatus, string> = {
  held: "Held",
  pending_payment: "Awaiting payment",
  confirmed: "Confirmed",
  completed: "Completed",
  cancelled: "Cancelled",
  late_cancelled: "Late-cancelled",
  no_show: "No-show",
  expired: "Expired hold",
};

/** Inside the cancellation window a cancellation is late (the fee applies). */
export function isLateCancellation(startsAt: Date, cancellationWindowHours: number, now: Date): boolean {
  return startsAt.getTime() - now.getTime() < cancellationWindowHours * 3_600_000;
}

/** For app/, which reads the status type from here rather than from db/. */
export type { AppointmentStatus };
