import { DateTime } from "luxon";
import { localDate } from "@/lib/dates/zone";
import { addBusinessDays, businessDaysBetween } from "./business-days";

export interface GfeDeadline {
  /** The end of the last business day the estimate may reach the client, in the practice's zone. */
  dueBy: Date;
  /**
   * Whether the rule asks for an estimate at all: a service under 3 business
   * days away needs none by 45 CFR 149.610(b), but we issue one anyway (the
   * client still deserves to know the cost), due within 1 business day.
   */
  required: boolean;
  /** Business days from scheduling to the service; null for a request. */
  businessDaysAway: number | null;
}

/**
 * When a Good Faith Estimate is due (45 CFR 149.610(b)(1)(ii)):
 * - scheduled at least 10 business days ahead: within 3 business days of scheduling;
 * - scheduled at least 3 business days ahead: within 1 business day of scheduling;
 * - asked for (`scheduledAt` null): within 3 business days of the request;
 * - under 3 business days ahead: not required, still due within 1 business day
 *   (or by the session's start, if that is sooner).
 *
 * "Within N business days" ends at midnight after the N-th business day
 * following the day of scheduling, counted in the practice's zone on the
 * federal calendar (lib/gfe/business-days.ts). Pure: `now` is the moment of
 * scheduling or of the request.
 */
export function dueBy(scheduledAt: Date | null, now: Date, zone: string): GfeDeadline {
  const today = localDate(now, zone);
  const endOf = (date: string) => DateTime.fromISO(date, { zone }).plus({ days: 1 }).startOf("day").toJSDate();
  if (scheduledAt === null) return { dueBy: endOf(addBusinessDays(today, 3)), required: true, businessDaysAway: null };
  const away = businessDaysBetween(today, localDate(scheduledAt, zone));
  if (away >= 10) return { dueBy: endOf(addBusinessDays(today, 3)), required: true, businessDaysAway: away };
  const oneDay = endOf(addBusinessDays(today, 1));
  if (away >= 3) return { dueBy: oneDay, required: true, businessDaysAway: away };
  // Not owed by the rule; useful only before the session, so never due after it starts.
  return { dueBy: scheduledAt < oneDay ? scheduledAt : oneDay, required: false, businessDaysAway: away };
}
