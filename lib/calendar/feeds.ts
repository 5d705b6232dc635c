import "server-only";
import { and, asc, eq, gte, inArray, isNull, lte } from "drizzle-orm";
import { db } from "@/db/client";
import {
  appointmentAttendees,
  appointments,
  calendarFeeds,
  calendarSettings,
  clients,
  eventHosts,
  eventSessions,
  groupEvents,
  locations,
  members,
  practiceBrands,
  practices,
  type AppointmentStatus,
  type FeedSummary,
  type ServiceFormat,
} from "@/db/schema";
import type { ClientScope, PracticeScope } from "@/lib/auth/guards";
import { byMember, recordAudit } from "@/lib/audit/record-audit";
import { can } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { zodFieldErrors, type ActionResult } from "@/lib/form-result";
import { derivedToken, readDerivedToken, TOKEN_PURPOSES } from "@/lib/tokens";
import { FORMAT_SHORT_LABELS } from "@/lib/booking/service-labels";
import { eventDateUid } from "@/lib/events/event-uid";
import { buildFeed, initialsOf, type FeedEvent } from "./feed-ics";
import { feedSummarySchema } from "./feed-settings-schema";

/**
 * Private calendar subscriptions (issue 14): a clinician's sessions, or a
 * client's own, as an iCalendar feed at an unguessable address. The feed is
 * read by Google or Apple, outside anyone's session, so what it may say is
 * fixed here: a clinician's feed says "Session" (or the clients' initials,
 * a practice setting), never a name, a service or anything clinical; a
 * client's feed shows only sessions they attend.
 */

/** Sessions a feed carries: booked ones, cancelled ones kept so calendars remove them. */
const IN_FEED: readonly AppointmentStatus[] = ["pending_payment", "confirmed", "completed", "cancelled", "late_cancelled", "no_show"];
const CANCELLED: readonly AppointmentStatus[] = ["cancelled", "late_cancelled"];
/** From 90 days back to 18 months ahead: what a calendar shows, without the whole history. */
export const FEED_DAYS_BACK = 90;
export const FEED_DAYS_AHEAD = 548;
const DAY_MS = 86_400_000;

function base(): string {
  return env.APP_URL.replace(/\/+$/, "");
}

export function feedUrl(feedId: string): string {
  return `${base()}/api/calendar/${derivedToken(TOKEN_PURPOSES.calendarFeed, feedId)}.ics`;
}

export interface FeedLink {
  url: string;
  createdAt: Date;
}

type Owner = { practiceId: string } & ({ memberId: string; clientId?: never } | { clientId: string; memberId?: never });

function ownerWhere(owner: Owner) {
  return and(
    eq(calendarFeeds.practiceId, owner.practiceId),
    isNull(calendarFeeds.revokedAt),
    owner.memberId ? eq(calendarFeeds.memberId, owner.memberId) : eq(calendarFeeds.clientId, owner.clientId!),
  );
}

async function liveLink(owner: Owner): Promise<FeedLink | null> {
  const [row] = await db.select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(ownerWhere(owner));
  return row ? { url: feedUrl(row.id), createdAt: row.createdAt } : null;
}

/** Revokes the live link (if any) and makes a new one, in one transaction: old subscriptions stop at once. */
async function replaceLink(owner: Owner, userId: string, audit: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0], feedId: string) => Promise<void>): Promise<FeedLink> {
  return db.transaction(async (tx) => {
    await tx.update(calendarFeeds).set({ revokedAt: new Date() }).where(ownerWhere(owner));
    const [row] = await tx
      .insert(calendarFeeds)
      .values({ practiceId: owner.practiceId, memberId: owner.memberId ?? null, clientId: owner.clientId ?? null, createdByUserId: userId })
      .returning({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt });
    await audit(tx, row!.id);
    return { url: feedUrl(row!.id), createdAt: row!.createdAt };
  });
}

async function revoke(owner: Owner): Promise<boolean> {
  const rows = await db.update(calendarFeeds).set({ revokedAt: new Date() }).where(ownerWhere(owner)).returning({ id: calendarFeeds.id });
  return rows.length > 0;
}

// ── A clinician's own feed ────────────────────────────────────────────────

const memberOwner = (scope: PracticeScope): Owner => ({ practiceId: scope.practice.id, memberId: scope.memberId });

export function memberFeedLink(scope: PracticeScope): Promise<FeedLink | null> {
  return liveLink(memberOwner(scope));
}

export function makeMemberFeedLink(scope: PracticeScope): Promise<FeedLink> {
  return replaceLink(memberOwner(scope), scope.user.id, (tx, id) => recordAudit(byMember(scope, "calendar_feed.create", { type: "calendar_feed", id }), tx));
}

export async function revokeMemberFeed(scope: PracticeScope): Promise<void> {
  if (await revoke(memberOwner(scope))) {
    await recordAudit(byMember(scope, "calendar_feed.revoke", { type: "member", id: scope.memberId }));
  }
}

// ── A client's own feed ───────────────────────────────────────────────────

const clientOwner = (scope: ClientScope): Owner => ({ practiceId: scope.practice.id, clientId: scope.client.id });

export function clientFeedLink(scope: ClientScope): Promise<FeedLink | null> {
  return liveLink(clientOwner(scope));
}

export function makeClientFeedLink(scope: ClientScope): Promise<FeedLink> {
  return replaceLink(clientOwner(scope), scope.user.id, (tx, id) =>
    recordAudit(
      { practiceId: scope.practice.id, actor: { kind: "client", userId: scope.user.id }, action: "calendar_feed.create", subjectType: "calendar_feed", subjectId: id },
      tx,
    ),
  );
}

export async function revokeClientFeed(scope: ClientScope): Promise<void> {
  if (await revoke(clientOwner(scope))) {
    await recordAudit({ practiceId: scope.practice.id, actor: { kind: "client", userId: scope.user.id }, action: "calendar_feed.revoke", subjectType: "client", subjectId: scope.client.id });
  }
}

// ── The practice's setting ───────────────────────────────────────────────

export async function loadFeedSummary(practiceId: string): Promise<FeedSummary> {
  const [row] = await db.select({ feedSummary: calendarSettings.feedSummary }).from(calendarSettings).where(eq(calendarSettings.practiceId, practiceId));
  return row?.feedSummary ?? "session";
}

export async function saveFeedSummary(scope: PracticeScope, values: unknown): Promise<ActionResult> {
  const parsed = feedSummarySchema.safeParse(values);
  if (!parsed.success) return { ok: false, errors: zodFieldErrors(parsed.error) };
  const { feedSummary } = parsed.data;
  await db.transaction(async (tx) => {
    await tx
      .insert(calendarSettings)
      .values({ practiceId: scope.practice.id, feedSummary })
      .onConflictDoUpdate({ target: calendarSettings.practiceId, set: { feedSummary, updatedAt: new Date() } });
    await recordAudit(byMember(scope, "calendar_feed.summary_update", { type: "practice", id: scope.practice.id }, { feedSummary }), tx);
  });
  return { ok: true };
}

// ── Serving a feed ────────────────────────────────────────────────────────

export type FeedResult = { kind: "ok"; body: string } | { kind: "revoked" } | { kind: "unknown" };

/**
 * The feed a token names at `now`. Unknown (malformed, not ours, no row):
 * "unknown"; revoked, or its owner can no longer have one (a member who no
 * longer takes sessions, a client without portal access): "revoked".
 */
export async function renderFeed(token: string, now: Date): Promise<FeedResult> {
  const id = readDerivedToken(TOKEN_PURPOSES.calendarFeed, token);
  if (!id) return { kind: "unknown" };
  const [feed] = await db
    .select({
      practiceId: calendarFeeds.practiceId,
      memberId: calendarFeeds.memberId,
      clientId: calendarFeeds.clientId,
      revokedAt: calendarFeeds.revokedAt,
      createdAt: calendarFeeds.createdAt,
      practiceName: practices.name,
      practiceSlug: practices.slug,
      displayName: practiceBrands.displayName,
      memberRole: members.role,
      memberName: members.displayName,
      clientUserId: clients.userId,
      feedSummary: calendarSettings.feedSummary,
    })
    .from(calendarFeeds)
    .innerJoin(practices, eq(practices.id, calendarFeeds.practiceId))
    .leftJoin(practiceBrands, eq(practiceBrands.practiceId, calendarFeeds.practiceId))
    .leftJoin(members, and(eq(members.id, calendarFeeds.memberId), eq(members.practiceId, calendarFeeds.practiceId)))
    .leftJoin(clients, and(eq(clients.id, calendarFeeds.clientId), eq(clients.practiceId, calendarFeeds.practiceId)))
    .leftJoin(calendarSettings, eq(calendarSettings.practiceId, calendarFeeds.practiceId))
    .where(eq(calendarFeeds.id, id));
  if (!feed) return { kind: "unknown" };
  if (feed.revokedAt) return { kind: "revoked" };
  const from = new Date(now.getTime() - FEED_DAYS_BACK * DAY_MS);
  const to = new Date(now.getTime() + FEED_DAYS_AHEAD * DAY_MS);
  const practiceName = feed.displayName ?? feed.practiceName;

  if (feed.memberId) {
    if (!feed.memberRole || !can(feed.memberRole, "sessions.take")) return { kind: "revoked" };
    // Side by side: the sessions (with initials when asked) and the group events hosted, one query more in all.
    const [sessions, hosted] = await Promise.all([
      memberEvents(feed.practiceId, feed.memberId, feed.practiceSlug, feed.feedSummary ?? "session", from, to),
      hostedEventDates(feed.practiceId, feed.memberId, feed.practiceSlug, from, to),
    ]);
    const events = [...sessions, ...hosted];
    return { kind: "ok", body: buildFeed({ name: `${practiceName} sessions`, stamp: stampOf(events, feed.createdAt) }, events) };
  }
  if (!feed.clientUserId) return { kind: "revoked" };
  const events = await clientEvents(feed.practiceId, feed.clientId!, practiceName, from, to);
  return { kind: "ok", body: buildFeed({ name: `Sessions with ${practiceName}`, stamp: stampOf(events, feed.createdAt) }, events) };
}

/**
 * DTSTAMP: the latest change among the events (or when the feed was made),
 * not the time of the request, so an unchanged feed is the same bytes and
 * the route's ETag lets calendar apps skip the download.
 */
function stampOf(events: readonly FeedEvent[], createdAt: Date): Date {
  let latest = createdAt.getTime();
  for (const e of events) latest = Math.max(latest, e.updatedAt.getTime());
  return new Date(latest);
}

const sessionColumns = {
  id: appointments.id,
  sequence: appointments.sequence,
  startsAt: appointments.startsAt,
  endsAt: appointments.endsAt,
  status: appointments.status,
  format: appointments.format,
  updatedAt: appointments.updatedAt,
  locationName: locations.name,
};

function stateOf(status: AppointmentStatus): FeedEvent["state"] {
  if (CANCELLED.includes(status)) return "cancelled";
  return status === "pending_payment" ? "tentative" : "confirmed";
}

function whereOf(format: ServiceFormat, locationName: string | null): string | null {
  return format === "in_person" ? locationName : FORMAT_SHORT_LABELS[format];
}

/** Two queries at most: the sessions, then (for initials) who attends them. */
async function memberEvents(practiceId: string, memberId: string, slug: string, summary: FeedSummary, from: Date, to: Date): Promise<FeedEvent[]> {
  const rows = await db
    .select(sessionColumns)
    .from(appointments)
    .leftJoin(locations, eq(locations.id, appointments.locationId))
    .where(
      and(
        eq(appointments.practiceId, practiceId),
        eq(appointments.memberId, memberId),
        inArray(appointments.status, [...IN_FEED]),
        gte(appointments.startsAt, from),
        lte(appointments.startsAt, to),
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  const initials = new Map<string, string[]>();
  if (summary === "initials" && rows.length > 0) {
    const people = await db
      .select({ appointmentId: appointmentAttendees.appointmentId, firstName: clients.firstName, lastName: clients.lastName })
      .from(appointmentAttendees)
      .innerJoin(clients, and(eq(clients.id, appointmentAttendees.clientId), eq(clients.practiceId, appointmentAttendees.practiceId)))
      .where(and(eq(appointmentAttendees.practiceId, practiceId), inArray(appointmentAttendees.appointmentId, rows.map((r) => r.id))))
      .orderBy(asc(appointmentAttendees.createdAt), asc(clients.firstName), asc(clients.lastName), asc(appointmentAttendees.id));
    for (const p of people) {
      const text = initialsOf(p.firstName, p.lastName);
      if (text) (initials.get(p.appointmentId) ?? initials.set(p.appointmentId, []).get(p.appointmentId)!).push(text);
    }
  }
  return rows.map((r) => {
    const who = initials.get(r.id);
    return {
      appointmentId: r.id,
      sequence: r.sequence,
      start: r.startsAt,
      end: r.endsAt,
      summary: who?.length ? `Session · ${who.join(" & ")}` : "Session",
      location: whereOf(r.format, r.locationName),
      url: `${base()}/clinic/${slug}/schedule/${r.id}`,
      state: stateOf(r.status),
      updatedAt: r.updatedAt,
    };
  });
}

/**
 * The group events a clinician hosts, one entry per date (decision 0055): the
 * event's public title and place, never an attendee. A cancelled event stays
 * as STATUS:CANCELLED, as a cancelled session does. One query.
 */
async function hostedEventDates(practiceId: string, memberId: string, slug: string, from: Date, to: Date): Promise<FeedEvent[]> {
  const rows = await db
    .select({
      sessionId: eventSessions.id,
      eventId: groupEvents.id,
      title: groupEvents.title,
      format: groupEvents.format,
      location: groupEvents.location,
      status: groupEvents.status,
      sequence: groupEvents.sequence,
      updatedAt: groupEvents.updatedAt,
      startsAt: eventSessions.startsAt,
      endsAt: eventSessions.endsAt,
    })
    .from(eventHosts)
    .innerJoin(groupEvents, and(eq(groupEvents.id, eventHosts.eventId), eq(groupEvents.practiceId, eventHosts.practiceId)))
    .innerJoin(eventSessions, and(eq(eventSessions.eventId, groupEvents.id), eq(eventSessions.practiceId, groupEvents.practiceId)))
    .where(and(eq(eventHosts.practiceId, practiceId), eq(eventHosts.memberId, memberId), gte(eventSessions.startsAt, from), lte(eventSessions.startsAt, to)))
    .orderBy(asc(eventSessions.startsAt), asc(eventSessions.id));
  return rows.map((r) => ({
    appointmentId: r.sessionId,
    uid: eventDateUid(r.sessionId),
    sequence: r.status === "cancelled" ? r.sequence + 1 : r.sequence,
    start: r.startsAt,
    end: r.endsAt,
    summary: `${r.title} (group event)`,
    location: r.format === "online" ? "Online" : r.location,
    url: `${base()}/clinic/${slug}/events/${r.eventId}`,
    state: r.status === "cancelled" ? "cancelled" : "confirmed",
    updatedAt: r.updatedAt,
  }));
}

async function clientEvents(practiceId: string, clientId: string, practiceName: string, from: Date | null, to: Date | null, appointmentId?: string): Promise<FeedEvent[]> {
  const rows = await db
    .select({ ...sessionColumns, clinicianName: members.displayName })
    .from(appointmentAttendees)
    .innerJoin(appointments, and(eq(appointments.id, appointmentAttendees.appointmentId), eq(appointments.practiceId, appointmentAttendees.practiceId)))
    .innerJoin(members, eq(members.id, appointments.memberId))
    .leftJoin(locations, eq(locations.id, appointments.locationId))
    .where(
      and(
        eq(appointmentAttendees.practiceId, practiceId),
        eq(appointmentAttendees.clientId, clientId),
        inArray(appointments.status, [...IN_FEED]),
        from ? gte(appointments.startsAt, from) : undefined,
        to ? lte(appointments.startsAt, to) : undefined,
        appointmentId ? eq(appointments.id, appointmentId) : undefined,
      ),
    )
    .orderBy(asc(appointments.startsAt), asc(appointments.id));
  return rows.map((r) => ({
    appointmentId: r.id,
    sequence: r.sequence,
    start: r.startsAt,
    end: r.endsAt,
    summary: `Session with ${r.clinicianName} — ${practiceName}`,
    location: whereOf(r.format, r.locationName),
    url: `${base()}/portal/${clientId}`,
    state: stateOf(r.status),
    updatedAt: r.updatedAt,
  }));
}

/**
 * One session as a calendar file for the client's download (METHOD:PUBLISH,
 * the same UID as its invitations), or null when the client does not attend
 * it (another client's session, a partner's own, another practice's).
 */
export async function clientSessionFile(scope: ClientScope, appointmentId: string, now: Date): Promise<string | null> {
  const events = await clientEvents(scope.practice.id, scope.client.id, scope.practiceDisplayName, null, null, appointmentId);
  if (events.length === 0) return null;
  return buildFeed({ name: `Sessions with ${scope.practiceDisplayName}`, stamp: now }, events);
}
