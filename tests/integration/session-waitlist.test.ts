import { and, eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { db } from "@/db/client";
import { appointmentAttendees, appointments, availabilityOverrides, availabilityRules, closures, couples, emailMessages, serviceClinicians, services, waitlistEntries, waitlistOffers, waitlistOpenings, waitlistSettings, type Practice, type ServiceAttendance } from "@/db/schema";
import { bookForClients } from "@/lib/appointments/staff-book";
import { cancel } from "@/lib/booking/lifecycle";
import { addClosure, addOverride, deleteClosure, deleteOverride, saveWeeklyHours } from "@/lib/booking/manage-availability";
import { TOKEN_PURPOSES, signToken } from "@/lib/tokens";
import { acceptOffer, describeOffer } from "@/lib/waitlist/accept-offer";
import { addToWaitlist, joinWaitlist } from "@/lib/waitlist/join";
import { declineOffer, leaveWaitlist } from "@/lib/waitlist/leave";
import { listOwnWaitlist, staffWaitlistOptions } from "@/lib/waitlist/portal-waitlist";
import { runWaitlist } from "@/lib/waitlist/offer-job";
import { createClient, createMember, createPractice, scopeFor, uniqueEmail, type TestMember } from "./helpers/factories";

const ZONE = "America/Los_Angeles";
/** Monday 3 March 2031, 04:00 in Los Angeles. */
const NOW = new Date("2031-03-03T12:00:00Z");
const at = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toUTC().toISO()!;
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

async function waitlistPractice(attendance: ServiceAttendance = "individual", mode: "first_in_line" | "all_at_once" = "first_in_line") {
  const practice = await createPractice({ timeZone: ZONE });
  const owner = await createMember(practice, { role: "owner" });
  const clinician = await createMember(practice, { role: "clinician" });
  await db.insert(availabilityRules).values([1, 2, 3, 4, 5].map((weekday) => ({ practiceId: practice.id, memberId: clinician.member.id, weekday, startMinute: 540, endMinute: 1020, timeZone: ZONE })));
  const service = await createService(practice, clinician, attendance);
  await db.insert(waitlistSettings).values({ practiceId: practice.id, mode, holdMinutes: 120 });
  return { practice, owner, clinician, service, scope: scopeFor(owner) };
}

async function createService(practice: Practice, clinician: TestMember, attendance: ServiceAttendance) {
  const [service] = await db
    .insert(services)
    .values({ practiceId: practice.id, name: `Waitlist ${attendance}`, durationMinutes: 50, format: "online", attendance, priceCents: 0, slotStepMinutes: 60 })
    .returning();
  await db.insert(serviceClinicians).values({ practiceId: practice.id, serviceId: service!.id, memberId: clinician.member.id });
  return service!;
}

type Ctx = Awaited<ReturnType<typeof waitlistPractice>>;

/** Books Wednesday 5 March 9:00 for someone, then cancels it (the freed time). */
async function bookAndCancel(ctx: Ctx, clientIds?: string[]) {
  const ids = clientIds ?? [(await createClient(ctx.practice, { email: uniqueEmail("booked") })).id];
  const booked = await bookForClients(ctx.scope, { serviceId: ctx.service.id, clinicianId: ctx.clinician.member.id, clientIds: ids, start: at("2031-03-05T09:00") }, NOW);
  expect(booked.ok).toBe(true);
  if (!booked.ok) throw new Error("not booked");
  await db.transaction((tx) => cancel(tx, { practiceId: ctx.practice.id, appointmentId: booked.appointmentId, now: minutes(1), late: false }));
  return booked.appointmentId;
}

let joined = 0;
/** Joins a second after the previous join: the line is ordered by when each place was taken. */
async function join(ctx: Ctx, clientId: string, extra: Record<string, unknown> = {}) {
  const r = await addToWaitlist(ctx.scope, { serviceId: ctx.service.id, clientId, ...extra }, new Date(NOW.getTime() + ++joined * 1000));
  expect(r.ok).toBe(true);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.entryId;
}

const offersOf = (entryId: string) => db.select().from(waitlistOffers).where(eq(waitlistOffers.entryId, entryId));
const entry = async (id: string) => (await db.select().from(waitlistEntries).where(eq(waitlistEntries.id, id)))[0]!;
const tokenFor = (offer: { id: string; expiresAt: Date }, clientId: string) => signToken(TOKEN_PURPOSES.waitlistOffer, { offerId: offer.id, clientId }, offer.expiresAt);

describe("session waitlist", () => {
  test("a cancellation is offered to the first in line with a hold; expiry passes it to the next; accepting after expiry is refused and writes nothing", async () => {
    const ctx = await waitlistPractice();
    const first = await createClient(ctx.practice, { email: uniqueEmail("first") });
    const second = await createClient(ctx.practice, { email: uniqueEmail("second") });
    const firstEntry = await join(ctx, first.id, { daysOfWeek: [3], timesOfDay: ["morning"] });
    const secondEntry = await join(ctx, second.id, { daysOfWeek: [3] });
    await bookAndCancel(ctx);

    const run = await runWaitlist(minutes(2));
    expect(run.offers).toBe(1);
    const [offer] = await offersOf(firstEntry);
    expect(offer).toMatchObject({ status: "offered", startsAt: new Date(at("2031-03-05T09:00")), expiresAt: minutes(122) });
    expect((await entry(firstEntry)).status).toBe("offered");
    expect(await offersOf(secondEntry)).toEqual([]);
    const [hold] = await db.select().from(appointments).where(eq(appointments.id, offer!.appointmentId));
    expect(hold).toMatchObject({ status: "held", holdExpiresAt: minutes(122) });
    const mail = await db.select().from(emailMessages).where(eq(emailMessages.key, `waitlist-offer:${offer!.id}:${first.id}`));
    expect(mail).toHaveLength(1);

    // Two hours later nobody took it: the hold expires and the time goes to the next in line.
    const later = minutes(125);
    const next = await runWaitlist(later);
    expect(next.expiredOffers).toBe(1);
    expect((await offersOf(firstEntry))[0]!.status).toBe("expired");
    expect((await entry(firstEntry)).status).toBe("waiting");
    const [secondOffer] = await offersOf(secondEntry);
    expect(secondOffer).toMatchObject({ status: "offered", startsAt: new Date(at("2031-03-05T09:00")) });

    // The first client's link, after it expired: a clear message, nothing written.
    const before = { offers: await db.select().from(waitlistOffers).where(eq(waitlistOffers.practiceId, ctx.practice.id)), appts: await db.select().from(appointments).where(eq(appointments.practiceId, ctx.practice.id)) };
    const refused = await acceptOffer(tokenFor(offer!, first.id), later);
    expect(refused).toMatchObject({ ok: false, code: "expired" });
    if (!refused.ok && refused.code === "expired") expect(refused.message).toMatch(/this offer has expired/i);
    expect(await db.select().from(waitlistOffers).where(eq(waitlistOffers.practiceId, ctx.practice.id))).toEqual(before.offers);
    expect(await db.select().from(appointments).where(eq(appointments.practiceId, ctx.practice.id))).toEqual(before.appts);

    // What each link shows: the first's has expired; the second's is open, and nobody else's token reads it.
    expect(await describeOffer(tokenFor(offer!, first.id), later)).toMatchObject({ ok: false, code: "expired", message: expect.stringMatching(/this offer has expired/i) });
    expect(await describeOffer(tokenFor(secondOffer!, second.id), minutes(130))).toMatchObject({ ok: true, status: "open", serviceName: ctx.service.name, startsAt: new Date(at("2031-03-05T09:00")) });
    expect(await describeOffer(tokenFor(secondOffer!, first.id), minutes(130))).toMatchObject({ ok: false, code: "not_found" });
    expect(await describeOffer("not-a-token", minutes(130))).toMatchObject({ ok: false, code: "not_found" });

    // The second accepts in time: confirmed through the lifecycle, they are the attendee.
    const accepted = await acceptOffer(tokenFor(secondOffer!, second.id), minutes(130));
    expect(accepted.ok).toBe(true);
    const [booked] = await db.select().from(appointments).where(eq(appointments.id, secondOffer!.appointmentId));
    expect(booked!.status).toBe("confirmed");
    expect((await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, booked!.id))).map((a) => a.clientId)).toEqual([second.id]);
    expect(await entry(secondEntry)).toMatchObject({ status: "booked", bookedAppointmentId: booked!.id });
    expect(await describeOffer(tokenFor(secondOffer!, second.id), minutes(131))).toMatchObject({ ok: true, status: "accepted" });
  });

  test("all_at_once: everyone matching is offered one hold; of two racing accepts exactly one wins, the other hears taken", async () => {
    const ctx = await waitlistPractice("individual", "all_at_once");
    const a = await createClient(ctx.practice, { email: uniqueEmail("a") });
    const b = await createClient(ctx.practice, { email: uniqueEmail("b") });
    const entryA = await join(ctx, a.id);
    const entryB = await join(ctx, b.id);
    await bookAndCancel(ctx);
    expect((await runWaitlist(minutes(2))).offers).toBe(2);
    const [offerA] = await offersOf(entryA);
    const [offerB] = await offersOf(entryB);
    expect(offerA!.appointmentId).toBe(offerB!.appointmentId);

    const results = await Promise.all([acceptOffer(tokenFor(offerA!, a.id), minutes(5)), acceptOffer(tokenFor(offerB!, b.id), minutes(5))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.code === "conflict" && r.reason === "taken")).toHaveLength(1);
    const attendees = await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, offerA!.appointmentId));
    expect(attendees).toHaveLength(1);
    const statuses = (await db.select().from(waitlistOffers).where(eq(waitlistOffers.appointmentId, offerA!.appointmentId))).map((o) => o.status).sort();
    expect(statuses).toEqual(["accepted", "lost"]);
    const loser = results[0]!.ok ? entryB : entryA;
    expect((await entry(loser)).status).toBe("waiting");
  });

  test("a couple entry books both partners; a non-matching day or time is not offered", async () => {
    const ctx = await waitlistPractice("couple");
    const x = await createClient(ctx.practice, { email: uniqueEmail("noor") });
    const y = await createClient(ctx.practice, { email: uniqueEmail("sam") });
    const [lo, hi] = [x.id, y.id].sort() as [string, string];
    await db.insert(couples).values({ practiceId: ctx.practice.id, clientAId: lo, clientBId: hi });
    const other = await createClient(ctx.practice, { email: uniqueEmail("other") });
    const o = await createClient(ctx.practice, { email: uniqueEmail("other2") });
    const [lo2, hi2] = [other.id, o.id].sort() as [string, string];
    await db.insert(couples).values({ practiceId: ctx.practice.id, clientAId: lo2, clientBId: hi2 });

    // Joined first, but for Thursdays only and afternoons: Wednesday 9:00 is not for them.
    const notMatching = await join(ctx, other.id, { daysOfWeek: [4] });
    const afternoons = await addToWaitlist(ctx.scope, { serviceId: ctx.service.id, clientId: o.id, timesOfDay: ["afternoon"] }, NOW);
    expect(afternoons).toMatchObject({ ok: false, errors: { serviceId: ["Already on the waitlist for this service"] } });
    const coupleEntry = await join(ctx, x.id, { daysOfWeek: [3], rangeStart: "08:00", rangeEnd: "10:00" });
    expect(await entry(coupleEntry)).toMatchObject({ clientId: x.id, partnerClientId: y.id });

    const booked = await createClient(ctx.practice, { email: uniqueEmail("b1") });
    const booked2 = await createClient(ctx.practice, { email: uniqueEmail("b2") });
    const [lo3, hi3] = [booked.id, booked2.id].sort() as [string, string];
    await db.insert(couples).values({ practiceId: ctx.practice.id, clientAId: lo3, clientBId: hi3 });
    await bookAndCancel(ctx, [booked.id, booked2.id]);
    expect((await runWaitlist(minutes(2))).offers).toBe(1);
    expect(await offersOf(notMatching)).toEqual([]);
    const [offer] = await offersOf(coupleEntry);
    // Each partner has their own email and link; either may take the time for both.
    for (const id of [x.id, y.id]) expect(await db.select().from(emailMessages).where(eq(emailMessages.key, `waitlist-offer:${offer!.id}:${id}`))).toHaveLength(1);
    const accepted = await acceptOffer(tokenFor(offer!, y.id), minutes(10));
    expect(accepted.ok).toBe(true);
    const attendees = await db.select().from(appointmentAttendees).where(eq(appointmentAttendees.appointmentId, offer!.appointmentId));
    expect(attendees.map((a) => a.clientId).sort()).toEqual([x.id, y.id].sort());
    const [appt] = await db.select().from(appointments).where(and(eq(appointments.id, offer!.appointmentId), eq(appointments.practiceId, ctx.practice.id)));
    expect(appt!.status).toBe("confirmed");
    expect(appt!.coupleId).not.toBeNull();
  });

  test("bad input names the field and writes nothing", async () => {
    const ctx = await waitlistPractice();
    const c = await createClient(ctx.practice);
    expect(await addToWaitlist(ctx.scope, { serviceId: ctx.service.id, clientId: c.id, rangeStart: "10:00" }, NOW)).toMatchObject({ ok: false, errors: { rangeEnd: expect.any(Array) } });
    expect(await addToWaitlist(ctx.scope, { serviceId: ctx.service.id, clientId: c.id, daysOfWeek: [9] }, NOW)).toMatchObject({ ok: false });
    const foreign = await waitlistPractice();
    expect(await addToWaitlist(ctx.scope, { serviceId: foreign.service.id, clientId: c.id }, NOW)).toMatchObject({ ok: false, errors: { serviceId: expect.any(Array) } });
    expect(await db.select().from(waitlistEntries).where(eq(waitlistEntries.practiceId, ctx.practice.id))).toEqual([]);
    expect(await acceptOffer("not-a-token", NOW)).toMatchObject({ ok: false, code: "not_found" });
  });

  test("declining passes the time to the next in line at once; the decliner keeps their place and is never offered that time again", async () => {
    const ctx = await waitlistPractice();
    const first = await createClient(ctx.practice, { email: uniqueEmail("decliner") });
    const second = await createClient(ctx.practice, { email: uniqueEmail("next") });
    const firstEntry = await join(ctx, first.id);
    const secondEntry = await join(ctx, second.id);
    await bookAndCancel(ctx);
    await runWaitlist(minutes(2));
    const [offer] = await offersOf(firstEntry);
    // The portal shows the open offer with the client's own link to it.
    const own = await listOwnWaitlist(first, minutes(3));
    expect(own).toEqual([expect.objectContaining({ id: firstEntry, status: "offered", openOffer: expect.objectContaining({ startsAt: offer!.startsAt, url: expect.stringMatching(/^\/waitlist\/offer\//) }) })]);
    // Someone else's token for the same offer is refused.
    expect(await declineOffer(tokenFor(offer!, second.id), minutes(3))).toMatchObject({ ok: false, code: "not_found" });

    expect(await declineOffer(tokenFor(offer!, first.id), minutes(3))).toEqual({ ok: true });
    expect((await offersOf(firstEntry))[0]).toMatchObject({ status: "declined" });
    expect((await entry(firstEntry)).status).toBe("waiting");
    const [released] = await db.select().from(appointments).where(eq(appointments.id, offer!.appointmentId));
    expect(released!.status).toBe("expired");
    expect(await describeOffer(tokenFor(offer!, first.id), minutes(3))).toMatchObject({ ok: true, status: "declined" });

    const run = await runWaitlist(minutes(4));
    expect(run.offers).toBe(1);
    expect(await offersOf(secondEntry)).toEqual([expect.objectContaining({ status: "offered", startsAt: offer!.startsAt })]);
    expect(await offersOf(firstEntry)).toHaveLength(1);
    // Accepting the declined offer afterwards is refused and books nothing.
    expect(await acceptOffer(tokenFor(offer!, first.id), minutes(5))).toMatchObject({ ok: false, code: "expired" });
    expect((await entry(firstEntry)).status).toBe("waiting");
  });

  test("leaving ends an open offer and frees its hold for the next; a partner may leave for the couple; another client cannot", async () => {
    const ctx = await waitlistPractice("couple");
    const a = await createClient(ctx.practice, { email: uniqueEmail("a") });
    const b = await createClient(ctx.practice, { email: uniqueEmail("b") });
    const pair = async (x: { id: string }, y: { id: string }) => {
      const [lo, hi] = [x.id, y.id].sort() as [string, string];
      await db.insert(couples).values({ practiceId: ctx.practice.id, clientAId: lo, clientBId: hi });
    };
    await pair(a, b);
    const stranger = await createClient(ctx.practice, { email: uniqueEmail("stranger") });
    const c = await createClient(ctx.practice, { email: uniqueEmail("c") });
    const d = await createClient(ctx.practice, { email: uniqueEmail("d") });
    await pair(c, d);
    const e1 = await createClient(ctx.practice, { email: uniqueEmail("e1") });
    const e2 = await createClient(ctx.practice, { email: uniqueEmail("e2") });
    await pair(e1, e2);

    // Partner A joins from the portal for the couple: one place in line for both.
    const joinedA = await joinWaitlist(ctx.practice.id, { clientId: a.id, userId: ctx.owner.user.id }, { serviceId: ctx.service.id, daysOfWeek: ["3"], timesOfDay: ["morning"] }, new Date(NOW.getTime() + ++joined * 1000));
    expect(joinedA.ok).toBe(true);
    if (!joinedA.ok) return;
    expect(await entry(joinedA.entryId)).toMatchObject({ clientId: a.id, partnerClientId: b.id, daysOfWeek: [3], timesOfDay: ["morning"], createdBy: "self" });
    // B is the same place: joining again is refused by name.
    expect(await joinWaitlist(ctx.practice.id, { clientId: b.id, userId: ctx.owner.user.id }, { serviceId: ctx.service.id }, NOW)).toMatchObject({ ok: false, errors: { serviceId: ["Already on the waitlist for this service"] } });
    const nextEntry = await join(ctx, c.id);

    await bookAndCancel(ctx, [e1.id, e2.id]);
    await runWaitlist(minutes(2));
    const [offer] = await offersOf(joinedA.entryId);
    expect(offer!.status).toBe("offered");

    const leaveAs = (clientId: string) => leaveWaitlist({ kind: "client", practiceId: ctx.practice.id, clientId, userId: ctx.owner.user.id }, joinedA.entryId, minutes(3));
    expect(await leaveAs(stranger.id)).toMatchObject({ ok: false, errors: { form: [expect.any(String)] } });
    expect((await entry(joinedA.entryId)).status).toBe("offered");
    expect(await leaveAs(b.id)).toEqual({ ok: true });
    expect((await entry(joinedA.entryId)).status).toBe("left");
    expect((await offersOf(joinedA.entryId))[0]!.status).toBe("declined");
    expect((await db.select().from(appointments).where(eq(appointments.id, offer!.appointmentId)))[0]!.status).toBe("expired");
    // Leaving twice changes nothing and says so.
    expect(await leaveAs(a.id)).toMatchObject({ ok: false });

    await runWaitlist(minutes(4));
    expect(await offersOf(nextEntry)).toEqual([expect.objectContaining({ status: "offered" })]);
    // Staff remove the next couple; the staff form lists who has a partner.
    expect(await leaveWaitlist({ kind: "staff", scope: ctx.scope }, nextEntry, minutes(5))).toEqual({ ok: true });
    expect((await entry(nextEntry)).status).toBe("left");
    const foreign = await waitlistPractice();
    expect(await leaveWaitlist({ kind: "staff", scope: foreign.scope }, joinedA.entryId, minutes(5))).toMatchObject({ ok: false });
    const staffForm = await staffWaitlistOptions(ctx.practice.id);
    expect(staffForm.options.services.map((s) => s.id)).toEqual([ctx.service.id]);
    expect(staffForm.clients.find((x) => x.id === a.id)?.hasPartner).toBe(true);
    expect(staffForm.clients.find((x) => x.id === stranger.id)?.hasPartner).toBe(false);
  });

  test("new hours are offered to whoever waits for them; hours that were free all along are not; taking back a day off reopens it", async () => {
    const ctx = await waitlistPractice();
    const saturdays = await join(ctx, (await createClient(ctx.practice, { email: uniqueEmail("sat") })).id, { daysOfWeek: [6], timesOfDay: ["morning"] });
    // Wednesday mornings are open already (Mon–Fri 9–17): this client chose to wait anyway.
    const wednesdays = await join(ctx, (await createClient(ctx.practice, { email: uniqueEmail("wed") })).id, { daysOfWeek: [3], timesOfDay: ["morning"] });
    const fridays = await join(ctx, (await createClient(ctx.practice, { email: uniqueEmail("fri") })).id, { daysOfWeek: [5], timesOfDay: ["afternoon"] });
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday: String(weekday), start: "09:00", end: "17:00", locationId: "" }));
    const clinicianId = ctx.clinician.member.id;

    // A day off on Friday 7 March, then Saturday mornings added to the week.
    expect(await addOverride(ctx.scope, clinicianId, { date: "2031-03-07", type: "day_off" }, NOW)).toEqual({ ok: true });
    expect(await saveWeeklyHours(ctx.scope, clinicianId, { timeZone: "", rows: [...weekdays, { weekday: "6", start: "09:00", end: "12:00", locationId: "" }] }, NOW)).toEqual({ ok: true });
    const openings = await db.select().from(waitlistOpenings).where(eq(waitlistOpenings.practiceId, ctx.practice.id));
    // Only Saturday 9–12, on each Saturday ahead: nothing for the unchanged weekdays.
    expect(openings.length).toBeGreaterThanOrEqual(8);
    for (const o of openings) {
      const local = DateTime.fromJSDate(o.startsAt, { zone: ZONE });
      expect([local.weekday, local.hour, o.source]).toEqual([6, 9, "availability"]);
      expect(o.endsAt.getTime() - o.startsAt.getTime()).toBe(3 * 3600_000);
    }

    await runWaitlist(minutes(1));
    // The first Saturday's first hour, to the Saturday client; the Wednesday client hears nothing.
    expect(await offersOf(saturdays)).toEqual([expect.objectContaining({ status: "offered", startsAt: new Date(at("2031-03-08T09:00")) })]);
    expect(await offersOf(wednesdays)).toEqual([]);
    expect(await offersOf(fridays)).toEqual([]);

    // The day off is taken back: Friday afternoon goes to the Friday client.
    const [dayOff] = await db.select().from(availabilityOverrides).where(eq(availabilityOverrides.memberId, clinicianId));
    expect(await deleteOverride(ctx.scope, { id: dayOff!.id }, minutes(2))).toEqual({ ok: true });
    await runWaitlist(minutes(3));
    expect(await offersOf(fridays)).toEqual([expect.objectContaining({ status: "offered", startsAt: new Date(at("2031-03-07T12:00")) })]);
    expect(await offersOf(wednesdays)).toEqual([]);
    // Saving the same hours again adds nothing to search.
    const before = (await db.select().from(waitlistOpenings).where(eq(waitlistOpenings.practiceId, ctx.practice.id))).length;
    expect(await saveWeeklyHours(ctx.scope, clinicianId, { timeZone: "", rows: [...weekdays, { weekday: "6", start: "09:00", end: "12:00", locationId: "" }] }, minutes(4))).toEqual({ ok: true });
    expect((await db.select().from(waitlistOpenings).where(eq(waitlistOpenings.practiceId, ctx.practice.id))).length).toBe(before);

    // A closure removed reopens its span, for each clinician with weekly hours (the owner here has none).
    expect(await addClosure(ctx.scope, { startsAt: "2031-03-12T09:00", endsAt: "2031-03-12T17:00" })).toEqual({ ok: true });
    const [closure] = await db.select().from(closures).where(eq(closures.practiceId, ctx.practice.id));
    expect(await deleteClosure(ctx.scope, { id: closure!.id }, minutes(5))).toEqual({ ok: true });
    const reopened = (await db.select().from(waitlistOpenings).where(eq(waitlistOpenings.practiceId, ctx.practice.id))).filter((o) => o.startsAt.getTime() === new Date(at("2031-03-12T09:00")).getTime());
    expect(reopened.map((o) => [o.memberId, o.endsAt.toISOString()])).toEqual([[clinicianId, new Date(at("2031-03-12T17:00")).toISOString()]]);
  });
});
