import { randomUUID } from "node:crypto";
import ICAL from "ical.js";
import { DateTime } from "luxon";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { db, sql } from "@/db/client";
import { availabilityRules, calendarFeeds, clients, couples, eventHosts, eventRegistrations, eventSessions, groupEvents, members, serviceClinicians, services, type Practice } from "@/db/schema";
import { GET as feedRoute } from "@/app/api/calendar/[token]/route";
import { bookForClients } from "@/lib/appointments/staff-book";
import { cancelAppointment } from "@/lib/appointments/change-appointment";
import {
  clientFeedLink,
  clientSessionFile,
  makeClientFeedLink,
  makeMemberFeedLink,
  memberFeedLink,
  renderFeed,
  revokeClientFeed,
  revokeMemberFeed,
  saveFeedSummary,
} from "@/lib/calendar/feeds";
import type { ClientScope } from "@/lib/auth/guards";
import { auditEventsFor, createClient, createMember, createPractice, createUser, scopeFor, uniqueEmail } from "./helpers/factories";

const ZONE = "America/Los_Angeles";
/** Monday 3 March 2031, 04:00 in Los Angeles; the clocks go forward on Sunday 9 March. */
const NOW = new Date("2031-03-03T12:00:00Z");
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO()!;

async function feedPractice() {
  const practice = await createPractice({ timeZone: ZONE, name: "Harbor Couples Therapy" });
  const owner = await createMember(practice, { role: "owner" });
  const clinician = await createMember(practice, { role: "clinician", displayName: "Dr. Ada Reyes" });
  await db.insert(availabilityRules).values(
    [1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 540, endMinute: 1020, timeZone: ZONE })),
  );
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: "Emotionally focused couples session", durationMinutes: 50, format: "online", attendance: "either", priceCents: 18000, slotStepMinutes: 15 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  return { practice, owner, clinician, service: service!, scope: scopeFor(owner) };
}

async function createCouple(practice: Practice) {
  const userX = await createUser();
  const x = await createClient(practice, { firstName: "Priya", lastName: "Okafor", email: uniqueEmail("priya"), userId: userX.id });
  const y = await createClient(practice, { firstName: "Daniel", lastName: "Okafor", email: uniqueEmail("daniel") });
  const [a, b] = [x.id, y.id].sort() as [string, string];
  await db.insert(couples).values({ practiceId: practice.id, clientAId: a, clientBId: b });
  return { x, y, userX };
}

function clientScope(practice: Practice, client: typeof clients.$inferSelect, user: { id: string; email: string }): ClientScope {
  return { user: { id: user.id, email: user.email, name: null, isStaff: false }, client, practice, practiceDisplayName: practice.name };
}

function tokenOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split("/").pop()!).replace(/\.ics$/, "");
}

function parse(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    return {
      uid: event.uid,
      summary: event.summary,
      status: v.getFirstPropertyValue("status"),
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      location: event.location,
    };
  });
}

async function book(ctx: Awaited<ReturnType<typeof feedPractice>>, clientIds: string[], local: string) {
  const result = await bookForClients(ctx.scope, { serviceId: ctx.service.id, clinicianId: ctx.clinician.member.id, clientIds, start: at(local) }, NOW);
  if (!result.ok) throw new Error(`booking failed: ${JSON.stringify(result)}`);
  return result.appointmentId;
}

describe("clinician calendar feed", () => {
  test("carries the clinician's sessions as 'Session' only, correct across the DST change, with cancellations marked", async () => {
    const ctx = await feedPractice();
    const { x, y } = await createCouple(ctx.practice);
    const before = await book(ctx, [x.id, y.id], "2031-03-07T09:00"); // Friday, PST (UTC-8)
    const after = await book(ctx, [x.id, y.id], "2031-03-10T09:00"); // Monday, PDT (UTC-7)
    const cancelled = await book(ctx, [x.id], "2031-03-11T11:00");
    expect(await cancelAppointment({ practiceId: ctx.practice.id, appointmentId: cancelled, actor: { kind: "member", userId: ctx.owner.user.id } }, NOW)).toMatchObject({ ok: true });

    const link = await makeMemberFeedLink(scopeFor(ctx.clinician));
    expect(link.url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}\.ics$/);
    const result = await renderFeed(tokenOf(link.url), NOW);
    expect(result.kind).toBe("ok");
    if (result.kind !== "ok") return;
    // Nothing that names a client, a service or the practice's clinical work.
    for (const word of ["Priya", "Daniel", "Okafor", "Emotionally", "couples session", "P.O."]) expect(result.body).not.toContain(word);

    const events = parse(result.body);
    expect(events).toEqual([
      { uid: `${before}@tandem`, summary: "Session", status: "CONFIRMED", sequence: 0, start: "2031-03-07T17:00:00.000Z", location: "Online" },
      { uid: `${after}@tandem`, summary: "Session", status: "CONFIRMED", sequence: 0, start: "2031-03-10T16:00:00.000Z", location: "Online" },
      { uid: `${cancelled}@tandem`, summary: "Session", status: "CANCELLED", sequence: expect.any(Number), start: "2031-03-11T18:00:00.000Z", location: "Online" },
    ]);
    // 9:00 local on both sides of the change.
    for (const e of events.slice(0, 2)) expect(DateTime.fromISO(e.start, { zone: ZONE }).toFormat("HH:mm")).toBe("09:00");
    // The owner's own feed is empty of the clinician's sessions.
    const ownerLink = await makeMemberFeedLink(ctx.scope);
    const ownerFeed = await renderFeed(tokenOf(ownerLink.url), NOW);
    expect(ownerFeed.kind === "ok" && parse(ownerFeed.body)).toEqual([]);
  });

  test("carries the group events the clinician hosts, one entry per date, with the attendees' UID and no attendee; a cancelled event is marked", async () => {
    const ctx = await feedPractice();
    const { x } = await createCouple(ctx.practice);
    const [event] = await db
      .insert(groupEvents)
      .values({ practiceId: ctx.practice.id, title: "Desire after baby: a webinar", format: "online", capacity: 10, signupCutoff: new Date(at("2031-03-05T12:00")) })
      .returning();
    const dates = await db
      .insert(eventSessions)
      .values(["2031-03-06T18:00", "2031-03-13T18:00"].map((local) => ({ practiceId: ctx.practice.id, eventId: event!.id, startsAt: new Date(at(local)), endsAt: new Date(new Date(at(local)).getTime() + 3_600_000) })))
      .returning();
    await db.insert(eventHosts).values({ practiceId: ctx.practice.id, eventId: event!.id, memberId: ctx.clinician.member.id });
    await db.insert(eventRegistrations).values({ practiceId: ctx.practice.id, eventId: event!.id, clientId: x.id, seats: 1, status: "confirmed" });

    const feed = async (scope: ReturnType<typeof scopeFor>) => {
      const result = await renderFeed(tokenOf((await makeMemberFeedLink(scope)).url), NOW);
      if (result.kind !== "ok") throw new Error(result.kind);
      return result.body;
    };
    const body = await feed(scopeFor(ctx.clinician));
    expect(body).not.toContain("Priya");
    const mine = parse(body).filter((e) => e.uid.endsWith("@tandem-event"));
    // 18:00 local either side of the clock change.
    expect(mine).toEqual(
      dates.map((d) => ({ uid: `${d.id}@tandem-event`, summary: "Desire after baby: a webinar (group event)", status: "CONFIRMED", sequence: 0, start: d.startsAt.toISOString(), location: "Online" })),
    );
    expect(mine.map((e) => DateTime.fromISO(e.start, { zone: ZONE }).toFormat("HH:mm"))).toEqual(["18:00", "18:00"]);
    // Someone who does not host it does not get it.
    expect(parse(await feed(ctx.scope))).toEqual([]);

    await db.update(groupEvents).set({ status: "cancelled", cancelledAt: NOW, updatedAt: NOW }).where(eq(groupEvents.id, event!.id));
    expect(parse(await feed(scopeFor(ctx.clinician))).map((e) => [e.status, e.sequence])).toEqual([
      ["CANCELLED", 1],
      ["CANCELLED", 1],
    ]);
  });

  test("the practice can choose initials; the setting is validated and audited", async () => {
    const ctx = await feedPractice();
    const { x, y } = await createCouple(ctx.practice);
    await book(ctx, [x.id, y.id], "2031-03-07T09:00");
    expect(await saveFeedSummary(ctx.scope, { feedSummary: "names" })).toEqual({ ok: false, errors: { feedSummary: ["Choose what the calendar shows for each session."] } });
    expect(await saveFeedSummary(ctx.scope, { feedSummary: "initials" })).toEqual({ ok: true });
    const link = await makeMemberFeedLink(scopeFor(ctx.clinician));
    const result = await renderFeed(tokenOf(link.url), NOW);
    const summaries = result.kind === "ok" ? parse(result.body).map((e) => e.summary) : [];
    // Both partners' initials (booked together: by first name), never a name.
    expect(summaries).toEqual(["Session · D.O. & P.O."]);
    expect((await auditEventsFor(ctx.practice.id, "calendar_feed.summary_update")).map((e) => e.detail)).toEqual([{ feedSummary: "initials" }]);
  });

  test("a new link turns the old one off; revoking answers 'revoked'; tampered and unknown tokens answer 'unknown'", async () => {
    const ctx = await feedPractice();
    const scope = scopeFor(ctx.clinician);
    expect(await memberFeedLink(scope)).toBeNull();
    const first = await makeMemberFeedLink(scope);
    expect((await memberFeedLink(scope))?.url).toBe(first.url);
    const second = await makeMemberFeedLink(scope);
    expect(second.url).not.toBe(first.url);
    expect(await renderFeed(tokenOf(first.url), NOW)).toEqual({ kind: "revoked" });
    expect((await renderFeed(tokenOf(second.url), NOW)).kind).toBe("ok");

    const token = tokenOf(second.url);
    const [id, sig] = token.split(".") as [string, string];
    const flipped = `${id}.${sig[0] === "A" ? "B" : "A"}${sig.slice(1)}`;
    expect(await renderFeed(flipped, NOW)).toEqual({ kind: "unknown" });
    expect(await renderFeed(id, NOW)).toEqual({ kind: "unknown" });
    expect(await renderFeed("not-a-token", NOW)).toEqual({ kind: "unknown" });

    await revokeMemberFeed(scope);
    expect(await renderFeed(token, NOW)).toEqual({ kind: "revoked" });
    expect(await memberFeedLink(scope)).toBeNull();
    expect((await auditEventsFor(ctx.practice.id)).map((e) => e.action).filter((a) => a.startsWith("calendar_feed."))).toEqual([
      "calendar_feed.create",
      "calendar_feed.create",
      "calendar_feed.revoke",
    ]);
  });

  test("a member who no longer takes sessions has a feed that answers 'revoked'", async () => {
    const ctx = await feedPractice();
    const link = await makeMemberFeedLink(scopeFor(ctx.clinician));
    await db.update(members).set({ role: "front_desk" }).where(eq(members.id, ctx.clinician.member.id));
    expect(await renderFeed(tokenOf(link.url), NOW)).toEqual({ kind: "revoked" });
  });

  test("the database allows one live feed per owner and exactly one owner", async () => {
    const ctx = await feedPractice();
    await makeMemberFeedLink(scopeFor(ctx.clinician));
    await expect(db.insert(calendarFeeds).values({ practiceId: ctx.practice.id, memberId: ctx.clinician.member.id })).rejects.toThrow();
    await expect(sql`insert into calendar_feeds (practice_id) values (${ctx.practice.id})`).rejects.toThrow(/calendar_feeds_one_owner/);
  });
});

describe("the feed's route", () => {
  test("answers text/calendar with an ETag (304 when unchanged, 200 after a booking), 410 when turned off, 404 for a made-up address", async () => {
    const ctx = await feedPractice();
    const { x } = await createCouple(ctx.practice);
    // The route reads the real clock, so these sessions are booked a week or two from today.
    const realNow = new Date();
    const weekday = (days: number) => {
      let d = DateTime.fromJSDate(realNow, { zone: ZONE }).plus({ days }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
      while (d.weekday > 5) d = d.plus({ days: 1 });
      return d.toUTC().toISO()!;
    };
    const bookNow = async (start: string) => {
      const r = await bookForClients(ctx.scope, { serviceId: ctx.service.id, clinicianId: ctx.clinician.member.id, clientIds: [x.id], start }, realNow);
      expect(r.ok).toBe(true);
    };
    await bookNow(weekday(7));
    const link = await makeMemberFeedLink(scopeFor(ctx.clinician));
    const get = (url: string, headers: Record<string, string> = {}) => feedRoute(new Request(url, { headers }), { params: Promise.resolve({ token: decodeURIComponent(new URL(url).pathname.split("/").pop()!) }) });

    const first = await get(link.url);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(first.headers.get("cache-control")).toBe("private, no-store");
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
    const body = await first.text();
    expect(body.match(/BEGIN:VEVENT/g)).toHaveLength(1);

    const again = await get(link.url, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    await bookNow(weekday(14));
    const changed = await get(link.url, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect((await changed.text()).match(/BEGIN:VEVENT/g)).toHaveLength(2);

    await revokeMemberFeed(scopeFor(ctx.clinician));
    const gone = await get(link.url);
    expect(gone.status).toBe(410);
    expect(await gone.text()).toBe("This calendar link was turned off. Make a new one in Tandem and subscribe to that.");
    const unknown = await get(`http://localhost:3000/api/calendar/${randomUUID()}.${"A".repeat(43)}.ics`);
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toBe("No calendar has this address. Check the link you copied from Tandem.");
  });
});

describe("client calendar feed", () => {
  test("a partner's feed holds the sessions they attend (joint ones too), never the other partner's own", async () => {
    const ctx = await feedPractice();
    const { x, y, userX } = await createCouple(ctx.practice);
    const joint = await book(ctx, [x.id, y.id], "2031-03-07T09:00");
    const own = await book(ctx, [x.id], "2031-03-12T10:00");
    const partnersOwn = await book(ctx, [y.id], "2031-03-13T10:00");

    const scope = clientScope(ctx.practice, x, userX);
    expect(await clientFeedLink(scope)).toBeNull();
    const link = await makeClientFeedLink(scope);
    const result = await renderFeed(tokenOf(link.url), NOW);
    expect(result.kind).toBe("ok");
    if (result.kind !== "ok") return;
    const events = parse(result.body);
    expect(events.map((e) => e.uid)).toEqual([`${joint}@tandem`, `${own}@tandem`]);
    expect(events.map((e) => e.uid)).not.toContain(`${partnersOwn}@tandem`);
    expect(events[0]!.summary).toBe("Session with Dr. Ada Reyes — Harbor Couples Therapy");
    expect(result.body).not.toContain("Daniel");

    await revokeClientFeed(scope);
    expect(await renderFeed(tokenOf(link.url), NOW)).toEqual({ kind: "revoked" });
  });

  test("one session's own file: only for a session the client attends", async () => {
    const ctx = await feedPractice();
    const { x, y, userX } = await createCouple(ctx.practice);
    const joint = await book(ctx, [x.id, y.id], "2031-03-07T09:00");
    const partnersOwn = await book(ctx, [y.id], "2031-03-13T10:00");
    const scope = clientScope(ctx.practice, x, userX);
    const file = await clientSessionFile(scope, joint, NOW);
    expect(file && parse(file)).toEqual([
      { uid: `${joint}@tandem`, summary: "Session with Dr. Ada Reyes — Harbor Couples Therapy", status: "CONFIRMED", sequence: 0, start: "2031-03-07T17:00:00.000Z", location: "Online" },
    ]);
    expect(await clientSessionFile(scope, partnersOwn, NOW)).toBeNull();
    // Another practice's client with the same appointment id gets nothing either.
    const other = await feedPractice();
    const stranger = await createClient(other.practice);
    expect(await clientSessionFile(clientScope(other.practice, stranger, userX), joint, NOW)).toBeNull();
  });

  test("a client whose portal access was removed has a feed that answers 'revoked'", async () => {
    const ctx = await feedPractice();
    const { x, userX } = await createCouple(ctx.practice);
    const link = await makeClientFeedLink(clientScope(ctx.practice, x, userX));
    await db.update(clients).set({ userId: null }).where(eq(clients.id, x.id));
    expect(await renderFeed(tokenOf(link.url), NOW)).toEqual({ kind: "revoked" });
  });
});
