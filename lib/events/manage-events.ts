import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { DateTime } from "luxon";
import { db } from "@/db/client";
import { clients, creditUses, eventAttendance, eventHosts, eventRegistrations, eventSessions, eventWaitlist, groupEvents, members, packages } from "@/db/schema";
import type { PracticeScope } from "@/lib/auth/guards";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { invalid, notFound, type Invalid, type NotFound } from "@/lib/errors/domain-error";
import { zodFieldErrors } from "@/lib/form-result";
import { isUuid } from "@/lib/ids";
import { centsToAmountInput } from "@/lib/money";
import { attendanceSchema, eventFormSchema, materialsSchema, priceCentsOf, type EventFormValues } from "./event-schema";
import { queueForAttendees, sendEventNotices } from "./notices";
import { cancelEventSeats, offerFreedSeats, type CancelEventResult } from "./seats";

/**
 * Staff side of group events (capability events.manage): create, list, the
 * roster (the only place attendees are named), attendance, materials,
 * cancelling. Every query is scoped to scope.practice.id.
 */

export type SaveEventResult = { ok: true; eventId: string } | Invalid;

type Checked = { ok: true; v: EventFormValues; dates: { startsAt: Date; endsAt: Date }[]; cutoff: Date; hostIds: string[] } | Invalid;

/** The form's rules beyond its schema, shared by create and edit: dates in the practice's zone, the cut-off, hosts and package from this practice. */
async function checkForm(scope: PracticeScope, input: unknown, now: Date, keep: { startsAt: Date; endsAt: Date }[] = []): Promise<Checked> {
  const parsed = eventFormSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const v = parsed.data;
  const zone = scope.practice.timeZone;
  const at = (local: string) => DateTime.fromISO(local, { zone }).toJSDate();
  const dates = v.sessions.map((s) => ({ startsAt: at(s.startsAt), endsAt: new Date(at(s.startsAt).getTime() + s.durationMinutes * 60_000) })).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  if (dates.some((d) => Number.isNaN(d.startsAt.getTime()))) return invalid({ "sessions.0.startsAt": ["Enter a date and time"] });
  // A date that has started is history: an edit keeps it as it was (attendance may be marked on it).
  const kept = (d: { startsAt: Date; endsAt: Date }) => keep.some((k) => k.startsAt.getTime() === d.startsAt.getTime() && k.endsAt.getTime() === d.endsAt.getTime());
  if (keep.some((k) => !dates.some((d) => d.startsAt.getTime() === k.startsAt.getTime() && d.endsAt.getTime() === k.endsAt.getTime()))) {
    return invalid({ sessions: ["A date that has already started cannot be changed or removed"] });
  }
  const future = dates.filter((d) => !kept(d));
  if (keep.length === 0 && dates[0]!.startsAt <= now) return invalid({ "sessions.0.startsAt": ["The first date must be in the future"] });
  if (future.some((d) => d.startsAt <= now)) return invalid({ sessions: ["A new or changed date must be in the future"] });
  const cutoff = at(v.signupCutoff);
  if (Number.isNaN(cutoff.getTime()) || cutoff > dates[0]!.startsAt) return invalid({ signupCutoff: ["Sign-up must close before the first date starts"] });
  const hosts = await db.select({ id: members.id }).from(members).where(and(eq(members.practiceId, scope.practice.id), inArray(members.id, v.hostIds)));
  if (hosts.length !== new Set(v.hostIds).size) return invalid({ hostIds: ["Choose hosts from your practice's team"] });
  if (v.creditPackageId) {
    const [pkg] = await db.select({ id: packages.id }).from(packages).where(and(eq(packages.practiceId, scope.practice.id), eq(packages.id, v.creditPackageId), isNull(packages.archivedAt)));
    if (!pkg) return invalid({ creditPackageId: ["Choose one of your practice's packages"] });
  }
  return { ok: true, v, dates, cutoff, hostIds: hosts.map((h) => h.id) };
}

export async function createEvent(scope: PracticeScope, input: unknown, now: Date): Promise<SaveEventResult> {
  const checked = await checkForm(scope, input, now);
  if (!checked.ok) return checked;
  const { v, dates, cutoff, hostIds } = checked;
  const eventId = await db.transaction(async (tx) => {
    const [event] = await tx
      .insert(groupEvents)
      .values({
        practiceId: scope.practice.id,
        title: v.title,
        description: v.description,
        format: v.format,
        location: v.format === "in_person" ? v.location : null,
        joinUrl: v.format === "online" ? v.joinUrl : null,
        capacity: v.capacity,
        priceCents: priceCentsOf(v.price),
        creditPackageId: v.creditPackageId || null,
        currency: scope.practice.currency,
        signupCutoff: cutoff,
        cancellationHours: v.cancellationHours,
        cancellationPolicy: v.cancellationPolicy,
        createdByUserId: scope.user.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: groupEvents.id });
    await tx.insert(eventSessions).values(dates.map((d) => ({ practiceId: scope.practice.id, eventId: event!.id, ...d })));
    await tx.insert(eventHosts).values(hostIds.map((id) => ({ practiceId: scope.practice.id, eventId: event!.id, memberId: id })));
    await recordAudit({ practiceId: scope.practice.id, actor: { kind: "member", userId: scope.user.id }, action: "event.create", subjectType: "group_event", subjectId: event!.id, detail: { dates: dates.length, capacity: v.capacity } }, tx);
    return event!.id;
  });
  return { ok: true, eventId };
}

export type UpdateEventResult = { ok: true; eventId: string; notified: number } | Invalid | NotFound;

/**
 * Staff edit a scheduled event (decision 0055, addendum). Dates that have
 * started stay as they were; capacity never drops below the seats taken
 * (the database's check has the last word); a raised capacity is offered to
 * the waitlist at once. A price or credit change applies to sign-ups from
 * now on; seats already paid for keep their terms. When the dates, the
 * place or the join link change, the calendar sequence rises and each
 * confirmed attendee is emailed, on their own, the new details with a
 * calendar file that replaces the old one.
 */
export async function updateEvent(scope: PracticeScope, eventId: string, input: unknown, now: Date): Promise<UpdateEventResult> {
  if (!isUuid(eventId)) return notFound("That event was not found.");
  const practiceId = scope.practice.id;
  const [current] = await db.select().from(groupEvents).where(and(eq(groupEvents.id, eventId), eq(groupEvents.practiceId, practiceId)));
  if (!current || current.status !== "scheduled") return notFound("That event was not found, or it was cancelled.");
  const existing = await db.select().from(eventSessions).where(and(eq(eventSessions.eventId, eventId), eq(eventSessions.practiceId, practiceId))).orderBy(asc(eventSessions.startsAt));
  const checked = await checkForm(scope, input, now, existing.filter((d) => d.startsAt <= now));
  if (!checked.ok) return checked;
  const { v, dates, cutoff, hostIds } = checked;

  const result = await db.transaction(async (tx) => {
    const [event] = await tx.select().from(groupEvents).where(and(eq(groupEvents.id, eventId), eq(groupEvents.practiceId, practiceId))).for("update");
    if (!event || event.status !== "scheduled") return null;
    if (v.capacity < event.seatsTaken) return invalid({ capacity: [`${event.seatsTaken} seats are taken, so the event needs at least ${event.seatsTaken}`] });
    const location = v.format === "in_person" ? v.location : null;
    const joinUrl = v.format === "online" ? v.joinUrl : null;
    const sameDates = existing.length === dates.length && existing.every((d, i) => d.startsAt.getTime() === dates[i]!.startsAt.getTime() && d.endsAt.getTime() === dates[i]!.endsAt.getTime());
    const changed = !sameDates || event.format !== v.format || event.location !== location || event.joinUrl !== joinUrl || event.title !== v.title;
    const sequence = changed ? event.sequence + 1 : event.sequence;
    await tx
      .update(groupEvents)
      .set({
        title: v.title,
        description: v.description,
        format: v.format,
        location,
        joinUrl,
        capacity: v.capacity,
        priceCents: priceCentsOf(v.price),
        creditPackageId: v.creditPackageId || null,
        signupCutoff: cutoff,
        cancellationHours: v.cancellationHours,
        cancellationPolicy: v.cancellationPolicy,
        sequence,
        updatedAt: now,
      })
      .where(eq(groupEvents.id, eventId));
    if (!sameDates) {
      // Matched in order: a kept row keeps its id (the UID calendars know it by, and its attendance marks).
      for (const [i, d] of dates.entries()) {
        const row = existing[i];
        if (row) await tx.update(eventSessions).set(d).where(eq(eventSessions.id, row.id));
        else await tx.insert(eventSessions).values({ practiceId, eventId, ...d });
      }
      const extra = existing.slice(dates.length).map((d) => d.id);
      if (extra.length) await tx.delete(eventSessions).where(inArray(eventSessions.id, extra));
    }
    await tx.delete(eventHosts).where(and(eq(eventHosts.eventId, eventId), eq(eventHosts.practiceId, practiceId)));
    await tx.insert(eventHosts).values(hostIds.map((id) => ({ practiceId, eventId, memberId: id })));
    let notified = 0;
    if (changed) {
      const confirmed = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "confirmed")));
      for (const reg of confirmed) {
        await queueForAttendees(tx, reg, "updated", { eventId }, `:${sequence}`);
        notified++;
      }
    }
    if (v.capacity > event.capacity) await offerFreedSeats(tx, eventId, scope.practice.slug, now);
    await recordAudit(byMember(scope, "event.update", { type: "group_event", id: eventId }, { dates: dates.length, capacity: v.capacity, changed, notified }), tx);
    return { ok: true as const, eventId, notified };
  });
  if (!result) return notFound("That event was not found, or it was cancelled.");
  if (result.ok) await sendEventNotices(now);
  return result;
}

/** The event as the edit form fills itself (from its roster): local dates in the practice's zone, the price as typed. */
export function eventFormValues(roster: NonNullable<Awaited<ReturnType<typeof loadEventRoster>>>, zone: string): EventFormValues {
  const local = (d: Date) => DateTime.fromJSDate(d, { zone }).toFormat("yyyy-MM-dd'T'HH:mm");
  const e = roster.event;
  return {
    title: e.title,
    description: e.description,
    format: e.format,
    location: e.location ?? "",
    joinUrl: e.joinUrl,
    capacity: e.capacity,
    price: e.priceCents ? centsToAmountInput(e.priceCents) : "",
    creditPackageId: e.creditPackageId ?? "",
    signupCutoff: local(e.signupCutoff),
    cancellationHours: e.cancellationHours,
    cancellationPolicy: e.cancellationPolicy,
    sessions: roster.dates.map((d) => ({ startsAt: local(d.startsAt), durationMinutes: Math.round((d.endsAt.getTime() - d.startsAt.getTime()) / 60_000) })),
    hostIds: roster.hosts.map((h) => h.id),
  };
}

export async function listEvents(scope: PracticeScope) {
  const events = await db.select().from(groupEvents).where(eq(groupEvents.practiceId, scope.practice.id)).orderBy(desc(groupEvents.createdAt));
  const dates = events.length ? await db.select().from(eventSessions).where(inArray(eventSessions.eventId, events.map((e) => e.id))).orderBy(asc(eventSessions.startsAt)) : [];
  return events.map((e) => ({ ...e, dates: dates.filter((d) => d.eventId === e.id) }));
}

/** The roster: the event, its dates and hosts, its live and past registrations with names, the waitlist, and attendance marks. */
export async function loadEventRoster(scope: PracticeScope, eventId: string) {
  const [event] = await db.select().from(groupEvents).where(and(eq(groupEvents.id, eventId), eq(groupEvents.practiceId, scope.practice.id)));
  if (!event) return null;
  const [dates, hosts, regs, waitlist, marks] = await Promise.all([
    db.select().from(eventSessions).where(eq(eventSessions.eventId, eventId)).orderBy(asc(eventSessions.startsAt)),
    db.select({ id: members.id, name: members.displayName }).from(eventHosts).innerJoin(members, eq(members.id, eventHosts.memberId)).where(eq(eventHosts.eventId, eventId)),
    db.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.practiceId, scope.practice.id))).orderBy(asc(eventRegistrations.createdAt)),
    db.select().from(eventWaitlist).where(and(eq(eventWaitlist.eventId, eventId), eq(eventWaitlist.practiceId, scope.practice.id))).orderBy(asc(eventWaitlist.position)),
    // This event's marks only (through its dates), not every mark the practice ever made.
    db
      .select({ practiceId: eventAttendance.practiceId, registrationId: eventAttendance.registrationId, sessionId: eventAttendance.sessionId, attended: eventAttendance.attended, markedByMemberId: eventAttendance.markedByMemberId, markedAt: eventAttendance.markedAt })
      .from(eventAttendance)
      .innerJoin(eventSessions, eq(eventSessions.id, eventAttendance.sessionId))
      .where(and(eq(eventAttendance.practiceId, scope.practice.id), eq(eventSessions.eventId, eventId))),
  ]);
  const ids = [...new Set([...regs, ...waitlist].flatMap((r) => [r.clientId, r.partnerClientId]).filter((x): x is string => Boolean(x)))];
  const people = ids.length ? await db.select({ id: clients.id, firstName: clients.firstName, lastName: clients.lastName, email: clients.email }).from(clients).where(and(eq(clients.practiceId, scope.practice.id), inArray(clients.id, ids))) : [];
  const name = (id: string | null) => {
    const p = people.find((x) => x.id === id);
    return p ? `${p.firstName} ${p.lastName}` : null;
  };
  const regIds = new Set(regs.map((r) => r.id));
  const credits = regs.length
    ? await db.select({ registrationId: creditUses.eventRegistrationId }).from(creditUses).where(and(eq(creditUses.practiceId, scope.practice.id), inArray(creditUses.eventRegistrationId, [...regIds]), isNull(creditUses.returnedAt)))
    : [];
  const [pkg] = event.creditPackageId ? await db.select({ name: packages.name }).from(packages).where(and(eq(packages.id, event.creditPackageId), eq(packages.practiceId, scope.practice.id))) : [];
  return {
    event,
    dates,
    hosts,
    creditPackageName: pkg?.name ?? null,
    registrations: regs.map((r) => ({ ...r, names: [name(r.clientId), name(r.partnerClientId)].filter((n): n is string => Boolean(n)), creditsUsed: credits.filter((c) => c.registrationId === r.id).length })),
    waitlist: waitlist.map((w) => ({ ...w, names: [name(w.clientId), name(w.partnerClientId)].filter((n): n is string => Boolean(n)) })),
    attendance: marks.filter((m) => regIds.has(m.registrationId)),
  };
}

export type MarkResult = { ok: true } | Invalid | NotFound;

/** A host (or a manager) marks whether a registration attended a date, after that date started. */
export async function markAttendance(scope: PracticeScope, eventId: string, input: unknown, now: Date): Promise<MarkResult> {
  const parsed = attendanceSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const { sessionId, registrationId, attended } = parsed.data;
  const [date] = await db.select().from(eventSessions).where(and(eq(eventSessions.id, sessionId), eq(eventSessions.eventId, eventId), eq(eventSessions.practiceId, scope.practice.id)));
  if (!date) return invalid({ sessionId: ["Choose a date of this event"] });
  if (date.startsAt > now) return invalid({ sessionId: ["Attendance is marked once the date has started"] });
  const [reg] = await db.select().from(eventRegistrations).where(and(eq(eventRegistrations.id, registrationId), eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.practiceId, scope.practice.id), eq(eventRegistrations.status, "confirmed")));
  if (!reg) return invalid({ registrationId: ["Choose a confirmed attendee of this event"] });
  await db
    .insert(eventAttendance)
    .values({ practiceId: scope.practice.id, registrationId, sessionId, attended, markedByMemberId: scope.memberId, markedAt: now })
    .onConflictDoUpdate({ target: [eventAttendance.registrationId, eventAttendance.sessionId], set: { attended, markedByMemberId: scope.memberId, markedAt: now } });
  await recordAudit({ practiceId: scope.practice.id, actor: { kind: "member", userId: scope.user.id }, action: "event.attendance", subjectType: "group_event", subjectId: eventId, detail: { registrationId, sessionId, attended } });
  return { ok: true };
}

/** Sends the recording or materials link to each confirmed attendee, one email each (a new link sends again). */
export async function sendMaterials(scope: PracticeScope, eventId: string, input: unknown, now: Date): Promise<{ ok: true; sent: number } | Invalid | NotFound> {
  const parsed = materialsSchema.safeParse(input);
  if (!parsed.success) return invalid(zodFieldErrors(parsed.error));
  const url = parsed.data.materialsUrl;
  const count = await db.transaction(async (tx) => {
    const [event] = await tx.update(groupEvents).set({ materialsUrl: url, updatedAt: now }).where(and(eq(groupEvents.id, eventId), eq(groupEvents.practiceId, scope.practice.id))).returning();
    if (!event) return null;
    const regs = await tx.select().from(eventRegistrations).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.status, "confirmed")));
    const suffix = `:${Buffer.from(url).toString("base64url").slice(0, 40)}`;
    for (const r of regs) await queueForAttendees(tx, r, "materials", { eventId, actionUrl: url }, suffix);
    await recordAudit({ practiceId: scope.practice.id, actor: { kind: "member", userId: scope.user.id }, action: "event.materials", subjectType: "group_event", subjectId: eventId, detail: { registrations: regs.length } }, tx);
    return regs.length;
  });
  if (count === null) return notFound("That event was not found.");
  await sendEventNotices(now);
  return { ok: true, sent: count };
}

export function cancelEvent(scope: PracticeScope, eventId: string, now: Date): Promise<CancelEventResult> {
  return cancelEventSeats(scope.practice.id, eventId, { userId: scope.user.id }, now);
}

/** Packages whose credits an event may take: the practice's, not archived. */
export async function creditPackageChoices(scope: PracticeScope) {
  return db
    .select({ id: packages.id, name: packages.name })
    .from(packages)
    .where(and(eq(packages.practiceId, scope.practice.id), isNull(packages.archivedAt)))
    .orderBy(asc(packages.name));
}

/** Who may host: the practice's clinicians, owners and admins. */
export async function hostChoices(scope: PracticeScope) {
  return db
    .select({ id: members.id, name: members.displayName })
    .from(members)
    .where(and(eq(members.practiceId, scope.practice.id), inArray(members.role, ["owner", "admin", "clinician"])))
    .orderBy(asc(members.displayName));
}
