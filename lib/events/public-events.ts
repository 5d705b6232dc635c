import { and, asc, eq, gt, inArray } from "drizzle-orm";
import { db } from "@/db/client";
import { eventSessions, groupEvents, packages } from "@/db/schema";

/**
 * What the public booking page shows of events: the event itself and how
 * many seats are left. No attendee data at all, and never the join link
 * (that goes to each confirmed attendee in their own email).
 */
export interface PublicEvent {
  id: string;
  title: string;
  description: string;
  format: "online" | "in_person";
  location: string | null;
  priceCents: number | null;
  currency: string;
  /** The package whose credits pay for seats (one a seat), if the event takes them. */
  creditPackage: { id: string; name: string } | null;
  seatsLeft: number;
  signupOpen: boolean;
  cancellationPolicy: string;
  cancellationHours: number;
  dates: { startsAt: Date; endsAt: Date }[];
}

export async function listPublicEvents(practiceId: string, now: Date): Promise<PublicEvent[]> {
  const events = await db.select().from(groupEvents).where(and(eq(groupEvents.practiceId, practiceId), eq(groupEvents.status, "scheduled"), gt(groupEvents.signupCutoff, now))).orderBy(asc(groupEvents.signupCutoff));
  return withDates(events, now);
}

export async function loadPublicEvent(practiceId: string, eventId: string, now: Date): Promise<PublicEvent | null> {
  const events = await db.select().from(groupEvents).where(and(eq(groupEvents.practiceId, practiceId), eq(groupEvents.id, eventId), eq(groupEvents.status, "scheduled")));
  return (await withDates(events, now))[0] ?? null;
}

async function withDates(events: (typeof groupEvents.$inferSelect)[], now: Date): Promise<PublicEvent[]> {
  if (events.length === 0) return [];
  const packageIds = [...new Set(events.map((e) => e.creditPackageId).filter((id): id is string => id !== null))];
  const names = packageIds.length ? await db.select({ id: packages.id, name: packages.name }).from(packages).where(inArray(packages.id, packageIds)) : [];
  const dates = await db.select().from(eventSessions).where(inArray(eventSessions.eventId, events.map((e) => e.id))).orderBy(asc(eventSessions.startsAt));
  return events.map((e) => ({
    id: e.id,
    title: e.title,
    description: e.description,
    format: e.format,
    location: e.location,
    priceCents: e.priceCents,
    currency: e.currency,
    creditPackage: e.creditPackageId ? (names.find((n) => n.id === e.creditPackageId) ?? null) : null,
    seatsLeft: Math.max(0, e.capacity - e.seatsTaken),
    signupOpen: e.signupCutoff > now,
    cancellationPolicy: e.cancellationPolicy,
    cancellationHours: e.cancellationHours,
    dates: dates.filter((d) => d.eventId === e.id).map((d) => ({ startsAt: d.startsAt, endsAt: d.endsAt })),
  }));
}
